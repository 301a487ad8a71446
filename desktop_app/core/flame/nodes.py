"""FLAME nodes and their public key: list them, and set a node's key knowingly.

Only nodes have keys in FLAME (NETWORKS.md §2). Setting one is `POST {CORE}/nodes/:id` with the
SPKI PEM; the hub answers 202 and stores the hex of the PEM text (a value already in hex is kept
as it is), so the key read back is compared by fingerprint, whichever form it comes in. A node
that holds a different key keeps it unless the caller asks to replace it, as PHT registration
does. The current hub offers only EC P-256 keys; hub 0.8.x also RSA-OAEP 2048.
"""

from __future__ import annotations

import binascii
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from desktop_app.core.central.errors import KeyMismatch
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import UsageError
from desktop_app.core.flame import wire
from desktop_app.core.flame.client import FlameClient
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.i18n import _
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.progress import CancelToken

ABSENT, MATCHES, DIFFERS = "no key", "key matches", "DIFFERENT key"
UNREADABLE = "unreadable"
MAX_KEY_TEXT = 4096  # the hub's own bound on public_key (5–4096 characters)


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    realm_id: str | None
    public_key: str | None  # as the hub holds it: hex of the PEM text, or the PEM itself
    online: bool | None
    type: str | None

    @property
    def key_fingerprint(self) -> str | None:
        return hub_key_fingerprint(self.public_key) if self.public_key else None

    def to_json(self) -> dict:
        doc = asdict(self)
        doc["key_fingerprint"] = self.key_fingerprint
        return doc


def _node(dialect: wire.Dialect, raw: object) -> Node:
    record = wire.an_object(raw, "a node")
    online = dialect.get(record, "online")
    return Node(
        wire.identifier(dialect, record, "id", "a node"),
        wire.text(dialect, record, "name", "a node") or "",
        wire.optional_identifier(dialect, record, "realm_id", "a node"),
        wire.text(dialect, record, "public_key", "a node") or None,
        online if isinstance(online, bool) else None,
        wire.text(dialect, record, "type", "a node"),
    )


def list_nodes(client: FlameClient) -> list[Node]:
    dialect = client.dialect
    return [_node(dialect, raw) for raw in wire.paged(client, "nodes", {}, "nodes")]


def get_node(client: FlameClient, node_id: str) -> Node:
    wire.check_id(node_id, "node")
    node = _node(client.dialect, client.request("GET", f"nodes/{node_id}"))
    if node.id != node_id:
        raise wire.malformed(f"the node {node_id}", f"describes another node ({node.id})")
    return node


def pem_of(value: str) -> bytes:
    """The PEM text of a key as the hub holds it: hex of the PEM (what it stores) or the PEM."""
    stripped = value.strip()
    if stripped.startswith("-----BEGIN"):
        return stripped.encode()
    try:
        return binascii.unhexlify(stripped)
    except (binascii.Error, ValueError):
        return stripped.encode()


def hub_key_fingerprint(value: str) -> str:
    try:
        key = serialization.load_pem_public_key(pem_of(value))
    except (ValueError, TypeError):
        return UNREADABLE
    if not isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        return UNREADABLE
    return fingerprint(key)


def check_node_key_type(info: KeyInfo, dialect: wire.Dialect) -> None:
    allowed = {KeyType.EC_P256} if dialect.camel_case else {KeyType.EC_P256, KeyType.RSA_2048}
    if info.type not in allowed:
        which = "an EC P-256 key" if dialect.camel_case else "an EC P-256 or RSA 2048 key"
        raise UsageError(
            _("Key {name} is {type}; a node of this FLAME hub (version {version}) needs {which}.").format(
                name=info.name, type=info.type.value, version=dialect.version, which=which
            )
        )


def node_key_state(node: Node, info: KeyInfo) -> str:
    if not node.public_key:
        return ABSENT
    return MATCHES if node.key_fingerprint == info.fingerprint else DIFFERS


def register_node_key(
    client: FlameClient, info: KeyInfo, node_id: str, replace: bool = False, cancel: CancelToken | None = None
) -> str:
    """Make `info` the node's public key, or confirm it is; another key is replaced only with
    `replace`. The key is read back and compared by fingerprint. Returns a sentence."""
    dialect = client.dialect
    check_node_key_type(info, dialect)
    node = get_node(client, node_id)
    shown = printable(node.name or node.id, 80)
    state = node_key_state(node, info)
    if state == MATCHES:
        return _("Key {key} is the public key of node {node} on the hub already; nothing was changed.").format(
            key=info.name, node=shown
        )
    if state == DIFFERS and not replace:
        hub = node.key_fingerprint or UNREADABLE
        raise KeyMismatch(
            _("Node {node} holds a different public key on the hub (hub {hub}, local {local}).").format(
                node=shown,
                hub=_("an unreadable key") if hub == UNREADABLE else group_fingerprint(hub),
                local=group_fingerprint(info.fingerprint),
            )
        )
    pem = info.public_pem.decode()  # type: ignore[union-attr]  # EC and RSA keys always have one
    if not 5 <= len(pem) <= MAX_KEY_TEXT:
        raise UsageError(f"Key {info.name}'s PEM is {len(pem)} characters; the hub takes 5 to {MAX_KEY_TEXT}.")
    if cancel:
        cancel.commit(f"key {info.name} was already sent to node {shown}.")
    client.request("POST", f"nodes/{node.id}", json={dialect.name("public_key"): pem})
    stored = get_node(client, node.id)
    if stored.key_fingerprint != info.fingerprint:
        raise FlameError(
            _(
                "The hub accepted the key but node {node} now holds {held}, not key {key} ({local}); "
                "check the node on the hub."
            ).format(
                node=shown,
                held=group_fingerprint(stored.key_fingerprint) if stored.key_fingerprint else "no key",
                key=info.name,
                local=group_fingerprint(info.fingerprint),
            )
        )
    if state == DIFFERS:
        done = _("Key {key} replaced the different key of node {node} ({fingerprint}); read back and compared.")
    else:
        done = _("Key {key} is now the public key of node {node} ({fingerprint}); read back and compared.")
    return done.format(key=info.name, node=shown, fingerprint=group_fingerprint(info.fingerprint))
