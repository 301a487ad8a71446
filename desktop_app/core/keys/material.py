"""Private key material: generation and the plain serialization kept inside an envelope.

RSA and EC keys serialize as unencrypted PKCS#8 DER, Paillier keys as JSON
`{"public": {"n","g"}, "private": {"lambda","mu"}}`; the envelope (`envelope.py`) is what
protects them at rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.keys.fingerprint import PublicKey, fingerprint
from desktop_app.core.keys.paillier import PaillierPrivateKey, PaillierPublicKey, generate_paillier
from desktop_app.core.keys.types import KeyType

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | PaillierPrivateKey

_CURVES = {256: ec.SECP256R1, 384: ec.SECP384R1}


class KeyMaterialError(PHTError):
    """Stored key material cannot be read back."""


@dataclass(frozen=True)
class KeyMaterial:
    key_type: KeyType
    private_key: PrivateKey

    @property
    def public_key(self) -> PublicKey:
        if isinstance(self.private_key, PaillierPrivateKey):
            return self.private_key.public
        return self.private_key.public_key()

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def public_pem(self) -> bytes | None:
        """SubjectPublicKeyInfo PEM, or None for Paillier keys."""
        if isinstance(self.private_key, PaillierPrivateKey):
            return None
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def to_bytes(self) -> bytes:
        if isinstance(self.private_key, PaillierPrivateKey):
            return json.dumps(
                {
                    "public": self.private_key.public.to_json_dict(),
                    "private": self.private_key.to_json_dict(),
                }
            ).encode()
        return self.private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )

    @classmethod
    def from_bytes(cls, key_type: KeyType, data: bytes) -> KeyMaterial:
        try:
            if key_type.is_paillier:
                doc = json.loads(data)
                public = PaillierPublicKey.from_json_dict(doc["public"])
                return cls(key_type, PaillierPrivateKey.from_json_dict(doc["private"], public))
            key = serialization.load_der_private_key(data, password=None)
        except (ValueError, KeyError, TypeError) as exc:
            raise KeyMaterialError(_("The stored key material is damaged and cannot be read.")) from exc
        if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
            raise KeyMaterialError(_("The stored key is of a kind PHT Desktop does not use."))
        return cls(key_type, key)


def key_type_of(private_key: PrivateKey) -> KeyType:
    """The KeyType of an existing key (import); raises for sizes and curves we do not manage."""
    if isinstance(private_key, PaillierPrivateKey):
        bits = private_key.public.bits
        for candidate in (KeyType.PAILLIER_2048, KeyType.PAILLIER_3072):
            if bits == candidate.size:
                return candidate
        raise KeyMaterialError(
            _(
                "This Paillier key has a {bits}-bit modulus; PHT Desktop keeps 2048- or 3072-bit keys "
                "(smaller ones, like the old Electron app's 128-bit keys, are breakable in seconds)."
            ).format(bits=bits)
        )
    if isinstance(private_key, rsa.RSAPrivateKey):
        for candidate in (KeyType.RSA_2048, KeyType.RSA_3072, KeyType.RSA_4096):
            if private_key.key_size == candidate.size:
                return candidate
        raise KeyMaterialError(
            _("This RSA key has {key_size} bits; PHT Desktop keeps 2048, 3072 or 4096-bit keys.").format(
                key_size=private_key.key_size
            )
        )
    if isinstance(private_key, ec.EllipticCurvePrivateKey):
        if isinstance(private_key.curve, ec.SECP256R1):
            return KeyType.EC_P256
        if isinstance(private_key.curve, ec.SECP384R1):
            return KeyType.EC_P384
        raise KeyMaterialError(
            _("EC curve {name} is not supported; use P-256 or P-384.").format(name=private_key.curve.name)
        )
    raise KeyMaterialError(_("This kind of key is not supported."))


def generate_key(key_type: KeyType) -> KeyMaterial:
    if key_type.is_rsa:
        return KeyMaterial(key_type, rsa.generate_private_key(public_exponent=65537, key_size=key_type.size))
    if key_type.is_ec:
        return KeyMaterial(key_type, ec.generate_private_key(_CURVES[key_type.size]()))
    return KeyMaterial(key_type, generate_paillier(key_type.size))
