"""`pht-desktop station inbox` and `station queue ...` through the real entry point, on the real
registry and Podman service: each command is a new process, so the queue is what was saved."""

from __future__ import annotations

import json
import signal
import subprocess
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.cli.test_station_cli import set_up_station
from tests.helpers.cli import ENTRY_POINT, run_cli
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = [pytest.mark.engine, pytest.mark.keyring]


def trains_in_a_project(engine, registry, count: int, script: bytes):
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = f"cli-inbox-{uuid.uuid4().hex[:8]}"
    files = {"entrypoint.sh": script}
    built = [
        build_train(engine, registry.address, f"{name}/t{i}", researcher, station_keys(2), files) for i in range(count)
    ]
    return f"{registry.address}/pht/{name}", built


def configure(engine, tmp_path: Path, project: str) -> None:
    set_up_station(engine, tmp_path)
    config = run_cli("station", "config", "--station-id", "station-0", "--key", "station-key", "--registry", project)
    assert config.returncode == 0, config.stderr


def test_inbox_queue_and_run(engine, registry, tmp_path: Path) -> None:
    project, trains = trains_in_a_project(engine, registry, 2, b"#!/bin/sh\necho hi > /opt/pht_results/a.txt\n")
    configure(engine, tmp_path, project)

    listed = run_cli("station", "inbox", "--json")
    assert listed.returncode == 0, listed.stderr
    inbox = json.loads(listed.stdout)["trains"]
    assert [(t["reference"], t["status"], t["position"]) for t in inbox] == [
        (t.reference, "waiting", 0) for t in sorted(trains, key=lambda t: t.reference)
    ]
    assert {t["train_id"] for t in inbox} == {t.config.train_id for t in trains}
    text = run_cli("station", "inbox")
    assert text.stdout.startswith(f"2 of 2 train image(s) in {project} wait for this station.")

    assert run_cli("station", "queue", "add", "--waiting").returncode == 0
    queued = json.loads(run_cli("station", "queue", "list", "--json").stdout)
    assert [(e["state"], e["train_id"]) for e in queued] == [("queued", t["train_id"]) for t in inbox]
    removed = run_cli("station", "queue", "remove", str(queued[0]["id"]))
    assert removed.returncode == 0 and "Removed" in removed.stdout
    assert run_cli("station", "queue", "add", queued[0]["reference"]).returncode == 0
    missing = run_cli("station", "queue", "remove", "999")
    assert missing.returncode == 1 and "The queue has no entry 999." in missing.stderr

    ran = run_cli("station", "queue", "run", timeout=600)
    assert ran.returncode == 0, ran.stderr
    assert "The queue is empty: 2 run(s), 0 not done." in ran.stdout
    entries = json.loads(run_cli("station", "queue", "list", "--json").stdout)
    assert [e["state"] for e in entries] == ["done", "done"]
    history = {run["id"]: run for run in json.loads(run_cli("station", "history", "--json").stdout)}
    for entry in entries:
        run = history[entry["run_id"]]
        assert run["reference"] == entry["reference"] and run["manifest_in"] and run["manifest_out"]
    again = json.loads(run_cli("station", "inbox", "--json").stdout)["trains"]
    assert {t["status"] for t in again} == {"done"}


def test_ctrl_c_cancels_the_current_run_and_stops_the_queue(engine, registry, tmp_path: Path) -> None:
    project, trains = trains_in_a_project(engine, registry, 2, b"#!/bin/sh\necho started\nsleep 300\n")
    configure(engine, tmp_path, project)
    assert run_cli("station", "queue", "add", *[t.reference for t in trains]).returncode == 0
    process = subprocess.Popen(
        [str(ENTRY_POINT), "station", "queue", "run"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("  | started"):
                break
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130
    last = rest.strip().splitlines()[-1]
    assert "was cancelled" in last and "nothing was pushed" in last and "1 train(s) stay queued" in last
    entries = json.loads(run_cli("station", "queue", "list", "--json").stdout)
    assert [e["state"] for e in entries] == ["cancelled", "queued"]
