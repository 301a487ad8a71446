"""Where keys live: the OS keyring through `keyring`, a metadata index, and size-limit handling."""

from desktop_app.core.keystore.errors import (
    DuplicateKey,
    KeyNotFound,
    KeyringUnavailable,
    KeyStoreError,
    SecretDamaged,
    WrongPassphrase,
)
from desktop_app.core.keystore.index import KeyInfo
from desktop_app.core.keystore.store import ENCRYPTED_FILE, OS_KEYRING, KeyStore, set_storage

__all__ = [
    "ENCRYPTED_FILE",
    "OS_KEYRING",
    "DuplicateKey",
    "KeyInfo",
    "KeyNotFound",
    "KeyStore",
    "KeyStoreError",
    "KeyringUnavailable",
    "SecretDamaged",
    "WrongPassphrase",
    "set_storage",
]
