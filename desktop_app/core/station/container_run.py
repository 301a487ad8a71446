"""Running a train's entrypoint the way a station must: no network, no privileges, the
station's data read-only, optional memory/CPU limits and a wall-clock limit, the log streamed
live. The container is always removed; its log is kept by the caller."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docker
import docker.errors

from desktop_app.core.progress import CancelToken
from desktop_app.core.station.errors import StationError, TrainFailed

DATA_ROOT = "/opt/train_data"


@dataclass(frozen=True)
class RunLimits:
    memory_mib: int | None = None
    cpus: float | None = None
    wall_clock_seconds: int = 3600


@dataclass
class RunOutcome:
    exit_code: int
    log: list[str] = field(default_factory=list)
    container_id: str = ""


def data_mounts(folders: list[Path]) -> dict[str, dict[str, str]]:
    """Each station data folder, read-only at /opt/train_data/<folder name>."""
    mounts: dict[str, dict[str, str]] = {}
    for folder in folders:
        folder = folder.resolve()
        if not folder.is_dir():
            raise StationError(f"The data folder {folder} does not exist.")
        mounts[str(folder)] = {"bind": f"{DATA_ROOT}/{folder.name}", "mode": "ro"}
    return mounts


def run_entrypoint(
    client: docker.DockerClient,
    image: str,
    data: list[Path],
    limits: RunLimits,
    on_log: Callable[[str], None],
    cancel: CancelToken | None = None,
    keep_container: bool = False,
) -> tuple[RunOutcome, object]:
    """Run `image`'s own command; returns the outcome and the (stopped) container.

    The container is kept (not removed) only when `keep_container` is set, for the post-run
    to read /opt/pht_results from it; the caller removes it then.
    """
    options: dict = {
        "network_mode": "none",
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "privileged": False,
        "volumes": data_mounts(data),
        "detach": True,
    }
    if limits.memory_mib:
        options["mem_limit"] = f"{limits.memory_mib}m"
    if limits.cpus:
        options["nano_cpus"] = int(limits.cpus * 1e9)
    try:
        container = client.containers.run(image, **options)
    except docker.errors.DockerException as exc:
        raise StationError(f"The train's container could not start: {exc}") from exc
    outcome = RunOutcome(exit_code=-1, container_id=container.id)
    stopped = threading.Event()
    reason: list[str] = []

    def watchdog() -> None:
        waited = 0.0
        while not stopped.wait(0.2):
            waited += 0.2
            if cancel and cancel.cancelled:
                reason.append("cancelled")
            elif waited >= limits.wall_clock_seconds:
                reason.append(f"exceeded its wall-clock limit of {limits.wall_clock_seconds} s")
            else:
                continue
            with contextlib.suppress(docker.errors.DockerException):  # it may just have ended by itself
                container.kill()
            return

    guard = threading.Thread(target=watchdog, daemon=True)
    guard.start()
    try:
        pending = ""
        for chunk in container.logs(stream=True, follow=True):
            pending += chunk.decode("utf-8", errors="replace")
            *lines, pending = pending.split("\n")
            for line in lines:
                outcome.log.append(line)
                on_log(line)
        if pending:
            outcome.log.append(pending)
            on_log(pending)
        outcome.exit_code = int(container.wait().get("StatusCode", -1))
    finally:
        stopped.set()
        guard.join()
        if not keep_container:
            container.remove(force=True)
    if reason:
        raise TrainFailed(f"The train {reason[0]}; its log is kept.", outcome)
    if outcome.exit_code != 0:
        message = f"The train's entrypoint failed with exit code {outcome.exit_code}; its log is kept."
        raise TrainFailed(message, outcome)
    return outcome, container
