"""A locked Secret Service collection: a clear sentence with the remedy, and nothing lost.

Locking cannot be undone without a password prompt, so this runs in a keyring of its own:
a private D-Bus session with its own gnome-keyring, inside a subprocess.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import require

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
    require(shutil.which("gnome-keyring-daemon") is not None, "gnome-keyring is not installed")
    shell = (
        f'export XDG_DATA_HOME="{tmp_path}/xdg" PHT_DESKTOP_HOME="{tmp_path}/home"; '
        'mkdir -p "$XDG_DATA_HOME"; '
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'exec "{sys.executable}" -c "$0"'
    )
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", shell, SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sentences = [line for line in result.stdout.splitlines() if line.startswith("SENTENCE:")]
    assert len(sentences) == 2
    assert all("it is locked" in s and "REMEDY: unlock_keyring" in s for s in sentences)
    assert "INDEX-UNCHANGED" in result.stdout
