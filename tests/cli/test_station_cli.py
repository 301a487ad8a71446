"""`pht-desktop station ...` through the real entry point, on the real engine and registry."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import docker.errors
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.helpers.cli import ENTRY_POINT, run_cli
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = [pytest.mark.engine, pytest.mark.keyring]
ENTRYPOINT = b"#!/bin/sh\ncat /opt/train_data/cohort/patients.csv > /opt/pht_results/copy.csv\necho copied\n"


def set_up_station(engine, tmp_path: Path) -> None:
    """The station's key in the key store, and the engine and a data folder in its settings."""
    key_file = tmp_path / "station.pem"
    key_file.write_bytes(
        station_keys(2)[0].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    assert run_cli("keys", "import", str(key_file), "--name", "station-key", "--no-passphrase").returncode == 0
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "patients.csv").write_text("id\n7\n")
    config = run_cli("station", "config", "--engine", engine.url, "--data", str(cohort), "--time-limit", "60")
    assert config.returncode == 0 and json.loads(config.stdout)["engine"] == engine.url


def test_run_history_and_a_refused_run(engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "cli-train", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    set_up_station(engine, tmp_path)

    done = run_cli("station", "run", train.reference, "--station-id", "station-0", "--key", "station-key")
    assert done.returncode == 0, done.stderr
    assert "copied" in done.stderr and "processed as station-0 and pushed" in done.stdout

    refused = run_cli("station", "run", train.reference, "--station-id", "station-9", "--key", "station-key")
    assert refused.returncode == 1 and "not on this train's route" in refused.stderr.splitlines()[-1]

    history = json.loads(run_cli("station", "history", "--json").stdout)
    assert [run["succeeded"] for run in history] == [False, True]
    assert history[1]["train_id"] == train.config.train_id and Path(history[1]["log_path"]).read_text() == "copied\n"
    assert {step["name"]: step["outcome"] for step in history[1]["steps"]}["push"] == "ok"
    assert history[0]["failed_step"] == "validate" and history[0]["log_path"] is None
    assert run_cli("station", "log", str(history[1]["id"])).stdout == "copied\n"
    no_log = run_cli("station", "log", str(history[0]["id"]))
    assert no_log.returncode == 1 and "has no log: its train never started" in no_log.stderr


def test_ctrl_c_stops_the_run_removes_its_container_and_records_it(engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    script = b"#!/bin/sh\necho started $(busybox hostname)\nsleep 300\n"
    train = build_train(engine, registry.address, "cli-stopped", researcher, station_keys(2), {"entrypoint.sh": script})
    set_up_station(engine, tmp_path)
    command = [str(ENTRY_POINT), "station", "run", train.reference, "--station-id", "station-0", "--key", "station-key"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        for line in process.stderr:  # the train's first line says it runs, and in which container
            if line.startswith("  | started "):
                container_id = line.split()[-1]
                break
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130
    assert rest.splitlines()[-1] == (
        "pht-desktop: Cancelled during the run step; nothing was pushed, and the train's image is as it was."
    )
    with pytest.raises(docker.errors.NotFound):
        engine.client.containers.get(container_id)
    (run,) = json.loads(run_cli("station", "history", "--json").stdout)
    assert run["cancelled"] and run["failed_step"] == "run" and not run["succeeded"]
    assert run_cli("station", "log", str(run["id"])).stdout == f"started {container_id}\n"


def test_no_engine_is_one_sentence(monkeypatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    assert run_cli("keys", "generate", "st-key", "--type", "rsa-2048", "--no-passphrase").returncode == 0
    result = run_cli("station", "run", "x/y:z", "--station-id", "s", "--key", "st-key", "--engine", "unix:///nope.sock")
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert "No container engine answered" in result.stderr and "unix:///nope.sock" in result.stderr
    assert "--engine URL" in result.stderr  # the remedy, in this front's words


def test_a_registry_setting_must_name_a_host() -> None:
    refused = run_cli("station", "config", "--registry", "ftp://harbor.example.org")
    assert refused.returncode == 2
    assert refused.stderr.strip() == (
        "pht-desktop: The registry 'ftp://harbor.example.org' names no registry host "
        "(only https:// or http:// registries are known)."
    )
    accepted = run_cli("station", "config", "--registry", "https://Harbor.example.org/")
    assert accepted.returncode == 0 and json.loads(accepted.stdout)["registry"] == "https://Harbor.example.org/"


def limits_shown() -> tuple:
    shown = json.loads(run_cli("station", "config").stdout)
    return shown["memory_mib"], shown["pids_limit"], shown["disk_mib"], shown["results_mib"], shown["run_as_user"]


def test_limits_are_configured_and_checked() -> None:
    assert limits_shown() == (4096, 1024, 10240, 4096, "65534:65534")
    changed = run_cli(
        "station",
        "config",
        "--memory-mib",
        "0",
        "--pids-limit",
        "256",
        "--disk-mib",
        "2048",
        "--results-mib",
        "512",
        "--run-as",
        "1000",
    )
    assert changed.returncode == 0, changed.stderr
    assert limits_shown() == (0, 256, 2048, 512, "1000:1000")
    assert json.loads(run_cli("station", "config", "--run-as", "image").stdout)["run_as_user"] == "image"
    bad_user = run_cli("station", "config", "--run-as", "root")
    assert bad_user.returncode == 2 and bad_user.stderr == (
        "pht-desktop: --run-as takes UID:GID (numbers) or 'image', not 'root'.\n"
    )
    negative = run_cli("station", "config", "--pids-limit", "-1")
    assert negative.returncode == 2 and "--pids-limit cannot be negative (0 means no limit)" in negative.stderr
    assert run_cli("station", "config", "--time-limit", "0").returncode == 2
