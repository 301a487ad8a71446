"""Train images as the PHT builder makes them, for the station runner's tests: a `:base`
image (busybox and the command) and the train image on top of it with `/opt/train_config.json`,
the encrypted train files in `/opt/pht_train` and `/opt/user_sym_key.key`."""

from __future__ import annotations

import io
import json
import os
import tarfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.hashing import train_hash
from desktop_app.core.protocol.hexpem import public_key_to_hex_pem
from desktop_app.core.protocol.signatures import sign_train_hash
from desktop_app.core.protocol.symmetric import encrypt_bytes
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.wrapping import new_file_key, wrap_key
from desktop_app.core.station.image_files import put_tree, read_file, scratch_container
from desktop_app.core.station.registry import push

COMMAND = ["sh", "/opt/pht_train/entrypoint.sh"]


@dataclass
class BuiltTrain:
    reference: str
    config: TrainConfig
    files: dict[str, bytes]


def signed_config(researcher: rsa.RSAPrivateKey, stations: list[rsa.RSAPrivateKey], files: dict[str, bytes]):
    builder = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    session_id = os.urandom(64)
    digest = train_hash("researcher-1", ((n, [d]) for n, d in files.items()), session_id)
    signature = sign_train_hash(researcher, digest)
    file_key = new_file_key()
    raw = {
        "@id": "train-" + os.urandom(4).hex(),
        "@context": {},
        "proposal_id": 1,
        "source": {"type": "docker_repository", "address": "registry/pht/train", "tag": "latest"},
        "creator": {
            "id": "researcher-1",
            "rsa_public_key": public_key_to_hex_pem(researcher.public_key()),
            "encrypted_key": wrap_key(file_key, researcher.public_key()).hex(),
        },
        "build": {
            "signature": sign_train_hash(builder, bytes.fromhex(digest.hex() + signature.hex())).hex(),
            "rsa_public_key": public_key_to_hex_pem(builder.public_key()),
        },
        "session_id": session_id.hex(),
        "route": [
            {
                "station": f"station-{i}",
                "eco_system": "tue",
                "index": i,
                "rsa_public_key": public_key_to_hex_pem(k.public_key()),
                "encrypted_key": wrap_key(file_key, k.public_key()).hex(),
            }
            for i, k in enumerate(stations)
        ],
        "file_list": list(files),
        "hash": digest.hex(),
        "signature": signature.hex(),
    }
    return TrainConfig(raw), file_key


def build_train(
    engine, registry_address: str, name: str, researcher, stations, files: dict[str, bytes], tamper=None
) -> BuiltTrain:
    """Build `:base` and `:latest` of `registry/pht/<name>`, push both, and drop the local copies.

    `tamper(config, files)` may change either after signing, as an attacker would.
    """
    config, file_key = signed_config(researcher, stations, files)
    if tamper:
        files = dict(files)
        tamper(config, files)
    repository = f"{registry_address}/pht/{name}"
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        container.commit(repository=repository, tag="base", changes=[f"CMD {json.dumps(COMMAND)}"])
    with scratch_container(engine.client, f"{repository}:base") as container:
        put_tree(
            container,
            "/opt",
            {"train_config.json": config.to_json_bytes(), "user_sym_key.key": config.creator_encrypted_key or b""},
        )
        put_tree(container, "/opt/pht_train", {n: encrypt_bytes(d, file_key) for n, d in files.items()})
        container.commit(repository=repository, tag="latest", changes=[f"CMD {json.dumps(COMMAND)}"])
    for tag in ("base", "latest"):
        push(engine.client, f"{repository}:{tag}")
        engine.client.images.remove(f"{repository}:{tag}", force=True)
    return BuiltTrain(f"{repository}:latest", config, files)


def script_image(engine, script: str, tag: str) -> str:
    """A bare image whose command is `sh -c SCRIPT` (Podman applies CMD only from `changes`)."""
    container = engine.client.containers.create("localhost/pht-test/busybox:latest", ["true"])
    try:
        repository, version = tag.rsplit(":", 1)
        container.commit(repository=repository, tag=version, changes=[f"CMD {json.dumps(['sh', '-c', script])}"])
    finally:
        container.remove(force=True)
    return tag


def result_archive_of(engine, reference: str, target: Path) -> Path:
    """The image's config and results as the central API serves them: the researcher's result archive."""
    with scratch_container(engine.client, reference) as container:
        config = read_file(container, "/opt/train_config.json")
        stream, _ = container.get_archive("/opt/pht_results")
        results = b"".join(stream)
    with tarfile.open(target, "w") as tar:
        info = tarfile.TarInfo("train_config.json")
        info.size = len(config)
        tar.addfile(info, io.BytesIO(config))
        with tarfile.open(fileobj=io.BytesIO(results)) as source:
            for member in source:
                tar.addfile(member, source.extractfile(member) if member.isreg() else None)
    return target
