"""The Secret Service failing in the middle of a key store operation: an item deleted, a chunk
altered, or the whole collection locked between writing a key's chunks and reading them back.

The fault itself acts on the real gnome-keyring (a real delete, a real write, a real lock over
D-Bus). `FaultAtWrite` is a stand-in for timing only: it wraps the real backend so that the fault
happens at that exact moment, which no outside process could hit reliably. Each case must end in a
sentence, with every key still readable under the passphrase it had, and no keyring item left
that the index does not name.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend

from desktop_app.core.keystore import KeyStore, SecretDamaged
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from tests.helpers.keyring_backends import run_in_private_keyring

pytestmark = pytest.mark.keyring

PW, NEW_PW = "lantern-oyster-gravel-19", "copper-meadow-thistle-83"
SERVICE = "pht-desktop/default"


class FaultAtWrite(KeyringBackend):
    """Passes everything to the real backend; right after the first write of a key chunk that
    `armed` allows, runs `fault(real_backend, service, slot, value)` once."""

    @classproperty
    def priority(cls) -> float:
        raise RuntimeError("a test backend, used only when a test passes it explicitly")

    def __init__(self, real: KeyringBackend, fault: Callable[[KeyringBackend, str, str, str], None]) -> None:
        super().__init__()
        self.real, self.fault, self.armed, self.fired = real, fault, False, False

    def get_password(self, service: str, username: str) -> str | None:
        return self.real.get_password(service, username)

    def delete_password(self, service: str, username: str) -> None:
        self.real.delete_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self.real.set_password(service, username, password)
        if self.armed and not self.fired and username.startswith("key-") and "#" in username:
            self.fired = True
            self.fault(self.real, service, username, password)


def delete_item(real: KeyringBackend, service: str, slot: str, _value: str) -> None:
    real.delete_password(service, slot)


def alter_item(real: KeyringBackend, service: str, slot: str, value: str) -> None:
    real.set_password(service, slot, value[:-1] + ("A" if value[-1:] != "A" else "B"))


def key_items() -> set[str]:
    """The key chunks and manifests of the profile in the real Secret Service."""
    import secretstorage

    collection = secretstorage.get_default_collection(secretstorage.dbus_init())
    names = {item.get_attributes().get("username", "") for item in collection.search_items({"service": SERVICE})}
    return {name for name in names if name.startswith("key-")}


@pytest.fixture
def faulty(pht_home) -> tuple[KeyStore, FaultAtWrite]:
    paths = AppPaths.for_profile("default")
    backend = FaultAtWrite(keyring.get_keyring(), delete_item)
    return KeyStore.open(paths, Settings(paths), backend=backend), backend


@pytest.fixture
def earlier_items() -> set[str]:
    """Items other tests left in the shared test keyring (same service name, other profiles' homes)."""
    return key_items()


def expected_items(store: KeyStore) -> set[str]:
    """The items this store's index accounts for."""
    names = set()
    for info in store.list_keys():
        manifest = store.slots.read(info.secret_id) or ""
        names |= {info.secret_id, *(f"{info.secret_id}#{i}" for i in range(int(manifest.split(":")[1])))}
    return names


@pytest.mark.parametrize("fault", [delete_item, alter_item], ids=["item-deleted", "chunk-altered"])
def test_a_new_key_whose_chunk_is_lost_is_refused_and_nothing_stays(earlier_items, faulty, fault) -> None:
    store, backend = faulty
    store.generate("kept", "rsa-4096", PW)  # several chunks
    index_before = store.index.path.read_text()
    backend.fault, backend.armed = fault, True
    with pytest.raises(SecretDamaged, match="did not keep what was written to it; nothing was stored"):
        store.generate("new", "rsa-4096", PW)
    assert backend.fired and store.index.path.read_text() == index_before
    assert key_items() - earlier_items == expected_items(store)
    assert store.load_private_key("kept", PW) is not None


@pytest.mark.parametrize("fault", [delete_item, alter_item], ids=["item-deleted", "chunk-altered"])
def test_a_passphrase_change_whose_chunk_is_lost_keeps_the_key(earlier_items, faulty, fault) -> None:
    """The new envelope goes to the keyring first; the key must survive its write failing."""
    store, backend = faulty
    store.generate("kept", "rsa-4096", PW)
    before = store.load_material("kept", PW).to_bytes()
    backend.fault, backend.armed = fault, True
    with pytest.raises(SecretDamaged, match="nothing was stored"):
        store.change_passphrase("kept", PW, NEW_PW)
    assert backend.fired
    assert store.load_material("kept", PW).to_bytes() == before  # still there, under the old passphrase
    assert key_items() - earlier_items == expected_items(store)


def test_a_passphrase_change_that_succeeds_leaves_no_old_items(earlier_items, faulty) -> None:
    store, _ = faulty
    store.generate("kept", "rsa-4096", PW)
    store.change_passphrase("kept", PW, NEW_PW)
    assert store.load_private_key("kept", NEW_PW) is not None
    assert key_items() - earlier_items == expected_items(store)


# -- the collection locked mid-operation: in a keyring of its own ---------------------------------

LOCKED_SCRIPT = textwrap.dedent(
    """
    import keyring, secretstorage, subprocess
    from desktop_app.core.keystore import KeyStore, KeyringUnavailable
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.settings import Settings
    from tests.integration.test_keys_keyring_faults import FaultAtWrite, PW, NEW_PW

    def lock(*_):
        secretstorage.get_default_collection(secretstorage.dbus_init()).lock()

    paths = AppPaths.for_profile("default")
    backend = FaultAtWrite(keyring.get_keyring(), lock)
    store = KeyStore.open(paths, Settings(paths), backend=backend)
    store.generate("kept", "rsa-4096", PW)
    before = store.load_material("kept", PW).to_bytes()
    index_before = store.index.path.read_text()
    for name, attempt in (("change", lambda: store.change_passphrase("kept", PW, NEW_PW)),
                          ("generate", lambda: store.generate("new", "rsa-4096", PW))):
        backend.armed, backend.fired = True, False
        try:
            attempt()
            raise SystemExit(name + ": a keyring locked mid-way went unnoticed")
        except KeyringUnavailable as exc:
            print("SENTENCE:", name, exc, "REMEDY:", exc.remedy)
        assert backend.fired
        # Unlock as the user would: the daemon restarted with the login password.
        subprocess.run(["gnome-keyring-daemon", "--replace", "--unlock", "--components=secrets"],
                       input=b"pw", check=True, capture_output=True)
        assert store.index.path.read_text() == index_before, name
        assert store.load_material("kept", PW).to_bytes() == before, name
        print("KEY-KEPT:", name)
    # The chunks the locked keyring kept the failed writes from undoing go with the next write.
    backend.armed = False
    store.generate("after", "ec-p256", PW)
    from tests.integration.test_keys_keyring_faults import expected_items, key_items
    assert key_items() == expected_items(store), sorted(key_items() - expected_items(store))
    assert not (paths.data_dir / "keys.pending.json").exists()
    print("NOTHING-LEFT")
    """
)


def test_a_collection_locked_mid_operation_loses_no_key(tmp_path: Path) -> None:
    """Locking cannot be undone over D-Bus without a prompt: a private session and daemon."""
    result = run_in_private_keyring(LOCKED_SCRIPT, tmp_path, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    sentences = [line for line in result.stdout.splitlines() if line.startswith("SENTENCE:")]
    assert len(sentences) == 2 and all("it is locked" in s and "REMEDY: unlock_keyring" in s for s in sentences)
    assert result.stdout.count("KEY-KEPT:") == 2 and "NOTHING-LEFT" in result.stdout
