"""The two places secrets can live: the OS keyring (default) and the opt-in encrypted file store."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail

from desktop_app.core.i18n import _
from desktop_app.core.keystore.errors import KeyringUnavailable, KeyStoreError
from desktop_app.core.settings import write_atomically

try:  # Linux only: the Secret Service client raises its own family
    from secretstorage.exceptions import SecretStorageException as _SecretStorageError
except ImportError:  # pragma: no cover - other platforms
    _SecretStorageError = keyring.errors.KeyringError

try:
    from jeepney import DBusErrorResponse as _DBusError
except ImportError:  # pragma: no cover - other platforms
    _DBusError = keyring.errors.KeyringError

_BACKEND_FAILURES = (keyring.errors.KeyringError, _SecretStorageError, _DBusError, OSError, RuntimeError)


def usable_backend(backend: keyring.backend.KeyringBackend | None = None) -> keyring.backend.KeyringBackend:
    """The active keyring backend, or KeyringUnavailable when it is keyring's `fail` (or empty)."""
    backend = backend or keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or (
        isinstance(backend, chainer.ChainerBackend) and not backend.backends
    ):
        raise KeyringUnavailable(_("no keyring service was found on this system"))
    return backend


def describe_backend(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__.removeprefix('keyring.backends.')}.{type(backend).__name__}"


class OsKeyringSlots:
    """Entries of one service (`pht-desktop/<profile>`) in the OS keyring."""

    def __init__(self, service: str, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.service = service
        self.backend = usable_backend(backend)

    def _call(self, action: str, func, *args):
        try:
            return func(self.service, *args)
        except keyring.errors.PasswordDeleteError:
            return None  # the entry was not there, which is what a delete wants
        except _BACKEND_FAILURES as exc:
            reason = (
                _("it is locked")
                if isinstance(exc, keyring.errors.KeyringLocked)
                else (
                    _("{action} failed: {type}: {exc}")
                    .format(action=action, type=type(exc).__name__, exc=exc)
                    .rstrip(": ")
                )
            )
            raise KeyringUnavailable(reason) from exc

    def read(self, slot: str) -> str | None:
        return self._call(_("reading"), self.backend.get_password, slot)

    def write(self, slot: str, value: str) -> None:
        self._call(_("writing"), self.backend.set_password, slot, value)

    def erase(self, slot: str) -> None:
        self._call(_("deleting"), self.backend.delete_password, slot)


class EncryptedFileSlots:
    """The opt-in store: one JSON file in the profile's data folder, written atomically.

    It holds only key envelopes, which are always passphrase-encrypted in this mode
    (the key store refuses unprotected keys and generic secrets here).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def _load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except RecursionError as exc:  # the JSON parser recurses once per level of nesting
            raise KeyStoreError(
                _("The encrypted key file {path} cannot be read: nested too deeply.").format(path=self.path)
            ) from exc
        except (OSError, ValueError) as exc:
            raise KeyStoreError(
                _("The encrypted key file {path} cannot be read: {exc}").format(path=self.path, exc=exc)
            ) from exc
        if not isinstance(data, dict):
            raise KeyStoreError(_("The encrypted key file {path} is damaged.").format(path=self.path))
        return data

    def _save(self, data: dict[str, str]) -> None:
        try:
            write_atomically(self.path, json.dumps(data, indent=1, sort_keys=True).encode())
        except OSError as exc:
            raise KeyStoreError(
                _("The encrypted key file {path} could not be written: {exc}").format(path=self.path, exc=exc)
            ) from exc

    def read(self, slot: str) -> str | None:
        return self._load().get(slot)

    def write(self, slot: str, value: str) -> None:
        with self._lock:
            data = self._load()
            data[slot] = value
            self._save(data)

    def erase(self, slot: str) -> None:
        with self._lock:
            data = self._load()
            if data.pop(slot, None) is not None:
                self._save(data)
