"""`pht-desktop keys ...` and `pht-desktop sign` through the real entry point and the real keyring."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding

from tests.helpers.cli import run_cli

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase
BACKUP = "copper-meadow-backup-42"

TRAIN_HASH = hashlib.sha512(b"a train").hexdigest()


def ok(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


def fails(code: int, *args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == code, (result.stdout, result.stderr)
    assert result.stderr.count("\n") == 1, result.stderr  # one line says what happened
    return result.stderr


def test_version_and_help() -> None:
    assert ok("--version").startswith("pht-desktop ")
    for command in (["keys"], ["keys", "generate"], ["keys", "export"], ["keys", "import"], ["sign"]):
        assert "usage:" in ok(*command, "--help")
    assert "station automation" in ok("keys", "generate", "--help")


@pytest.mark.keyring
def test_generate_list_export_sign_delete() -> None:
    fingerprint = ok("keys", "generate", "alice", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    assert len(fingerprint.strip()) == 64
    listed = json.loads(ok("keys", "list", "--json"))
    assert listed[0]["name"] == "alice" and listed[0]["fingerprint"] == fingerprint.strip()
    assert {"name", "type", "fingerprint", "created"} <= set(listed[0])

    pem = ok("keys", "export", "alice", "--public")
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    assert bytes.fromhex(ok("keys", "export", "alice", "--public", "--format", "hex").strip()).decode() == pem

    signature = ok("sign", TRAIN_HASH, "--key", "alice", "--passphrase-stdin", stdin=f"{PW}\n").strip()
    public = serialization.load_pem_public_key(pem.encode())
    public.verify(bytes.fromhex(signature), bytes.fromhex(TRAIN_HASH), padding.PKCS1v15(), hashes.SHA512())

    fails(2, "keys", "delete", "alice")
    ok("keys", "delete", "alice", "--yes")
    assert json.loads(ok("keys", "list", "--json")) == []


@pytest.mark.keyring
def test_private_backup_and_reimport_in_another_profile(tmp_path: Path) -> None:
    ok("keys", "generate", "alice", "--type", "ec-p256", "--passphrase-stdin", stdin=f"{PW}\n")
    backup = tmp_path / "alice-backup.pem"
    ok("keys", "export", "alice", "--private", "-o", str(backup), "--passphrase-stdin", stdin=f"{PW}\n{BACKUP}\n")
    assert backup.read_text().startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    fails(
        3,
        "--profile",
        "laptop",
        "keys",
        "import",
        str(backup),
        "--name",
        "alice",
        "--passphrase-stdin",
        stdin="x\n",
    )
    ok(
        "--profile",
        "laptop",
        "keys",
        "import",
        str(backup),
        "--name",
        "alice",
        "--passphrase-stdin",
        stdin=f"{BACKUP}\n",
    )
    assert json.loads(ok("--profile", "laptop", "keys", "list", "--json"))[0]["name"] == "alice"


@pytest.mark.keyring
def test_paillier_public_export_is_json() -> None:
    ok("keys", "generate", "homomorphic", "--type", "paillier-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    public = json.loads(ok("keys", "export", "homomorphic", "--public"))
    assert set(public) == {"n", "g"} and int(public["g"]) == int(public["n"]) + 1


@pytest.mark.parametrize(
    ("code", "args", "stdin", "says"),
    [
        (2, ["keys", "generate", "ab", "--no-passphrase"], "", "not valid"),
        (2, ["keys", "generate", "alice"], "", "--passphrase-stdin"),
        (2, ["sign", "abc", "--key", "alice"], "", "128 hexadecimal digits"),
        (3, ["sign", TRAIN_HASH, "--key", "ghost"], "", "no key named"),
        (2, ["keys", "export", "ghost", "--private"], "", "-o FILE"),
    ],
)
@pytest.mark.keyring
def test_bad_requests(code: int, args: list[str], stdin: str, says: str) -> None:
    assert says in fails(code, *args, stdin=stdin)


def test_unknown_key_type_is_a_usage_error() -> None:
    result = run_cli("keys", "generate", "alice", "--type", "dsa", "--no-passphrase")
    assert result.returncode == 2 and "invalid choice" in result.stderr


@pytest.mark.keyring
def test_wrong_passphrase_ec_key_and_duplicates_change_nothing() -> None:
    ok("keys", "generate", "alice", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    ok("keys", "generate", "flame", "--type", "ec-p384", "--no-passphrase")
    before = ok("keys", "list", "--json")
    assert "wrong" in fails(3, "sign", TRAIN_HASH, "--key", "alice", "--passphrase-stdin", stdin="nope\n")
    assert "cannot be used for PHT trains" in fails(2, "sign", TRAIN_HASH, "--key", "flame")
    assert "exists already" in fails(2, "keys", "generate", "alice", "--no-passphrase")
    assert ok("keys", "list", "--json") == before


@pytest.mark.keyring
def test_import_refusals(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.pem"
    garbage.write_bytes(b"not a key at all")
    assert "not a key" in fails(1, "keys", "import", str(garbage), "--name", "garbage", "--no-passphrase")
    assert "cannot be read" in fails(
        1, "keys", "import", str(tmp_path / "nope.pem"), "--name", "garbage", "--no-passphrase"
    )
    ok("keys", "generate", "alice", "--type", "rsa-2048", "--no-passphrase")
    public = tmp_path / "public.pem"
    public.write_text(ok("keys", "export", "alice", "--public"))
    assert "only a public key" in fails(1, "keys", "import", str(public), "--name", "pub", "--no-passphrase")


def test_no_keyring_gives_the_remedy_and_file_store_opt_in_works(tmp_path: Path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run_cli("keys", "generate", "alice", "--no-passphrase", env=env)
    assert result.returncode == 1 and "encrypted key file store" in result.stderr
    assert run_cli("keys", "storage", "encrypted-file", env=env).returncode == 0
    refused = run_cli("keys", "generate", "alice", "--no-passphrase", env=env)
    assert "needs a passphrase" in refused.stderr
    made = run_cli("keys", "generate", "alice", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n", env=env)
    assert made.returncode == 0, made.stderr
