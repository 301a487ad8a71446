"""The passphrase envelope that protects stored key material at rest.

Format (JSON text, so it can live in a keyring entry or a file):
`{"v": 1, "kdf": "scrypt", "n": 32768, "r": 8, "p": 1, "salt": b64, "nonce": b64, "ct": b64}`
where `ct` is AES-256-GCM over the material with the key derived by scrypt from the
passphrase. GCM's tag is what tells a wrong passphrase from damaged data: both fail
authentication, and nothing else is ever attempted. `"kdf": "none"` holds unprotected
material (CLI `--no-passphrase`, for station automation).

An envelope is read back from a store that others may be able to write, so nothing in it is
trusted before the tag is checked: the scrypt parameters must be a set this app writes (a
raised `n` costs gigabytes and seconds before any tag is seen; absurd values would be
tracebacks), and salt and nonce must have the lengths it writes. Anything else is
`EnvelopeDamaged`.
"""

from __future__ import annotations

import base64
import json
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import N_, _

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# Every (n, r, p) this app has ever written (only one so far); a new default joins this set.
KNOWN_SCRYPT_PARAMETERS = frozenset({(SCRYPT_N, SCRYPT_R, SCRYPT_P)})
SALT_BYTES, NONCE_BYTES, TAG_BYTES = 16, 12, 16
DAMAGED = N_("The stored key entry is damaged and cannot be read.")


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
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
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
    except (ValueError, RecursionError) as exc:  # RecursionError: nested too deeply to parse
        raise EnvelopeDamaged(_(DAMAGED)) from exc
    # isinstance first: a list or an object for "kdf" is not hashable, and `in` on a set would raise.
    if not isinstance(doc, dict) or doc.get("v") != 1 or not isinstance(doc.get("kdf"), str):
        raise EnvelopeDamaged(_(DAMAGED))
    if doc["kdf"] not in {"none", "scrypt"}:
        raise EnvelopeDamaged(_(DAMAGED))
    return doc


def _scrypt_parameters(doc: dict) -> tuple[int, int, int]:
    params = doc.get("n"), doc.get("r"), doc.get("p")
    # `type(...) is int`: JSON's true, 32768.0 and "32768" are not what the app writes.
    if not all(type(value) is int for value in params) or params not in KNOWN_SCRYPT_PARAMETERS:
        raise EnvelopeDamaged(_(DAMAGED))
    return params  # type: ignore[return-value]


def _b64_field(doc: dict, name: str, length: int | None = None, at_least: int = 0) -> bytes:
    try:
        data = base64.b64decode(doc[name], validate=True)
    except (KeyError, ValueError, TypeError) as exc:
        raise EnvelopeDamaged(_(DAMAGED)) from exc
    if (length is not None and len(data) != length) or len(data) < at_least:
        raise EnvelopeDamaged(_(DAMAGED))
    return data


def open_envelope(envelope: str, passphrase: str | None) -> bytes:
    doc = _parse(envelope)
    if doc["kdf"] == "none":
        return _b64_field(doc, "pt")
    params = _scrypt_parameters(doc)
    salt = _b64_field(doc, "salt", SALT_BYTES)
    nonce = _b64_field(doc, "nonce", NONCE_BYTES)
    ciphertext = _b64_field(doc, "ct", at_least=TAG_BYTES)
    if passphrase is None:
        raise WrongPassphrase(_("This key is protected by a passphrase; none was given."))
    key = _derive(passphrase, salt, *params)
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, b"pht-desktop-key-v1")
    except InvalidTag as exc:
        raise WrongPassphrase(_("The passphrase is wrong; nothing was changed.")) from exc
