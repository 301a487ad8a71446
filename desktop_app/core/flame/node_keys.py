"""The private key file a FLAME node's services read: unencrypted PKCS#8 PEM, owner-only.

The node's result service (`crypto.ecdh_private_key_path`) and message broker
(`nodePrivateECDHKeyFile`) read the private key as a plain PEM file: there is no passphrase
they could be given. So this export is deliberately unencrypted, written with mode 0600 through
a temporary file and a rename, never over an existing file, and the caller is told what it is.
The passphrase-protected backup (`KeyStore.export_private_backup`) stays the way to keep a copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _
from desktop_app.core.keystore import KeyStore
from desktop_app.core.keystore.errors import KeyStoreError
from desktop_app.core.settings import write_atomically

MODE = 0o600


def unencrypted_warning(path: Path) -> str:
    return _(
        "{path} holds the private key WITHOUT a passphrase (mode 0600): anyone who can read it can "
        "decrypt what is sent to the node. Copy it only to the node's deployment and delete other copies."
    ).format(path=path)


def export_node_private_key(store: KeyStore, name: str, passphrase: str | None, path: Path) -> str:
    """Write key `name`'s private key as unencrypted PKCS#8 PEM to `path` (a new file, mode 0600);
    returns the warning sentence to show."""
    info = store.get(name)
    if not (info.type.is_ec or info.type.is_rsa):
        raise UsageError(_("Key {name} is a Paillier key; a FLAME node needs an EC (or RSA) key.").format(name=name))
    if path.exists() or path.is_symlink():
        raise UsageError(_("{path} exists already; nothing was written. Choose a new file name.").format(path=path))
    private_key = store.load_private_key(name, passphrase)
    pem = private_key.private_bytes(  # type: ignore[union-attr]  # EC or RSA, checked above
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    try:
        write_atomically(path, pem, mode=MODE)
    except OSError as exc:
        raise KeyStoreError(f"The private key could not be written to {path}: {exc.strerror or exc}.") from exc
    if os.name != "nt" and path.stat().st_mode & 0o777 != MODE:  # a file system that ignores modes
        path.unlink(missing_ok=True)
        raise KeyStoreError(f"{path} could not be made readable by you alone; it was removed.")
    return unencrypted_warning(path)
