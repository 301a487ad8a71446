"""What a train may use, on the real engine: each limit seen to take effect. A train runs as an
unprivileged user by default, with a bounded number of processes, bounded memory, a bounded
writable layer and bounded results; each limit can be changed or switched off."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.station.container_run import RunLimits, run_entrypoint
from desktop_app.core.station.errors import StationError, TrainFailed
from desktop_app.core.station.run_limits import IMAGE_USER
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train, script_image

pytestmark = pytest.mark.engine

# Reads a cgroup file of the container with shell built-ins only (no fork: the pids limit may be used up).
READ_CGROUP = 'for f in {v1} {v2}; do if [ -e "$f" ]; then read value < "$f"; echo "{name} $value"; fi; done'


def cgroup(name: str, v1: str, v2: str) -> str:
    return READ_CGROUP.format(name=name, v1=f"/sys/fs/cgroup/{v1}", v2=f"/sys/fs/cgroup/{v2}")


def lines_of(engine, script: str, tag: str, limits: RunLimits, data: list[Path] | None = None) -> list[str]:
    lines: list[str] = []
    run_entrypoint(engine.client, script_image(engine, script, tag), data or [], limits, lines.append)
    return lines


def test_the_defaults_take_effect(engine) -> None:
    script = "; ".join(
        [
            'echo "user $(busybox id -u):$(busybox id -g)"',
            'echo "home $HOME"',
            cgroup("pids", "pids/pids.max", "pids.max"),
            cgroup("memory", "memory/memory.limit_in_bytes", "memory.max"),
            "touch /opt/written 2>/dev/null && echo 'wrote /opt' || echo 'not /opt'",
        ]
    )
    lines = lines_of(engine, script, "localhost/pht-test/defaults:1", RunLimits(wall_clock_seconds=60))
    assert lines == ["user 65534:65534", "home /tmp", "pids 1024", f"memory {4096 << 20}", "not /opt"]
    # Each one can be changed, or switched off (the image's own user is root here).
    changed = RunLimits(memory_mib=None, wall_clock_seconds=60, pids=None, user=IMAGE_USER)
    lines = lines_of(engine, script, "localhost/pht-test/defaults:1", changed)
    assert lines[0] == "user 0:0" and lines[4] == "wrote /opt"
    assert lines[2] != "pids 1024"  # the engine's own default (Podman: 2048; Docker: none)
    assert lines[3] == "memory max" or int(lines[3].split()[1]) > 4096 << 20


def test_a_fork_bomb_is_bounded_by_the_pids_limit(engine) -> None:
    # 300 processes asked for, 50 allowed: the rest cannot start, and the host never sees them.
    # The spawning shell is a subshell: busybox sh gives up (exit 2) when a fork fails.
    spawn = "(i=0; while [ $i -lt 300 ]; do sleep 300 & i=$((i+1)); done); "
    script = spawn + cgroup("running", "pids/pids.current", "pids.current")
    lines = lines_of(engine, script, "localhost/pht-test/forks:1", RunLimits(wall_clock_seconds=120, pids=50))
    running = int(lines[-1].split()[1])
    assert lines[-1].startswith("running ") and running <= 50
    assert any("can't fork" in line for line in lines)


def test_a_train_filling_its_container_is_stopped(engine) -> None:
    # 64 MiB written against a 32 MiB limit, then it waits: only the disk limit can end it early.
    script = (
        "i=0; while [ $i -lt 8 ]; do dd if=/dev/zero of=/tmp/fill$i bs=1048576 count=8 2>/dev/null; i=$((i+1)); done;"
        " echo filled; sleep 300"
    )
    image = script_image(engine, script, "localhost/pht-test/filler:1")
    with pytest.raises(TrainFailed) as stopped:
        run_entrypoint(engine.client, image, [], RunLimits(wall_clock_seconds=120, disk_mib=32), lambda line: None)
    message = str(stopped.value)
    assert message.startswith("The train wrote more than the station's limit of 32 MiB into its container (")
    assert message.endswith("MiB seen) and was stopped; its log is kept.")
    assert engine.client.containers.list(all=True, filters={"ancestor": image}) == []


def test_data_the_train_user_cannot_read_is_refused_before_the_run(engine, tmp_path: Path) -> None:
    data = tmp_path / "cohort"
    data.mkdir()
    (data / "open.csv").write_text("id\n1\n")
    (data / "private.csv").write_text("id\n2\n")
    (data / "private.csv").chmod(0o600)
    image = script_image(engine, "cat /opt/train_data/cohort/private.csv", "localhost/pht-test/private:1")
    with pytest.raises(StationError) as refused:
        run_entrypoint(engine.client, image, [data], RunLimits(wall_clock_seconds=60), lambda line: None)
    assert str(refused.value) == (
        f"Trains run as user 65534:65534, which cannot read {data / 'private.csv'} in the data folder {data}. "
        "Make the data readable to that user (for example through its group), or choose another user for "
        "trains in the station's settings."
    )
    assert engine.client.containers.list(all=True, filters={"ancestor": image}) == []
    assert lines_of(engine, "cat /opt/train_data/cohort/private.csv", "localhost/pht-test/private:1",
                    RunLimits(wall_clock_seconds=60, user=IMAGE_USER), [data]) == ["id", "2"]


# -- through the whole run ---------------------------------------------------------------------

WRITES = b"""#!/bin/sh
echo "as $(busybox id -u)"
touch /opt/elsewhere 2>/dev/null && echo 'wrote /opt' || echo 'not /opt'
mkdir -p /opt/pht_results/sub && echo 1 > /opt/pht_results/sub/one.txt && echo 'wrote results'
touch /opt/pht_train/scratch && echo 'wrote train folder'
head -c 3145728 /dev/zero > /opt/pht_results/big.bin
"""


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_the_train_writes_its_own_folders_as_its_user_and_big_results_are_refused(
    engine, registry, researcher
) -> None:
    train = build_train(engine, registry.address, "writes", researcher, station_keys(2), {"entrypoint.sh": WRITES})

    def run(results_mib: int | None):
        limits = RunLimits(wall_clock_seconds=120, results_mib=results_mib)
        setup = StationSetup("station-0", station_keys(2)[0], [], limits, push=False, keep_images=True)
        return StationRunner(engine.client, setup).run(train.reference)

    refused = run(results_mib=2)  # 3 MiB written
    assert refused.failed_step == "post-run" and refused.log_tail == [
        "as 65534", "not /opt", "wrote results", "wrote train folder"
    ]
    assert refused.error == (
        "The train's results in /opt/pht_results are larger than the station's limit of 2 MiB; "
        "they were not kept, and nothing was pushed."
    )
    # The results are refused as they stream out of the container, before anything is encrypted.
    outcomes = {s.name: s.outcome for s in refused.steps}
    assert outcomes["run"] == "ok" and outcomes["post-run"] == "failed" and outcomes["push"] == "pending"
    accepted = run(results_mib=4)
    assert accepted.succeeded, accepted.error
