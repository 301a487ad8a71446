"""A hostile or broken central server, served for real over loopback by the demo hub with its
faults on: huge JSON answers, wrong-typed fields, endless pagination, impossible token lifetimes
and session ids. Each is a sentence (a `CentralError`), never a traceback or unbounded memory."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from desktop_app.core.central import api
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError, HashMismatch
from desktop_app.core.central.train_review import review_train, sign_reviewed
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.state import SIGNABLE_TRAIN_ID
from tests.helpers.central import DEMO_LOGIN, client_for

pytestmark = pytest.mark.keyring  # tokens live in the real Secret Service

JSON_CAP = 16 << 20  # the documented cap on a JSON answer (docs/central.md)


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


@pytest.fixture
def client(hub, store) -> CentralClient:
    with client_for(hub, store) as signed_in:
        signed_in.sign_in(DEMO_LOGIN)
        yield signed_in


def on_path(path: str, change):
    """An `alter_json` fault changing only the answers for `path`."""

    def alter(request, body: Any) -> Any:
        return change(body) if request.path == path else body

    return alter


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_a_json_answer_over_the_cap_is_refused_unread(client, hub, chunked: bool) -> None:
    size = 4 * JSON_CAP  # valid JSON: without a cap it parses, and takes its size many times over
    hub.faults.oversized_json, hub.faults.oversized_chunked = size, chunked
    with pytest.raises(CentralError, match=r"larger than 16 MiB"):
        api.get_train(client, SIGNABLE_TRAIN_ID)
    assert hub.faults.oversized_sent < size // 2  # the client stopped reading; it did not take it all
    assert api.get_train(client, SIGNABLE_TRAIN_ID).id == SIGNABLE_TRAIN_ID  # the next answer is fine


def test_a_json_answer_nested_too_deeply_is_a_sentence(client, hub) -> None:
    hub.faults.alter_json = on_path(f"/api/trains/{SIGNABLE_TRAIN_ID}", lambda _: b"[" * 200_000 + b"]" * 200_000)
    with pytest.raises(CentralError, match="nested too deeply"):
        api.get_train(client, SIGNABLE_TRAIN_ID)


def _first_train(change):
    def alter(body):
        body["data"][0] = change(body["data"][0])
        return body

    return alter


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda body: {**body, "meta": {"total": "many"}}, "meta.total"),
        (lambda body: {**body, "meta": {"total": [1]}}, "meta.total"),
        (lambda body: {**body, "data": {"0": {}}}, "not a {data, meta} collection"),
        (lambda body: {**body, "data": ["a1", "b2"]}, "not an object"),
        (_first_train(lambda train: {**train, "id": None}), "'id'"),
        (_first_train(lambda train: {**train, "id": ["x"]}), "'id'"),
        (_first_train(lambda train: {**train, "id": "../../home/me/.bashrc"}), "'id'"),
        (_first_train(lambda train: {**train, "name": {"first": "x"}}), "'name'"),
        (_first_train(lambda train: {**train, "result_status": 7}), "'result_status'"),
        (_first_train(lambda train: {**train, "hash": ["ab"]}), "'hash'"),
    ],
)
def test_wrong_typed_fields_in_a_list_are_a_sentence(client, hub, change, words: str) -> None:
    hub.faults.alter_json = on_path("/api/trains", change)
    with pytest.raises(CentralError, match="malformed") as caught:
        api.list_trains(client)
    assert words in str(caught.value)


def test_a_wrong_typed_single_train_is_a_sentence(client, hub) -> None:
    hub.faults.alter_json = on_path(f"/api/trains/{SIGNABLE_TRAIN_ID}", lambda _: ["not", "a", "train"])
    with pytest.raises(CentralError, match="malformed"):
        api.get_train(client, SIGNABLE_TRAIN_ID)


def test_pagination_stops_when_pages_add_nothing_new(client, hub) -> None:
    """A server that ignores the offset and claims a total that never ends: the same page over
    and over. The list stops at the first page that adds nothing."""
    first_page: dict = {}

    def same_page_forever(body):
        first_page.setdefault("body", body)
        return {**first_page["body"], "meta": {**first_page["body"]["meta"], "total": 10**12}}

    hub.faults.alter_json = on_path("/api/trains", same_page_forever)
    trains = api.list_trains(client)
    assert len(trains) == len({t.id for t in trains}) == len(hub.state.trains)


def test_pagination_is_bounded_when_every_page_is_new(client, hub, monkeypatch) -> None:
    """A server inventing new items on every page: stopped after MAX_PAGES, said so."""
    monkeypatch.setattr(api, "MAX_PAGES", 12, raising=False)
    requests: list[dict] = []

    def endless(body):
        requests.append(body)
        template = requests[0]["data"][0]
        fresh = [{**template, "id": str(uuid.uuid4())} for _ in range(api.PAGE_SIZE)]
        return {"data": fresh, "meta": {"total": 10**12, "limit": api.PAGE_SIZE, "offset": 0}}

    hub.faults.alter_json = on_path("/api/trains", endless)
    with pytest.raises(CentralError, match=r"more than 12 pages"):
        api.list_trains(client)
    assert len(requests) == 12


@pytest.mark.parametrize("lifetime", ["soon", -5, 0, 10**12, True, [3600], float("inf")])
def test_an_impossible_token_lifetime_is_a_sentence_and_nothing_is_kept(hub, store, lifetime) -> None:
    hub.faults.alter_json = on_path("/auth/token", lambda body: {**body, "expires_in": lifetime})
    with client_for(hub, store) as client, pytest.raises(CentralError, match="expires_in") as caught:
        client.sign_in(DEMO_LOGIN)
    assert "not a number of seconds" in str(caught.value)
    assert store.get_secret("central.tokens.test-hub") is None


@pytest.mark.parametrize("token", [None, "", 12345, {"jwt": "x"}])
def test_a_missing_or_wrong_typed_access_token_is_a_sentence(hub, store, token) -> None:
    hub.faults.alter_json = on_path("/auth/token", lambda body: {**body, "access_token": token})
    with client_for(hub, store) as client, pytest.raises(CentralError, match="access.token"):
        client.sign_in(DEMO_LOGIN)


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("session_id", "not-hex-at-all", "session id of this train is not hexadecimal"),
        ("hash", "\x1b[32mlooks fine\x1b[0m", "hash of this train is not hexadecimal"),
    ],
)
def test_a_train_whose_hash_cannot_be_recomputed_is_not_signed(client, hub, store, field, value, words) -> None:
    key = store.load_private_key(store.generate("researcher", KeyType.RSA_2048, None).name, None)
    hub.faults.alter_json = on_path(f"/api/trains/{SIGNABLE_TRAIN_ID}", lambda body: {**body, field: value})
    review = review_train(client, SIGNABLE_TRAIN_ID)
    assert not review.matches and words in review.problem
    assert "\x1b" not in review.server_hash  # shown escaped, never raw to a terminal
    with pytest.raises(HashMismatch, match=words):
        sign_reviewed(client, review, key)
    assert hub.state.trains[SIGNABLE_TRAIN_ID].hash_signed is None
