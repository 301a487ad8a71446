"""Key fingerprints: hex SHA-256 of the DER SubjectPublicKeyInfo (Paillier: of its canonical JSON)."""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from desktop_app.core.keys.paillier import PaillierPublicKey

PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey | PaillierPublicKey


def fingerprint(public_key: PublicKey) -> str:
    if isinstance(public_key, PaillierPublicKey):
        return public_key.fingerprint()
    der = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(der).hexdigest()


def group_fingerprint(value: str, size: int = 4) -> str:
    """`"ab12cd34..."` → `"ab12 cd34 ..."`, the way the GUI shows it."""
    return " ".join(value[i : i + size] for i in range(0, len(value), size))
