"""Secrets split across keyring entries, so they fit Windows Credential Manager.

Windows stores at most 2,560 bytes per secret and `keyring` writes UTF-16, so about
1,280 characters; an RSA-4096 key envelope is ~3,500. A secret is written as chunks of
at most `CHUNK_CHARS` ASCII characters under `<id>#<i>`, then a manifest under `<id>`:
`pht1:<count>:<sha256 of the whole>`. Every entry is read back and compared before a
write counts as done; a failed write removes what it wrote. Reading checks the count
and the digest, so a missing or altered chunk is reported, never half-used.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
from typing import Protocol

from desktop_app.core.i18n import _
from desktop_app.core.keystore.errors import KeyStoreError, SecretDamaged

CHUNK_CHARS = 1000
MANIFEST_PREFIX = "pht1"


class SecretSlots(Protocol):
    """The minimum a place to keep secrets offers: the OS keyring or the file store."""

    def read(self, slot: str) -> str | None: ...
    def write(self, slot: str, value: str) -> None: ...
    def erase(self, slot: str) -> None:
        """Remove the entry; an absent entry is not an error."""


def _chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]


def write_secret(slots: SecretSlots, secret_id: str, value: str) -> None:
    """Write `value` (any text) and verify it; on any failure nothing new stays behind."""
    encoded = base64.b64encode(value.encode("utf-8")).decode("ascii")
    parts = _chunks(encoded)
    manifest = f"{MANIFEST_PREFIX}:{len(parts)}:{hashlib.sha256(encoded.encode()).hexdigest()}"
    previous_count = _chunk_count(slots.read(secret_id))
    written: list[str] = []
    try:
        for index, part in enumerate(parts):
            slot = f"{secret_id}#{index}"
            slots.write(slot, part)
            written.append(slot)
            if slots.read(slot) != part:
                raise SecretDamaged(_("The keyring did not keep what was written to it; nothing was stored."))
        slots.write(secret_id, manifest)
        written.append(secret_id)
        if read_secret(slots, secret_id) != value:
            raise SecretDamaged(_("The keyring did not keep what was written to it; nothing was stored."))
    except BaseException:
        for slot in written:
            _erase_quietly(slots, slot)
        raise
    for index in range(len(parts), previous_count):
        _erase_quietly(slots, f"{secret_id}#{index}")


def _chunk_count(manifest: str | None) -> int:
    if not manifest:
        return 0
    try:
        prefix, count, _digest = manifest.split(":")
        return int(count) if prefix == MANIFEST_PREFIX else 0
    except ValueError:
        return 0


def read_secret(slots: SecretSlots, secret_id: str) -> str | None:
    manifest = slots.read(secret_id)
    if manifest is None:
        return None
    try:
        prefix, count_text, digest = manifest.split(":")
        count = int(count_text)
        if prefix != MANIFEST_PREFIX or count < 1:
            raise ValueError
    except ValueError:
        raise SecretDamaged(_("A keyring entry of PHT Desktop is damaged (unreadable manifest).")) from None
    parts = []
    for index in range(count):
        part = slots.read(f"{secret_id}#{index}")
        if part is None:
            raise SecretDamaged(
                _("A keyring entry of PHT Desktop is incomplete (part {part} of {count} is missing).").format(
                    part=index + 1, count=count
                )
            )
        parts.append(part)
    encoded = "".join(parts)
    if hashlib.sha256(encoded.encode()).hexdigest() != digest:
        raise SecretDamaged(_("A keyring entry of PHT Desktop is damaged (its parts do not match its digest)."))
    return base64.b64decode(encoded).decode("utf-8")


def delete_secret(slots: SecretSlots, secret_id: str) -> None:
    count = _chunk_count(slots.read(secret_id))
    # The manifest goes first: a half-finished delete then reads as absent, not as damaged.
    slots.erase(secret_id)
    for index in range(max(count, 1)):
        slots.erase(f"{secret_id}#{index}")


def _erase_quietly(slots: SecretSlots, slot: str) -> None:
    """Best-effort removal while undoing a failed write: the write's own error is the one to report."""
    with contextlib.suppress(KeyStoreError):
        slots.erase(slot)
