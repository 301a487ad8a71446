"""The DAG run_train on a real Airflow 3 (`airflow standalone`, its own venv), driving the real
Podman service and registry: runs are triggered through Airflow's REST API by our own client
(core.station.airflow_client, API v2 with a token), waited on, and checked. The pushed train is
then checked by the reference library (its venv): its pre-run for the next station verifies our
station's signature and the results' hash, as the reference station would on arrival.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.airflow_client import AirflowClient, DagRun
from desktop_app.core.station.image_files import read_file, scratch_container
from tests.helpers.airflow import pem_file
from tests.helpers.reference import run_reference
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

# keyring: the station key comes from the key store in the tests' Secret Service
pytestmark = [pytest.mark.engine, pytest.mark.airflow, pytest.mark.slow, pytest.mark.keyring]

RUN_DEADLINE = 420  # s for one whole run on a loaded machine; a run normally takes under a minute
ENTRYPOINT = (
    b'#!/bin/sh\necho "counting for $GREETING"\n'
    b"wc -l < /opt/train_data/cohort/patients.csv > /opt/pht_results/count.txt\n"
    # It waits for the test, which opens the gate once it has read the first line in the live log.
    b"while [ ! -e /opt/train_data/gate/open ]; do sleep 0.2; done\necho done\n"
)

# The reference station's own pre-run at the next stop: it verifies the earlier stations'
# signatures and the results' hash, and raises if they do not hold.
REFERENCE_PRE_RUN = """
import docker
from train_lib.docker_util.docker_ops import extract_train_config
from train_lib.security.protocol import SecurityProtocol
client = docker.from_env(timeout=120)
config = extract_train_config(data["reference"])
SecurityProtocol(data["station"], config, docker_client=client).pre_run_protocol(
    data["reference"], private_key_path=data["key_path"])
result = "verified"
"""


@pytest.fixture
def client(airflow):
    # A long read timeout: on a loaded 2-core machine Airflow's API server, on SQLite, may wait
    # for the scheduler's writes for many seconds.
    with AirflowClient(airflow.url, airflow.user, airflow.password, timeout=120) as client:
        yield client


def wait_for(client: AirflowClient, run: DagRun) -> DagRun:
    deadline = time.monotonic() + RUN_DEADLINE
    while not run.done:
        assert time.monotonic() < deadline, (
            f"the run {run.run_id} did not end: {[(t.task_id, t.state) for t in run.tasks]}"
        )
        time.sleep(1)
        run = client.run(run.run_id)
    return run


def follow_run_log(client: AirflowClient, run: DagRun, gate: Path) -> str:
    """The `run` task's log as a front follows it, chunk by chunk while the train runs; the
    train's gate is opened once its first line has come, so the log is read in more than one piece."""
    deadline = time.monotonic() + RUN_DEADLINE
    text, token, chunks = "", None, 0
    while True:
        assert time.monotonic() < deadline, f"the run task's log did not end: {text[-500:]}"
        task = next((t for t in client.run(run.run_id).tasks if t.task_id == "run"), None)
        if task is None or task.try_number == 0 or task.state in ("", "scheduled", "queued", "upstream_failed"):
            assert task is None or task.state != "upstream_failed", client.failure(client.run(run.run_id))
            time.sleep(1)
            continue
        chunk = client.log(run.run_id, "run", task.try_number, token)
        text, token, chunks = text + chunk.text, chunk.token, chunks + (1 if chunk.text else 0)
        if "counting for" in text:
            (gate / "open").touch()
        if chunk.finished:
            assert chunks >= 2, "the log came in one piece: it was not followed while it grew"
            return text
        time.sleep(0.5)


def pushed_config(engine, reference: str) -> TrainConfig:
    engine.client.images.pull(reference)
    with scratch_container(engine.client, reference) as container:
        return TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))


