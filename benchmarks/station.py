"""A full station run split by step, next to the same container run bare (`docker run`
semantics) in the same process, so the protocol's overhead is a ratio; and this process's
memory during pre-/post-run of a train that writes a 1 GiB result.

Run: scripts/with-test-services .venv/bin/python benchmarks/station.py [--result-mib 1024]
(starts its own Podman service and loopback registry, like the tests).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402

from desktop_app.core.station.container_run import RunLimits  # noqa: E402
from desktop_app.core.station.runner import StationRunner, StationSetup  # noqa: E402
from tests.helpers.engine import LocalRegistry, PodmanService  # noqa: E402
from tests.helpers.result_archives import station_keys  # noqa: E402
from tests.helpers.trains import build_train  # noqa: E402


class PeakRss:
    """Samples this process's RSS every 10 ms while active."""

    def __init__(self) -> None:
        self.process, self.peak, self._stop = psutil.Process(), 0, threading.Event()

    def __enter__(self) -> PeakRss:
        self.baseline = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--result-mib", type=int, default=1024)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="station-", dir=os.environ.get("PHT_BENCH_DIR", ROOT / "benchmarks" / ".work")))
    (work / "registry").mkdir()
    (work / "engine").mkdir()
    registry = LocalRegistry(work / "registry")
    engine = PodmanService(work / "engine", registry)
    try:
        engine.import_busybox()
        researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        script = f"#!/bin/sh\nhead -c {args.result_mib << 20} /dev/urandom > /opt/pht_results/result.bin\necho done\n"
        train = build_train(
            engine, registry.address, "bench", researcher, station_keys(1), {"entrypoint.sh": script.encode()}
        )
        runner = StationRunner(
            engine.client, StationSetup("station-0", station_keys(1)[0], [], RunLimits(3600), keep_images=True)
        )
        with PeakRss() as memory:
            start = time.perf_counter()
            report = runner.run(train.reference)
            total = time.perf_counter() - start
        assert report.succeeded, report.error
        bare_image = train.reference.rsplit(":", 1)[0] + ":base"
        engine.client.images.pull(bare_image.rsplit(":", 1)[0], tag="base")
        start = time.perf_counter()
        engine.client.containers.run(
            bare_image,
            ["sh", "-c", f"head -c {args.result_mib << 20} /dev/urandom > /tmp/result.bin"],
            network_mode="none",
            remove=True,
        )
        bare = time.perf_counter() - start
    finally:
        engine.stop()
        registry.stop()
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    print(f"\nstation run of a train writing a {args.result_mib} MiB result (one station, local registry)")
    for step in report.steps:
        print(
            f"  {step.name:<9} {step.finished - step.started:7.2f} s" if step.finished else f"  {step.name:<9} skipped"
        )
    print(f"  total     {total:7.2f} s")
    print(f"bare container run of the same work (`docker run`, no protocol): {bare:.2f} s")
    print(f"protocol overhead: {total / bare:.1f}x the bare run (pull, checks, re-encryption, commit, push included)")
    print(
        f"this process's RSS: {memory.baseline / (1 << 20):.0f} MiB before, peak {memory.peak / (1 << 20):.0f} MiB "
        f"during the run (+{(memory.peak - memory.baseline) / (1 << 20):.0f} MiB; the result is streamed, never held)"
    )


if __name__ == "__main__":
    main()
