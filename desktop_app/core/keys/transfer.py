"""Import and export of keys as files: PEM (PKCS#8, PKCS#1, SEC1), the old Electron PHT app's
files, Paillier JSON, and passphrase-encrypted backups.

The old Electron app wrote `private.pem` (PKCS#8, AES-256-CBC under a passphrase),
`public.pem` (PKCS#1 `RSA PUBLIC KEY`), and Paillier `public-he.key` `{"n","g"}` and
`private-he.key` `{"lambda","mu"}` as JSON (numbers or decimal strings).
"""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.i18n import N_, _
from desktop_app.core.keys import envelope
from desktop_app.core.keys.material import KeyMaterial, KeyMaterialError, key_type_of
from desktop_app.core.keys.paillier import PaillierKeyError, PaillierPrivateKey, PaillierPublicKey

PAILLIER_BACKUP_FORMAT = "pht-desktop-paillier-backup-v1"
MAX_KEY_FILE = 1 << 20  # no key file is larger; refuse to read a disk image by mistake


class KeyImportError(PHTError):
    """A file cannot be imported as a key."""


PUBLIC_ONLY = N_("This file holds only a public key; a private import needs the private key file.")
NOT_A_KEY = N_("The file is not a key PHT Desktop can read (expected PEM or Paillier JSON).")
WRONG_FILE_PASSPHRASE = N_("The passphrase does not open this key file; nothing was imported.")


