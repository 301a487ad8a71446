"""A station's pre-run over a route of our own stations: open, decrypt and check the train and
the earlier results; every kind of alteration is named."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.post_run import station_post_run
from desktop_app.core.protocol.pre_run import PreRunError, station_pre_run
from desktop_app.core.protocol.symmetric import BadPadding
from desktop_app.core.protocol.verification import first_failure
from tests.helpers.result_archives import encrypt_train, signed_train, station_keys

TRAIN = {"./entrypoint.py": b"print('hi')\n", "lib/model.py": os.urandom(3000)}
QUERY = b'{"resourceType": "Bundle"}'
RESULTS = {"model.bin": os.urandom(70_000), "empty.txt": b"", "log/run.txt": b"ok\n"}


@pytest.fixture(scope="module")
def creator() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def streams(files: dict[str, bytes]) -> list[tuple[str, io.BytesIO]]:
    return [(name, io.BytesIO(data)) for name, data in files.items()]


def read_folder(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_route_of_two_stations_opens_and_checks_at_each_stop(creator, tmp_path: Path) -> None:
    stations = station_keys(2)
    config = signed_train(creator, stations, TRAIN, QUERY)
    image_train = encrypt_train(config, TRAIN, QUERY)
    first = station_pre_run(config, "station-0", stations[0], streams(image_train), tmp_path / "t0")
    assert first.passed, first.checks
    assert [c.name for c in first.checks] == ["train_files", "train_hash", "train_signature", "build_signature"]
    plain_train = read_folder(tmp_path / "t0")
    assert plain_train == {
        "entrypoint.py": TRAIN["./entrypoint.py"],
        "lib/model.py": TRAIN["lib/model.py"],
        "query.json": QUERY,
    }

    # Station 0 runs, then re-encrypts its results and the train files with a new key.
    station_post_run(
        config,
        "station-0",
        stations[0],
        streams(RESULTS),
        tmp_path / "r-enc",
        streams(plain_train),
        tmp_path / "t-enc",
    )
    results_out = read_folder(tmp_path / "r-enc")
    train_out = read_folder(tmp_path / "t-enc")

    second = station_pre_run(
        config,
        "station-1",
        stations[1],
        streams(train_out),
        tmp_path / "t1",
        [(name, io.BytesIO(results_out[name])) for name in RESULTS],
        tmp_path / "r1",
    )
    assert second.passed, second.checks
    assert "result_hash" in [c.name for c in second.checks] and "route_signature[0]" in [c.name for c in second.checks]
    assert read_folder(tmp_path / "r1") == RESULTS and read_folder(tmp_path / "t1") == plain_train

    reordered = [(name, io.BytesIO(results_out[name])) for name in reversed(RESULTS)]
    altered = station_pre_run(
        config, "station-1", stations[1], streams(train_out), tmp_path / "t2", reordered, tmp_path / "r2"
    )
    assert first_failure(altered.checks).name == "result_hash"


@pytest.mark.parametrize(
    ("change", "failed"),
    [
        (lambda files: files.update({"lib/model.py": files["lib/model.py"] + b"#"}), "train_hash"),
        (lambda files: files.pop("lib/model.py"), "train_files"),
        (lambda files: files.update({"extra.py": b"import os"}), "train_files"),
        (lambda files: files.update({"query.json": b'{"resourceType": "Other"}'}), "train_hash"),
    ],
)
def test_altered_trains_are_named(creator, tmp_path: Path, change, failed: str) -> None:
    stations = station_keys(1)
    config = signed_train(creator, stations, TRAIN, QUERY)
    plain = {**TRAIN, "query.json": QUERY}
    change(plain)
    image_train = encrypt_train(config, {k: v for k, v in plain.items() if k != "query.json"}, plain.get("query.json"))
    outcome = station_pre_run(config, "station-0", stations[0], streams(image_train), tmp_path / "t")
    assert not outcome.passed and first_failure(outcome.checks).name == failed


def test_a_train_not_for_this_station_is_refused(creator, tmp_path: Path) -> None:
    stations = station_keys(2)
    config = signed_train(creator, stations, TRAIN, QUERY)
    image_train = encrypt_train(config, TRAIN, QUERY)
    with pytest.raises(PreRunError, match="not on this train's route"):
        station_pre_run(config, "elsewhere", stations[0], streams(image_train), tmp_path / "a")
    with pytest.raises(PreRunError, match="encrypted for another key"):
        station_pre_run(config, "station-0", stations[1], streams(image_train), tmp_path / "b")
    with pytest.raises(PreRunError, match="results_dir"):
        station_pre_run(config, "station-1", stations[1], streams(image_train), tmp_path / "c")
    damaged = {**image_train, "lib/model.py": image_train["lib/model.py"][:-1] + b"\0"}
    with pytest.raises(BadPadding, match="lib/model.py"):
        station_pre_run(config, "station-0", stations[0], streams(damaged), tmp_path / "d")
    with pytest.raises(PreRunError, match="would leave its folder"):
        station_pre_run(config, "station-0", stations[0], [("../x.py", io.BytesIO(b""))], tmp_path / "e")
