"""Timing and peak memory of a child process, measured the same way for every contender.

Peak memory is the child's own VmHWM (high-water RSS of its address space after exec),
sampled from /proc every few milliseconds: `wait4`'s ru_maxrss would also count the
pages the child shared with this (larger) benchmark process between fork and exec.
"""

from __future__ import annotations

import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float


def _high_water_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def run_child(argv: list[str], stdin: bytes = b"", env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.005):
            peak[0] = max(peak[0], _high_water_kib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, error = process.communicate(stdin)
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({process.returncode}): {error.decode()[-2000:]}")
    return Run(elapsed, peak[0] / 1024)


def fastest(runs: list[Run]) -> Run:
    """The best time of several runs, with the highest peak memory any of them reached."""
    return Run(min(r.seconds for r in runs), max(r.peak_rss_mib for r in runs))


def best_of(count: int, func) -> Run:
    return fastest([func() for _ in range(count)])
