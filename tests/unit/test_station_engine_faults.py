"""Engine failures as sentences. The "engine gone" cases are real: an SDK client aimed at a socket
that does not exist, and at one whose server has closed; the engine's own answers (APIError and
its kinds) are built as the SDK builds them, since provoking each needs no engine."""

from __future__ import annotations

import io
import socket
import tarfile
from pathlib import Path

import docker
import docker.errors
import pytest
import requests

from desktop_app.core.errors import Remedy
from desktop_app.core.station.engine_faults import as_station_error, engine_call
from desktop_app.core.station.errors import EngineGone, StationError


def client_at(path: Path) -> docker.APIClient:
    return docker.APIClient(base_url=f"unix://{path}", version="1.41", timeout=5)  # no call until asked


def test_a_vanished_socket_means_the_engine_is_gone(tmp_path: Path) -> None:
    with pytest.raises(EngineGone) as caught, engine_call("Pulling x/y:1"):
        client_at(tmp_path / "engine.sock").ping()
    assert str(caught.value) == "Pulling x/y:1 failed: the container engine stopped answering."
    assert caught.value.remedy == Remedy.START_ENGINE and "No such file" in caught.value.details


def test_a_refused_connection_means_the_engine_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "engine.sock"
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(str(path))  # the file stays, nobody listens: what a crashed engine leaves behind
    with pytest.raises(EngineGone), engine_call("Running the train"):
        client_at(path).containers()


def test_the_engines_answers_keep_what_it_said() -> None:
    response = requests.Response()
    response.status_code = 500
    failure = as_station_error(
        docker.errors.APIError("500 Server Error", response, explanation="commit: layer is busy\nmore"), "Saving x:1"
    )
    assert str(failure) == "Saving x:1 failed: the container engine answered “commit: layer is busy”."
    assert not isinstance(failure, EngineGone) and failure.remedy == Remedy.NONE
    missing = as_station_error(docker.errors.ImageNotFound("No such image: x:1"), "Checking x:1")
    assert "has no such image" in str(missing)


def test_an_escape_sequence_from_a_registry_does_not_reach_the_sentence() -> None:
    failure = as_station_error(docker.errors.DockerException("denied\x1b]0;owned\x07 by registry"), "Pulling x:1")
    assert "\x1b" not in str(failure) and "\x07" not in str(failure)


def test_a_local_file_error_is_not_blamed_on_the_engine(tmp_path: Path) -> None:
    with pytest.raises(StationError) as caught, engine_call("Preparing the train to run"):
        (tmp_path / "missing.bin").open("rb")
    assert not isinstance(caught.value, EngineGone)
    assert "No such file or directory" in str(caught.value) and "missing.bin" in str(caught.value)


def test_station_errors_pass_unchanged() -> None:
    original = StationError("The train was refused.")
    with pytest.raises(StationError) as caught, engine_call("Checking x:1"):
        raise original
    assert caught.value is original


class _BreaksThePipeOnce:
    """A stand-in container: Podman's lost upload helper cannot be caused on demand."""

    def __init__(self, failures: int) -> None:
        self.failures, self.received = failures, []

    def put_archive(self, destination: str, data) -> None:
        body = data.read()
        if self.failures:
            self.failures -= 1
            raise docker.errors.APIError('500 Server Error ("passing bulk input to subprocess: write |1: broken pipe")')
        self.received.append((destination, body))


def test_an_upload_whose_pipe_podman_broke_is_sent_again() -> None:
    from desktop_app.core.station.image_files import UPLOAD_ATTEMPTS, put_tree

    container = _BreaksThePipeOnce(failures=1)
    put_tree(container, "/opt/pht_train", {"a.txt": b"abc"})
    assert len(container.received) == 1 and container.received[0][0] == "/opt/pht_train"
    with tarfile.open(fileobj=io.BytesIO(container.received[0][1])) as tar:
        assert tar.extractfile("a.txt").read() == b"abc"  # the whole archive again, from its start

    hopeless = _BreaksThePipeOnce(failures=UPLOAD_ATTEMPTS)
    with pytest.raises(StationError, match="broken pipe"):
        put_tree(hopeless, "/opt/pht_train", {"a.txt": b"abc"})
