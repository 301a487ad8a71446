"""Writing a result archive as the central API serves it: `train_config.json` + `pht_results/...`."""

from __future__ import annotations

import io
import tarfile
import time
from pathlib import Path, PurePosixPath

from desktop_app.core.protocol.post_run import PlainFile
from desktop_app.core.protocol.train_config import TrainConfig

RESULTS_DIR = "pht_results"


def write_result_archive(
    target: Path, config: TrainConfig, encrypted: list[PlainFile], gzip: bool = False
) -> Path:
    """Members in the order given (that order is the result hash's order); folders first."""
    now = time.time()
    with tarfile.open(target, "w:gz" if gzip else "w", format=tarfile.PAX_FORMAT) as tar:
        data = config.to_json_bytes()
        info = tarfile.TarInfo("train_config.json")
        info.size, info.mtime, info.mode = len(data), now, 0o644
        tar.addfile(info, io.BytesIO(data))
        folders = sorted(
            {str(p) for f in encrypted for p in PurePosixPath(RESULTS_DIR, f.name).parents if str(p) != "."}
        )
        for folder in folders:
            entry = tarfile.TarInfo(folder)
            entry.type, entry.mode, entry.mtime = tarfile.DIRTYPE, 0o755, now
            tar.addfile(entry)
        for item in encrypted:
            tar.add(str(item.path), arcname=f"{RESULTS_DIR}/{item.name}", recursive=False)
    return target
