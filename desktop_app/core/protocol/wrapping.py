"""Wrapping the 32-byte file key for a recipient: RSA-OAEP, MGF1-SHA512, SHA-512, no label."""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

FILE_KEY_SIZE = 32


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(hashes.SHA512()), algorithm=hashes.SHA512(), label=None)


def new_file_key() -> bytes:
    return os.urandom(FILE_KEY_SIZE)


def wrap_key(file_key: bytes, public_key: rsa.RSAPublicKey) -> bytes:
    return public_key.encrypt(file_key, _oaep())


def unwrap_key(wrapped: bytes, private_key: rsa.RSAPrivateKey) -> bytes:
    """Raises ValueError when the key does not fit; callers turn it into a sentence."""
    return private_key.decrypt(wrapped, _oaep())
