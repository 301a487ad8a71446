"""The protocol layer against the reference station library, both ways: what a station of
ours writes, a reference station reads and accepts at its pre-run; what a reference station
wrote, our pre-run checks accept."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.hashing import ResultHasher, train_hash
from desktop_app.core.protocol.hexpem import public_key_to_hex_pem
from desktop_app.core.protocol.post_run import station_post_run
from desktop_app.core.protocol.signatures import sign_train_hash
from desktop_app.core.protocol.symmetric import decrypt_file
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import (
    all_passed,
    check_previous_results,
    check_train,
    first_failure,
)
from desktop_app.core.protocol.wrapping import unwrap_key
from tests.helpers.reference import run_reference
from tests.helpers.result_archives import new_config, station_keys

pytestmark = pytest.mark.interop

# file_list order, as the central API lists them (a leading "./" is part of the contract).
TRAIN_FILES = {"./entrypoint.py": b"print('train')\n", "lib/util.py": b"X = 1\n"}
QUERY = b'{"query": 1}'  # the train's query: hashed after the session id, travels as query.json
RESULTS = {"model.bin": os.urandom(40_000), "empty.txt": b"", "nested/t.csv": b"a,b\n1,2\n"}

REFERENCE_PRE_RUN = """
import io
from train_lib.security.encryption import FileEncryptor
from train_lib.security.key_manager import KeyManager
from train_lib.security.protocol import SecurityProtocol
from train_lib.security.train_config import TrainConfig
config = TrainConfig(**data["config"])
protocol = SecurityProtocol(data["station"], config)
key = KeyManager(config).decrypt_symmetric_key(protocol.route_stop.encrypted_key, data["key_path"])
crypt = FileEncryptor(key)
names = list(data["train"])
files = [io.BytesIO(crypt.decrypt(bytes.fromhex(data["train"][n]))) for n in names]
query_at = names.index("query.json")
query = files.pop(query_at).read(); names.pop(query_at)
names = [n[2:] if n.startswith("./") else n for n in names]  # as tar members from the image
protocol.validate_immutable_files(files=files, immutable_file_names=names,
                                  ordered_file_list=config.file_list, query=query)
protocol.verify_digital_signature()
results = [io.BytesIO(crypt.decrypt(bytes.fromhex(blob))) for blob in data["results"]]
protocol.validate_previous_results(files=results)
result = [f.getvalue().hex() for f in results]
"""

REFERENCE_POST_RUN = """
import io
from train_lib.security.hashing import hash_immutable_files
from train_lib.security.protocol import SecurityProtocol
from train_lib.security.train_config import TrainConfig
config = TrainConfig(**data["config"])
names = list(data["train"])
train_hash = hash_immutable_files(
    [io.BytesIO(bytes.fromhex(data["train"][n])) for n in names], str(config.creator.id),
    bytes.fromhex(config.session_id), binary_files=True, ordered_file_list=config.file_list,
    immutable_file_names=[n[2:] if n.startswith("./") else n for n in names],
    query=bytes.fromhex(data["query"]))
protocol = SecurityProtocol("station-0", config)
encrypted, _ = protocol._post_run_outside_container(
    [io.BytesIO(bytes.fromhex(h)) for h in data["results"]], data["key_path"], None)
result = {"config": json.loads(protocol.config.json(by_alias=True)), "train_hash": train_hash.hex(),
          "encrypted": [blob.getvalue().hex() for blob in encrypted]}
"""


class MemorySink:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[io.BytesIO]:
        buffer = io.BytesIO()
        yield buffer
        self.files[name] = buffer.getvalue()


def key_file(folder: Path, key: rsa.RSAPrivateKey, name: str) -> str:
    path = folder / f"{name}.pem"
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(path)


def signed_train(creator: rsa.RSAPrivateKey, stations: list[rsa.RSAPrivateKey]) -> TrainConfig:
    """A train as the central API and its builder make it, signed by the researcher."""
    builder = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    config = new_config(creator.public_key(), stations)
    config.raw["file_list"] = list(TRAIN_FILES)
    digest = train_hash(
        config.creator_id, [(n, [d]) for n, d in TRAIN_FILES.items()], config.session_id, QUERY
    )
    signature = sign_train_hash(creator, digest)
    config.raw.update(hash=digest.hex(), signature=signature.hex())
    config.raw["build"] = {
        "signature": sign_train_hash(builder, digest + signature).hex(),
        "rsa_public_key": public_key_to_hex_pem(builder.public_key()),
    }
    return config


@pytest.fixture(scope="module")
def creator() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_reference_station_accepts_a_train_our_station_processed(creator, tmp_path: Path) -> None:
    stations = station_keys(2)
    config = signed_train(creator, stations)
    results, train = MemorySink(), MemorySink()
    station_post_run(
        config,
        "station-0",
        stations[0],
        [(n, io.BytesIO(d)) for n, d in RESULTS.items()],
        results,
        [(n, io.BytesIO(d)) for n, d in {**TRAIN_FILES, "query.json": QUERY}.items()],
        train,
    )
    payload = {
        "config": config.raw,
        "station": "station-1",
        "key_path": key_file(tmp_path, stations[1], "station-1"),
        "train": {n: blob.hex() for n, blob in train.files.items()},
        "results": [results.files[n].hex() for n in RESULTS],
    }
    decrypted = run_reference(REFERENCE_PRE_RUN, payload)
    assert [bytes.fromhex(h) for h in decrypted] == list(RESULTS.values())
    altered = {**payload, "results": payload["results"][::-1]}
    with pytest.raises(AssertionError, match="Previous results have changed"):
        run_reference(REFERENCE_PRE_RUN, altered)


def test_our_pre_run_accepts_what_a_reference_station_did(creator, tmp_path: Path) -> None:
    stations = station_keys(2)
    config = signed_train(creator, stations)
    answer = run_reference(
        REFERENCE_POST_RUN,
        {
            "config": config.raw,
            "train": {n: d.hex() for n, d in TRAIN_FILES.items()},
            "query": QUERY.hex(),
            "results": [d.hex() for d in RESULTS.values()],
            "key_path": key_file(tmp_path, stations[0], "station-0"),
        },
    )
    assert bytes.fromhex(answer["train_hash"]) == config.train_hash
    assert all_passed(check_train(config, config.train_hash))
    after = TrainConfig(answer["config"])
    file_key = unwrap_key(after.stop_for("station-1").encrypted_key, stations[1])
    hasher = ResultHasher(after.session_id)
    for blob, expected in zip(answer["encrypted"], RESULTS.values(), strict=True):
        out = io.BytesIO()
        decrypt_file(io.BytesIO(bytes.fromhex(blob)), out, file_key, hasher)
        assert out.getvalue() == expected
    computed = hasher.finish()
    assert all_passed(check_previous_results(after, computed, "station-1"))
    wrong = ResultHasher(after.session_id)
    wrong.update(b"other results")
    assert first_failure(check_previous_results(after, wrong.finish(), "station-1")).name == "result_hash"
