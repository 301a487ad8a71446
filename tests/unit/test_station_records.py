"""The run history: a failed run keeps its failing step, reason and remedy; a database written
before those columns existed is migrated on opening with its runs intact; the log file is kept
in the logs folder and only its path in the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.core.errors import Remedy
from desktop_app.core.station.records import RunRecords, log_folder
from desktop_app.core.station.report import RunReport

FIRST_SCHEMA = """
CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, reference TEXT NOT NULL, train_id TEXT,
    train_hash TEXT, digest_in TEXT, digest_out TEXT, exit_code INTEGER, succeeded INTEGER NOT NULL,
    error TEXT, steps TEXT NOT NULL, log_path TEXT
)
"""


def failed_report(log: Path | None) -> RunReport:
    report = RunReport("registry/pht/t:1", train_id="train-1", exit_code=None)
    for step in report.steps[:3]:
        step.outcome, step.started, step.finished = "ok", 1000.0, 1001.0
    report.steps[3].outcome = "failed"
    report.failed_step, report.error = "run", "Running the train failed: the container engine stopped answering."
    report.remedy = Remedy.START_ENGINE
    report.log_path = str(log) if log else ""
    return report


def test_a_database_of_the_first_release_is_migrated_with_its_runs(tmp_path: Path) -> None:
    (tmp_path / "station").mkdir()
    with sqlite3.connect(tmp_path / "station" / "runs.sqlite3") as db:
        db.execute(FIRST_SCHEMA)
        db.execute(
            "INSERT INTO runs (started, reference, succeeded, error, steps, log_path) VALUES (?, ?, ?, ?, ?, ?)",
            (1.0, "old/train:1", 0, "Pulling old/train:1 failed", "[]", "/somewhere/1.log"),
        )
    records = RunRecords(tmp_path)
    (old,) = records.history()
    assert old["reference"] == "old/train:1" and old["error"] == "Pulling old/train:1 failed"
    assert old["failed_step"] is None and old["cancelled"] is False and old["remedy"] is None
    new_id = records.add(failed_report(None))
    assert records.get(new_id)["failed_step"] == "run"
    RunRecords(tmp_path)  # opening a migrated database again changes nothing
    assert [run["id"] for run in RunRecords(tmp_path).history()] == [new_id, old["id"]]


def test_a_failed_run_keeps_step_reason_remedy_and_log(tmp_path: Path) -> None:
    elsewhere = tmp_path / "tmp" / "20261130-run.log"
    elsewhere.parent.mkdir()
    elsewhere.write_text("started\n")
    records = RunRecords(tmp_path / "data")
    run = records.get(records.add(failed_report(elsewhere)))
    assert run is not None and not run["succeeded"] and not run["cancelled"]
    assert run["failed_step"] == "run" and run["remedy"] == "start_engine"
    assert run["error"] == "Running the train failed: the container engine stopped answering."
    kept = Path(run["log_path"])
    assert kept.parent == log_folder(tmp_path / "data") and kept.read_text() == "started\n"
    assert not elsewhere.exists()  # moved, not copied: a log may be gigabytes


def test_a_log_written_into_the_logs_folder_stays_where_it_is(tmp_path: Path) -> None:
    folder = log_folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "a.log").write_text("x\n")
    records = RunRecords(tmp_path)
    assert records.get(records.add(failed_report(folder / "a.log")))["log_path"] == str(folder / "a.log")


def test_a_run_whose_train_never_started_has_no_log(tmp_path: Path) -> None:
    records = RunRecords(tmp_path)
    assert records.get(records.add(failed_report(None)))["log_path"] is None
    assert records.get(12345) is None
