"""Running a train's entrypoint the way a station must: no network, no privileges, the
station's data read-only, limits on memory, CPUs, processes, its writable layer and time
(`run_limits`), as an unprivileged user by default, the log streamed to a file as it comes.

The output is read by attaching to the container before it starts, as `docker run` does, not
from the engine's log API: Podman 4.3's followed log stream drops stretches of the output of a
train that prints quickly (seen: 11 MiB of 64 MiB arrived), while the attached stream carries
every byte in order.

The log stream alone cannot be trusted to end: a watchdog thread stops the train on cancel, at
its wall-clock limit or when its writable layer outgrows the disk limit (by killing it, not by
waiting for it), and notices when the engine loses the container (removed or killed outside
this app, the engine stopped or restarted), so that a run never waits forever. The container
is removed whatever happens, unless the caller keeps a successful one to copy its results out.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docker
import docker.errors
import requests.exceptions

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.engine_faults import ENGINE_FAILURES, as_station_error, engine_call, engine_unreachable
from desktop_app.core.station.errors import ContainerLost, EngineGone, StationError, TrainFailed
from desktop_app.core.station.image_files import remove_container
from desktop_app.core.station.run_limits import RunLimits, check_data_readable
from desktop_app.core.station.train_log import TrainLog

__all__ = ["DATA_ROOT", "RunLimits", "RunOutcome", "data_mounts", "run_entrypoint"]

DATA_ROOT = "/opt/train_data"
WATCH_INTERVAL = 0.2  # s between the watchdog's looks at the cancel token and the clock
INSPECT_INTERVAL = 2.0  # s between its questions to the engine about the container
UNREACHABLE_LIMIT = 3  # unanswered questions in a row: the engine is gone
KILL_GRACE = 5.0  # s the log stream may run on after a kill before it is closed from here
STREAM_END_GRACE = 20.0  # s a container may take to report its exit after its log ended

LOST = "The train's container disappeared during the run (removed or killed outside this app); its log so far is kept."
GONE = "The container engine stopped answering during the run; the train's log so far is kept."


@dataclass
class RunOutcome:
    exit_code: int
    log_path: Path
    tail: list[str] = field(default_factory=list)  # the last lines of the log (the whole log is in the file)
    lines: int = 0
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


class _Watchdog:
    """Watches a running train from a second thread; `reason` says why it ended the run, if it did."""

    def __init__(self, client: docker.DockerClient, container, limits: RunLimits, cancel: CancelToken | None) -> None:
        self.client, self.container, self.limits, self.cancel = client, container, limits, cancel
        self.reason: str | None = None  # cancelled, wall-clock, disk, lost, gone
        self.layer_bytes = 0  # the writable layer's size at the last look (when the disk is limited)
        self.closed_stream = False
        self._stream = None
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._watch, name="train-watchdog", daemon=True)
        self._thread.start()

    def watch_stream(self, stream) -> None:
        with self._lock:
            self._stream = stream
            if self.closed_stream:  # the engine was found wanting before the stream was open
                stream.close()

    def stop(self) -> None:
        self._done.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def _watch(self) -> None:
        started = time.monotonic()
        next_inspect = started + INSPECT_INTERVAL
        unanswered = 0
        exited_at: float | None = None
        while not self._done.wait(WATCH_INTERVAL):
            now = time.monotonic()
            if self.cancel is not None and self.cancel.cancelled:
                return self._kill("cancelled")
            if now - started >= self.limits.wall_clock_seconds:
                return self._kill("wall-clock")
            if now < next_inspect:
                continue
            next_inspect = now + INSPECT_INTERVAL
            try:
                state = self.client.api.inspect_container(self.container.id).get("State") or {}
                unanswered = 0
            except docker.errors.NotFound:
                return self._give_up("lost")
            except ENGINE_FAILURES as exc:
                unanswered += 1
                if engine_unreachable(exc) and unanswered >= UNREACHABLE_LIMIT:
                    return self._give_up("gone")
                continue
            if state.get("Running") or state.get("Status") in ("created", "configured", "running"):
                exited_at = None
                if self._over_disk_limit():
                    return self._kill("disk")
            elif exited_at is None:
                exited_at = now
            elif now - exited_at >= STREAM_END_GRACE:
                return self._close_stream()  # it ended, but its log stream hangs: the exit code is there

    def _over_disk_limit(self) -> bool:
        """Whether the container's writable layer (all the train wrote, results included) is over the limit."""
        limit = self.limits.disk_bytes
        if not limit:
            return False
        try:
            listed = self.client.api.containers(all=True, size=True, filters={"id": self.container.id})
        except ENGINE_FAILURES:
            return False  # the state question above notices an engine that is gone
        self.layer_bytes = int((listed[0] if listed else {}).get("SizeRw") or 0)
        return self.layer_bytes > limit

    def _kill(self, reason: str) -> None:
        self.reason = reason
        try:
            self.container.kill()
        except docker.errors.APIError:
            pass  # it ended by itself meanwhile (or is gone: the stream ends either way)
        except ENGINE_FAILURES:
            return self._close_stream()
        if not self._done.wait(KILL_GRACE):
            self._close_stream()  # the engine did not end the stream: stop reading it

    def _give_up(self, reason: str) -> None:
        self.reason = reason
        self._close_stream()

    def _close_stream(self) -> None:
        with self._lock:
            self.closed_stream = True
            stream, self._stream = self._stream, None
        if stream is not None:
            with contextlib.suppress(*ENGINE_FAILURES):  # a socket the engine's end already closed
                stream.close()


