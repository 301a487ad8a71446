"""`keys generate` and `keys export --private` refuse a weak passphrase with zxcvbn's advice;
`--allow-weak-passphrase` lets it through with a warning. The real entry point and keyring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from tests.helpers.cli import run_cli

STRONG = "lantern-oyster-gravel-19"
WEAK = "P@ssw0rd!2024"


def _keys() -> list[str]:
    return [k["name"] for k in json.loads(run_cli("keys", "list", "--json").stdout)]


@pytest.mark.keyring
def test_generate_refuses_a_weak_passphrase_with_the_advice() -> None:
    refused = run_cli("keys", "generate", "alice", "--type", "ec-p256", "--passphrase-stdin", stdin=f"{WEAK}\n")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.count("\n") == 1, refused.stderr
    assert refused.stderr.startswith("pht-desktop: This passphrase is too weak: it rates 2 of 4")
    assert "This is similar to a commonly used password." in refused.stderr
    assert "Add another word or two." in refused.stderr
    assert "--allow-weak-passphrase" in refused.stderr
    assert _keys() == []


@pytest.mark.keyring
def test_allow_weak_passphrase_generates_with_a_warning() -> None:
    result = run_cli(
        "keys",
        "generate",
        "alice",
        "--type",
        "ec-p256",
        "--passphrase-stdin",
        "--allow-weak-passphrase",
        stdin=f"{WEAK}\n",
    )
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip()) == 64  # the fingerprint
    assert result.stderr.startswith("pht-desktop: warning: This passphrase is too weak")
    assert "commonly used password" in result.stderr
    assert _keys() == ["alice"]


@pytest.mark.keyring
def test_a_strong_passphrase_needs_no_flag_and_gets_no_warning() -> None:
    result = run_cli("keys", "generate", "alice", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{STRONG}\n")
    assert result.returncode == 0 and result.stderr == ""


@pytest.mark.keyring
def test_the_key_name_counts_against_the_passphrase() -> None:
    refused = run_cli(
        "keys", "generate", "kestrelwing", "--type", "ec-p256", "--passphrase-stdin", stdin="kestrelwing-2024\n"
    )
    assert refused.returncode == 2 and "too weak" in refused.stderr


@pytest.mark.keyring
def test_private_export_refuses_a_weak_backup_passphrase(tmp_path: Path) -> None:
    assert (
        run_cli("keys", "generate", "alice", "--type", "ec-p256", "--passphrase-stdin", stdin=f"{STRONG}\n").returncode
        == 0
    )
    backup = tmp_path / "alice.pem"
    args = ("keys", "export", "alice", "--private", "-o", str(backup), "--passphrase-stdin")
    refused = run_cli(*args, stdin=f"{STRONG}\n{WEAK}\n")
    assert refused.returncode == 2 and "commonly used password" in refused.stderr
    assert "--allow-weak-passphrase" in refused.stderr
    assert not backup.exists()

    allowed = run_cli(*args, "--allow-weak-passphrase", stdin=f"{STRONG}\n{WEAK}\n")
    assert allowed.returncode == 0, allowed.stderr
    assert "warning: This passphrase is too weak" in allowed.stderr
    assert serialization.load_pem_private_key(backup.read_bytes(), WEAK.encode())


def test_allow_weak_is_in_the_help() -> None:
    for command in (("keys", "generate"), ("keys", "export")):
        assert "--allow-weak-passphrase" in run_cli(*command, "--help").stdout
