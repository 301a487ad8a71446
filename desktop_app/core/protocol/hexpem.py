"""Public keys as the PHT network writes them: the hex encoding of the PEM text."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _


class PublicKeyFormatError(PHTError):
    """A public key in a config or an API answer cannot be read."""


def public_key_pem(key: rsa.RSAPublicKey) -> bytes:
    """SubjectPublicKeyInfo PEM, what stations write."""
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def public_key_to_hex_pem(key: rsa.RSAPublicKey) -> str:
    return public_key_pem(key).hex()


def load_hex_pem_public_key(value: str, what: str = "public key") -> rsa.RSAPublicKey:
    """Load a hex PEM (SubjectPublicKeyInfo or PKCS#1 `RSA PUBLIC KEY`) as an RSA key."""
    try:
        pem = bytes.fromhex(value)
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise PublicKeyFormatError(_("The {what} is not a hex-encoded PEM public key.").format(what=what)) from exc
    if not isinstance(key, rsa.RSAPublicKey):
        raise PublicKeyFormatError(_("The {what} is not an RSA key; the PHT network uses RSA only.").format(what=what))
    return key
