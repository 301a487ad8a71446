"""The client of a station's Airflow (core.station.airflow_client): Airflow 3's v2 API against the
real Airflow of the DAG tests, Airflow 2's v1 API against a loopback stand-in of its routes
(tests/helpers/airflow_v1.py says why a stand-in, and what it plays), and the account kept with
its password in the real keyring."""

from __future__ import annotations

import socket

import pytest

from desktop_app.core.errors import Remedy
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.core.station.airflow_client import (
    PASSWORD_SECRET,
    AirflowAccount,
    AirflowClient,
    AirflowError,
    _log_text,
)
from tests.helpers.airflow_v1 import REFERENCE_TASKS, AirflowV1StandIn


@pytest.fixture
def v1():
    stand_in = AirflowV1StandIn()
    yield stand_in
    stand_in.stop()


def test_v1_trigger_list_follow_and_fail_as_the_reference_station_answers(v1) -> None:
    with AirflowClient(v1.url, v1.user, v1.password) as client:
        assert client.api == "v1"
        run = client.trigger("harbor.example/station_1/train-1", "latest", env={"A": "1"})
        assert run.state == "queued" and run.reference == "harbor.example/station_1/train-1:latest"
        assert v1.runs[run.run_id]["conf"] == {
            "repository": "harbor.example/station_1/train-1",
            "tag": "latest",
            "env": {"A": "1"},
            "volumes": {},
        }
        v1.set_task(run.run_id, "execute_container", "running", "[2026-11-30] INFO - counting\n")
        first = client.log(run.run_id, "execute_container", 1)
        assert first.text == "[2026-11-30] INFO - counting\n" and not first.finished
        v1.set_task(run.run_id, "execute_container", "failed", "[2026-11-30] ERROR - exit code 3\n")
        second = client.log(run.run_id, "execute_container", 1, first.token)
        assert second.text == "[2026-11-30] ERROR - exit code 3\n" and second.finished  # only what was new
        [listed] = client.runs()
        assert listed.state == "failed" and [t.task_id for t in listed.tasks] == list(REFERENCE_TASKS)
        # The reference DAG leaves no sentence of its own: the client says where to look.
        assert client.failure(listed) == (
            "The run of harbor.example/station_1/train-1:latest failed at its execute-container step; its log says why."
        )
    # Besides the one question of which API it speaks, everything went to v1.
    assert [path for _method, path in v1.requests if not path.startswith("/api/v1/")] == ["/api/v2/version"]


def test_v1_stop_marks_the_first_unfinished_step_failed(v1) -> None:
    with AirflowClient(v1.url, v1.user, v1.password) as client:
        run = client.trigger("harbor.example/station_1/train-2")
        v1.set_task(run.run_id, "get_train_image_info", "success")
        v1.set_task(run.run_id, "pull_docker_image", "running")
        assert client.stop(run.run_id) == "pull_docker_image"
        assert v1.tasks[run.run_id]["pull_docker_image"]["state"] == "failed"
        assert client.run(run.run_id).state == "failed"


def test_v1_wrong_password_is_a_sentence_with_a_remedy(v1) -> None:
    with AirflowClient(v1.url, v1.user, "wrong") as client, pytest.raises(AirflowError) as caught:
        client.runs()
    assert str(caught.value) == f"Airflow at {v1.url} refused the user name or password."
    assert caught.value.remedy is Remedy.SIGN_IN_AGAIN


def test_nothing_listening_is_a_sentence() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing answers there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        AirflowClient(f"http://127.0.0.1:{port}", "u", "p", timeout=5) as client,
        pytest.raises(AirflowError) as caught,
    ):
        client.runs()
    assert str(caught.value).startswith(f"The station's Airflow at http://127.0.0.1:{port} cannot be reached")


def test_log_content_of_both_dialects() -> None:
    assert _log_text([{"event": "one", "timestamp": "t"}, {"event": "two"}]) == "one\ntwo\n"  # Airflow 3
    failed = {"event": "Task failed with exception", "error_detail": [{"exc_type": "Boom", "exc_value": "why"}]}
    assert _log_text([failed]) == "Task failed with exception\nBoom: why\n"
    assert _log_text(repr([("host", "a\nb\n")])) == "a\nb\n"  # Airflow 2 up to 2.7
    assert _log_text("[(__import__('os').system('x'), 'y')]") == "[(__import__('os').system('x'), 'y')]"  # not run
    assert _log_text("plain text\n") == "plain text\n"  # Airflow 2.8 and later


@pytest.mark.keyring
def test_the_account_keeps_its_password_in_the_keyring_only(v1) -> None:
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    store = KeyStore.open(paths, settings)
    AirflowAccount(v1.url, v1.user, "v1").save(settings, store, v1.password)
    assert v1.url in paths.settings_file.read_text() and v1.password not in paths.settings_file.read_text()
    assert store.get_secret(PASSWORD_SECRET) == v1.password
    account = AirflowAccount.load(settings)
    with account.client(store) as client:
        assert client.runs() == []


@pytest.mark.engine
@pytest.mark.airflow
@pytest.mark.keyring  # the airflow fixture puts the station key into the key store
def test_v2_token_wrong_password_and_a_missing_run(airflow) -> None:
    with AirflowClient(airflow.url, airflow.user, "not the password") as client, pytest.raises(AirflowError) as caught:
        client.runs()
    assert "refused the user name or password" in str(caught.value)
    with AirflowClient(airflow.url, airflow.user, airflow.password) as client:
        assert client.api == "v2"
        with pytest.raises(AirflowError, match="has no dags/run_train/dagRuns/no-such-run"):
            client.run("no-such-run")
        client._token = "expired"  # a token that no longer holds: one new token, and the call goes through
        assert isinstance(client.runs(with_tasks=False), list)
