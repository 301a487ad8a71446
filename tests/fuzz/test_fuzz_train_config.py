"""Fuzzing `train_config.json` parsing and every reader of its fields.

Two harnesses:
- `mutated`: a real config (creator, route of signed stops, hashes) with fields replaced by
  any JSON value, deleted, or nested deep. `TrainConfig.from_json_bytes` refuses with a
  `TrainConfigError`, or every typed field, the verification checks, the station key list,
  the Paillier key lookup and the round trip through `to_json_bytes` give a value or a
  `PHTError` — never another exception.
- `text`: bytes that are almost JSON (brackets, numbers past int's 4,300 digits, bad UTF-8):
  only `TrainConfigError`.
"""

from __future__ import annotations

import contextlib
import json
from functools import cache
from typing import Any

from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import strategies as st

from desktop_app.core.errors import PHTError
from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError
from desktop_app.core.protocol.verification import check_results, check_train
from desktop_app.core.results.decrypt import station_key_fingerprints
from desktop_app.core.results.key_selection import archive_key_fingerprint, archive_paillier_key
from tests.fuzz.harness import run_harness
from tests.helpers.result_archives import new_config, station_keys

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(["", "00", "zz", "ab" * 64, "²", "1e400", "-1", "{}", '{"n": "5", "g": "6"}', "7" * 5000])
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
FIELDS = [
    "@id", "creator", "creator.id", "creator.rsa_public_key", "creator.encrypted_key", "creator.paillier_public_key",
    "route", "route.0", "route.0.index", "route.0.station", "route.0.rsa_public_key", "route.0.signature",
    "route.0.signature.digest", "route.0.signature.signature", "route.0.encrypted_key", "route.1.index",
    "session_id", "file_list", "hash", "signature", "build", "build.signature", "build.rsa_public_key",
    "result_hash", "result_signature",
]  # fmt: skip


@cache
def _real_config() -> str:
    creator = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    config = new_config(creator.public_key(), station_keys(2))
    for stop in config.route:
        stop.signature = (b"\x01" * 64, b"\x02" * 256)
        stop.encrypted_key = b"\x03" * 256
    config.creator_encrypted_key = b"\x04" * 256
    config.result_hash, config.result_signature = b"\x05" * 64, b"\x06" * 256
    return json.dumps(config.raw)


def _set(document: Any, path: str, value: Any, delete: bool) -> None:
    *parents, last = path.split(".")
    node = document
    for part in parents:
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return
    if isinstance(node, list) and last.isdigit() and int(last) < len(node):
        if delete:
            del node[int(last)]
        else:
            node[int(last)] = value
    elif isinstance(node, dict):
        if delete:
            node.pop(last, None)
        else:
            node[last] = value


@st.composite
def mutated_configs(draw: st.DrawFn) -> bytes:
    document = json.loads(_real_config())
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(FIELDS))
        _set(document, path, draw(JSON_VALUES), delete=draw(st.integers(0, 5)) == 0)
    text = json.dumps(document)
    depth = draw(st.sampled_from([0, 0, 0, 63, 64, 65, 2_000, 200_000]))
    if depth:  # nesting written as text: json.dumps itself would recurse
        text = text.replace("{", '{"deep": ' + "[" * depth + "]" * depth + ", ", 1)
    return text.encode()


def _use_every_field(config: TrainConfig) -> None:
    def attempt(read) -> None:
        with contextlib.suppress(PHTError):
            read()

    for name in (
        "train_id", "creator_id", "creator_public_key", "creator_paillier_public_key", "creator_encrypted_key",
        "session_id", "file_list", "train_hash", "train_signature", "build", "build_signature",
        "build_public_key", "result_hash", "result_signature",
    ):  # fmt: skip
        attempt(lambda name=name: getattr(config, name))
    for stop in config.route:
        for name in ("station", "index", "eco_system", "rsa_public_key", "signature", "encrypted_key"):
            attempt(lambda stop=stop, name=name: getattr(stop, name))
    attempt(config.signed_stops)
    attempt(lambda: config.stop_for("station-0"))
    attempt(lambda: check_results(config, b"\x05" * 64))
    attempt(lambda: check_train(config, b"\x00" * 64))
    attempt(lambda: station_key_fingerprints(config))
    attempt(lambda: archive_key_fingerprint(config))
    attempt(lambda: archive_paillier_key(config))
    again = TrainConfig.from_json_bytes(config.to_json_bytes())
    assert again.raw == config.raw or json.dumps(again.raw) == json.dumps(config.raw)  # NaN != NaN


def test_mutated_configs() -> None:
    def check(data: bytes) -> None:
        try:
            config = TrainConfig.from_json_bytes(data)
        except TrainConfigError:
            return
        _use_every_field(config)

    run_harness("train_config.json: mutated fields", mutated_configs(), check, examples=500)


ALMOST_JSON = st.lists(
    st.sampled_from([b"{", b"}", b"[", b"]", b'"', b":", b",", b"1", b"9" * 4400, b"-", b"e", b"\xff", b"\\u",
                     b"null", b'"route"', b'"creator"', b'"session_id"', b" "]),
    max_size=60,
).map(b"".join)  # fmt: skip


def test_almost_json() -> None:
    def check(data: bytes) -> None:
        with contextlib.suppress(TrainConfigError):
            _use_every_field(TrainConfig.from_json_bytes(data))

    run_harness("train_config.json: almost JSON", ALMOST_JSON | st.binary(max_size=200), check, examples=400)
