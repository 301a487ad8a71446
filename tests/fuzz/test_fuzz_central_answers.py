"""Fuzzing the PHT central client's reading of server answers (core/central: client, api, shapes,
tokens, registration, train review).

A hostile or broken server may answer anything. Each example plays a script of answers from a
loopback HTTP server (tests/helpers/scripted_server.py: real HTTP, real TCP) to one of the
client's calls — sign in, list trains, get or sign a train, list its files, review it, find,
list, register or remove a key — and the call must give a value whose every field can be read,
or raise a `PHTError` (a sentence and an exit code); never another exception.

Two harnesses:
- `mutated`: the real shapes of the answers (a page of trains, a train, user secrets, a token
  answer, an error message) with fields replaced by any JSON value, deleted or nested deep,
  under any status and content headers.
- `bytes`: any bytes, almost-JSON and nesting at the recursion limit, as the body.

The session's tokens are kept in memory here (a stand-in for the keyring-backed TokenStore, whose
own tests use the real keyring): what is fuzzed is the reading of answers, not the keyring.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import tarfile
import time
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import strategies as st

from desktop_app.core.central import api, registration, train_review
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import ServerProfile
from desktop_app.core.central.tokens import Credentials, TokenSet
from desktop_app.core.errors import PHTError
from desktop_app.core.keys.fingerprint import fingerprint
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore.index import KeyInfo
from tests.fuzz.harness import run_harness
from tests.helpers.scripted_server import Answer, ScriptedServer

TRAIN_ID = "a1b2c3d4-0000-4000-8000-000000000001"


class MemoryTokens:
    """The TokenStore's interface over a dict: a valid session at the start of every example."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.tokens: TokenSet | None = TokenSet("access", "refresh", time.time() + 3600)
        self.credentials: Credentials | None = None

    def load(self) -> TokenSet | None:
        return self.tokens

    def save(self, tokens: TokenSet) -> None:
        self.tokens = tokens

    def remembered(self) -> Credentials | None:
        return self.credentials

    def remember(self, credentials: Credentials) -> None:
        self.credentials = credentials

    def forget(self) -> None:
        self.tokens = self.credentials = None


@cache
def _key_info() -> KeyInfo:
    public = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return KeyInfo("fuzz-key", KeyType.RSA_2048, fingerprint(public), "", "", "", True, pem.decode())


@cache
def _train_files_tar() -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for name, data in (("entrypoint.py", b"print(1)\n"), ("src/a.py", b"x = 2\n")):
            member = tarfile.TarInfo(name)
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))
    return out.getvalue()


def _train(**fields: Any) -> dict:
    return {
        "id": TRAIN_ID, "name": "cohort study", "hash": "ab" * 64, "hash_signed": None, "session_id": "cd" * 64,
        "query": None, "user_id": "user-1", "proposal_id": "7", "created_at": "2026-11-30T10:00:00Z",
        "updated_at": "2026-11-30T10:00:00Z", "configuration_status": "finished", "build_status": "finished",
        "run_status": "finished", "result_status": "finished", **fields,
    }  # fmt: skip


@cache
def _shapes() -> dict[str, Any]:
    """The answers of the real server, by name (PROTOCOL.md)."""
    secret = {"id": "s-1", "key": "fuzz-key", "type": "rsa_public_key", "content": _key_info().public_pem.hex()}
    paillier = {"id": "s-2", "key": "fuzz-key", "type": "paillier_public_key", "content": '{"n": "35", "g": "36"}'}
    return {
        "trains": {"data": [_train(), _train(id="b2", result_status="started")], "meta": {"total": 2}},
        "train": _train(),
        "files": {"data": [{"path": "entrypoint.py"}, {"directory": "./src", "name": "a.py"}], "meta": {"total": 2}},
        "secrets": {"data": [secret, paillier], "meta": {"total": 2}},
        "secrets, Paillier first": {"data": [paillier, secret], "meta": {"total": 2}},
        "secret": secret,
        "token": {"access_token": "a", "refresh_token": "r", "expires_in": 3600, "token_type": "Bearer"},
        "error": {"message": "The train does not exist."},
        "endless": {"data": [], "meta": {"total": 10**6}},
    }


# What each call asks the server, in order: the answers a real server gives, to be mutated.
CONVERSATIONS: dict[str, list[tuple[str, ...]]] = {
    "sign_in": [("token",), ("train",)],
    "list_trains": [("trains", "endless"), ("trains",)],
    "get_train": [("train",)],
    "submit_signature": [("train", "error")],
    "review": [("train",), ("files",), ("tar",)],
    "secrets": [("secrets", "endless"), ("secrets",)],
    "key_status": [("secrets", "secrets, Paillier first"), ("secrets", "secrets, Paillier first")],
    "register": [("secrets",), ("secrets",), ("secret", "error")],
    "unregister": [("secrets", "secrets, Paillier first"), ("secret", "error")],
}


