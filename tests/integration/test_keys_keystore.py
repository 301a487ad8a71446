"""The key store against real and emulated keyrings: the real Secret Service, Windows' size
limit, damaged and missing entries, no keyring at all, and the encrypted file store."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring.backends import fail

from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.keys import envelope
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import (
    ENCRYPTED_FILE,
    DuplicateKey,
    KeyNotFound,
    KeyringUnavailable,
    KeyStore,
    KeyStoreError,
    SecretDamaged,
    WrongPassphrase,
    chunked,
    set_storage,
)
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from tests.conftest import require
from tests.helpers.keyring_backends import FlakyKeyring, MemoryKeyring, WindowsLimitedKeyring

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase


def _open(backend=None, profile: str = "default") -> KeyStore:
    paths = AppPaths.for_profile(profile)
    return KeyStore.open(paths, Settings(paths), backend=backend)


def _snapshot(store: KeyStore, backend: MemoryKeyring) -> tuple[str, dict]:
    index = store.index.path.read_text() if store.index.path.exists() else ""
    return index, dict(backend.entries)


@pytest.mark.keyring
def test_real_secret_service_round_trip_rsa_4096() -> None:
    backend = keyring.get_keyring()
    chain = getattr(backend, "backends", [backend])
    require(
        any("SecretService" in type(b).__module__ for b in chain),
        f"the Secret Service is not the active keyring (got {[type(b) for b in chain]})",
    )
    store = _open()
    info = store.generate("researcher", KeyType.RSA_4096, "a long passphrase")
    assert store.get("researcher").fingerprint == info.fingerprint
    assert store.load_private_key("researcher", "a long passphrase").key_size == 4096
    # Profiles are kept apart: another profile sees none of it.
    assert _open(profile="other").list_keys() == []
    store.delete("researcher")
    assert store.list_keys() == []
    assert keyring.get_password("pht-desktop/default", info.secret_id) is None
    assert keyring.get_password("pht-desktop/default", f"{info.secret_id}#0") is None


@pytest.mark.parametrize("key_type", [KeyType.RSA_4096, KeyType.PAILLIER_3072, KeyType.EC_P384])
def test_every_entry_fits_windows_credential_limit(key_type: KeyType) -> None:
    backend = WindowsLimitedKeyring()
    store = _open(backend)
    store.generate("big-key", key_type, "pass phrase")
    assert len(backend.entries) > 1 if key_type is not KeyType.EC_P384 else True
    assert store.load_material("big-key", "pass phrase").key_type is key_type


def test_single_entry_would_not_fit_windows() -> None:
    """The reason for chunking: a whole RSA-4096 envelope is over the limit."""
    backend = WindowsLimitedKeyring()
    store = _open(backend)
    store.generate("rsa", KeyType.RSA_4096, PW)
    whole = "".join(v for (_, k), v in sorted(backend.entries.items()) if "#" in k)
    assert len(whole.encode("utf-16-le")) > 2560


def test_wrong_passphrase_changes_nothing() -> None:
    backend = MemoryKeyring()
    store = _open(backend)
    store.generate("alice", KeyType.RSA_2048, PW)
    before = _snapshot(store, backend)
    with pytest.raises(WrongPassphrase, match="wrong"):
        store.load_private_key("alice", "wrong")
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("alice", "wrong", "new")
    assert _snapshot(store, backend) == before


def test_missing_chunk_and_corrupted_entry_are_reported() -> None:
    backend = MemoryKeyring()
    store = _open(backend)
    info = store.generate("alice", KeyType.RSA_2048, PW)
    service = "pht-desktop/default"
    saved = backend.entries.pop((service, f"{info.secret_id}#1"))
    with pytest.raises(SecretDamaged, match="part 2 of .* is missing"):
        store.load_private_key("alice", PW)
    backend.entries[(service, f"{info.secret_id}#1")] = saved[:-4] + "AAAA"
    with pytest.raises(SecretDamaged, match="do not match"):
        store.load_private_key("alice", PW)
    backend.entries[(service, info.secret_id)] = "garbage"
    with pytest.raises(SecretDamaged, match="manifest"):
        store.load_private_key("alice", PW)
    assert [k.name for k in store.list_keys()] == ["alice"]


def test_write_that_does_not_read_back_stores_nothing() -> None:
    backend = FlakyKeyring()
    store = _open(backend)
    backend.mangle = {f"key-{x}" for x in ()}  # nothing mangled yet: learn the slot names
    # Mangle every chunk slot of the next key by intercepting names as they are written.
    original = backend.set_password

    def mangling_set(service: str, username: str, password: str) -> None:
        backend.mangle.add(username)
        original(service, username, password)

    backend.set_password = mangling_set  # type: ignore[method-assign]
    with pytest.raises(SecretDamaged, match="did not keep"):
        store.generate("alice", KeyType.EC_P256, PW)
    assert backend.entries == {}
    assert store.list_keys() == []


def test_no_keyring_says_so_with_the_remedy() -> None:
    with pytest.raises(KeyringUnavailable, match="keyring is not usable") as caught:
        _open(fail.Keyring())
    assert caught.value.remedy == Remedy.UNLOCK_KEYRING


def test_encrypted_file_store_is_explicit_and_needs_passphrases(pht_home: Path) -> None:
    paths = AppPaths.for_profile("default")
    settings = Settings(paths)
    set_storage(settings, ENCRYPTED_FILE)
    store = KeyStore.open(paths, settings, backend=fail.Keyring())
    with pytest.raises(KeyStoreError, match="needs a passphrase"):
        store.generate("station", KeyType.RSA_2048, None)
    info = store.generate("station", KeyType.RSA_2048, PW)
    assert (paths.data_dir / "encrypted-keys.json").exists()
    assert envelope.is_protected(chunked.read_secret(store.slots, info.secret_id))
    assert store.load_private_key("station", PW).key_size == 2048
    with pytest.raises(KeyStoreError, match="needs the OS keyring"):
        store.set_secret("token", "abc")


def test_duplicates_by_name_and_fingerprint(tmp_path: Path) -> None:
    store = _open(MemoryKeyring())
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = tmp_path / "k.pem"
    pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    store.import_key(pem, "first", PW)
    with pytest.raises(DuplicateKey, match="already in the key store, as 'first'"):
        store.import_key(pem, "second", PW)
    with pytest.raises(DuplicateKey, match="exists already"):
        store.generate("first", KeyType.EC_P256, PW)
    assert [k.name for k in store.list_keys()] == ["first"]


def test_unreadable_file_and_unknown_key(tmp_path: Path) -> None:
    store = _open(MemoryKeyring())
    with pytest.raises(PHTError, match="missing.pem cannot be read"):
        store.import_key(tmp_path / "missing.pem", "alice", PW)
    with pytest.raises(KeyNotFound, match="no key named 'ghost'"):
        store.load_private_key("ghost", PW)


def test_generic_secrets_are_chunked_and_deleted() -> None:
    backend = WindowsLimitedKeyring()
    store = _open(backend)
    token = "eyJ" + "x" * 5000
    store.set_secret("central.tokens", token)
    assert store.get_secret("central.tokens") == token
    store.delete_secret("central.tokens")
    assert store.get_secret("central.tokens") is None
    assert backend.entries == {}


def test_index_lists_public_metadata_only() -> None:
    store = _open(MemoryKeyring())
    store.generate("alice", KeyType.RSA_2048, PW, comment="lab laptop")
    doc = json.loads(store.index.path.read_text())
    entry = doc["keys"][0]
    assert entry["comment"] == "lab laptop" and "PRIVATE" not in json.dumps(doc)
    assert entry["public"].startswith("-----BEGIN PUBLIC KEY-----")


def test_full_disk_keeps_index_and_keyring_as_they_were(tmp_path: Path, monkeypatch) -> None:
    from tests.helpers.full_disk import fill, small_filesystem

    with small_filesystem(tmp_path / "small") as home:
        monkeypatch.setenv("PHT_DESKTOP_HOME", str(home))
        backend = MemoryKeyring()
        store = _open(backend)
        store.generate("first", KeyType.EC_P256, PW)
        before = _snapshot(store, backend)
        fill(home)
        with pytest.raises(KeyStoreError, match="could not be written"):
            store.generate("second", KeyType.EC_P256, PW)
        assert _snapshot(store, backend) == before
        assert [k.name for k in store.list_keys()] == ["first"]
