"""Keys against the reference: our signatures pass the station library's check, and the old
Electron PHT app's key files import."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.keys.paillier import generate_paillier
from tests.helpers.cli import run_cli
from tests.helpers.reference import run_reference

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase

VERIFY_LIKE_A_STATION = """
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.exceptions import InvalidSignature
from train_lib.security.key_manager import KeyManager

public = KeyManager.load_public_key(data["public_hex"])
try:
    sig, digest = bytes.fromhex(data["signature"]), bytes.fromhex(data["hash"])
    public.verify(sig, digest, padding.PKCS1v15(), hashes.SHA512())
    result = True
except InvalidSignature:
    result = False
"""


def _cli(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.interop
@pytest.mark.keyring
@pytest.mark.parametrize("key_type", ["rsa-2048", "rsa-4096"])
def test_reference_station_accepts_our_train_signature(key_type: str) -> None:
    _cli("keys", "generate", "researcher", "--type", key_type, "--passphrase-stdin", stdin=f"{PW}\n")
    train_hash = hashlib.sha512(b"the train").hexdigest()
    signature = _cli("sign", train_hash, "--key", "researcher", "--passphrase-stdin", stdin=f"{PW}\n")
    public_hex = _cli("keys", "export", "researcher", "--public", "--format", "hex")
    payload = {"public_hex": public_hex, "signature": signature, "hash": train_hash}
    assert run_reference(VERIFY_LIKE_A_STATION, payload) is True
    tampered = {**payload, "hash": hashlib.sha512(b"another train").hexdigest()}
    assert run_reference(VERIFY_LIKE_A_STATION, tampered) is False


def _electron_files(folder: Path, passphrase: str) -> rsa.RSAPrivateKey:
    """Write key files the way the old Electron app did (Node's generateKeyPair over OpenSSL):
    PKCS#8 under PBES2 with AES-256-CBC, made here by the openssl tool, and a PKCS#1 public key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    plain = folder / "plain.pem"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    subprocess.run(
        [
            "openssl",
            "pkcs8",
            "-topk8",
            "-v2",
            "aes-256-cbc",
            "-in",
            str(plain),
            "-out",
            str(folder / "private.pem"),
            "-passout",
            f"pass:{passphrase}",
        ],
        check=True,
    )
    plain.unlink()
    (folder / "public.pem").write_bytes(
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1)
    )
    return key


@pytest.mark.interop
@pytest.mark.keyring
def test_old_electron_app_rsa_files_import(tmp_path: Path) -> None:
    _electron_files(tmp_path, "old app pass")
    encrypted = (tmp_path / "private.pem").read_bytes()
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in encrypted
    asn1 = subprocess.run(
        ["openssl", "asn1parse", "-in", str(tmp_path / "private.pem")], capture_output=True, text=True
    )
    assert "aes-256-cbc" in asn1.stdout
    assert b"BEGIN RSA PUBLIC KEY" in (tmp_path / "public.pem").read_bytes()
    args = ["keys", "import", str(tmp_path / "private.pem"), "--public-file", str(tmp_path / "public.pem")]
    wrong = run_cli(*args, "--name", "old-key", "--passphrase-stdin", stdin="bad\n")
    assert wrong.returncode == 3 and "does not open" in wrong.stderr
    fingerprint = _cli(*args, "--name", "old-key", "--passphrase-stdin", stdin="old app pass\n")
    assert json.loads(_cli("keys", "list", "--json"))[0]["fingerprint"] == fingerprint
    # The stored key is now protected by the same passphrase and signs.
    assert len(_cli("sign", "ab" * 64, "--key", "old-key", "--passphrase-stdin", stdin="old app pass\n")) > 0


@pytest.mark.interop
@pytest.mark.keyring
def test_old_electron_app_paillier_files_import(tmp_path: Path) -> None:
    key = generate_paillier(2048)
    (tmp_path / "public-he.key").write_text(json.dumps({"n": str(key.public.n), "g": str(key.public.g)}))
    (tmp_path / "private-he.key").write_text(json.dumps({"lambda": key.lambda_, "mu": key.mu}))
    base = ["keys", "import", str(tmp_path / "private-he.key")]
    missing_public = run_cli(*base, "--name", "he-key", "--no-passphrase")
    assert missing_public.returncode == 1 and "public-he.key" in missing_public.stderr
    _cli(
        *base,
        "--public-file",
        str(tmp_path / "public-he.key"),
        "--name",
        "he-key",
        "--passphrase-stdin",
        stdin="p\n",
    )
    exported = json.loads(_cli("keys", "export", "he-key", "--public"))
    assert int(exported["n"]) == key.public.n