DEEP_TEXT = "[" * 5000 + "]" * 5000  # JSON inside a JSON string (a secret's content), nested too deep
JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["", "ab" * 64, "../../etc/passwd", "\u202etxt.exe", "\x1b[2J", "7" * 5000, "1e400", DEEP_TEXT])
    | st.sampled_from(["\ud800", "Grüße", "tok en", "a\r\nX-Injected: 1", "\x00"])  # a lone surrogate, non-ASCII
)
HOSTILE_TEXT = st.sampled_from(
    ["\ud800", "Grüße", "a\r\nX-Injected: 1", "\x00", "tok en", DEEP_TEXT, "7" * 5000, "../../x", "\u202e", ""]
) | st.text(st.characters(codec="utf-8") | st.characters(categories=["Cs", "Cc", "Cf"]), max_size=12)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
KEYS = st.sampled_from(
    ["id", "name", "hash", "hash_signed", "session_id", "query", "user_id", "result_status", "data", "meta",
     "total", "path", "directory", "key", "type", "content", "access_token", "refresh_token", "expires_in",
     "token_type", "message"]
)  # fmt: skip


def _containers(node: Any) -> Iterator[Any]:
    if isinstance(node, dict | list):
        yield node
        for child in node.values() if isinstance(node, dict) else node:
            yield from _containers(child)


@st.composite
def mutated_documents(draw: st.DrawFn, shape: str | None = None) -> bytes:
    document = json.loads(json.dumps(_shapes()[shape or draw(st.sampled_from(sorted(_shapes())))]))
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2, 3]))):  # mostly one change: the rest stays valid
        node = draw(st.sampled_from(list(_containers(document))))
        if isinstance(node, dict):
            own = draw(st.integers(0, 3)) > 0 and bool(node)  # mostly a field the answer really has
            key = draw(st.sampled_from(sorted(node)) if own else KEYS)
            operation = draw(st.integers(0, 2))
            if operation == 0:
                node.pop(key, None)
            elif operation == 1:  # a text where text is expected, but text no field should hold
                node[key] = draw(HOSTILE_TEXT)
            else:
                node[key] = draw(JSON_VALUES)
        elif node:
            node[draw(st.integers(0, len(node) - 1))] = draw(JSON_VALUES)
    text = json.dumps(document)
    depth = draw(st.sampled_from([0] * 12 + [900, 990, 1000, 100_000]))
    if depth:  # nesting written as text: json.dumps itself would recurse
        text = text.replace("{", '{"deep": ' + "[" * depth + "]" * depth + ", ", 1)
    return text.encode()


ALMOST_JSON = st.lists(
    st.sampled_from([b"{", b"}", b"[", b"]", b'"', b":", b",", b"1", b"9" * 4400, b"-", b"e", b"\xff", b"\\u",
                     b"null", b'"data"', b'"meta"', b'"total"', b'"id"', b'"message"', b" ", b"NaN", b"Infinity"]),
    max_size=50,
).map(b"".join)  # fmt: skip
ANY_BYTES = (
    ALMOST_JSON
    | st.binary(max_size=200)
    | st.sampled_from([b"", b"<html>portal</html>", b"\xef\xbb\xbf{}", '{"message": "\u202e"}'.encode("utf-16")])
    | st.integers(1, 3).map(lambda n: b"[" * (10**n * 99) + b"]" * (10**n * 99))
)
JSON = (("Content-Type", "application/json"),)
STATUSES = st.sampled_from([200] * 8 + [201, 204, 206, 301, 302, 304, 400, 401, 403, 404, 418, 500, 502, 503])
CONTENT_TYPES = st.sampled_from(
    [None, "application/json", "application/vnd.api+json; charset=utf-8", "text/html", "application/json; charset=nope"]
)
ENCODINGS = st.sampled_from([None, None, None, "gzip", "gzip-broken", "deflate", "br-broken", "identity"])


@st.composite
def answers(draw: st.DrawFn, bodies: st.SearchStrategy[bytes]) -> Answer:
    status = draw(STATUSES)
    body = draw(bodies | st.just(_train_files_tar()))
    headers: list[tuple[str, str]] = []
    if (kind := draw(CONTENT_TYPES)) is not None:
        headers.append(("Content-Type", kind))
    encoding = draw(ENCODINGS)
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "deflate":
        body = zlib.compress(body)
    if encoding is not None:
        headers.append(("Content-Encoding", encoding.removesuffix("-broken")))
    if 300 <= status < 400 and draw(st.booleans()):
        headers.append(("Location", draw(st.sampled_from(["https://portal.example/login", "\x1b[31m", "/x"]))))
    if status in (204, 304):  # no body by definition: one sent anyway would be read as the next answer
        body = b""
    return Answer(status, tuple(headers), body)


