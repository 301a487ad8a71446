"""The protocol layer other features build on: train config, hashes, a station's post-run
over streams, and the pre-run / decryption checks."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.protocol.hashing import ResultHasher, train_hash
from desktop_app.core.protocol.hexpem import public_key_to_hex_pem
from desktop_app.core.protocol.post_run import PostRunError, station_post_run
from desktop_app.core.protocol.signatures import sign_train_hash
from desktop_app.core.protocol.symmetric import decrypt_bytes
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.protocol.verification import (
    all_passed,
    check_previous_results,
    check_results,
    check_train,
    first_failure,
)
from desktop_app.core.protocol.wrapping import unwrap_key
from tests.helpers.result_archives import new_config, station_keys

RESULTS = {"model/w.bin": os.urandom(5000), "empty.txt": b"", "log.txt": b"ok\n"}


@pytest.fixture(scope="module")
def creator() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class MemorySink:
    """A stream sink: every encrypted output lands in a dict instead of a folder."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[io.BytesIO]:
        buffer = io.BytesIO()
        yield buffer
        self.files[name] = buffer.getvalue()


def streams(files: dict[str, bytes]) -> list[tuple[str, io.BytesIO]]:
    return [(name, io.BytesIO(data)) for name, data in files.items()]


def result_hash_of(config: TrainConfig, files: dict[str, bytes]) -> bytes:
    hasher = ResultHasher(config.session_id)
    for data in files.values():
        hasher.update(data)
    return hasher.finish()


def test_route_of_three_over_streams_then_every_check_holds(creator, tmp_path) -> None:
    stations = station_keys(3)
    config = new_config(creator.public_key(), stations, extra_field={"kept": True})
    sink, train_sink = MemorySink(), MemorySink()
    seen: list[Progress] = []
    for index, key in enumerate(stations):
        before = check_previous_results(config, result_hash_of(config, RESULTS), f"station-{index}")
        assert index == 0 or all_passed(before), before
        outcome = station_post_run(
            config,
            f"station-{index}",
            key,
            streams(RESULTS),
            sink,
            [("entrypoint.py", io.BytesIO(b"print('hi')\n"))],
            train_sink,
            progress=seen.append,
        )
    assert outcome.result_hash == result_hash_of(config, RESULTS)
    assert seen[-1] == Progress(4, 4, "entrypoint.py")
    file_key = unwrap_key(config.creator_encrypted_key, creator)
    assert file_key == outcome.file_key
    assert {name: decrypt_bytes(blob, file_key) for name, blob in sink.files.items()} == RESULTS
    assert decrypt_bytes(train_sink.files["entrypoint.py"], file_key) == b"print('hi')\n"
    for stop, key in zip(config.route, stations, strict=True):
        assert unwrap_key(stop.encrypted_key, key) == file_key
    checks = check_results(config, outcome.result_hash)
    assert all_passed(checks), checks
    assert [c.name for c in checks] == [
        "result_hash",
        "route_complete",
        "result_signature",
        "route_signature[0]",
        "route_signature[1]",
        "route_signature[2]",
        "last_route_digest",
    ]
    rewritten = json.loads(TrainConfig.from_json_bytes(config.to_json_bytes()).to_json_bytes())
    assert rewritten["extra_field"] == {"kept": True}


def test_folder_sink_writes_nested_names(creator, tmp_path) -> None:
    config = new_config(creator.public_key(), station_keys(1))
    outcome = station_post_run(config, "station-0", station_keys(1)[0], streams(RESULTS), tmp_path / "enc")
    assert sorted(f.name for f in outcome.results) == sorted(RESULTS)
    blob = (tmp_path / "enc" / "model" / "w.bin").read_bytes()
    assert decrypt_bytes(blob, outcome.file_key) == RESULTS["model/w.bin"]


@pytest.mark.parametrize(
    ("station", "files", "says"),
    [
        ("station-9", RESULTS, "not on this train's route"),
        ("station-1", RESULTS, "Earlier stations have not signed: station-0"),
        ("station-0", {"../escape.bin": b"x"}, "would leave its folder"),
        ("station-0", {"/etc/passwd": b"x"}, "would leave its folder"),
    ],
)
def test_refused_post_run_leaves_the_config_unchanged(creator, station: str, files, says: str) -> None:
    config = new_config(creator.public_key(), station_keys(2))
    before = config.to_json_bytes()
    with pytest.raises(PostRunError, match=says):
        station_post_run(config, station, station_keys(2)[0], streams(files), MemorySink())
    assert config.to_json_bytes() == before


