"""Registering local public keys with the central server as user secrets, knowingly.

Before registering, the server is asked for a secret of the key's name: the same key is
reported as "registered, matches"; a different one is reported with both fingerprints and
replaced only on explicit confirmation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop_app.core.central import api
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError, KeyMismatch
from desktop_app.core.errors import PHTError, UsageError
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPublicKey
from desktop_app.core.keys.types import EC_NOT_FOR_PHT
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key

ABSENT, MATCHES, DIFFERS = "not registered", "registered, matches", "registered, DIFFERENT key"


@dataclass(frozen=True)
class ServerKeyStatus:
    state: str
    secret_id: str | None = None
    server_fingerprint: str | None = None


def secret_content(info: KeyInfo) -> tuple[str, str]:
    """(type, content) as the central API stores the key."""
    if info.type.is_ec:
        raise UsageError(f"Key {info.name} is an EC key. {EC_NOT_FOR_PHT}")
    if info.type.is_paillier:
        return "paillier_public_key", info.public
    return "rsa_public_key", info.public_pem.hex()  # type: ignore[union-attr]


def content_fingerprint(kind: str, content: str) -> str:
    try:
        if kind == "paillier_public_key":
            return PaillierPublicKey.from_json_dict(json.loads(content)).fingerprint()
        return fingerprint(load_hex_pem_public_key(content, "registered key"))
    except (ValueError, PHTError):
        return "unreadable"


def key_status(client: CentralClient, info: KeyInfo) -> ServerKeyStatus:
    secret = api.find_secret(client, info.name)
    if secret is None:
        return ServerKeyStatus(ABSENT)
    server = content_fingerprint(str(secret.get("type")), str(secret.get("content") or ""))
    return ServerKeyStatus(MATCHES if server == info.fingerprint else DIFFERS, str(secret["id"]), server)


def register_key(
    client: CentralClient, info: KeyInfo, replace: bool = False, cancel: CancelToken | None = None
) -> str:
    """Register, or confirm, or (only with `replace`) overwrite; returns a sentence."""
    kind, content = secret_content(info)
    status = key_status(client, info)
    if status.state == MATCHES:
        return f"Key {info.name} is registered on the server and matches."
    if status.state == DIFFERS:
        if not replace:
            server = group_fingerprint(status.server_fingerprint or "")
            raise KeyMismatch(
                f"The server holds a different key named {info.name} (server {server}, "
                f"local {group_fingerprint(info.fingerprint)})."
            )
        if cancel:
            cancel.commit(f"key {info.name} was already sent to replace the server's key.")
        api.replace_secret(client, status.secret_id or "", info.name, kind, content)
        return f"Key {info.name} replaced the different key the server held."
    if cancel:
        cancel.commit(f"key {info.name} was already sent to the server.")
    api.create_secret(client, info.name, kind, content)
    return f"Key {info.name} is now registered on the server ({group_fingerprint(info.fingerprint)})."


def unregister_key(client: CentralClient, name: str, cancel: CancelToken | None = None) -> str:
    secret = api.find_secret(client, name)
    if secret is None:
        raise CentralError(f"The server holds no key named {name}.")
    if cancel:
        cancel.commit(f"the server's copy of key {name} was already being removed.")
    api.delete_secret(client, str(secret["id"]))
    return f"Removed the server's copy of key {name}; your local key is unchanged."
