"""A damaged keys.json on the real Secret Service: moved aside, rebuilt from the index's copy in
the keyring, and the keys still open; without a copy, an honest notice and nothing lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop_app.core import state_files
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import ENCRYPTED_FILE, KeyStore, chunked, set_storage
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from tests.conftest import require

PW = "lantern-oyster-gravel-19"

pytestmark = pytest.mark.keyring


@pytest.fixture(autouse=True)
def fresh_notices():
    state_files.take_recoveries()
    yield
    state_files.take_recoveries()


@pytest.fixture
def store() -> KeyStore:
    chain = getattr(keyring.get_keyring(), "backends", [keyring.get_keyring()])
    require(any("SecretService" in type(b).__module__ for b in chain), "the Secret Service is not the active keyring")
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


def reopen(store: KeyStore) -> KeyStore:
    """A new process's view: nothing cached."""
    return KeyStore.open(store.paths, Settings(store.paths))


def notice() -> state_files.Recovery:
    [recovery] = state_files.take_recoveries()
    return recovery


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (b'{"version": 1, "keys": [', "not valid JSON"),
        (b'{"version": 1, "keys": [{"name": "alice", "type": "dsa-1024"}]}', "a key entry has no text fingerprint"),
        (b'{"version": 1, "keys": {"alice": 1}}', "not a key index: no list of keys"),
        (b"\x00\xff" * 50, "not UTF-8 text"),
        (b'{"keys": ' * 50_000, "nested too deeply to read"),
    ],
    ids=["json", "entry", "shape", "bytes", "nesting"],
)
def test_damaged_index_is_rebuilt_from_the_keyring(store: KeyStore, damage: bytes, reason: str) -> None:
    alice = store.generate("alice", KeyType.EC_P256, PW)
    store.generate("bob", KeyType.RSA_2048, PW, comment="lab laptop")
    original = store.index.path.read_text()
    store.index.path.write_bytes(damage)

    store = reopen(store)
    assert [k.name for k in store.list_keys()] == ["alice", "bob"]
    assert store.get("bob").comment == "lab laptop"
    assert store.load_material("alice", PW).fingerprint == alice.fingerprint  # the key still opens
    recovery = notice()
    assert recovery.reason == reason and recovery.moved_to.read_bytes() == damage
    assert re.fullmatch(r"keys\.json\.damaged-\d{8}T\d{6}", recovery.moved_to.name)
    assert recovery.sentence == (
        f"keys.json (the key index) was damaged ({reason}); it was moved aside to {recovery.moved_to}; "
        "the index was rebuilt from its copy kept in your system's password manager (OS keyring): 2 keys."
    )
    assert json.loads(store.index.path.read_text()) == json.loads(original)  # written back as it was
    assert state_files.recoveries() == []  # once rebuilt, nothing more to say


def test_a_folder_in_place_of_the_index(store: KeyStore) -> None:
    store.generate("alice", KeyType.EC_P256, PW)
    store.index.path.unlink()
    store.index.path.mkdir()
    assert [k.name for k in reopen(store).list_keys()] == ["alice"]
    assert notice().sentence.startswith("keys.json (the key index) could not be read (a folder is in its place)")


def test_the_copy_leaves_out_keys_whose_private_part_is_gone(store: KeyStore) -> None:
    store.generate("alice", KeyType.EC_P256, PW)
    bob = store.generate("bob", KeyType.EC_P256, PW)
    chunked.delete_secret(store.slots, bob.secret_id)  # as if a deletion had stopped half-way
    store.index.path.write_text("{")
    assert [k.name for k in reopen(store).list_keys()] == ["alice"]
    assert notice().sentence.endswith(": 1 key.")


def test_without_a_copy_the_notice_says_how_to_get_the_keys_back(store: KeyStore) -> None:
    alice = store.generate("alice", KeyType.EC_P256, PW)
    chunked.delete_secret(store.slots, f"index-{store._store_id()}")  # an index from before copies existed
    store.index.path.write_text("{")
    store = reopen(store)
    assert store.list_keys() == []
    recovery = notice()
    assert recovery.sentence == (
        f"keys.json (the key index) was damaged (not valid JSON); it was moved aside to {recovery.moved_to}; "
        "the key list starts empty. The keys' private parts are still in your system's password manager "
        "(OS keyring), but they cannot be listed without the index: put back a good copy of keys.json "
        "(the moved-aside file, or a backup of the data folder), or import your key backups again."
    )
    # Nothing was lost: with the index's entries back, the key opens again.
    entry = json.dumps({"version": 1, "keys": [{**alice.to_json(), "secret_id": alice.secret_id,
                                                 "public": alice.public}]})
    store.index.path.write_text(entry)
    assert store.load_material("alice", PW).fingerprint == alice.fingerprint


def test_encrypted_file_store_says_where_its_keys_are(pht_home: Path) -> None:
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    set_storage(settings, ENCRYPTED_FILE)
    store = KeyStore.open(paths, settings, backend=fail.Keyring())
    store.generate("station", KeyType.EC_P256, PW)
    store.index.path.write_text("[")
    assert KeyStore.open(paths, settings, backend=fail.Keyring()).list_keys() == []
    sentence = notice().sentence
    assert f"still in the encrypted key file {paths.data_dir / 'encrypted-keys.json'}" in sentence
    assert (paths.data_dir / "encrypted-keys.json").exists()


def test_a_damaged_store_id_is_replaced_with_a_notice(store: KeyStore) -> None:
    store.set_secret("central.tokens", "a-token")
    marker = store.paths.data_dir / "store-id"
    marker.write_bytes(b"\xff\xfe not an id")
    fresh = reopen(store)
    assert fresh.get_secret("central.tokens") is None  # the sign-in is asked for again
    recovery = notice()
    assert recovery.reason == "not a store id" and recovery.moved_to.read_bytes() == b"\xff\xfe not an id"
    assert recovery.sentence.endswith("a new one was made: saved sign-ins and passwords will be asked for again.")
    assert re.fullmatch(r"[0-9a-f]{32}", marker.read_text())