# -- the client's calls, each with every field of its value read ---------------------------------


def _read_train(train: api.Train) -> None:
    assert isinstance(train.id, str) and isinstance(train.name, str)
    for kind in ("configuration", "build", "run", "result"):
        assert isinstance(train.status(kind), str)
    assert isinstance(train.awaits_signature, bool) and isinstance(train.result_ready, bool)


def _sign_in(client: CentralClient) -> None:
    tokens = client.sign_in(Credentials("password", "demo", "demo-password", realm="master"), remember=True)
    assert isinstance(tokens.access_token, str) and tokens.access_token
    assert isinstance(tokens.expiring, bool)
    _read_train(api.get_train(client, TRAIN_ID))  # the new token is sent, and refreshed on a 401


def _list_trains(client: CentralClient) -> None:
    for train in api.list_trains(client) + api.list_trains(client, "finished"):
        _read_train(train)


def _get_train(client: CentralClient) -> None:
    _read_train(api.get_train(client, TRAIN_ID))


def _submit_signature(client: CentralClient) -> None:
    _read_train(api.submit_signature(client, TRAIN_ID, "ef" * 256))


def _review(client: CentralClient) -> None:
    review = train_review.review_train(client, TRAIN_ID)
    _read_train(review.train)
    assert isinstance(review.matches, bool)
    assert all(isinstance(path, str) and isinstance(size, int) for path, size in review.files)


def _secrets(client: CentralClient) -> None:
    found = api.find_secret(client, "fuzz-key")
    assert found is None or isinstance(found["id"], str)
    for secret in api.secrets_of_type(client, "rsa_public_key"):
        assert isinstance(secret["id"], str)


def _key_status(client: CentralClient) -> None:
    status = registration.key_status(client, _key_info())
    assert status.state in (registration.ABSENT, registration.MATCHES, registration.DIFFERS)


def _register(client: CentralClient) -> None:
    assert isinstance(registration.register_key(client, _key_info(), replace=True), str)


def _unregister(client: CentralClient) -> None:
    assert isinstance(registration.unregister_key(client, "fuzz-key"), str)


CALLS: dict[str, Callable[[CentralClient], None]] = {
    call.__name__.lstrip("_"): call
    for call in (
        _sign_in, _list_trains, _get_train, _submit_signature, _review, _secrets, _key_status, _register, _unregister
    )
}  # fmt: skip


@pytest.fixture(scope="module")
def central() -> Iterator[tuple[ScriptedServer, CentralClient, MemoryTokens]]:
    server = ScriptedServer()
    tokens = MemoryTokens()
    profile = ServerProfile("fuzz", f"{server.url}/api", f"{server.url}/auth")
    # Short timeout: the server always answers at once, a wait would be a bug of the harness.
    client = CentralClient(profile, tokens, timeout=5.0, retries=2, backoff=0.0)  # type: ignore[arg-type]
    yield server, client, tokens
    client.close()
    server.close()


def _checker(central: tuple[ScriptedServer, CentralClient, MemoryTokens]) -> Callable[[tuple[str, list]], None]:
    server, client, tokens = central

    def check(example: tuple[str, list[Answer]]) -> None:
        call, script = example
        server.play(script)
        tokens.reset()
        with contextlib.suppress(PHTError):
            CALLS[call](client)

    return check


def _examples(bodies: st.SearchStrategy[bytes]) -> st.SearchStrategy[tuple[str, list[Answer]]]:
    return st.tuples(st.sampled_from(sorted(CALLS)), st.lists(answers(bodies), min_size=1, max_size=4))


@st.composite
def conversations(draw: st.DrawFn) -> tuple[str, list[Answer]]:
    """A call and the answers it expects, in order, each mutated (or, at times, any shape)."""
    call = draw(st.sampled_from(sorted(CALLS)))
    script = []
    for choices in CONVERSATIONS[call]:
        shape = draw(st.sampled_from(choices))
        if shape == "tar":
            body = st.just(_train_files_tar()) | st.binary(max_size=600)
        else:
            body = mutated_documents(shape) if draw(st.integers(0, 3)) else mutated_documents()
        raw = draw(body)
        if draw(st.integers(0, 3)):  # mostly a plain success, so that the later answers are asked for
            script.append(Answer(200, JSON, raw))
        else:  # any status and content headers
            script.append(draw(answers(st.just(raw))))
    return call, script


def test_mutated_answers(central) -> None:
    run_harness("central answers: mutated shapes", conversations(), _checker(central), examples=400)


def test_any_bytes(central) -> None:
    run_harness("central answers: any bytes", _examples(ANY_BYTES), _checker(central), examples=300)
