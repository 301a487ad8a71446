"""The push's sign-in (station/registry_auth.py) against the loopback token-handshake stand-in
(tests/helpers/token_registry.py) with a token service that misbehaves: what no real registry
should answer is still a sentence, said before anything is uploaded, in the window's language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core import i18n
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry import RegistryCredentials
from desktop_app.core.station.registry_auth import basic_authorization, bearer_authorization, parse_challenge
from desktop_app.core.station.registry_push import push_layer
from tests.helpers.token_registry import TokenRegistry


@pytest.fixture
def layer(tmp_path: Path) -> Path:
    path = tmp_path / "layer.tar"
    path.write_bytes(b"\0" * 1024)
    return path


@pytest.fixture
def german() -> Iterator[None]:
    i18n.use_language("de")
    yield
    i18n.use_language("en")


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (b"{}", "The registry's token service gave no token."),
        (json.dumps({"token": ""}).encode(), "The registry's token service gave no token."),
        (b"<html>portal</html>", "the registry's answer could not be read"),
    ],
    ids=["no-token", "empty-token", "not-json"],
)
def test_a_token_service_without_a_token_is_a_sentence_and_nothing_is_uploaded(
    layer: Path, answer: bytes, said: str
) -> None:
    stand_in = TokenRegistry(token_answer=answer)
    try:
        credentials = RegistryCredentials(stand_in.address, "station", "s3cret")
        with pytest.raises(StationError) as caught:
            push_layer(f"{stand_in.address}/pht/train:1", layer, "sha256:" + "0" * 64, ["true"], "s", credentials)
    finally:
        stand_in.stop()
    message = str(caught.value)
    assert message.startswith(f"Pushing {stand_in.address}/pht/train:1 failed: ") and said in message
    assert "Bearer None" not in message and "Traceback" not in message
    assert [path.split("?")[0] for path, _auth in stand_in.seen] == ["/v2/", "/token"]  # nothing more was asked


def test_a_refused_push_is_said_in_german(layer: Path, german: None) -> None:
    stand_in = TokenRegistry(token_answer=b"{}")
    try:
        with pytest.raises(StationError) as caught:
            push_layer(f"{stand_in.address}/pht/train:1", layer, "sha256:" + "0" * 64, ["true"], "s", None)
    finally:
        stand_in.stop()
    assert str(caught.value) == (
        f"Das Hochladen von {stand_in.address}/pht/train:1 ist fehlgeschlagen: Die Registry hat es abgelehnt "
        "(Der Token-Dienst der Registry hat kein Token ausgegeben.)."
    )


def test_challenges_and_token_answers_are_read_as_the_distribution_spec_has_them() -> None:
    assert parse_challenge('Bearer realm="https://h/token",service="h",scope="repository:a/b:pull"') == (
        "bearer",
        {"realm": "https://h/token", "service": "h", "scope": "repository:a/b:pull"},
    )
    assert parse_challenge('Basic realm="registry"') == ("basic", {"realm": "registry"})
    assert parse_challenge("") == ("", {})
    assert basic_authorization({"username": "station", "password": "s3cret"}) == "Basic c3RhdGlvbjpzM2NyZXQ="
    assert bearer_authorization({"token": "t"}) == "Bearer t"
    assert bearer_authorization({"access_token": "a"}) == "Bearer a"
    assert [bearer_authorization(doc) for doc in ({}, {"token": 5}, {"token": ""}, ["t"], None)] == [None] * 5
