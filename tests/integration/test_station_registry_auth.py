"""The station's registry password goes to the registry it was configured for, and to no other:
a pull, a push or a master image's pull naming another host sends no credentials there. The
other host is a loopback server that asks for a password and records what it is sent."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path

import pytest

from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry import RegistryCredentials, pull, push
from desktop_app.core.station.registry_push import push_layer
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.engine import LocalRegistry, PodmanService
from tests.helpers.recording_registry import RecordingRegistry
from tests.helpers.result_archives import station_keys
from tests.helpers.token_service import TokenService
from tests.helpers.trains import build_train

pytestmark = pytest.mark.engine
BUSYBOX = "localhost/pht-test/busybox:latest"


@pytest.fixture
def recorder(tmp_path: Path):
    service = RecordingRegistry(tmp_path)
    yield service
    service.stop()


@pytest.fixture
def engine_seeing(tmp_path: Path, engine, registry, locked_registry, recorder):
    """A second Podman service over the shared images, allowed to talk plain HTTP to the recorder too."""
    (tmp_path / "engine").mkdir()
    service = PodmanService(tmp_path / "engine", registry, [locked_registry, recorder], storage=engine.storage)
    yield service
    service.stop()


def station_credentials(locked_registry, registry: str | None = None) -> RegistryCredentials:
    return RegistryCredentials(registry if registry is not None else locked_registry.address, "station", "s3cret")


def test_pull_and_push_to_another_host_send_no_credentials(engine_seeing, locked_registry, recorder) -> None:
    client = engine_seeing.client
    credentials = station_credentials(locked_registry)
    elsewhere = f"{recorder.address}/pht/train:1"
    client.images.get(BUSYBOX).tag(elsewhere.rsplit(":", 1)[0], tag="1")
    with pytest.raises(StationError) as pulling:
        pull(client, elsewhere, credentials)
    with pytest.raises(StationError) as pushing:
        push(client, elsewhere, credentials)
    assert {method for method, _, _ in recorder.requests} >= {"GET"}  # the engine did ask it
    assert recorder.credentials() == []
    kept = f"The station's registry password was not sent: it is kept for {locked_registry.address} only."
    assert str(pulling.value).startswith(f"Pulling {elsewhere} failed: ") and str(pulling.value).endswith(kept)
    assert str(pushing.value).startswith(f"Pushing {elsewhere} failed: ") and str(pushing.value).endswith(kept)
    # The configured registry still gets them, however its address is written.
    own = f"{locked_registry.address}/pht/own:1"
    client.images.get(BUSYBOX).tag(own.rsplit(":", 1)[0], tag="1")
    push(client, own, station_credentials(locked_registry, f"http://{locked_registry.address}/"))
    client.images.remove(own)
    assert own in pull(client, own, credentials).tags


def test_no_registry_setting_sends_the_password_nowhere(engine_seeing, locked_registry, recorder) -> None:
    credentials = station_credentials(locked_registry, "")
    reference = f"{locked_registry.address}/pht/nothing:1"
    with pytest.raises(StationError, match="was not sent: no registry is set in the station's settings"):
        pull(engine_seeing.client, reference, credentials)


def test_a_master_image_on_another_host_gets_no_credentials(
    engine_seeing, engine, registry, locked_registry, recorder, tmp_path: Path
) -> None:
    researcher = station_keys(2)[1]
    files = {"entrypoint.sh": b"true"}
    train = build_train(engine, registry.address, "auth-master", researcher, station_keys(2), files)
    setup = StationSetup(
        "station-0",
        station_keys(2)[0],
        [],
        RunLimits(wall_clock_seconds=60),
        station_credentials(locked_registry),
        push=False,
        allowed_master_images=[f"{recorder.address}/masters/python:3"],
    )
    report = StationRunner(engine_seeing.client, setup).run(train.reference)
    assert report.failed_step == "validate" and f"Pulling {recorder.address}/masters/python:3 failed" in report.error
    assert recorder.requests and recorder.credentials() == []


def a_layer(folder: Path) -> tuple[Path, str]:
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        info = tarfile.TarInfo("opt/hello.txt")
        info.size = 6
        tar.addfile(info, io.BytesIO(b"hello\n"))
    path = folder / "layer.tar"
    path.write_bytes(data.getvalue())
    return path, f"sha256:{hashlib.sha256(data.getvalue()).hexdigest()}"


def test_the_station_push_signs_in_to_its_own_registry_and_to_no_other(
    engine_seeing, locked_registry, recorder, tmp_path: Path
) -> None:
    client = engine_seeing.client
    credentials = station_credentials(locked_registry)
    repository = f"{locked_registry.address}/pht/own-push"
    client.images.get(BUSYBOX).tag(repository, tag="base")
    push(client, f"{repository}:base", credentials)
    layer, digest = a_layer(tmp_path)

    with pytest.raises(StationError, match=f"^Pushing {repository}:1 failed: the registry refused it \\(401 "):
        push_layer(f"{repository}:1", layer, digest, ["true"], "station-0")  # no password: refused
    pushed = push_layer(f"{repository}:1", layer, digest, ["true"], "station-0", credentials)
    assert pull(client, f"{repository}:1", credentials).id == pushed.config_digest

    elsewhere = f"{recorder.address}/pht/train:1"
    with pytest.raises(StationError) as refused:
        push_layer(elsewhere, layer, digest, ["true"], "station-0", credentials)
    assert recorder.requests and recorder.credentials() == []
    kept = f"The station's registry password was not sent: it is kept for {locked_registry.address} only."
    assert str(refused.value).startswith(f"Pushing {elsewhere} failed: ") and str(refused.value).endswith(kept)


@pytest.fixture
def token_registry(tmp_path: Path):
    """The real registry in token mode, with a loopback token service standing in for Harbor's."""
    tokens = TokenService(tmp_path, "station", "s3cret")
    (tmp_path / "token-registry").mkdir()
    service = LocalRegistry(tmp_path / "token-registry", auth=tokens.registry_auth())
    yield service, tokens
    service.stop()
    tokens.stop()


def test_the_station_push_gets_a_token_from_a_registry_that_asks_for_one(
    engine, registry, token_registry, tmp_path: Path
) -> None:
    service, tokens = token_registry
    (tmp_path / "engine").mkdir()
    podman = PodmanService(tmp_path / "engine", registry, [service], storage=engine.storage)
    try:
        credentials = RegistryCredentials(service.address, "station", "s3cret")
        repository = f"{service.address}/pht/token-push"
        podman.client.images.get(BUSYBOX).tag(repository, tag="base")
        push(podman.client, f"{repository}:base", credentials)  # the engine signs in the same way
        layer, digest = a_layer(tmp_path)
        tokens.asked.clear()
        pushed = push_layer(f"{repository}:1", layer, digest, ["true"], "station-0", credentials)
        assert tokens.asked == ["repository:pht/token-push:pull,push"]
        assert pull(podman.client, f"{repository}:1", credentials).id == pushed.config_digest
        wrong = RegistryCredentials(service.address, "station", "wrong")
        with pytest.raises(StationError, match=f"^Pushing {repository}:2 failed: the registry refused it \\(401 "):
            push_layer(f"{repository}:2", layer, digest, ["true"], "station-0", wrong)
    finally:
        podman.stop()
