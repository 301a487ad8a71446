"""Fetching a FLAME result bucket from the stand-in hub: `pht-desktop results fetch` (stream the
tar to disk, check every member, extract to a staging folder, move into place) against the floor
of a plain httpx stream to a file followed by `tar -xf`, both as child processes, interleaved,
best of 3 each. The bucket: one large file plus 256 files of 64 KiB (random, so no compression).

Run: scripts/with-test-services .venv/bin/python benchmarks/flame_fetch.py [--size-mib 512]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._measure import fastest, run_child  # noqa: E402
from desktop_app.core.central.profiles import ServerKind, ServerProfiles  # noqa: E402
from desktop_app.core.keystore import KeyStore  # noqa: E402
from desktop_app.core.paths import AppPaths  # noqa: E402
from desktop_app.core.sessions import open_session  # noqa: E402
from desktop_app.core.settings import Settings  # noqa: E402
from desktop_app.demo_hub.flame import FlameHub  # noqa: E402
from desktop_app.demo_hub.flame.state import FINISHED_ANALYSIS_ID, RESULT_STORAGE_BUCKET  # noqa: E402
from tests.helpers.flame import USER_LOGIN  # noqa: E402

CLI = Path(sys.executable).parent / "pht-desktop"
PLAIN = """
import subprocess, sys, httpx
url, token, target, out = sys.argv[1:5]
with httpx.stream("GET", url, headers={"Authorization": f"Bearer {token}"}, timeout=60) as response:
    response.raise_for_status()
    with open(target, "wb") as handle:
        for chunk in response.iter_bytes(1 << 20):
            handle.write(chunk)
subprocess.run(["tar", "-xf", target, "-C", out], check=True)
"""
SMALL, SMALL_COUNT = 64 << 10, 256


def write_bucket(path: Path, size_mib: int) -> None:
    big = (size_mib << 20) - SMALL * SMALL_COUNT
    with tarfile.open(path, "w", format=tarfile.USTAR_FORMAT) as tar:
        source = path.with_suffix(".big")
        with source.open("wb") as handle:
            for _ in range(big >> 20):
                handle.write(os.urandom(1 << 20))
        tar.add(source, "model/weights.bin")
        source.unlink()
        for number in range(SMALL_COUNT):
            small = path.with_suffix(".small")
            small.write_bytes(os.urandom(SMALL))
            tar.add(small, f"tables/part-{number:04d}.csv")
            small.unlink()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=512)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work"))
    work.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="flame-fetch-", dir=work))
    os.environ["PHT_DESKTOP_HOME"] = str(folder / "home")
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    store = KeyStore.open(paths, settings)
    hub = FlameHub().start()
    try:
        ServerProfiles(settings).add(
            "bench", hub.core_url, hub.auth_url, kind=ServerKind.FLAME, storage_url=hub.storage_url
        )
        with open_session(settings, store) as client:
            client.sign_in(USER_LOGIN)
            token = client.tokens.load().access_token
        bucket = folder / "bucket.tar"
        write_bucket(bucket, args.size_mib)
        hub.state.storage_buckets[RESULT_STORAGE_BUCKET] = bucket  # served byte for byte
        out = folder / "out"

        def app():
            shutil.rmtree(out, ignore_errors=True)
            return run_child([str(CLI), "results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(out)])

        def plain():
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir()
            url = f"{hub.storage_url}/buckets/{RESULT_STORAGE_BUCKET}/stream"
            return run_child([sys.executable, "-c", PLAIN, url, token, str(folder / "plain.tar"), str(out)])

        pairs = [(plain(), app()) for _ in range(args.runs)]
        plain_run, app_run = (fastest([pair[i] for pair in pairs]) for i in (0, 1))
        assert len(list((out / "tables").iterdir())) == SMALL_COUNT
    finally:
        hub.stop()
        shutil.rmtree(folder, ignore_errors=True)
    size = args.size_mib
    print(f"\n{'best of ' + str(args.runs):<44}{'time':>9}{'MiB/s':>9}{'peak RSS':>12}")
    for label, run in (("httpx stream to a file, then tar -xf", plain_run), ("pht-desktop results fetch", app_run)):
        print(f"{label:<44}{run.seconds:>7.2f} s{size / run.seconds:>9.0f}{run.peak_rss_mib:>8.0f} MiB")
    print(f"\napp / floor: {plain_run.seconds / app_run.seconds:.0%} of the floor's throughput")


if __name__ == "__main__":
    main()
