"""Keys without a store: names, fingerprints, envelopes, Paillier, train-hash signing, file parsing."""

from __future__ import annotations

import hashlib
import json

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from desktop_app.core.keys import envelope
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.material import KeyMaterial, generate_key
from desktop_app.core.keys.names import InvalidKeyName, validate_key_name
from desktop_app.core.keys.paillier import PaillierKeyError, PaillierPrivateKey, generate_paillier
from desktop_app.core.keys.train_signing import InvalidTrainHash, KeyNotForSigning, sign_train_hash_hex
from desktop_app.core.keys.transfer import KeyImportError, parse_private_key, private_backup
from desktop_app.core.keys.types import KeyType


@pytest.fixture(scope="module")
def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.mark.parametrize("name", ["abc", "a" * 64, "station-1.key_A"])
def test_valid_names(name: str) -> None:
    assert validate_key_name(name) == name


@pytest.mark.parametrize("name", ["ab", "a" * 65, "with space", "ümlaut", "a/b", ""])
def test_invalid_names(name: str) -> None:
    with pytest.raises(InvalidKeyName, match="3–64"):
        validate_key_name(name)


def test_fingerprint_is_sha256_of_spki(rsa_key: rsa.RSAPrivateKey) -> None:
    der = rsa_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    assert fingerprint(rsa_key.public_key()) == hashlib.sha256(der).hexdigest()
    assert group_fingerprint("0123456789abcdef") == "0123 4567 89ab cdef"


def test_paillier_fingerprint_is_of_canonical_json() -> None:
    key = generate_paillier(2048)
    canonical = json.dumps({"g": str(key.public.g), "n": str(key.public.n)}, separators=(",", ":"))
    assert fingerprint(key.public) == hashlib.sha256(canonical.encode()).hexdigest()


def test_paillier_adds_under_encryption() -> None:
    key = generate_paillier(2048)
    total = key.public.encrypt(0)
    for value in (3, 1000, 2**40):
        total = key.public.add(total, key.public.encrypt(value))
    assert key.decrypt(total) == 3 + 1000 + 2**40
    with pytest.raises(PaillierKeyError):
        PaillierPrivateKey.from_json_dict({"lambda": "5", "mu": "7"}, key.public)


def test_envelope_round_trip_and_wrong_passphrase() -> None:
    sealed = envelope.seal(b"secret material", "correct horse")
    assert envelope.open_envelope(sealed, "correct horse") == b"secret material"
    with pytest.raises(envelope.WrongPassphrase):
        envelope.open_envelope(sealed, "wrong")
    with pytest.raises(envelope.WrongPassphrase):
        envelope.open_envelope(sealed, None)
    with pytest.raises(envelope.EnvelopeDamaged):
        envelope.open_envelope(sealed[:-20], "correct horse")
    assert envelope.open_envelope(envelope.seal(b"x", None), None) == b"x"


@pytest.mark.parametrize("key_type", [KeyType.EC_P256, KeyType.EC_P384, KeyType.RSA_2048])
def test_material_round_trip(key_type: KeyType) -> None:
    material = generate_key(key_type)
    again = KeyMaterial.from_bytes(key_type, material.to_bytes())
    assert again.fingerprint == material.fingerprint


def test_sign_train_hash_verifies_with_pkcs1_sha512(rsa_key: rsa.RSAPrivateKey) -> None:
    train_hash = hashlib.sha512(b"train").digest()
    signature = bytes.fromhex(sign_train_hash_hex(rsa_key, train_hash.hex().upper()))
    rsa_key.public_key().verify(signature, train_hash, padding.PKCS1v15(), hashes.SHA512())


@pytest.mark.parametrize("text", ["", "ab" * 63, "ab" * 65, "zz" * 64, hashlib.sha256(b"x").hexdigest()])
def test_sign_rejects_what_is_not_a_train_hash(rsa_key: rsa.RSAPrivateKey, text: str) -> None:
    with pytest.raises(InvalidTrainHash, match="128 hexadecimal digits"):
        sign_train_hash_hex(rsa_key, text)


def test_sign_rejects_ec_and_paillier_keys() -> None:
    with pytest.raises(KeyNotForSigning, match="cannot be used for PHT trains"):
        sign_train_hash_hex(ec.generate_private_key(ec.SECP256R1()), "ab" * 64)
    with pytest.raises(KeyNotForSigning, match="Paillier"):
        sign_train_hash_hex(generate_paillier(2048), "ab" * 64)


def test_parse_refuses_public_only_garbage_and_wrong_passphrase(rsa_key: rsa.RSAPrivateKey) -> None:
    public_pem = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.PKCS1
    )
    with pytest.raises(KeyImportError, match="only a public key"):
        parse_private_key(public_pem, None)
    with pytest.raises(KeyImportError, match="not a key"):
        parse_private_key(b"\x00garbage\xff" * 10, None)
    with pytest.raises(KeyImportError, match="only a public key"):
        parse_private_key(b'{"n": "15", "g": "16"}', None)
    backup = private_backup(KeyMaterial(KeyType.RSA_2048, rsa_key), "backup-pass")
    with pytest.raises(envelope.WrongPassphrase):
        parse_private_key(backup, "nope")
    with pytest.raises(envelope.WrongPassphrase, match="encrypted"):
        parse_private_key(backup, None)
    assert parse_private_key(backup, "backup-pass").fingerprint == fingerprint(rsa_key.public_key())


def test_parse_pkcs1_private_and_mismatched_public_file(rsa_key: rsa.RSAPrivateKey) -> None:
    pkcs1 = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    assert b"BEGIN RSA PRIVATE KEY" in pkcs1
    assert parse_private_key(pkcs1, None).key_type is KeyType.RSA_2048
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    other_pem = other.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1)
    with pytest.raises(KeyImportError, match="does not belong"):
        parse_private_key(pkcs1, None, other_pem)


def test_paillier_backup_round_trip_and_small_keys_refused() -> None:
    material = generate_key(KeyType.PAILLIER_2048)
    backup = private_backup(material, "pw")
    assert parse_private_key(backup, "pw").fingerprint == material.fingerprint
    with pytest.raises(envelope.WrongPassphrase):
        parse_private_key(backup, "bad")
    # The old Electron app's 128-bit Paillier keys: refused with the reason.
    p, q = 18446744073709551557, 18446744073709551533
    n = p * q
    lam = (p - 1) * (q - 1)
    tiny = {"lambda": str(lam), "mu": str(pow(lam, -1, n)), "publicKey": {"n": str(n), "g": str(n + 1)}}
    with pytest.raises(KeyImportError, match="breakable"):
        parse_private_key(json.dumps(tiny).encode(), None)


def test_a_stored_envelope_with_an_unhashable_kdf_is_damaged_not_a_traceback() -> None:
    import json as _json

    from desktop_app.core.keys import envelope

    for kdf in ([], {}, ["scrypt"]):
        with pytest.raises(envelope.EnvelopeDamaged):
            envelope.open_envelope(_json.dumps({"v": 1, "kdf": kdf}), "pw")
