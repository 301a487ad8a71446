"""Errors of the key store; each message is one sentence with the remedy where there is one."""

from desktop_app.core.errors import PHTError, Remedy, UsageError
from desktop_app.core.i18n import _
from desktop_app.core.keys.envelope import WrongPassphrase

__all__ = [
    "DuplicateKey",
    "KeyNotFound",
    "KeyStoreError",
    "KeyringUnavailable",
    "SecretDamaged",
    "WrongPassphrase",
]


class KeyStoreError(PHTError):
    """Base of the key store's failures."""


class KeyringUnavailable(KeyStoreError):
    """No usable OS keyring."""

    remedy = Remedy.UNLOCK_KEYRING

    def __init__(self, detail: str) -> None:
        super().__init__(_("The OS keyring is not usable ({detail}).").format(detail=detail))


class SecretDamaged(KeyStoreError):
    """A keyring entry is corrupted or incomplete."""


class KeyNotFound(UsageError):
    """No key of that name in this profile."""

    exit_code = 3


class DuplicateKey(UsageError):
    """A key of that name or fingerprint exists already."""
