"""The push of a processed train, read back from the real registry: only the one new layer went
up, uncompressed and as the post-run wrote it, on top of the base's own layers; the engine
pulls it as the image the run reported. A base the push client does not handle (a
multi-platform index) is pushed by the engine instead, and the run still succeeds."""

from __future__ import annotations

import io
import json
import logging
import tarfile
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.registry import pull
from desktop_app.core.station.registry_push import (
    DOCKER_MANIFEST,
    ENGINE_PUSH_VARIABLE,
    OCI_CONFIG,
    OCI_LAYER,
    OCI_MANIFEST,
)
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import COMMAND, build_train

pytestmark = pytest.mark.engine

ENTRYPOINT = b"#!/bin/sh\necho counting\necho 4 > /opt/pht_results/count.txt\n"
ACCEPT = f"{OCI_MANIFEST}, {DOCKER_MANIFEST}"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def station(engine, tmp_path: Path) -> StationRunner:
    setup = StationSetup("station-0", station_keys(2)[0], [], RunLimits(wall_clock_seconds=120))
    return StationRunner(engine.client, setup)


def registry_get(registry, path: str, accept: str = "") -> httpx.Response:
    answer = httpx.get(f"http://{registry.address}/v2/{path}", headers={"Accept": accept} if accept else {})
    answer.raise_for_status()
    return answer


def test_the_push_sends_one_uncompressed_layer_onto_the_bases_layers(
    engine, registry, researcher, tmp_path, caplog
) -> None:
    train = build_train(
        engine, registry.address, "one-layer", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    name = "pht/one-layer"
    base = registry_get(registry, f"{name}/manifests/base", ACCEPT).json()

    with caplog.at_level(logging.INFO, logger="desktop_app.core.station"):
        report = station(engine, tmp_path).run(train.reference)
    assert report.succeeded, report.error
    # The layer went up while the post-run wrote it, not a second time from the finished file.
    assert not [r for r in caplog.records if "goes up once more" in r.getMessage()]

    manifest = registry_get(registry, f"{name}/manifests/latest", ACCEPT).json()
    assert manifest["mediaType"] == OCI_MANIFEST and manifest["config"]["mediaType"] == OCI_CONFIG
    *below, new = manifest["layers"]
    assert [layer["digest"] for layer in below] == [layer["digest"] for layer in base["layers"]]
    assert new["mediaType"] == OCI_LAYER
    config = registry_get(registry, f"{name}/blobs/{manifest['config']['digest']}").json()
    assert config["rootfs"]["diff_ids"][-1] == new["digest"] and config["config"]["Cmd"] == COMMAND
    assert len(config["rootfs"]["diff_ids"]) == len(manifest["layers"])
    # The layer holds the processed train's files.
    blob = registry_get(registry, f"{name}/blobs/{new['digest']}").content
    assert len(blob) == new["size"]
    with tarfile.open(fileobj=io.BytesIO(blob)) as tar:
        names = set(tar.getnames())
        pushed = TrainConfig.from_json_bytes(tar.extractfile("opt/train_config.json").read())  # type: ignore[union-attr]
    assert {"opt/pht_results/count.txt", "opt/pht_train/entrypoint.sh", "opt/user_sym_key.key"} <= names
    assert pushed.result_hash and [s.station for s in pushed.signed_stops()] == ["station-0"]
    # The engine pulls it as the image the run reported (the run removed its local images).
    assert report.digest_out == manifest["config"]["digest"]
    assert pull(engine.client, train.reference).id == report.digest_out


def test_a_base_the_push_client_does_not_handle_is_pushed_by_the_engine(engine, registry, researcher, tmp_path) -> None:
    train = build_train(engine, registry.address, "indexed", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT})
    name = "pht/indexed"
    # `:base` becomes a one-platform OCI index, as multi-platform base images are published.
    answer = registry_get(registry, f"{name}/manifests/base", ACCEPT)
    entry = {
        "mediaType": answer.headers["content-type"],
        "digest": answer.headers["docker-content-digest"],
        "size": len(answer.content),
        "platform": {"architecture": "amd64", "os": "linux"},
    }
    index = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [entry]}).encode()
    put = httpx.put(
        f"http://{registry.address}/v2/{name}/manifests/base", content=index, headers={"Content-Type": OCI_INDEX}
    )
    assert put.status_code == 201, put.text

    report = station(engine, tmp_path).run(train.reference)
    assert report.succeeded, report.error
    manifest = registry_get(registry, f"{name}/manifests/latest", ACCEPT).json()
    assert manifest["layers"][-1]["mediaType"] != OCI_LAYER  # the engine's push compresses its layers
    pulled = pull(engine.client, train.reference)
    assert pulled.id == report.digest_out
    assert (
        json.loads(httpx.get(f"http://{registry.address}/v2/{name}/blobs/{manifest['config']['digest']}").content)[
            "config"
        ]["Cmd"]
        == COMMAND
    )


def test_a_repository_without_its_base_in_the_registry_is_pushed_by_the_engine(
    engine, registry, researcher, tmp_path
) -> None:
    build_train(engine, registry.address, "based", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT})
    # The same train under a name the registry has never seen, run from the engine's images.
    moved = f"{registry.address}/pht/unbased"
    for tag in ("latest", "base"):
        pull(engine.client, f"{registry.address}/pht/based:{tag}").tag(moved, tag=tag)
    setup = StationSetup("station-0", station_keys(2)[0], [], RunLimits(wall_clock_seconds=120), pull=False)
    report = StationRunner(engine.client, setup).run(f"{moved}:latest")
    assert report.succeeded, report.error
    manifest = registry_get(registry, "pht/unbased/manifests/latest", ACCEPT).json()
    assert manifest["layers"][-1]["mediaType"] != OCI_LAYER  # the engine pushed it, base layers and all
    assert pull(engine.client, f"{moved}:latest").id == report.digest_out


def test_the_station_can_be_told_to_let_the_engine_push(engine, registry, researcher, tmp_path, monkeypatch) -> None:
    build_train(engine, registry.address, "told", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT})
    monkeypatch.setenv(ENGINE_PUSH_VARIABLE, "1")
    report = station(engine, tmp_path).run(f"{registry.address}/pht/told:latest")
    assert report.succeeded, report.error
    manifest = registry_get(registry, "pht/told/manifests/latest", ACCEPT).json()
    assert manifest["layers"][-1]["mediaType"] != OCI_LAYER
    assert pull(engine.client, f"{registry.address}/pht/told:latest").id == report.digest_out
