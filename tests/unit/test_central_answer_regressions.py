"""Server answers that once ended in a bare exception (a traceback) inside the central client,
kept as plain tests: found while fuzzing its answers (tests/fuzz/test_fuzz_central_answers.py),
each played here by a real loopback HTTP server."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.central import api, registration, train_review
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.download import download_result
from desktop_app.core.central.errors import CentralError
from desktop_app.core.central.profiles import ServerProfile
from desktop_app.core.central.tokens import Credentials, TokenSet
from desktop_app.core.keys.fingerprint import fingerprint
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore.index import KeyInfo
from tests.fuzz.test_fuzz_central_answers import MemoryTokens, _train, _train_files_tar
from tests.helpers.scripted_server import Answer, ScriptedServer

JSON = (("Content-Type", "application/json"),)
LOGIN = Credentials("password", "demo", "demo-password")


@pytest.fixture
def central() -> Iterator[tuple[ScriptedServer, CentralClient, MemoryTokens]]:
    server, tokens = ScriptedServer(), MemoryTokens()
    profile = ServerProfile("regressions", f"{server.url}/api", f"{server.url}/auth")
    client = CentralClient(profile, tokens, timeout=5.0, retries=1, backoff=0.0)  # type: ignore[arg-type]
    yield server, client, tokens
    client.close()
    server.close()


def answer(document: object, status: int = 200) -> Answer:
    return Answer(status, JSON, json.dumps(document).encode())


@pytest.mark.parametrize(
    "field",
    [
        {"access_token": "Grüße"},  # UnicodeEncodeError at the next request's Authorization header
        {"access_token": "\ud800"},  # a lone surrogate
        {"access_token": "abc\r\nX-Injected: 1"},  # a header of its own
        {"access_token": "abc", "refresh_token": "\ud800"},  # UnicodeEncodeError in the refresh form
        {"access_token": "abc", "token_type": "Bearer\n"},
    ],
)
def test_a_token_a_header_cannot_carry_is_refused_on_arrival(central, field: dict) -> None:
    server, client, tokens = central
    before = tokens.load()
    server.play([answer({"expires_in": 3600, **field})])
    with pytest.raises(CentralError, match="holds characters a token cannot hold"):
        client.sign_in(LOGIN)
    assert tokens.load() is before  # the session in the keyring is unchanged


def test_a_printable_token_still_signs_in_and_is_used(central) -> None:
    server, client, tokens = central
    token = "eyJhbGciOi.J-_~+/x=="
    server.play([answer({"access_token": token, "refresh_token": "r 1", "expires_in": 3600}), answer({"id": "t-1"})])
    client.sign_in(LOGIN)
    assert tokens.load().access_token == token  # type: ignore[union-attr]
    assert api.get_train(client, "t-1").id == "t-1"


def test_a_registered_key_whose_content_is_nested_too_deep_is_unreadable(central) -> None:
    # RecursionError from json.loads of a Paillier secret's content.
    server, client, _ = central
    public = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    info = KeyInfo("lab", KeyType.RSA_2048, fingerprint(public), "", "", "", True, pem.decode())
    deep = "[" * 5000 + "]" * 5000
    secret = {"id": "s-1", "key": "lab", "type": "paillier_public_key", "content": deep}
    server.play([answer({"data": [secret], "meta": {"total": 1}})])
    status = registration.key_status(client, info)
    assert (status.state, status.server_fingerprint) == (registration.DIFFERS, "unreadable")


def test_memory_tokens_start_each_test_signed_in() -> None:
    tokens = MemoryTokens()
    assert isinstance(tokens.load(), TokenSet) and tokens.load().expires_at > time.time()  # type: ignore[union-attr]


def test_a_train_download_that_cannot_be_decoded_is_a_sentence(central) -> None:
    # httpx.DecodingError while reading the train's files: "Content-Encoding: gzip" on a plain tar.
    server, client, _ = central
    files = {"data": [{"path": "entrypoint.py"}, {"path": "src/a.py"}], "meta": {"total": 2}}
    server.play([answer(_train()), answer(files), Answer(200, (("Content-Encoding", "gzip"),), _train_files_tar())])
    with pytest.raises(CentralError, match="broke off or could not be decoded"):
        train_review.review_train(client, "t-1")


def test_a_result_download_that_cannot_be_decoded_is_a_sentence(central, tmp_path) -> None:
    server, client, _ = central
    server.play([Answer(200, (("Content-Encoding", "gzip"),), b"not gzip at all" * 100)])
    with pytest.raises(CentralError, match="broke off or could not be decoded"):
        download_result(client, "t-1", tmp_path / "result.tar")
    assert not (tmp_path / "result.tar").exists()  # nothing looks like a finished download
