"""`pht-desktop keys export --private` onto a disk that is full: a sentence and its exit code, no
temporary file beside the target, an earlier backup there left whole, and the key itself intact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_keys_cli import BACKUP, PW, fails, ok
from tests.helpers.full_disk import fill, small_filesystem


@pytest.mark.keyring
def test_a_backup_onto_a_full_disk_is_a_sentence_and_nothing_is_lost(tmp_path: Path) -> None:
    ok("keys", "generate", "alice", "--type", "rsa-4096", "--passphrase-stdin", stdin=f"{PW}\n")
    with small_filesystem(tmp_path / "small", size_kib=64) as disk:
        earlier = disk / "earlier.pem"
        earlier.write_bytes(b"an earlier backup\n")
        fill(disk)
        said = fails(
            1,
            "keys", "export", "alice", "--private", "-o", str(disk / "alice.pem"), "--passphrase-stdin",
            stdin=f"{PW}\n{BACKUP}\n",
        )  # fmt: skip
        assert "could not be written" in said and "No space left on device" in said and "Traceback" not in said
        assert sorted(p.name for p in disk.iterdir()) == ["earlier.pem", "filler"]  # no temporary file
        assert earlier.read_bytes() == b"an earlier backup\n"
    backup = tmp_path / "alice.pem"  # the key was not touched: a backup to a disk with room works
    ok("keys", "export", "alice", "--private", "-o", str(backup), "--passphrase-stdin", stdin=f"{PW}\n{BACKUP}\n")
    assert backup.read_text().startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
