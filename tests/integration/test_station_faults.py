"""Station runs that go wrong, on the real engine and registry: the container removed, killed or
its engine stopped mid-run, a cancel before and after the push, missing images and folders, a
registry that refuses. Each ends as a sentence in the run's report, within a bounded time, with
no container left behind. Every step that happens "mid-run" waits for the train's first log
line (which carries the container's id: its host name), never for a sleep."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from pathlib import Path

import docker.errors
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Remedy
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.container_run import RunLimits, run_entrypoint
from desktop_app.core.station.errors import EngineGone, StationError, TrainFailed
from desktop_app.core.station.image_files import commit_image, read_file, scratch_container
from desktop_app.core.station.records import RunRecords
from desktop_app.core.station.registry import pull
from desktop_app.core.station.run_limits import DEFAULT_USER, IMAGE_USER
from desktop_app.core.station.runner import StationRunner, StationSetup
from desktop_app.core.station.train_log import MAX_LINE
from tests.helpers.engine import PodmanService
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train, script_image

pytestmark = pytest.mark.engine

# The train's first line is its container's id (the host name the engine gives it).
WAITS = "echo started $(busybox hostname)\nsleep 300\n"
WAITS_B = WAITS.encode()
ENDS = b"#!/bin/sh\necho done\n"


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "patients.csv").write_text("id\n1\n")
    return folder


def station(engine, cohort: Path, tmp_path: Path, user: str = DEFAULT_USER, **options) -> StationRunner:
    setup = StationSetup(
        "station-0",
        station_keys(2)[0],
        [cohort],
        RunLimits(wall_clock_seconds=600, user=user),
        log_folder=tmp_path / "logs",
        **options,
    )
    return StationRunner(engine.client, setup)


def container_of(line: str) -> str:
    assert line.startswith("started "), line
    return line.split()[1]


def assert_removed(engine, container_id: str) -> None:
    with pytest.raises(docker.errors.NotFound):
        engine.client.containers.get(container_id)


def train_config_of(engine, reference: str) -> TrainConfig:
    with scratch_container(engine.client, reference) as container:
        return TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))


# -- the log ---------------------------------------------------------------------------------


def test_the_log_goes_to_a_file_in_bounded_clean_lines(engine, tmp_path: Path) -> None:
    script = r"head -c 200000 /dev/zero | busybox tr '\0' x; echo; printf '\033[31mred\033[0m \033]0;title\007\n'"
    image = script_image(engine, script, "localhost/pht-test/chatty:1")
    lines: list[str] = []
    log_path = tmp_path / "logs" / "run.log"
    limits = RunLimits(wall_clock_seconds=60)
    outcome, _ = run_entrypoint(engine.client, image, [], limits, lines.append, None, False, log_path)
    assert outcome.log_path == log_path and outcome.lines == len(lines)
    assert all(len(line) <= MAX_LINE for line in lines)
    assert "".join(lines[:-1]) == "x" * 200_000 and lines[-1] == "red "
    assert log_path.read_text("utf-8") == "".join(line + "\n" for line in lines)
    assert outcome.tail[-1] == "red "


def test_a_train_printing_fast_loses_no_line(engine, tmp_path: Path) -> None:
    # Podman 4.3's followed log stream dropped stretches of exactly this; the attached stream does not.
    script = "i=0; while [ $i -lt 300000 ]; do echo line $i; i=$((i+1)); done"
    image = script_image(engine, script, "localhost/pht-test/fast:1")
    expected = iter(f"line {n}" for n in range(300_000))
    wrong: list[str] = []

    def check(line: str) -> None:
        if line != next(expected, None) and len(wrong) < 5:
            wrong.append(line)

    limits = RunLimits(wall_clock_seconds=300)
    outcome, _ = run_entrypoint(engine.client, image, [], limits, check, log_path=tmp_path / "a.log")
    assert wrong == [] and next(expected, "all seen") == "all seen" and outcome.lines == 300_000


# -- the engine loses the train -----------------------------------------------------------------


def test_a_container_removed_mid_run_ends_the_run_as_failed(engine, registry, researcher, cohort, tmp_path) -> None:
    train = build_train(engine, registry.address, "removed", researcher, station_keys(2), {"entrypoint.sh": WAITS_B})
    removed: list[str] = []

    def remove_it(line: str) -> None:
        if not removed:
            removed.append(container_of(line))
            engine.client.api.remove_container(removed[0], force=True)  # as `podman rm -f` would

    start = time.monotonic()
    report = station(engine, cohort, tmp_path).run(train.reference, on_log=remove_it)
    assert time.monotonic() - start < 30 + 10  # 30 s for the run step, the rest for pull and checks
    assert report.failed_step == "run" and not report.cancelled
    assert "container disappeared during the run" in report.error
    assert train_config_of(engine, train.reference).result_hash is None  # the train as it was
    run = RunRecords(tmp_path / "data").get(RunRecords(tmp_path / "data").add(report))
    assert run is not None and run["failed_step"] == "run" and "disappeared" in run["error"]
    assert Path(run["log_path"]).read_text().startswith("started ")


def test_a_train_killed_from_outside_fails_with_its_exit_code(engine, tmp_path: Path) -> None:
    image = script_image(engine, WAITS, "localhost/pht-test/killed:1")
    killed: list[str] = []

    def kill_it(line: str) -> None:
        killed.append(container_of(line))
        engine.client.api.kill(killed[0])

    with pytest.raises(TrainFailed, match="exit code 137 \\(killed"):
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=600), kill_it)
    assert_removed(engine, killed[0])


def test_the_engine_stopping_mid_run_ends_the_run(engine, tmp_path: Path) -> None:
    # A second Podman service on the same storage, so that stopping it leaves the shared one running.
    (tmp_path / "second").mkdir()
    second = PodmanService(tmp_path / "second", storage=engine.storage)
    image = script_image(engine, WAITS, "localhost/pht-test/orphan:1")
    seen: list[str] = []

    def stop_the_engine(line: str) -> None:
        seen.append(container_of(line))
        second.process.kill()
        second.process.wait()

    try:
        start = time.monotonic()
        with pytest.raises(EngineGone) as gone:
            run_entrypoint(second.client, image, [], RunLimits(wall_clock_seconds=600), stop_the_engine)
        assert time.monotonic() - start < 30
        assert gone.value.remedy == Remedy.START_ENGINE and "stopped answering" in str(gone.value)
    finally:
        second.stop()
        for container_id in seen:  # Podman's containers outlive its API service: remove it through the other
            engine.client.api.remove_container(container_id, force=True)


def test_a_run_on_an_engine_that_is_gone_is_reported(cohort, tmp_path: Path) -> None:
    client = docker.DockerClient(base_url=f"unix://{tmp_path / 'gone.sock'}", version="1.41", timeout=5)
    report = StationRunner(client, StationSetup("station-0", station_keys(2)[0], [cohort])).run("x.test/pht/t:1")
    assert report.failed_step == "pull" and report.remedy == Remedy.START_ENGINE
    failure = report.failure(7)
    assert isinstance(failure, StationError) and failure.remedy == Remedy.START_ENGINE
    assert str(failure) == (
        "Run 7 of x.test/pht/t:1 failed at its pull step: "
        "Pulling x.test/pht/t:1 failed: the container engine stopped answering."
    )


# -- cancel and the commit point ----------------------------------------------------------------


def test_cancel_mid_run_kills_and_removes_the_container(engine, registry, researcher, cohort, tmp_path) -> None:
    train = build_train(engine, registry.address, "stopped", researcher, station_keys(2), {"entrypoint.sh": WAITS_B})
    token, seen, images = CancelToken(), [], []
    cancelled_at: list[float] = []

    def cancel_it(line: str) -> None:
        seen.append(container_of(line))
        images.append(engine.client.images.get(engine.client.api.inspect_container(seen[0])["Image"]).id)
        cancelled_at.append(time.monotonic())
        token.cancel(discard_partial=True)  # as when the app quits

    report = station(engine, cohort, tmp_path).run(train.reference, on_log=cancel_it, cancel=token)
    assert time.monotonic() - cancelled_at[0] < 10  # the window waits this long for a quitting run
    assert report.cancelled and report.failed_step == "run" and token.committed is None
    assert report.error == "Cancelled during the run step; nothing was pushed, and the train's image is as it was."
    assert_removed(engine, seen[0])
    assert engine.client.images.get(train.reference).id == report.digest_in
    assert images[0] != report.digest_in  # the run's pre-run image, made and removed by it
    with pytest.raises(docker.errors.ImageNotFound):
        engine.client.images.get(images[0])


class CancelRightAfterCommit(CancelToken):
    """A user who presses Cancel just as the run passes its commit point."""

    def commit(self, done: str) -> None:
        super().commit(done)
        self.cancel()


def test_cancel_before_the_push_restores_the_train_and_after_it_the_push_completes(
    engine, registry, researcher, cohort, tmp_path
) -> None:
    script = b"#!/bin/sh\necho counting\nwc -l < /opt/train_data/cohort/patients.csv > /opt/pht_results/n.txt\n"
    files = {"entrypoint.sh": script}
    train = build_train(engine, registry.address, "commit-point", researcher, station_keys(2), files)
    token = CancelToken()

    def cancel_before_push(step) -> None:
        if step.name == "post-run" and step.outcome == "ok":
            token.cancel()

    before = station(engine, cohort, tmp_path, keep_images=True).run(train.reference, cancel_before_push, cancel=token)
    assert before.cancelled and before.failed_step == "push" and token.committed is None
    assert "nothing was pushed" in before.error
    # The processed image was made, then the train's tag went back to the image pulled.
    assert before.digest_out and before.digest_out != before.digest_in
    assert engine.client.images.get(train.reference).id == before.digest_in
    with pytest.raises(docker.errors.ImageNotFound):
        engine.client.images.get(before.digest_out)
    engine.client.images.remove(train.reference, force=True)
    pull(engine.client, train.reference)
    assert train_config_of(engine, train.reference).result_hash is None  # the registry's train is unchanged

    late = CancelRightAfterCommit()
    after = station(engine, cohort, tmp_path, keep_images=True).run(train.reference, cancel=late)
    assert after.succeeded and not after.cancelled, after.error
    assert late.committed == f"The processed train was pushed to {train.reference.rsplit(':', 1)[0]}."
    engine.client.images.remove(train.reference, force=True)
    pull(engine.client, train.reference)
    assert train_config_of(engine, train.reference).result_hash  # the registry has the processed train


class QuitRightAfterCommit(CancelToken):
    """The app quitting just as the run passes its commit point."""

    def commit(self, done: str) -> None:
        super().commit(done)
        self.cancel(discard_partial=True)


@pytest.fixture
def silent_registry():
    """A loopback port that accepts connections and never answers: a push to it hangs."""
    server = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                held.append(server.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:  # the engine's push fails now, and its thread in the runner ends
        connection.close()
    server.close()


def test_quitting_during_the_push_returns_at_once(engine, registry, researcher, cohort, tmp_path, silent_registry):
    train = build_train(engine, registry.address, "quit-push", researcher, station_keys(2), {"entrypoint.sh": ENDS})
    pull(engine.client, train.reference)
    pull(engine.client, train.reference.replace(":latest", ":base"))
    # The same train, tagged for a registry that never answers.
    hung = f"{silent_registry}/pht/quit-push"
    for tag in ("latest", "base"):
        engine.client.images.get(f"{registry.address}/pht/quit-push:{tag}").tag(hung, tag=tag)
    token = QuitRightAfterCommit()
    report = station(engine, cohort, tmp_path, pull=False, keep_images=True).run(f"{hung}:latest", cancel=token)
    assert report.failed_step == "push" and not report.cancelled and token.committed
    assert report.error == (
        f"The app quit while the processed train was being pushed to {hung}; whether the registry has it is not known."
    )


# -- missing things and refusals ---------------------------------------------------------------


def test_a_train_that_removes_its_results_folder_fails_with_a_sentence(
    engine, registry, researcher, cohort, tmp_path
) -> None:
    script = b"#!/bin/sh\nbusybox rmdir /opt/pht_results && echo removed\n"
    train = build_train(engine, registry.address, "no-results", researcher, station_keys(2), {"entrypoint.sh": script})
    # Only a train running as root (the image's user here) may remove its folder from /opt.
    report = station(engine, cohort, tmp_path, user=IMAGE_USER).run(train.reference)
    assert report.failed_step == "post-run" and report.log_tail == ["removed"]
    assert report.error == "The train left no /opt/pht_results folder in its container, so there are no results."


def test_an_image_that_is_not_there_fails_with_a_sentence(engine, cohort, tmp_path: Path) -> None:
    report = station(engine, cohort, tmp_path, pull=False).run("localhost/pht-test/absent:1")
    assert report.failed_step == "validate"
    assert report.error == "The image localhost/pht-test/absent:1 is not on the container engine."


@pytest.mark.parametrize("locked", [False, True], ids=["unknown-image", "no-credentials"])
def test_a_registry_that_refuses_fails_the_pull_with_a_sentence(
    engine, registry, locked_registry, cohort, tmp_path, locked
) -> None:
    reference = f"{(locked_registry if locked else registry).address}/pht/nothing:1"
    report = station(engine, cohort, tmp_path).run(reference)
    assert report.failed_step == "pull" and report.remedy == Remedy.NONE
    assert report.error.startswith(f"Pulling {reference} failed: ")
    assert "\n" not in report.error and len(report.error) < 500


def test_a_failed_commit_is_a_sentence(engine) -> None:
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        engine.client.api.remove_container(container.id, force=True)
        with pytest.raises(StationError, match="^Saving the image localhost/pht-test/never:1 failed: "):
            commit_image(container, "localhost/pht-test/never:1", ["true"])