def test_a_good_train_runs_step_by_step_and_the_reference_accepts_the_result(
    engine, registry, airflow, client, station_data, tmp_path: Path
) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "airflow-good", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    assert client.api == "v2"
    repository = train.reference.rsplit(":", 1)[0]
    gate = station_data.parent / "gate"
    volumes = {str(station_data): {"bind": "/opt/train_data/cohort", "mode": "ro"}, str(gate): "/opt/train_data/gate"}
    run = client.trigger(repository, "latest", env={"GREETING": "airflow"}, volumes=volumes)
    log = follow_run_log(client, run, gate)
    lines = log.splitlines()  # each of the train's lines once, in order, though read in pieces
    assert lines.count("counting for airflow") == 1 and lines.index("counting for airflow") < lines.index("done")
    run = wait_for(client, run)
    states = {t.task_id: t.state for t in run.tasks}
    assert run.state == "success", (states, client.failure(run))
    assert [t.task_id for t in run.tasks] == ["pull", "validate", "pre_run", "run", "post_run", "push", "finish"]
    assert set(states.values()) == {"success"}
    assert client.failure(run) is None
    assert run.reference == train.reference and run.run_id in [r.run_id for r in client.runs(limit=5)]
    whole = client.log(run.run_id, "run", 1)  # read again at once, after the end: all of it, and finished
    assert whole.finished and "counting for airflow" in whole.text and "done" in whole.text
    # What the registry now holds: signed by station-0, with results.
    config = pushed_config(engine, train.reference)
    assert [s.station for s in config.signed_stops()] == ["station-0"] and config.result_hash
    # Nothing decrypted or half-made stays at the station.
    assert not list((airflow.folder / "work" / "runs").iterdir())
    assert not [i for i in engine.client.images.list() if any("pht-station-prerun" in t for t in i.tags)]
    key_path = pem_file(station_keys(2)[1], tmp_path / "station-1.pem", None)  # the reference reads plain PEM
    payload = {"reference": train.reference, "station": "station-1", "key_path": str(key_path)}
    assert run_reference(REFERENCE_PRE_RUN, payload, timeout=240, env={"DOCKER_HOST": engine.url}) == "verified"


def _change_a_file(config, files) -> None:
    files["entrypoint.sh"] = files["entrypoint.sh"] + b"wget -q http://127.0.0.1:9/exfiltrate\n"


def test_a_tampered_train_is_refused_and_nothing_is_pushed(engine, registry, airflow, client) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine,
        registry.address,
        "airflow-tampered",
        researcher,
        station_keys(2),
        {"entrypoint.sh": ENTRYPOINT},
        _change_a_file,
    )
    run = wait_for(client, client.trigger(train.reference.rsplit(":", 1)[0]))
    states = {t.task_id: t.state for t in run.tasks}
    assert run.state == "failed"
    assert states["pre_run"] == "failed" and states["run"] == "upstream_failed" and states["push"] == "upstream_failed"
    assert states["finish"] == "failed"  # it cleaned up, and says the run did not push
    sentence = client.failure(run)
    assert sentence and "pre-run" in sentence and "refused before running" in sentence and "train_hash" in sentence
    assert pushed_config(engine, train.reference).result_hash is None  # the registry's train is as it was
    assert not list((airflow.folder / "work" / "runs").iterdir())
    assert not [i for i in engine.client.images.list() if any("pht-station-prerun" in t for t in i.tags)]


def test_a_bad_conf_fails_at_the_pull_with_a_sentence(airflow, client) -> None:
    run = wait_for(client, client.trigger("registry.invalid/pht/x", "latest", volumes={"/": {"bind": "/opt"}}))
    assert run.state == "failed"
    sentence = client.failure(run)
    assert sentence and "conf was refused" in sentence and "outside the folders" in sentence


def _train_said(client: AirflowClient, run_id: str, line: str) -> bool:
    task = next((t for t in client.run(run_id).tasks if t.task_id == "run"), None)
    if task is None or task.state != "running":
        return False
    return line in client.log(run_id, "run", task.try_number).text.splitlines()


HELD = b"#!/bin/sh\necho held\nwhile [ ! -e /opt/train_data/gate/never ]; do sleep 0.2; done\n"


def test_a_stopped_run_kills_the_train_and_cleans_up(engine, registry, airflow, client, station_data) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "airflow-stopped", researcher, station_keys(2), {"entrypoint.sh": HELD}
    )
    gate = station_data.parent / "gate"
    run = client.trigger(train.reference.rsplit(":", 1)[0], volumes={str(gate): "/opt/train_data/gate"})
    deadline = time.monotonic() + RUN_DEADLINE
    while not _train_said(client, run.run_id, "held"):  # the train is running
        assert time.monotonic() < deadline and not client.run(run.run_id).done, client.failure(client.run(run.run_id))
        time.sleep(1)
    assert client.stop(run.run_id) == "run"
    run = wait_for(client, run)
    states = {t.task_id: t.state for t in run.tasks}
    assert run.state == "failed" and states["run"] == "failed" and states["post_run"] == "upstream_failed"
    assert states["finish"] == "failed"  # it ran, cleaned up, and says nothing was pushed
    # The train ran and was stopped. Whether the cancel's own sentence ("Cancelled during the run
    # step") reaches the task log before Airflow ends the task process is a race (seen both ways
    # on a loaded machine), so it is not asserted; that no container is left is.
    assert "held" in client.log(run.run_id, "run", 1).text
    assert not [
        c for c in engine.client.containers.list(all=True) if "pht-station-prerun" in str(c.attrs.get("ImageName"))
    ]
    assert not list((airflow.folder / "work" / "runs").iterdir())
    assert pushed_config(engine, train.reference).result_hash is None
