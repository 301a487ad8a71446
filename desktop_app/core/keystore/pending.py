"""Keyring secrets being written, noted on disk until they are either in the index or gone.

A write that fails half-way removes what it wrote (`chunked.write_secret`), but a keyring that
was locked at that moment refuses the removal as well: those chunks would stay in the keyring,
named by nothing. Their ids are kept in `keys.pending.json` beside the index until settled; every
later write to the store settles them first, once the keyring is usable again. A note of a write
still under way (in this process, or in another one that is still running: the GUI and the CLI
may share a profile) is left alone, so that a cleanup never erases a key being stored.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop_app.core.keystore import chunked
from desktop_app.core.keystore.errors import KeyStoreError
from desktop_app.core.settings import write_atomically

# More chunks than any envelope needs (RSA-4096: 4); absent ones cost one refused delete each.
MAX_CHUNKS = 32

_in_flight: set[str] = set()  # ids this process is writing now
_lock = threading.Lock()


def _running(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, under another user
    return True


class PendingWrites:
    def __init__(self, path: Path, slots: chunked.SecretSlots, referenced: Callable[[], set[str]]) -> None:
        self.path, self.slots, self.referenced = path, slots, referenced

    def _load(self) -> list[dict]:
        # Only a hint for cleaning up: a missing or unreadable file means nothing to clean.
        with contextlib.suppress(OSError, ValueError):
            notes = json.loads(self.path.read_text("utf-8"))
            if isinstance(notes, list):
                return [n for n in notes if isinstance(n, dict) and str(n.get("id", "")).startswith("key-")]
        return []

    def _save(self, notes: list[dict]) -> None:
        with contextlib.suppress(OSError):
            if notes:
                write_atomically(self.path, json.dumps(notes).encode())
            else:
                self.path.unlink(missing_ok=True)

    def _busy(self, note: dict) -> bool:
        if note.get("pid") == os.getpid():
            with _lock:
                return note["id"] in _in_flight
        return _running(note.get("pid"))

    @contextlib.contextmanager
    def writing(self, secret_id: str) -> Iterator[None]:
        """Around the write of `secret_id`: noted before, settled after, whatever happened."""
        self.settle()
        with _lock:
            _in_flight.add(secret_id)
            self._save([*self._load(), {"id": secret_id, "pid": os.getpid()}])
        try:
            yield
        finally:
            with _lock:
                _in_flight.discard(secret_id)
            self.settle()

    def erase_later(self, secret_id: str) -> None:
        """A secret no longer named by the index whose removal failed: the next settle removes it."""
        with _lock:
            self._save([*self._load(), {"id": secret_id, "pid": 0}])

    def settle(self) -> None:
        """Drop the notes of secrets the index names; erase the others, keeping the note if that fails."""
        pending = self._load()
        if not pending:
            return
        try:
            referenced = self.referenced()
        except KeyStoreError:
            return  # an index that cannot be read: better to wait than to erase a key it names
        left = []
        for note in pending:
            secret_id = note["id"]
            if secret_id in referenced:
                continue
            if self._busy(note):
                left.append(note)
                continue
            try:
                self.slots.erase(secret_id)
                for index in range(MAX_CHUNKS):
                    self.slots.erase(f"{secret_id}#{index}")
            except KeyStoreError:
                left.append(note)
        with _lock:  # notes added meanwhile by this process's other threads are kept
            added = [n for n in self._load() if n not in pending]
            self._save(left + added)
