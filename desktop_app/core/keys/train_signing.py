"""Signing a train's hash for the PHT network (the old Electron app's main job).

The central API shows the researcher a 128-hex-digit SHA-512 train hash; the signature is
RSASSA-PKCS1-v1_5 with SHA-512 over its 64 raw bytes, sent as hex in `hash_signed`.
"""

from __future__ import annotations

import re

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _
from desktop_app.core.keys.material import PrivateKey
from desktop_app.core.keys.types import EC_NOT_FOR_PHT
from desktop_app.core.protocol.signatures import sign_train_hash

_HASH_RE = re.compile(r"^[0-9a-fA-F]{128}$")


class InvalidTrainHash(UsageError):
    """The text given is not a train hash."""


class KeyNotForSigning(UsageError):
    """EC and Paillier keys cannot sign PHT trains."""


def parse_train_hash(text: str) -> bytes:
    cleaned = "".join(text.split())
    if not _HASH_RE.match(cleaned):
        hex_only = all(c in "0123456789abcdefABCDEF" for c in cleaned)
        raise InvalidTrainHash(
            (
                _("A train hash is 128 hexadecimal digits (64 bytes); this one has {count} characters.")
                if hex_only
                else _(
                    "A train hash is 128 hexadecimal digits (64 bytes); this one has {count} characters "
                    "and non-hex characters."
                )
            ).format(count=len(cleaned))
        )
    return bytes.fromhex(cleaned)


def sign_train_hash_hex(private_key: PrivateKey, hash_text: str) -> str:
    train_hash = parse_train_hash(hash_text)
    if not isinstance(private_key, rsa.RSAPrivateKey):
        kind = _("an EC key. ") + _(EC_NOT_FOR_PHT) if hasattr(private_key, "curve") else _("a Paillier key")
        raise KeyNotForSigning(_("Train hashes are signed with an RSA key; this is {kind}").format(kind=kind))
    return sign_train_hash(private_key, train_hash).hex()
