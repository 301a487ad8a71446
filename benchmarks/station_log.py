"""A train that prints a lot: its log streamed to a file through the station's container run,
with this process's memory sampled throughout, for a log of many short lines and for one
endless line (no newline at all), each `--log-mib` MiB (1 GiB by default).

Run: scripts/with-test-services .venv/bin/python benchmarks/station_log.py [--log-mib 1024]
(starts its own Podman service, like the tests; the engine keeps the container's log on disk
too while it runs, so about twice the log's size of free disk is needed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.station import PeakRss  # noqa: E402
from desktop_app.core.station.container_run import RunLimits, run_entrypoint  # noqa: E402
from desktop_app.core.station.train_log import MAX_LINE  # noqa: E402
from tests.helpers.engine import PodmanService  # noqa: E402
from tests.helpers.trains import script_image  # noqa: E402

LINE = "patient 0000123 cohort A visit 7 value 42.125 flag ok " * 2  # 108 characters and a newline


def trains(size: int) -> dict[str, str]:
    return {
        "short lines": f"busybox yes '{LINE}' | head -c {size}",
        "one endless line": f"head -c {size} /dev/zero | busybox tr '\\0' x",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--log-mib", type=int, default=1024)
    args = parser.parse_args()
    size = args.log_mib << 20
    work = Path(tempfile.mkdtemp(prefix="station-log-", dir=os.environ.get("PHT_BENCH_DIR")))
    (work / "engine").mkdir()
    engine = PodmanService(work / "engine")
    results = []
    try:
        engine.import_busybox()
        for index, (name, script) in enumerate(trains(size).items()):
            image = script_image(engine, script, f"localhost/pht-bench/log{index}:1")
            counted = {"lines": 0, "longest": 0}

            def on_line(line: str, counted: dict = counted) -> None:
                counted["lines"] += 1
                counted["longest"] = max(counted["longest"], len(line))

            log_path = work / f"{index}.log"
            with PeakRss() as memory:
                start = time.perf_counter()
                outcome, _ = run_entrypoint(
                    engine.client, image, [], RunLimits(wall_clock_seconds=3600), on_line, log_path=log_path
                )
                seconds = time.perf_counter() - start
            results.append((name, seconds, memory, log_path.stat().st_size, counted, outcome.lines))
            log_path.unlink()
            engine.client.images.remove(image, force=True)
    finally:
        engine.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\na train printing {args.log_mib} MiB of log, streamed to a file (line callback bound: {MAX_LINE} chars)")
    for name, seconds, memory, file_size, counted, lines in results:
        print(
            f"  {name:<17} {seconds:7.1f} s  {size / seconds / (1 << 20):6.1f} MiB/s  "
            f"file {file_size / (1 << 20):7.1f} MiB  {lines:>9} lines (longest {counted['longest']})  "
            f"RSS {memory.baseline / (1 << 20):.0f} MiB before, peak {memory.peak / (1 << 20):.0f} MiB "
            f"(+{(memory.peak - memory.baseline) / (1 << 20):.0f} MiB)"
        )


if __name__ == "__main__":
    main()
