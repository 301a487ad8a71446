"""Station interop with the reference library on the same engine (DOCKER_HOST): a train its
station code processed for station 0 runs at our station 1, and the other way round; the
result at the end decrypts and verifies in our Results core."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.reference import run_reference
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train, result_archive_of

pytestmark = [pytest.mark.engine, pytest.mark.interop]
ENTRYPOINT = b"#!/bin/sh\necho 'station ran'\necho $(ls /opt/pht_results | wc -l) >> /opt/pht_results/visits.txt\n"

# The reference station at one stop: its pre-run, the train's run, its post-run (rebased on :base).
REFERENCE_STATION = """
import docker
import docker.models.containers
from train_lib.docker_util.docker_ops import extract_train_config

# Podman 4.3, under load, may break the pipe of an upload that goes on after the tar's end marker
# (tarfile's zero padding); our station ends its uploads there (image_files.put_tree), the
# reference library is not ours to change: its in-memory tars are sent again (a stream from
# another container, as its rebase passes, cannot be, and goes once).
_put_archive = docker.models.containers.Container.put_archive
def _put_archive_again(self, path, data):
    if not hasattr(data, "seek"):
        return _put_archive(self, path, data)
    for attempt in range(3):
        data.seek(0)
        try:
            return _put_archive(self, path, data)
        except docker.errors.APIError as exc:
            if "broken pipe" not in str(exc) or attempt == 2:
                raise
docker.models.containers.Container.put_archive = _put_archive_again

from train_lib.security.protocol import SecurityProtocol
client = docker.from_env(timeout=120)
repo = data["repository"]
config = extract_train_config(repo + ":latest")
SecurityProtocol(data["station"], config, docker_client=client).pre_run_protocol(
    repo + ":latest", private_key_path=data["key_path"])
# Its _commit_to_image ignores the tag it is given: the decrypted train lands on :latest itself.
container = client.containers.run(repo + ":latest", detach=True, network_mode="none")
container.wait()
container.commit(repository=repo, tag="latest")
container.remove()
config = extract_train_config(repo + ":latest")
SecurityProtocol(data["station"], config, docker_client=client).post_run_protocol(
    repo + ":latest", private_key_path=data["key_path"])
result = "ok"
"""


def key_file(folder: Path, index: int) -> str:
    path = folder / f"station-{index}.pem"
    path.write_bytes(
        station_keys(2)[index].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(path)


def reference_station(engine, repository: str, index: int, folder: Path) -> None:
    payload = {"repository": repository, "station": f"station-{index}", "key_path": key_file(folder, index)}
    assert run_reference(REFERENCE_STATION, payload, timeout=240, env={"DOCKER_HOST": engine.url}) == "ok"


def our_station(engine, reference: str, index: int, push: bool = False) -> None:
    setup = StationSetup(f"station-{index}", station_keys(2)[index], [], RunLimits(120), pull=False, push=push)
    report = StationRunner(engine.client, setup).run(reference)
    assert report.succeeded, report.error


def decrypt_result(engine, reference: str, researcher, folder: Path) -> Path:
    archive = result_archive_of(engine, reference, folder / "result.tar")
    with ResultArchive(archive) as opened:
        report = decrypt_opened(opened, DecryptRequest(archive, folder / "out"), OpeningKeys("researcher", researcher))
    assert report.verified
    return folder / "out"


# "ours-pushed": our station pushes the train (its own one-layer OCI push), the reference station
# gets it from the registry through the engine.
@pytest.mark.parametrize("first", ["reference", "ours", "ours-pushed"])
def test_a_train_crosses_between_the_reference_station_and_ours(engine, registry, tmp_path: Path, first: str) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, f"cross-{first}", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    repository = train.reference.rsplit(":", 1)[0]
    for tag in ("base", "latest"):
        engine.client.images.pull(repository, tag=tag)
    if first == "reference":
        reference_station(engine, repository, 0, tmp_path)
        our_station(engine, train.reference, 1)
    elif first == "ours":
        our_station(engine, train.reference, 0)
        reference_station(engine, repository, 1, tmp_path)
    else:
        our_station(engine, train.reference, 0, push=True)  # the run removes its local images after the push
        for tag in ("base", "latest"):
            engine.client.images.pull(repository, tag=tag)
        reference_station(engine, repository, 1, tmp_path)
    out = decrypt_result(engine, train.reference, researcher, tmp_path)
    assert (out / "visits.txt").read_text().split() == ["0", "1"]
