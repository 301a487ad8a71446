"""The protocol's two signature schemes.

- Train hash (researcher, builder): RSASSA-PKCS1-v1_5 with SHA-512 over the 64 raw hash
  bytes (the signer hashes them again).
- Results and route digests (stations): RSA-PSS, MGF1-SHA512, maximum salt, over a
  SHA-512 digest passed as `Prehashed`.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa, utils

SHA512_SIZE = 64


def _pss() -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=padding.PSS.MAX_LENGTH)


def sign_train_hash(private_key: rsa.RSAPrivateKey, train_hash: bytes) -> bytes:
    return private_key.sign(train_hash, padding.PKCS1v15(), hashes.SHA512())


def verify_train_hash(public_key: rsa.RSAPublicKey, signature: bytes, train_hash: bytes) -> bool:
    try:
        public_key.verify(signature, train_hash, padding.PKCS1v15(), hashes.SHA512())
    except InvalidSignature:
        return False
    return True


def sign_digest(private_key: rsa.RSAPrivateKey, digest: bytes) -> bytes:
    """PSS signature over a SHA-512 digest (result_hash, route digest)."""
    return private_key.sign(digest, _pss(), utils.Prehashed(hashes.SHA512()))


def verify_digest(public_key: rsa.RSAPublicKey, signature: bytes, digest: bytes) -> bool:
    if len(digest) != SHA512_SIZE:
        return False
    try:
        public_key.verify(signature, digest, _pss(), utils.Prehashed(hashes.SHA512()))
    except InvalidSignature:
        return False
    return True
