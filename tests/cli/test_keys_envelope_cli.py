"""A key entry whose scrypt parameters were raised by someone able to write the key store: the
real entry point says it is damaged in one line, without running the costly derivation."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from desktop_app.core.keystore import chunked
from desktop_app.core.keystore.slots import EncryptedFileSlots
from tests.helpers.cli import run_cli

PW = "lantern-oyster-gravel-19"
ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}  # the file store: an ordinary file to edit


def test_raised_scrypt_parameters_are_a_damaged_entry(pht_home: Path) -> None:
    assert run_cli("keys", "storage", "encrypted-file", env=ENV).returncode == 0
    made = run_cli("keys", "generate", "alice", "--type", "ec-p256", "--passphrase-stdin", stdin=f"{PW}\n", env=ENV)
    assert made.returncode == 0, made.stderr
    [store_file] = pht_home.rglob("encrypted-keys.json")
    slots = EncryptedFileSlots(store_file)
    [secret_id] = [slot for slot in json.loads(store_file.read_text()) if "#" not in slot]
    sealed = json.loads(chunked.read_secret(slots, secret_id) or "")
    chunked.write_secret(slots, secret_id, json.dumps({**sealed, "n": 2**22}))  # 4 GiB of scrypt

    digest = hashlib.sha512(b"a train").hexdigest()
    signed = run_cli("sign", digest, "--key", "alice", "--passphrase-stdin", stdin=f"{PW}\n", env=ENV)
    assert signed.returncode == 1 and signed.stdout == ""
    assert signed.stderr == "pht-desktop: The stored key entry is damaged and cannot be read.\n"