def read_key_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise KeyImportError(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from exc
    if len(data) > MAX_KEY_FILE:
        raise KeyImportError(_("The file {path} is too large to be a key file.").format(path=path))
    return data


def _pem_private(data: bytes, passphrase: str | None) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    # An empty passphrase is none: cryptography treats b"" on an encrypted file as "not given".
    password = passphrase.encode("utf-8") if passphrase else None
    try:
        key = serialization.load_pem_private_key(data, password=password)
    except TypeError as exc:
        if password is None:
            raise envelope.WrongPassphrase(
                _("This key file is encrypted; its passphrase is needed."), remedy=Remedy.GIVE_PASSPHRASE
            ) from exc
        # A passphrase was given for a file that has none: read it without one.
        key = serialization.load_pem_private_key(data, password=None)
    except ValueError as exc:
        if b"ENCRYPTED" in data or b"Proc-Type: 4,ENCRYPTED" in data:
            raise envelope.WrongPassphrase(_(WRONG_FILE_PASSPHRASE)) from exc
        raise KeyImportError(_("The PEM file is damaged and holds no readable private key.")) from exc
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise KeyImportError(_("This file holds a kind of key PHT Desktop does not use (RSA, EC or Paillier)."))
    return key


def _load_public(data: bytes):
    try:
        if data.lstrip().startswith(b"{"):
            return PaillierPublicKey.from_json_dict(json.loads(data))
        return serialization.load_pem_public_key(data)
    except (ValueError, PaillierKeyError, RecursionError, UnsupportedAlgorithm) as exc:  # RecursionError: deep JSON
        raise KeyImportError(_("The public key file holds no readable public key.")) from exc


def _paillier_private(doc: dict, public_data: bytes | None) -> PaillierPrivateKey:
    if public_data is not None:
        public = _load_public(public_data)
        if not isinstance(public, PaillierPublicKey):
            raise KeyImportError(_("A Paillier private key needs the Paillier public key file (public-he.key)."))
    else:
        nested = doc.get("public") or doc.get("publicKey")
        if nested is None and "n" in doc:
            nested = {"n": doc["n"], "g": doc.get("g", "")}
        if nested is None:
            raise KeyImportError(
                _("This Paillier private key file has no public part."), remedy=Remedy.GIVE_PUBLIC_FILE
            )
        public = PaillierPublicKey.from_json_dict(nested)
    try:
        return PaillierPrivateKey.from_json_dict(doc, public)
    except PaillierKeyError as exc:
        raise KeyImportError(_("{exc} Check that both files come from the same key pair.").format(exc=exc)) from exc


def parse_private_key(data: bytes, passphrase: str | None, public_data: bytes | None = None) -> KeyMaterial:
    """Read a private key file's bytes (and its separate public file, if any) into KeyMaterial."""
    text = data.lstrip()
    try:
        if text.startswith(b"{"):
            doc = json.loads(data)
            if not isinstance(doc, dict):
                raise KeyImportError(_("The JSON file is not a key."))
            if doc.get("format") == PAILLIER_BACKUP_FORMAT:
                if not isinstance(doc.get("envelope"), str):
                    raise KeyImportError(_("The backup file is damaged: its envelope is missing or not text."))
                try:
                    sealed = envelope.open_envelope(doc["envelope"], passphrase)
                except envelope.EnvelopeDamaged as exc:  # said of a backup file, not of a stored key
                    raise KeyImportError(_("The backup file is damaged: its envelope is unreadable.")) from exc
                inner = json.loads(sealed)
                if not isinstance(inner, dict):
                    raise KeyImportError(_("The backup file is damaged: it holds no Paillier key."))
                private: object = PaillierPrivateKey.from_json_dict(
                    inner["private"], PaillierPublicKey.from_json_dict(inner["public"])
                )
            elif "lambda" in doc:
                private = _paillier_private(doc, public_data)
            elif "n" in doc and "g" in doc:
                raise KeyImportError(_(PUBLIC_ONLY))
            else:
                raise KeyImportError(_('The JSON file is not a Paillier key (no "lambda"/"mu").'))
        elif b"-----BEGIN" in text and b"PRIVATE KEY-----" in text:
            private = _pem_private(data, passphrase)
        elif b"-----BEGIN" in text and b"PUBLIC KEY-----" in text:
            raise KeyImportError(_(PUBLIC_ONLY))
        else:
            raise KeyImportError(_(NOT_A_KEY))
        material = KeyMaterial(key_type_of(private), private)  # type: ignore[arg-type]
    except (ValueError, KeyError, PaillierKeyError, KeyMaterialError, RecursionError, UnsupportedAlgorithm) as exc:
        if isinstance(exc, PHTError):
            raise KeyImportError(str(exc)) from exc
        raise KeyImportError(_("The file is damaged and holds no readable key.")) from exc
    if public_data is not None and not material.key_type.is_paillier:
        public = _load_public(public_data)
        belongs = not isinstance(public, PaillierPublicKey) and (
            public.public_numbers() == material.public_key.public_numbers()  # type: ignore[union-attr]
        )
        if not belongs:
            raise KeyImportError(_("The public key file does not belong to this private key."))
    return material


# -- export ---------------------------------------------------------------------------------


def public_export(material_public_pem: bytes | None, paillier_json: str | None, fmt: str) -> str:
    """`pem` (SubjectPublicKeyInfo), `hex` (the hex PEM the central API wants) or Paillier `json`."""
    if paillier_json is not None:
        return json.dumps(json.loads(paillier_json), indent=2) + "\n"
    assert material_public_pem is not None
    if fmt == "hex":
        return material_public_pem.hex() + "\n"
    if fmt == "pem":
        return material_public_pem.decode("ascii")
    raise KeyImportError(_("Unknown public key format {fmt!r}; use pem or hex.").format(fmt=fmt))


def private_backup(material: KeyMaterial, passphrase: str) -> bytes:
    """A passphrase-encrypted backup: PKCS#8 PEM for RSA/EC, an envelope in JSON for Paillier."""
    if not passphrase:
        raise KeyImportError(_("A backup needs a passphrase to encrypt it."))
    if isinstance(material.private_key, PaillierPrivateKey):
        sealed = envelope.seal(material.to_bytes(), passphrase)
        return json.dumps({"format": PAILLIER_BACKUP_FORMAT, "envelope": sealed}, indent=2).encode()
    return material.private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
