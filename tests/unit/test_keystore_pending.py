"""The notes of keyring writes under way (`keystore/pending.py`): a secret named by no index is
removed on the next settle, unless another process still running may be writing it.
An in-memory keyring stands in for the OS one here: the rules, not the service, are under test
(the real Secret Service case is in tests/integration/test_keys_keyring_faults.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_app.core.keystore import chunked
from desktop_app.core.keystore.pending import PendingWrites
from desktop_app.core.keystore.slots import OsKeyringSlots
from tests.helpers.keyring_backends import MemoryKeyring


def _setup(tmp_path: Path, referenced: set[str]) -> tuple[PendingWrites, OsKeyringSlots]:
    slots = OsKeyringSlots("pht-desktop/test", MemoryKeyring())
    return PendingWrites(tmp_path / "keys.pending.json", slots, lambda: referenced), slots


def test_only_unnamed_secrets_of_finished_writers_are_removed(tmp_path: Path) -> None:
    pending, slots = _setup(tmp_path, referenced={"key-named"})
    for secret_id in ("key-named", "key-orphan", "key-other-writer"):
        chunked.write_secret(slots, secret_id, "x" * 2500)  # three chunks each
    with subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE) as other:
        notes = [
            {"id": "key-named", "pid": 0},
            {"id": "key-orphan", "pid": 0},
            {"id": "key-other-writer", "pid": other.pid},  # still running: maybe mid-write
        ]
        pending.path.write_text(json.dumps(notes))
        pending.settle()
        assert chunked.read_secret(slots, "key-named") == "x" * 2500
        assert slots.read("key-orphan") is None and all(slots.read(f"key-orphan#{i}") is None for i in range(3))
        assert chunked.read_secret(slots, "key-other-writer") == "x" * 2500
        assert json.loads(pending.path.read_text()) == [notes[2]]
        other.communicate(b"")
    pending.settle()  # that writer ended without its key reaching the index
    assert slots.read("key-other-writer") is None and not pending.path.exists()


def test_a_damaged_notes_file_is_only_a_missed_cleanup(tmp_path: Path) -> None:
    pending, slots = _setup(tmp_path, referenced=set())
    chunked.write_secret(slots, "key-kept", "secret")
    pending.path.write_text('{"not": "a list"')
    pending.settle()
    assert chunked.read_secret(slots, "key-kept") == "secret"


def test_a_write_in_this_process_is_noted_while_under_way_and_settled_after(tmp_path: Path) -> None:
    named: set[str] = set()
    pending, slots = _setup(tmp_path, referenced=named)
    with pending.writing("key-new"):
        chunked.write_secret(slots, "key-new", "secret")
        pending.settle()  # another thread settling meanwhile leaves it alone
        assert chunked.read_secret(slots, "key-new") == "secret"
        assert [n["id"] for n in json.loads(pending.path.read_text())] == ["key-new"]
        named.add("key-new")  # the index now names it
    assert chunked.read_secret(slots, "key-new") == "secret" and not pending.path.exists()
