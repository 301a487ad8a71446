"""The key store's passphrase rule on the real Secret Service: a new key or a backup needs a
passphrase zxcvbn rates at least 3 of 4; a weak one changes nothing unless explicitly allowed."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.keys.passphrase_strength import WeakPassphrase
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from tests.conftest import require

STRONG = "lantern-oyster-gravel-19"
WEAK = "P@ssw0rd!2024"

pytestmark = pytest.mark.keyring


@pytest.fixture
def store() -> KeyStore:
    chain = getattr(keyring.get_keyring(), "backends", [keyring.get_keyring()])
    require(any("SecretService" in type(b).__module__ for b in chain), "the Secret Service is not the active keyring")
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


def test_a_weak_passphrase_creates_no_key(store: KeyStore) -> None:
    with pytest.raises(WeakPassphrase, match="commonly used password"):
        store.generate("alice", KeyType.EC_P256, WEAK)
    assert store.list_keys() == []
    # A passphrase made of the key's own name or comment is weak too.
    with pytest.raises(WeakPassphrase):
        store.generate("kestrelwing", KeyType.EC_P256, "kestrelwing-2024")
    with pytest.raises(WeakPassphrase):
        store.generate("station-key", KeyType.EC_P256, "kestrelwing-2024", comment="kestrelwing")
    assert store.list_keys() == []


def test_allowing_a_weak_passphrase_keeps_it(store: KeyStore) -> None:
    store.generate("alice", KeyType.EC_P256, WEAK, allow_weak=True)
    assert store.load_private_key("alice", WEAK) is not None


def test_a_backup_needs_a_strong_passphrase(store: KeyStore, tmp_path: Path) -> None:
    store.generate("alice", KeyType.EC_P256, STRONG)
    target = tmp_path / "backup.pem"
    with pytest.raises(WeakPassphrase):
        store.export_private_backup("alice", STRONG, target, backup_passphrase=WEAK)
    assert not target.exists()
    store.export_private_backup("alice", STRONG, target, backup_passphrase=WEAK, allow_weak=True)
    assert serialization.load_pem_private_key(target.read_bytes(), WEAK.encode())
    # A key kept under a weak passphrase is not backed up under that same one without consent.
    store.generate("bob", KeyType.EC_P256, WEAK, allow_weak=True)
    with pytest.raises(WeakPassphrase):
        store.export_private_backup("bob", WEAK, tmp_path / "bob.pem")
