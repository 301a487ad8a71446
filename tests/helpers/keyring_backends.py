"""Keyring backends for tests that the real ones cannot stand in for.

`WindowsLimitedKeyring` emulates Windows Credential Manager's limit (2,560 bytes per secret,
written as UTF-16) in memory: the real backend cannot run here. `FlakyKeyring` drops or
alters entries to show that damage is reported, not used. `run_in_private_keyring` gives a
script the real gnome-keyring of its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError, PasswordSetError

from tests.conftest import require

WINDOWS_MAX_SECRET_BYTES = 2560


class MemoryKeyring(KeyringBackend):
    @classproperty
    def priority(cls) -> float:
        # Not viable for discovery: keyring would otherwise chain these backends in as soon as
        # this module is imported, and keyring tests would pass on memory instead of the real
        # Secret Service. A test uses one only by handing it over.
        raise RuntimeError("a test backend, used only when a test passes it explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class WindowsLimitedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        size = len(password.encode("utf-16-le"))
        if size > WINDOWS_MAX_SECRET_BYTES:
            raise PasswordSetError(f"secret of {size} bytes exceeds the credential size limit")
        super().set_password(service, username, password)


class FlakyKeyring(MemoryKeyring):
    """Silently stores something else than asked for the slots named in `mangle`."""

    def __init__(self) -> None:
        super().__init__()
        self.mangle: set[str] = set()

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password[:-1] if username in self.mangle else password)


def run_in_private_keyring(script: str, folder: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run a Python `script` in a D-Bus session of its own with a fresh, unlocked gnome-keyring
    and its own PHT_DESKTOP_HOME under `folder`: for tests that lock the collection, which
    cannot be undone without a password prompt."""
    require(shutil.which("gnome-keyring-daemon") is not None, "gnome-keyring is not installed")
    shell = (
        f'export XDG_DATA_HOME="{folder}/xdg" PHT_DESKTOP_HOME="{folder}/home"; '
        'mkdir -p "$XDG_DATA_HOME"; '
        "echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
        f'exec "{sys.executable}" -c "$0"'
    )
    return subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", shell, script],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=Path(__file__).resolve().parents[2],
    )
