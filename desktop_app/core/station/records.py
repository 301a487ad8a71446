"""Every station run, recorded in a local SQLite database: train, image digests in and out,
train hash, each step with its times and outcome, the exit code, and where the log is kept."""

from __future__ import annotations

import json
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
    log_path TEXT
)
"""


class RunRecords:
    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "station"
        self.folder.mkdir(parents=True, exist_ok=True)
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

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.row_factory = sqlite3.Row
        return db

    def add(self, report: RunReport) -> int:
        started = min((s.started for s in report.steps if s.started), default=time.time())
        log_path = self.folder / "logs" / f"{int(started * 1000)}.log"
        log_path.parent.mkdir(exist_ok=True)
        log_path.write_text("\n".join(report.log) + ("\n" if report.log else ""), "utf-8")
        with self._connect() as db:
            cursor = db.execute(
                "INSERT INTO runs (started, reference, train_id, train_hash, digest_in, digest_out, exit_code,"
                " succeeded, error, steps, log_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    str(log_path),
                ),
            )
            return int(cursor.lastrowid)

    def history(self, limit: int = 200) -> list[dict]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [{**dict(row), "steps": json.loads(row["steps"]), "succeeded": bool(row["succeeded"])} for row in rows]
