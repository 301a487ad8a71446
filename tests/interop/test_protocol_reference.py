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

from desktop_app.core.protocol.post_run import station_post_run
from desktop_app.core.protocol.pre_run import station_pre_run
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import (
    first_failure,
)
from tests.helpers.reference import run_reference
from tests.helpers.result_archives import signed_train, station_keys

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
encrypted, new_key = protocol._post_run_outside_container(
    [io.BytesIO(bytes.fromhex(h)) for h in data["results"]], data["key_path"], None)
# post_run_protocol then re-encrypts the train files and the query with the new key.
train_files, query = protocol.encrypt_immutable_files(
    [io.BytesIO(bytes.fromhex(data["train"][n])) for n in names], new_key, bytes.fromhex(data["query"]))
image_train = {n[2:] if n.startswith("./") else n: f.getvalue().hex() for n, f in zip(names, train_files)}
image_train["query.json"] = query.hex()
result = {"config": json.loads(protocol.config.json(by_alias=True)), "train_hash": train_hash.hex(),
          "encrypted": [blob.getvalue().hex() for blob in encrypted], "train": image_train}
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
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(path)


@pytest.fixture(scope="module")
def creator() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_reference_station_accepts_a_train_our_station_processed(creator, tmp_path: Path) -> None:
    stations = station_keys(2)
    config = signed_train(creator, stations, TRAIN_FILES, QUERY)
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
    config = signed_train(creator, stations, TRAIN_FILES, QUERY)
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
    after = TrainConfig(answer["config"])
    results = [(name, io.BytesIO(bytes.fromhex(blob))) for name, blob in zip(RESULTS, answer["encrypted"], strict=True)]
    image_train = [(name, io.BytesIO(bytes.fromhex(blob))) for name, blob in answer["train"].items()]
    outcome = station_pre_run(after, "station-1", stations[1], image_train, tmp_path / "t", results, tmp_path / "r")
    assert outcome.passed, outcome.checks
    assert {c.name for c in outcome.checks} >= {"train_hash", "build_signature", "result_hash", "route_signature[0]"}
    assert {n: (tmp_path / "r" / n).read_bytes() for n in RESULTS} == RESULTS
    assert (tmp_path / "t" / "query.json").read_bytes() == QUERY

    swapped = [
        (name, io.BytesIO(bytes.fromhex(blob))) for name, blob in zip(RESULTS, answer["encrypted"][::-1], strict=True)
    ]
    image_train = [(name, io.BytesIO(bytes.fromhex(blob))) for name, blob in answer["train"].items()]
    altered = station_pre_run(after, "station-1", stations[1], image_train, tmp_path / "t2", swapped, tmp_path / "r2")
    assert first_failure(altered.checks).name == "result_hash"
