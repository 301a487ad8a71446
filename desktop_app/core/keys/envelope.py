"""The passphrase envelope that protects stored key material at rest.

Format (JSON text, so it can live in a keyring entry or a file):
`{"v": 1, "kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": b64, "nonce": b64, "ct": b64}`
where `ct` is AES-256-GCM over the material with the key derived by scrypt from the
passphrase. GCM's tag is what tells a wrong passphrase from damaged data: both fail
authentication, and nothing else is ever attempted. `"kdf": "none"` holds unprotected
material (CLI `--no-passphrase`, for station automation).
"""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.core.errors import PHTError

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class WrongPassphrase(PHTError):
    """The passphrase does not open the key."""

    exit_code = 3


class EnvelopeDamaged(PHTError):
    """The stored envelope is not readable at all."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(material: bytes, passphrase: str | None) -> str:
    if passphrase is None:
        return json.dumps({"v": 1, "kdf": "none", "pt": _b64(material)})
    salt, nonce = os.urandom(16), os.urandom(12)
    key = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(key).encrypt(nonce, material, b"pht-desktop-key-v1")
    return json.dumps(
        {"v": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
         "salt": _b64(salt), "nonce": _b64(nonce), "ct": _b64(ciphertext)}
    )


def is_protected(envelope: str) -> bool:
    return _parse(envelope)["kdf"] != "none"


def _parse(envelope: str) -> dict:
    try:
        doc = json.loads(envelope)
        if doc.get("v") != 1 or doc.get("kdf") not in {"none", "scrypt"}:
            raise ValueError("unknown envelope version")
        return doc
    except (ValueError, AttributeError) as exc:
        raise EnvelopeDamaged("The stored key entry is damaged and cannot be read.") from exc


def open_envelope(envelope: str, passphrase: str | None) -> bytes:
    doc = _parse(envelope)
    try:
        if doc["kdf"] == "none":
            return base64.b64decode(doc["pt"], validate=True)
        salt = base64.b64decode(doc["salt"], validate=True)
        nonce = base64.b64decode(doc["nonce"], validate=True)
        ciphertext = base64.b64decode(doc["ct"], validate=True)
        params = int(doc["n"]), int(doc["r"]), int(doc["p"])
    except (KeyError, ValueError, TypeError) as exc:
        raise EnvelopeDamaged("The stored key entry is damaged and cannot be read.") from exc
    if passphrase is None:
        raise WrongPassphrase("This key is protected by a passphrase; none was given.")
    key = _derive(passphrase, salt, *params)
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, b"pht-desktop-key-v1")
    except InvalidTag as exc:
        raise WrongPassphrase("The passphrase is wrong; nothing was changed.") from exc