def _exit_code(client: docker.DockerClient, container) -> int:
    """The train's exit code, once its log has ended; a container that does not end is lost."""
    try:
        result = client.api.wait(container.id, timeout=STREAM_END_GRACE)
    except docker.errors.NotFound as exc:
        raise ContainerLost(LOST) from exc
    except requests.exceptions.ReadTimeout as exc:
        message = "The train's log ended but its container did not stop; the engine lost track of it."
        raise ContainerLost(message) from exc
    except ENGINE_FAILURES as exc:
        error = as_station_error(exc, "Waiting for the train to end")
        raise (EngineGone(GONE, details=error.details) if isinstance(error, EngineGone) else error) from exc
    return int(result.get("StatusCode", -1))


def _create(client: docker.DockerClient, image: str, data: list[Path], limits: RunLimits):
    options: dict = {
        "network_mode": "none",
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "privileged": False,
        "volumes": data_mounts(data) | {str(Path(h).resolve()): {"bind": b, "mode": "ro"} for h, b in limits.binds},
    }
    environment = dict(limits.environment)
    if limits.memory_mib:
        options["mem_limit"] = f"{limits.memory_mib}m"
    if limits.cpus:
        options["nano_cpus"] = int(limits.cpus * 1e9)
    if limits.pids:
        options["pids_limit"] = limits.pids
    owner = limits.owner
    if owner is not None:
        options["user"] = f"{owner[0]}:{owner[1]}"
        environment["HOME"] = "/tmp"  # the image's HOME (often /root) is not this user's to write
    if environment:
        options["environment"] = environment
    with engine_call("Making the train's container"):
        return client.containers.create(image, **options)


def _attach_and_start(container):
    """The container's output stream, attached before the start so that nothing is missed."""
    with engine_call("Starting the train's container"):
        stream = container.attach(stdout=True, stderr=True, stream=True, logs=False)
        try:
            container.start()
        except BaseException:
            stream.close()
            raise
    return stream


def _stream_log(stream, watchdog: _Watchdog, log: TrainLog) -> None:
    try:
        with engine_call("Reading the train's log"):
            watchdog.watch_stream(stream)
            for chunk in stream:
                log.feed(chunk)
    except (StationError, ValueError, AttributeError):
        if not watchdog.closed_stream:  # a read cut short by the watchdog's close is expected
            raise


def run_entrypoint(
    client: docker.DockerClient,
    image: str,
    data: list[Path],
    limits: RunLimits,
    on_log: Callable[[str], None],
    cancel: CancelToken | None = None,
    keep_container: bool = False,
    log_path: Path | None = None,
) -> tuple[RunOutcome, object]:
    """Run `image`'s own command; returns the outcome and the (stopped) container.

    Each line of the log goes to `on_log` (cleaned, at most `train_log.MAX_LINE` characters) and
    to `log_path` (a new temporary file if none is given). The container is kept (not removed)
    only after a successful run with `keep_container`, for the post-run to read
    /opt/pht_results from it; the caller removes it then. A cancel raises `Cancelled`.
    """
    check_data_readable(data, limits.owner)
    if log_path is None:
        with tempfile.NamedTemporaryFile(prefix="pht-train-", suffix=".log", delete=False) as handle:
            log_path = Path(handle.name)
    container = _create(client, image, data, limits)
    outcome = RunOutcome(exit_code=-1, log_path=log_path, container_id=container.id)
    kept = False
    try:
        stream = _attach_and_start(container)
        watchdog = _Watchdog(client, container, limits, cancel)
        try:
            with TrainLog(log_path, on_log) as log:
                try:
                    _stream_log(stream, watchdog, log)
                finally:
                    log.close()
                    outcome.tail, outcome.lines = list(log.tail), log.lines
        finally:
            watchdog.stop()
        if watchdog.reason == "cancelled":
            raise Cancelled()
        if watchdog.reason == "wall-clock":
            limit = limits.wall_clock_seconds
            raise TrainFailed(f"The train exceeded its wall-clock limit of {limit} s; its log is kept.", outcome)
        if watchdog.reason == "disk":
            written = watchdog.layer_bytes / (1 << 20)
            message = (
                f"The train wrote more than the station's limit of {limits.disk_mib} MiB into its container "
                f"({written:,.0f} MiB seen) and was stopped; its log is kept."
            )
            raise TrainFailed(message, outcome)
        if watchdog.reason == "lost":
            raise ContainerLost(LOST)
        if watchdog.reason == "gone":
            raise EngineGone(GONE)
        outcome.exit_code = _exit_code(client, container)
        if outcome.exit_code != 0:
            killed = " (killed: out of memory, or stopped outside this app)" if outcome.exit_code == 137 else ""
            message = f"The train's entrypoint failed with exit code {outcome.exit_code}{killed}; its log is kept."
            raise TrainFailed(message, outcome)
        kept = keep_container
        return outcome, container
    finally:
        if not kept:
            remove_container(container)
