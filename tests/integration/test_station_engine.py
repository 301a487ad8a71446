"""The station's container run on a real engine (Podman's Docker API): networking off, data
read-only, limits enforced, logs streamed, failures reported with their log."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.container_run import RunLimits, run_entrypoint
from desktop_app.core.station.engine import connect
from desktop_app.core.station.errors import NoEngine, StationError, TrainFailed
from desktop_app.core.station.registry import RegistryCredentials, pull, push
from tests.helpers.trains import script_image

pytestmark = pytest.mark.engine


@pytest.fixture(scope="module")
def busybox(engine) -> str:
    return "localhost/pht-test/busybox:latest"  # imported by the engine fixture


def train_image(engine, busybox: str, script: str, tag: str) -> str:
    return script_image(engine, script, tag)


def test_engine_discovery_names_what_it_tried(engine, monkeypatch) -> None:
    assert connect(engine.url).ping()
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    with pytest.raises(NoEngine, match="unix:///nonexistent/engine.sock"):
        connect("unix:///nonexistent/engine.sock")


def test_reads_data_read_only_and_streams_its_log(engine, busybox, tmp_path: Path) -> None:
    data = tmp_path / "cohort"
    data.mkdir()
    (data / "patients.csv").write_text("id,age\n1,50\n")
    script = "cat /opt/train_data/cohort/patients.csv; touch /opt/train_data/cohort/x 2>/dev/null || echo read-only"
    image = train_image(engine, busybox, script, "localhost/pht-test/reader:1")
    lines: list[str] = []
    outcome, _ = run_entrypoint(engine.client, image, [data], RunLimits(wall_clock_seconds=60), lines.append)
    assert outcome.exit_code == 0
    assert lines == ["id,age", "1,50", "read-only"]
    assert not (data / "x").exists()


def test_network_is_off(engine, busybox) -> None:
    # Only the loopback interface exists, so nothing can leave the container (no outside
    # address is contacted by this test either way).
    script = "ls /sys/class/net; wget -q -T 3 http://127.0.0.1:9/ && echo reached || exit 7"
    image = train_image(engine, busybox, script, "localhost/pht-test/net:1")
    with pytest.raises(TrainFailed, match="exit code 7") as failed:
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=60), lambda line: None)
    log = failed.value.outcome.tail
    assert log[0] == "lo" and "reached" not in log  # busybox-static wget may crash on no network


def test_failing_entrypoint_keeps_its_log(engine, busybox) -> None:
    image = train_image(engine, busybox, "echo starting; echo broken >&2; exit 3", "localhost/pht-test/fail:1")
    with pytest.raises(TrainFailed, match="exit code 3") as failed:
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=60), lambda line: None)
    assert "starting" in failed.value.outcome.tail and "broken" in failed.value.outcome.tail


def test_wall_clock_limit_and_cancel_stop_the_train(engine, busybox) -> None:
    image = train_image(engine, busybox, "echo tick; sleep 60", "localhost/pht-test/slow:1")
    with pytest.raises(TrainFailed, match="wall-clock limit of 2 s"):
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=2), lambda line: None)
    token = CancelToken()
    with pytest.raises(Cancelled):
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=60), lambda line: token.cancel(), token)
    assert engine.client.containers.list(all=True, filters={"ancestor": image}) == []


def test_memory_limit_is_enforced(engine, busybox) -> None:
    # tail -c holds its whole window in memory: 100 MB against a 32 MiB limit.
    script = "head -c 100000000 /dev/urandom | tail -c 100000000 > /dev/null && echo survived"
    image = train_image(engine, busybox, script, "localhost/pht-test/mem:1")
    with pytest.raises(TrainFailed, match="exit code") as failed:
        run_entrypoint(engine.client, image, [], RunLimits(memory_mib=32, wall_clock_seconds=60), lambda line: None)
    assert "survived" not in failed.value.outcome.tail
    outcome, _ = run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=60), lambda line: None)
    assert outcome.tail == ["survived"]  # the same train passes without the limit


def test_push_and_pull_through_the_registry(engine, busybox, registry) -> None:
    reference = f"{registry.address}/pht/train:station-test"
    engine.client.images.get(busybox).tag(reference.rsplit(":", 1)[0], tag="station-test")
    statuses: list[str] = []
    push(engine.client, reference, on_progress=statuses.append)
    engine.client.images.remove(reference)
    pulled = pull(engine.client, reference)
    assert reference in pulled.tags and statuses


def test_registry_failures_are_sentences(engine, busybox) -> None:
    dead = "127.0.0.1:9/pht/train:gone"  # nothing listens on the discard port
    engine.client.images.get(busybox).tag("127.0.0.1:9/pht/train", tag="gone")
    with pytest.raises(StationError, match="Pushing 127.0.0.1:9/pht/train:gone failed"):
        push(engine.client, dead)
    with pytest.raises(StationError, match="Pulling 127.0.0.1:9/pht/train:gone failed"):
        engine.client.images.remove(dead)
        pull(engine.client, dead)
    with pytest.raises(StationError, match="not an image reference"):
        pull(engine.client, "no-tag-here")


def test_registry_credentials(engine, busybox, locked_registry) -> None:
    reference = f"{locked_registry.address}/pht/train:locked"
    engine.client.images.get(busybox).tag(reference.rsplit(":", 1)[0], tag="locked")
    with pytest.raises(StationError, match="Pushing .* failed"):
        push(engine.client, reference)
    with pytest.raises(StationError, match="Pushing .* failed"):
        push(engine.client, reference, RegistryCredentials(locked_registry.address, "station", "wrong"))
    station = RegistryCredentials(locked_registry.address, "station", "s3cret")
    push(engine.client, reference, station)
    engine.client.images.remove(reference)
    with pytest.raises(StationError, match="Pulling .* failed"):
        pull(engine.client, reference)
    assert reference in pull(engine.client, reference, station).tags


def test_cpu_limit_is_applied(engine, busybox) -> None:
    # cgroup v1 (this machine kind) shows the quota in cpu.cfs_quota_us, cgroup v2 in cpu.max.
    v1, v2 = "/sys/fs/cgroup/cpu*/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu.max"
    script = f"cat {v1} 2>/dev/null | head -1 | grep . || cut -d' ' -f1 {v2}"
    image = train_image(engine, busybox, script, "localhost/pht-test/cpu:1")
    limited, _ = run_entrypoint(engine.client, image, [], RunLimits(cpus=0.5, wall_clock_seconds=60), lambda line: None)
    free, _ = run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=60), lambda line: None)
    assert limited.tail == ["50000"] and free.tail in (["-1"], ["max"])