def test_cancel_and_missing_train_sink_leave_the_config_unchanged(creator) -> None:
    config = new_config(creator.public_key(), station_keys(1))
    before = config.to_json_bytes()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        station_post_run(
            config, "station-0", station_keys(1)[0], streams(RESULTS), MemorySink(), cancel=token
        )
    with pytest.raises(PostRunError, match="train_sink"):
        station_post_run(
            config, "station-0", station_keys(1)[0], streams(RESULTS), MemorySink(), [("a.py", io.BytesIO())]
        )
    assert config.to_json_bytes() == before


def test_checks_name_what_was_altered(creator) -> None:
    stations = station_keys(2)
    config = new_config(creator.public_key(), stations)
    for index, key in enumerate(stations):
        station_post_run(config, f"station-{index}", key, streams(RESULTS), MemorySink())
    good = result_hash_of(config, RESULTS)
    altered = first_failure(check_results(config, result_hash_of(config, {**RESULTS, "log.txt": b"ok!\n"})))
    assert altered is not None and altered.name == "result_hash" and "altered" in altered.detail

    swapped = TrainConfig(json.loads(config.to_json_bytes()))
    swapped.route[0].raw["rsa_public_key"] = public_key_to_hex_pem(creator.public_key())
    failure = first_failure(check_results(swapped, good))
    assert failure is not None and failure.name == "route_signature[0]"

    forged = TrainConfig(json.loads(config.to_json_bytes()))
    forged.result_signature = bytes(256)
    failure = first_failure(check_results(forged, good))
    assert failure is not None and failure.name == "result_signature"

    unsigned = TrainConfig(json.loads(config.to_json_bytes()))
    del unsigned.route[1].raw["signature"]
    failure = first_failure(check_results(unsigned, good))
    assert failure is not None and failure.name == "route_complete" and "station-1" in failure.detail
    # At station-1's pre-run only station-0's work counts, and it holds... except the result
    # signature, which is now station-1's and not station-0's.
    assert first_failure(check_previous_results(config, good, "station-1")).name == "result_signature"
    assert first_failure(check_previous_results(config, good, "elsewhere")).name == "on_route"


def train_with_signatures(creator: rsa.RSAPrivateKey, files: dict[str, bytes]) -> TrainConfig:
    builder = station_keys(1)[0]
    config = new_config(creator.public_key(), station_keys(1))
    config.raw["file_list"] = list(files)
    digest = train_hash(config.creator_id, [(n, [d]) for n, d in files.items()], config.session_id)
    signature = sign_train_hash(creator, digest)
    config.raw.update(hash=digest.hex(), signature=signature.hex())
    config.raw["build"] = {
        "signature": sign_train_hash(builder, bytes.fromhex(digest.hex() + signature.hex())).hex(),
        "rsa_public_key": public_key_to_hex_pem(builder.public_key()),
    }
    return config


def test_train_checks(creator) -> None:
    files = {"./entrypoint.py": b"print(1)\n", "query.json": b'{"q": 1}', "lib/x.py": b"x = 2\n"}
    config = train_with_signatures(creator, files)
    expected = hashlib.sha512(
        b"researcher-1"
        + files["./entrypoint.py"]
        + files["lib/x.py"]
        + config.session_id
        + files["query.json"]
    ).digest()
    assert config.train_hash == expected
    assert all_passed(check_train(config, expected))
    altered = train_hash(config.creator_id, [(n, [d + b" "]) for n, d in files.items()], config.session_id)
    assert [c.name for c in check_train(config, altered) if not c.passed] == [
        "train_hash",
        "train_signature",
        "build_signature",
    ]
    config.raw["build"]["signature"] = "00" * 256
    assert first_failure(check_train(config, expected)).name == "build_signature"
    del config.raw["build"]
    assert "no build signature" in first_failure(check_train(config, expected)).detail


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"route": []}', "lacks required fields: creator, session_id"),
        (b'{"route": [], "session_id": "zz", "creator": {"id": 1}}', "creator.rsa_public_key"),
        (
            b'{"route": [{"index": 0}], "session_id": "00", "creator": {"rsa_public_key": "00"}}',
            "malformed route",
        ),
    ],
)
def test_config_parse_errors_are_sentences(document: bytes, says: str) -> None:
    with pytest.raises(TrainConfigError, match=says) as caught:
        TrainConfig.from_json_bytes(document)
    assert caught.value.exit_code == 5


def test_config_typed_fields_and_bad_hex(creator) -> None:
    config = new_config(creator.public_key(), station_keys(2))
    config.raw["route"].reverse()  # written in any order, read in index order
    assert [s.index for s in config.route] == [0, 1] and config.route[0].eco_system == "tue"
    assert len(config.session_id) == 64 and config.result_hash is None
    config.raw["session_id"] = "not hex"
    with pytest.raises(TrainConfigError, match="session_id is not a hex string"):
        _ = config.session_id
