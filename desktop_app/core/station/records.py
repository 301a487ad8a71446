"""Every station run, recorded in a local SQLite database: train, image digests in and out,
train hash, each step with its times and outcome, the exit code, where the log is kept, and for
a failed run the failing step, the reason and the remedy. The train's log file is written by the
runner straight into the logs folder (`log_folder`); the database keeps its path."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from dataclasses import asdict
from pathlib import Path

from desktop_app.core import state_files
from desktop_app.core.station.runner import RunReport

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started REAL NOT NULL,
    reference TEXT NOT NULL,
    train_id TEXT,
    train_hash TEXT,
    digest_in TEXT,
    digest_out TEXT,
    exit_code INTEGER,
    succeeded INTEGER NOT NULL,
    error TEXT,
    steps TEXT NOT NULL,
    log_path TEXT,
    failed_step TEXT,
    remedy TEXT,
    cancelled INTEGER NOT NULL DEFAULT 0,
    manifest_in TEXT,
    manifest_out TEXT
)
"""
# Columns added after the first release: a database made before gets them on opening.
ADDED_COLUMNS = {
    "failed_step": "TEXT",
    "remedy": "TEXT",
    "cancelled": "INTEGER NOT NULL DEFAULT 0",
    # The registry's manifest digests of the image pulled and pushed (the queue asks the registry).
    "manifest_in": "TEXT",
    "manifest_out": "TEXT",
}


def log_folder(data_dir: Path) -> Path:
    """Where the train logs of the runs recorded under `data_dir` are kept."""
    return data_dir / "station" / "logs"


def _add_missing_columns(db: sqlite3.Connection) -> None:
    present = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
    for name, kind in ADDED_COLUMNS.items():
        if name not in present:
            db.execute(f"ALTER TABLE runs ADD COLUMN {name} {kind}")


class RunRecords:
    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "station"
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":  # the history names trains, images and errors: owner-only, like the profile
            self.folder.chmod(0o700)
        self.path = self.folder / "runs.sqlite3"
        # A damaged database is moved aside (with its journal) and the history starts empty.
        state_files.check_or_recover(
            self.path,
            lambda path: state_files.sqlite_problem(path, "runs", ("started", "reference", "succeeded", "steps")),
            label="runs.sqlite3 (the station's run history)",
            outcome="the run history starts empty",
            companions=("-journal", "-wal", "-shm"),
        )
        with self._connect() as db:
            db.execute(SCHEMA)
            _add_missing_columns(db)
        if os.name == "posix":  # sqlite creates it under the umask; its journals take its mode
            self.path.chmod(0o600)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.row_factory = sqlite3.Row
        return db

    def add(self, report: RunReport) -> int:
        started = min((s.started for s in report.steps if s.started), default=time.time())
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO runs (started, reference, train_id, train_hash, digest_in, digest_out, exit_code,"
                " succeeded, error, steps, log_path, failed_step, remedy, cancelled)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    started,
                    report.reference,
                    report.train_id,
                    report.train_hash,
                    report.digest_in,
                    report.digest_out,
                    report.exit_code,
                    int(report.succeeded),
                    report.error,
                    json.dumps([asdict(step) for step in report.steps]),
                    self._keep_log(report.log_path),
                    report.failed_step or None,
                    str(report.remedy) or None,
                    int(report.cancelled),
                ),
            )
            return int(cursor.lastrowid)

    def _keep_log(self, path: str) -> str | None:
        """The log's path in the logs folder, moved there if the runner wrote it elsewhere."""
        if not path or not Path(path).is_file():
            return None
        source, folder = Path(path), log_folder(self.folder.parent)
        if source.parent.resolve() == folder.resolve():
            return str(source)
        folder.mkdir(parents=True, exist_ok=True)
        return str(shutil.move(source, folder / source.name))

    def set_registry_digests(self, run_id: int, pulled: str, pushed: str) -> None:
        """Link a run to the registry's manifest digests of the image it pulled and pushed."""
        with self._connect() as db:
            db.execute(
                "UPDATE runs SET manifest_in = ?, manifest_out = ? WHERE id = ?",
                (pulled or None, pushed or None, run_id),
            )

    def history(self, limit: int = 200) -> list[dict]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_as_dict(row) for row in rows]

    def get(self, run_id: int) -> dict | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        return _as_dict(row) if row else None


def _as_dict(row: sqlite3.Row) -> dict:
    return {
        **dict(row),
        "steps": json.loads(row["steps"]),
        "succeeded": bool(row["succeeded"]),
        "cancelled": bool(row["cancelled"]),
    }
