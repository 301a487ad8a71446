"""Result archives made with the project's own station code, the way a route of stations would."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.hashing import train_hash
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key, public_key_to_hex_pem
from desktop_app.core.protocol.post_run import PlainFile, post_run
from desktop_app.core.protocol.signatures import sign_train_hash
from desktop_app.core.protocol.symmetric import encrypt_bytes
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.wrapping import new_file_key, wrap_key
from desktop_app.core.results.archive_writer import write_result_archive

_STATION_KEYS: list[rsa.RSAPrivateKey] = []


def station_keys(count: int) -> list[rsa.RSAPrivateKey]:
    """Station keys are expensive to make and need no secrecy in tests: share them."""
    while len(_STATION_KEYS) < count:
        _STATION_KEYS.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    return _STATION_KEYS[:count]


def new_config(creator_public: rsa.RSAPublicKey, stations: list[rsa.RSAPrivateKey], **extra) -> TrainConfig:
    raw = {
        "@id": "train-" + os.urandom(4).hex(),
        "@context": {},
        "proposal_id": 7,
        "source": {"type": "docker_repository", "address": "harbor.example/pht/train", "tag": "latest"},
        "creator": {"id": "researcher-1", "rsa_public_key": public_key_to_hex_pem(creator_public)},
        "build": {"signature": "00", "rsa_public_key": public_key_to_hex_pem(stations[0].public_key())},
        "session_id": os.urandom(64).hex(),
        "route": [
            {
                "station": f"station-{i}",
                "eco_system": "tue",
                "index": i,
                "rsa_public_key": public_key_to_hex_pem(k.public_key()),
            }
            for i, k in enumerate(stations)
        ],
        "file_list": ["entrypoint.py"],
        "hash": "00" * 64,
        "signature": "00",
        **extra,
    }
    return TrainConfig(raw)


@dataclass
class BuiltArchive:
    path: Path
    config: TrainConfig
    plaintexts: dict[str, bytes]
    encrypted: list[PlainFile] = field(default_factory=list)


def build_archive(
    folder: Path,
    creator_public: rsa.RSAPublicKey,
    files: dict[str, bytes],
    station_count: int = 1,
    gzip: bool = False,
    config_extra: dict | None = None,
) -> BuiltArchive:
    """Run every station's post-run over `files` (in dict order) and write the archive."""
    stations = station_keys(station_count)
    config = new_config(creator_public, stations, **(config_extra or {}))
    plain_dir = folder / "plain"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (plain_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (plain_dir / name).write_bytes(data)
    plain = [PlainFile(name, plain_dir / name) for name in files]
    encrypted: list[PlainFile] = []
    for index, key in enumerate(stations):
        _, encrypted = post_run(config, f"station-{index}", key, plain, folder / f"enc-{index}")
    path = write_result_archive(folder / ("result.tar.gz" if gzip else "result.tar"), config, encrypted, gzip)
    return BuiltArchive(path, config, dict(files), encrypted)


def signed_train(
    creator: rsa.RSAPrivateKey,
    stations: list[rsa.RSAPrivateKey],
    train_files: dict[str, bytes],
    query: bytes | None = None,
) -> TrainConfig:
    """A train as the central API and its builder make it: file_list in `train_files` order,
    the train hash signed by the researcher, and that signature signed by a one-off builder key."""
    builder = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    config = new_config(creator.public_key(), stations)
    config.raw["file_list"] = list(train_files)
    chunks = [(name, [data]) for name, data in train_files.items()]
    digest = train_hash(config.creator_id, chunks, config.session_id, query)
    signature = sign_train_hash(creator, digest)
    config.raw.update(hash=digest.hex(), signature=signature.hex())
    config.raw["build"] = {
        "signature": sign_train_hash(builder, digest + signature).hex(),
        "rsa_public_key": public_key_to_hex_pem(builder.public_key()),
    }
    return config


def encrypt_train(config: TrainConfig, train_files: dict[str, bytes], query: bytes | None = None) -> dict[str, bytes]:
    """What the builder puts in `/opt/pht_train`: every file (and the query as query.json) encrypted
    with a new file key wrapped for every route stop and the creator. Names as tar members (no `./`)."""
    file_key = new_file_key()
    for stop in config.route:
        stop.encrypted_key = wrap_key(file_key, load_hex_pem_public_key(stop.rsa_public_key))
    config.creator_encrypted_key = wrap_key(file_key, load_hex_pem_public_key(config.creator_public_key))
    files = {**train_files, **({"query.json": query} if query is not None else {})}
    return {name.removeprefix("./"): encrypt_bytes(data, file_key) for name, data in files.items()}
