"""The key index: public keys and metadata of a profile, as JSON in its data folder.

Private material is never here; each entry names the keyring secret (`secret_id`) that holds it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives import serialization

from desktop_app.core.keys.fingerprint import PublicKey, group_fingerprint
from desktop_app.core.keys.paillier import PaillierPublicKey
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore.errors import KeyStoreError
from desktop_app.core.settings import write_atomically


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


class KeyIndex:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> list[KeyInfo]:
        try:
            doc = json.loads(self.path.read_text("utf-8"))
            return [KeyInfo(**{**entry, "type": KeyType(entry["type"])}) for entry in doc["keys"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise KeyStoreError(
                f"The key index {self.path} is damaged ({exc}); restore it from a backup of the data folder."
            ) from exc

    def save(self, keys: list[KeyInfo]) -> None:
        doc = {"version": 1, "keys": [{**asdict(k), "type": k.type.value} for k in keys]}
        try:
            write_atomically(self.path, json.dumps(doc, indent=2).encode())
        except OSError as exc:
            raise KeyStoreError(f"The key index {self.path} could not be written: {exc}") from exc
