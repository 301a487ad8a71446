"""Registering local public keys with the central server as user secrets, knowingly.

Before registering, the server is asked for a secret of the key's name: the same key is
reported as "registered, matches"; a different one is reported with both fingerprints and
replaced only on explicit confirmation. A key registered under another name is recognised by
its content: central's web page (the old app's way) registers the PKCS#1 PEM, hex-encoded, as
`rsa_public_key`; such a key is reported as registered under that name, never added twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop_app.core.central import api
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError, KeyMismatch
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import PHTError, UsageError
from desktop_app.core.i18n import N_, _
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPublicKey
from desktop_app.core.keys.types import EC_NOT_FOR_PHT
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key

ABSENT, MATCHES, DIFFERS = N_("not registered"), N_("registered, matches"), N_("registered, DIFFERENT key")


@dataclass(frozen=True)
class ServerKeyStatus:
    state: str
    secret_id: str | None = None
    server_fingerprint: str | None = None
    server_name: str | None = None  # the name the server holds the key under


def secret_content(info: KeyInfo) -> tuple[str, str]:
    """(type, content) as the central API stores the key."""
    if info.type.is_ec:
        raise UsageError(_("Key {name} is an EC key. {reason}").format(name=info.name, reason=_(EC_NOT_FOR_PHT)))
    if info.type.is_paillier:
        return "paillier_public_key", info.public
    return "rsa_public_key", info.public_pem.hex()  # type: ignore[union-attr]


def content_fingerprint(kind: str, content: str) -> str:
    try:
        if kind == "paillier_public_key":
            return PaillierPublicKey.from_json_dict(json.loads(content)).fingerprint()
        return fingerprint(load_hex_pem_public_key(content, "registered key"))
    except (ValueError, RecursionError, PHTError):  # a server's content nested too deep is unreadable too
        return "unreadable"


def _kind(info: KeyInfo) -> str | None:
    """The secret type a key is registered as; None for EC keys, which PHT cannot use."""
    if info.type.is_ec:
        return None
    return "paillier_public_key" if info.type.is_paillier else "rsa_public_key"


def _fingerprint_of(secret: dict) -> str:
    return content_fingerprint(secret.get("type") or "", secret.get("content") or "")


def key_status(client: CentralClient, info: KeyInfo) -> ServerKeyStatus:
    secret = api.find_secret(client, info.name)
    if secret is not None:
        server = _fingerprint_of(secret)
        state = MATCHES if server == info.fingerprint else DIFFERS
        return ServerKeyStatus(state, secret["id"], server, secret["key"])
    kind = _kind(info)
    if kind is not None:
        for other in api.secrets_of_type(client, kind):
            if _fingerprint_of(other) == info.fingerprint:
                return ServerKeyStatus(MATCHES, other["id"], info.fingerprint, other.get("key"))
    return ServerKeyStatus(ABSENT)


def register_key(client: CentralClient, info: KeyInfo, replace: bool = False, cancel: CancelToken | None = None) -> str:
    """Register, or confirm, or (only with `replace`) overwrite; returns a sentence."""
    kind, content = secret_content(info)
    status = key_status(client, info)
    if status.state == MATCHES and status.server_name not in (None, info.name):
        return _(
            "Key {name} is already registered on the server, under the name {server_name} "
            "(the same key, registered earlier, e.g. through central's web page); nothing was added."
        ).format(name=info.name, server_name=printable(status.server_name))
    if status.state == MATCHES:
        return _("Key {name} is registered on the server and matches.").format(name=info.name)
    if status.state == DIFFERS:
        if not replace:
            server = group_fingerprint(status.server_fingerprint or "")
            raise KeyMismatch(
                _("The server holds a different key named {name} (server {server}, local {fingerprint}).").format(
                    name=info.name, server=server, fingerprint=group_fingerprint(info.fingerprint)
                )
            )
        if cancel:
            cancel.commit(_("key {name} was already sent to replace the server's key.").format(name=info.name))
        api.replace_secret(client, status.secret_id or "", info.name, kind, content)
        return _("Key {name} replaced the different key the server held.").format(name=info.name)
    if cancel:
        cancel.commit(_("key {name} was already sent to the server.").format(name=info.name))
    api.create_secret(client, info.name, kind, content)
    return _("Key {name} is now registered on the server ({fingerprint}).").format(
        name=info.name, fingerprint=group_fingerprint(info.fingerprint)
    )


def unregister_key(client: CentralClient, name: str, cancel: CancelToken | None = None) -> str:
    secret = api.find_secret(client, name)
    if secret is None:
        raise CentralError(_("The server holds no key named {name}.").format(name=name))
    if cancel:
        cancel.commit(_("the server's copy of key {name} was already being removed.").format(name=name))
    api.delete_secret(client, str(secret["id"]))
    return _("Removed the server's copy of key {name}; your local key is unchanged.").format(name=name)
