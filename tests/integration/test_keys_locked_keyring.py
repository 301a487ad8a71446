"""A locked Secret Service collection: a clear sentence with the remedy, and nothing lost.

Locking cannot be undone without a password prompt, so this runs in a keyring of its own:
a private D-Bus session with its own gnome-keyring, inside a subprocess.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.helpers.keyring_backends import run_in_private_keyring

SCRIPT = textwrap.dedent(
    """
    import secretstorage
    from desktop_app.core.keystore import KeyStore, KeyringUnavailable
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.settings import Settings

    paths = AppPaths.for_profile("default")
    store = KeyStore.open(paths, Settings(paths))
    PW = "lantern-oyster-gravel-19"  # new keys need a strong passphrase
    store.generate("kept-key", "ec-p256", PW)
    index_before = store.index.path.read_text()
    collection = secretstorage.get_default_collection(secretstorage.dbus_init())
    collection.lock()
    for attempt in (lambda: store.generate("new-key", "ec-p256", PW),
                    lambda: store.load_private_key("kept-key", PW)):
        try:
            attempt()
            raise SystemExit("a locked keyring was used")
        except KeyringUnavailable as exc:
            print("SENTENCE:", exc, "REMEDY:", exc.remedy)
    assert store.index.path.read_text() == index_before
    print("INDEX-UNCHANGED")
    """
)


@pytest.mark.keyring
def test_locked_collection_is_reported_with_the_remedy(tmp_path: Path) -> None:
    result = run_in_private_keyring(SCRIPT, tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    sentences = [line for line in result.stdout.splitlines() if line.startswith("SENTENCE:")]
    assert len(sentences) == 2
    assert all("it is locked" in s and "REMEDY: unlock_keyring" in s for s in sentences)
    assert "INDEX-UNCHANGED" in result.stdout
