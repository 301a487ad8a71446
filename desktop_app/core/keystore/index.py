"""The key index: public keys and metadata of a profile, as JSON in its data folder.

Private material is never here; each entry names the keyring secret (`secret_id`) that holds it.
A copy of the index is kept in the OS keyring too (`IndexMirror`): when `keys.json` is found
damaged it is moved aside (`core.state_files`) and rebuilt from that copy, so the keys stay
listed; without a copy the list starts empty and the notice says how to get the keys back.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization

from desktop_app.core import state_files
from desktop_app.core.i18n import N_, _, ngettext
from desktop_app.core.keys.fingerprint import PublicKey, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPublicKey
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import chunked
from desktop_app.core.keystore.errors import KeyStoreError
from desktop_app.core.settings import write_atomically

log = logging.getLogger(__name__)
INDEX_LABEL = N_("keys.json (the key index)")


@dataclass(frozen=True)
class KeyInfo:
    """What is known of a key without its passphrase."""

    name: str
    type: KeyType
    fingerprint: str
    created: str  # ISO-8601, UTC
    comment: str
    secret_id: str
    protected: bool
    public: str = field(repr=False)  # SPKI PEM text, or Paillier canonical JSON

    @property
    def is_rsa(self) -> bool:
        return self.type.is_rsa

    @property
    def grouped_fingerprint(self) -> str:
        return group_fingerprint(self.fingerprint)

    @property
    def public_pem(self) -> bytes | None:
        return None if self.type.is_paillier else self.public.encode("ascii")

    @property
    def paillier_public(self) -> PaillierPublicKey | None:
        return PaillierPublicKey.from_json_dict(json.loads(self.public)) if self.type.is_paillier else None

    def public_key(self) -> PublicKey:
        if self.type.is_paillier:
            return self.paillier_public  # type: ignore[return-value]
        return serialization.load_pem_public_key(self.public.encode("ascii"))  # type: ignore[return-value]

    def to_json(self) -> dict:
        """The public, scriptable view (`keys list --json`)."""
        return {
            "name": self.name,
            "type": self.type.value,
            "fingerprint": self.fingerprint,
            "created": self.created,
            "comment": self.comment,
            "protected": self.protected,
        }


_TEXT_FIELDS = ("name", "fingerprint", "created", "comment", "secret_id", "public")


def _entry(raw: Any) -> KeyInfo:
    """One index entry, or DamagedState; fields a newer version may have added are left out."""
    if not isinstance(raw, dict):
        raise state_files.DamagedState(_("a key entry is not an object"))
    for name in _TEXT_FIELDS:
        if not isinstance(raw.get(name), str):
            raise state_files.DamagedState(_("a key entry has no text {name}").format(name=name))
    if not isinstance(raw.get("protected"), bool):
        raise state_files.DamagedState(_("a key entry does not say whether it is protected"))
    try:
        key_type = KeyType(raw.get("type"))
    except ValueError:
        raise state_files.DamagedState(_("a key entry has an unknown key type")) from None
    known = {f.name for f in fields(KeyInfo)}
    return KeyInfo(**{**{k: v for k, v in raw.items() if k in known}, "type": key_type})


def parse_index(document: Any) -> list[KeyInfo]:
    """The keys of an index document; DamagedState when it is not one."""
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise state_files.DamagedState(_("not a key index: no list of keys"))
    return [_entry(raw) for raw in document["keys"]]


def index_text(keys: list[KeyInfo]) -> str:
    return json.dumps({"version": 1, "keys": [{**asdict(k), "type": k.type.value} for k in keys]}, indent=2)


class IndexMirror:
    """A copy of the index kept among the secrets (the OS keyring), to rebuild a damaged keys.json.

    Written after every change of the index, as well as the keyring allows: a failure to write
    the copy never fails the change itself (the keyring was just used successfully for the key).
    `slot` names the copy; it is tied to the data folder, so two installs never share one.
    """

    def __init__(self, slots: chunked.SecretSlots, slot: Callable[[], str]) -> None:
        self.slots = slots
        self.slot = slot

    def write(self, text: str) -> None:
        try:
            chunked.write_secret(self.slots, self.slot(), text)
        except KeyStoreError as exc:
            log.info("the copy of the key index in the keyring was not updated: %s", exc)

    def restore(self) -> list[KeyInfo] | None:
        """The keys of the copy whose private part is still there, or None without a usable copy."""
        try:
            text = chunked.read_secret(self.slots, self.slot())
            if text is None:
                return None
            keys = parse_index(json.loads(text))
            # The copy may predate a deletion whose index update failed: keep what still exists.
            return [k for k in keys if self.slots.read(k.secret_id) is not None]
        except (KeyStoreError, state_files.DamagedState, ValueError, RecursionError) as exc:
            log.info("the copy of the key index in the keyring is not usable: %s", exc)
            return None


class KeyIndex:
    def __init__(
        self, path: Path, mirror: IndexMirror | None = None, secrets_where: Callable[[], str] | None = None
    ) -> None:
        self.path = path
        self.mirror = mirror
        # A sentence part: where the private parts are kept, asked for when said, in the language of that moment.
        self._secrets_where = secrets_where or (lambda: _("in the OS keyring"))

    @property
    def secrets_where(self) -> str:
        return self._secrets_where()

    def load(self) -> list[KeyInfo]:
        for _attempt in range(3):  # another thread or process may be recovering the same file
            try:
                return parse_index(state_files.read_json(self.path))
            except state_files.DamagedState as damage:
                keys = self._recover(damage.reason)
                if keys is not None:
                    return keys
        raise KeyStoreError(
            _("The key index {path} keeps changing while being read; try again.").format(path=self.path)
        )

    def _recover(self, reason: str) -> list[KeyInfo] | None:
        """Move the damaged index aside; rebuild it from the keyring's copy where there is one."""
        keys = self.mirror.restore() if self.mirror is not None else None
        if keys is not None:
            count = ngettext("{count} key", "{count} keys", len(keys)).format(count=len(keys))
            outcome = _("the index was rebuilt from its copy kept {secrets_where}: {count}").format(
                secrets_where=self.secrets_where, count=count
            )
        else:
            outcome = _(
                "the key list starts empty. The keys' private parts are still {secrets_where}, "
                "but they cannot be listed without the index: put back a good copy of keys.json (the "
                "moved-aside file, or a backup of the data folder), or import your key backups again"
            ).format(secrets_where=self.secrets_where)
        recovery = state_files.move_aside(self.path, reason, label=_(INDEX_LABEL), outcome=outcome)
        if recovery is None:
            return None  # already moved by someone else: read again
        if keys and recovery.moved_to is not None:
            self.save(keys)
        return keys or []

    def save(self, keys: list[KeyInfo]) -> None:
        text = index_text(keys)
        try:
            write_atomically(self.path, text.encode())
        except OSError as exc:
            raise KeyStoreError(
                _("The key index {path} could not be written: {exc}").format(path=self.path, exc=exc)
            ) from exc
        if self.mirror is not None:
            self.mirror.write(text)
