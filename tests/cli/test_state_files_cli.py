"""Damaged state files through the real `pht-desktop` entry point: one line on stderr names each
file and where it went, and the command goes on with defaults (exit 0)."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require
from tests.helpers.cli import ENTRY_POINT, run_cli

PW = "lantern-oyster-gravel-19"
MOVED = r"it was moved aside to (?P<moved>\S+\.damaged-\d{8}T\d{6}(-\d+)?);"


def one_notice(stderr: str, start: str, end: str) -> Path:
    """The single stderr line; returns the moved-aside path it names."""
    assert stderr.count("\n") == 1, stderr
    line = stderr.rstrip("\n")
    assert line.startswith(f"pht-desktop: {start}"), line
    assert line.endswith(end), line
    moved = re.search(MOVED, line)
    assert moved, line
    return Path(moved["moved"])


def add_server() -> None:
    assert (
        run_cli(
            "server", "add", "prod", "--api", "https://api.example.org", "--auth", "https://auth.example.org"
        ).returncode
        == 0
    )


def test_damaged_settings_json(pht_home: Path) -> None:
    add_server()
    settings = pht_home / "config" / "default" / "settings.json"
    settings.write_text('{"central": {"servers": ')
    result = run_cli("server", "list")
    assert result.returncode == 0 and result.stdout == ""  # no profiles: the defaults
    moved = one_notice(
        result.stderr, "settings.json was damaged (not valid JSON); ", "; the settings start again from defaults."
    )
    assert moved.parent == settings.parent and moved.read_text() == '{"central": {"servers": '
    # The next command finds fresh settings and says nothing more.
    add_server()
    again = run_cli("server", "list")
    assert again.stderr == "" and "prod" in again.stdout


def test_settings_json_of_the_wrong_shape(pht_home: Path) -> None:
    settings = pht_home / "config" / "default" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"station": {"memory_mib": "lots"}}))
    result = run_cli("station", "config")
    assert result.returncode == 0, result.stderr
    one_notice(
        result.stderr,
        "settings.json was damaged (station has a memory_mib that is not a whole number); ",
        "; the settings start again from defaults.",
    )
    assert json.loads(result.stdout)["wall_clock_seconds"] == 3600  # the default


@pytest.mark.keyring
def test_damaged_keys_json_keeps_the_keys(pht_home: Path) -> None:
    assert (
        run_cli("keys", "generate", "alice", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n").returncode
        == 0
    )
    index = pht_home / "data" / "default" / "keys.json"
    index.write_bytes(b"\xff" * 10)
    result = run_cli("keys", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert [k["name"] for k in json.loads(result.stdout)] == ["alice"]
    one_notice(
        result.stderr,
        "keys.json (the key index) was damaged (not UTF-8 text); ",
        "; the index was rebuilt from its copy kept in your system's password manager (OS keyring): 1 key.",
    )
    # The rebuilt key signs, so its private part was reached.
    signed = run_cli("sign", "ab" * 64, "--key", "alice", "--passphrase-stdin", stdin=f"{PW}\n")
    assert signed.returncode == 0 and signed.stderr == ""


def test_damaged_run_database(pht_home: Path) -> None:
    database = pht_home / "data" / "default" / "station" / "runs.sqlite3"
    database.parent.mkdir(parents=True)
    database.write_text("these are my notes, not a database\n" * 10)
    result = run_cli("station", "history")
    assert result.returncode == 0 and result.stdout == ""
    moved = one_notice(
        result.stderr,
        "runs.sqlite3 (the station's run history) was damaged (not an SQLite database); ",
        "; the run history starts empty.",
    )
    assert moved.read_text().startswith("these are my notes")
    with sqlite3.connect(database) as db:  # a fresh, working database took its place
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (0,)
    db.close()


def test_a_folder_in_place_of_settings_json(pht_home: Path) -> None:
    settings = pht_home / "config" / "default" / "settings.json"
    settings.mkdir(parents=True)
    result = run_cli("server", "list")
    assert result.returncode == 0
    one_notice(
        result.stderr,
        "settings.json could not be read (a folder is in its place); ",
        "; the settings start again from defaults.",
    )


def test_unreadable_settings_json(pht_home: Path) -> None:
    """Permission denied for real: as root, run without the capabilities that bypass file modes."""
    add_server()
    settings = pht_home / "config" / "default" / "settings.json"
    settings.chmod(0o000)
    command = [str(ENTRY_POINT), "server", "list"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        require(setpriv is not None, "util-linux setpriv is needed to test permissions as root")
        drop = "-dac_override,-dac_read_search"
        command = [str(setpriv), "--bounding-set", drop, "--inh-caps", drop, *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and result.stdout == ""
    moved = one_notice(
        result.stderr,
        "settings.json could not be read (not readable: permission denied); ",
        "; the settings start again from defaults.",
    )
    moved.chmod(0o600)
    assert "prod" in moved.read_text()  # kept, only moved
