"""Key files and the key index nested too deeply for Python's JSON parser (#14 §1.12, keys):
each is a sentence, never a RecursionError traceback. The key index itself (keys.json) is
moved aside and rebuilt by state_files, tested with the real keyring in
tests/integration/test_keys_index_recovery.py ("nesting")."""

from __future__ import annotations

import pytest

from desktop_app.core.keys.transfer import KeyImportError, parse_private_key
from desktop_app.core.keystore.errors import KeyStoreError
from desktop_app.core.keystore.slots import EncryptedFileSlots

DEEP = 100_000


@pytest.mark.parametrize(
    "data",
    [
        b'{"lambda": ' * DEEP,
        b'{"format": "x", "a": ' + b"[" * DEEP,
        b'{"n": 1, "g": ' + b"[" * DEEP + b"]" * DEEP + b"}",
    ],
    ids=["object", "array", "closed"],
)
def test_a_deeply_nested_key_file_is_refused_with_a_sentence(data: bytes) -> None:
    with pytest.raises(KeyImportError, match=r"^The file is damaged and holds no readable key\.$"):
        parse_private_key(data, None)


def test_a_deeply_nested_public_file_is_refused_with_a_sentence() -> None:
    private = b'{"lambda": "5", "mu": "7"}'
    with pytest.raises(KeyImportError, match=r"^The public key file holds no readable public key\.$"):
        parse_private_key(private, None, b'{"n": ' * DEEP)


def test_a_deeply_nested_encrypted_key_file_is_a_sentence(tmp_path) -> None:
    store_file = tmp_path / "encrypted-keys.json"
    store_file.write_text('{"a": ' * DEEP)
    with pytest.raises(KeyStoreError, match=r"^The encrypted key file .* cannot be read: nested too deeply"):
        EncryptedFileSlots(store_file).read("anything")
