"""Damaged or unreadable state files: settings.json and the station's run database are moved
aside with a timestamped name, named in a Recovery notice, and replaced by defaults.
(keys.json needs the keyring: tests/integration/test_keys_index_recovery.py.)"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core import state_files
from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.core.station.records import RunRecords
from desktop_app.core.station.settings import StationSettings
from tests.helpers.unprivileged import run_without_override

STAMP = r"\d{8}T\d{6}(-\d+)?"


@pytest.fixture(autouse=True)
def fresh_notices():
    state_files.take_recoveries()
    yield
    state_files.take_recoveries()


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.for_profile("default").ensure()


def moved_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


def the_one_notice(path: Path, reason: str) -> state_files.Recovery:
    notices = state_files.take_recoveries()
    assert len(notices) == 1, notices
    notice = notices[0]
    assert notice.file == path and notice.reason == reason
    assert notice.moved_to is not None and re.fullmatch(rf"{path.name}\.damaged-{STAMP}", notice.moved_to.name)
    assert notice.moved_to.parent == path.parent
    assert str(notice.moved_to) in notice.sentence and notice.sentence.startswith(path.name)
    return notice


# -- settings.json --------------------------------------------------------------------------

DAMAGED_SETTINGS = {
    "not valid JSON": b'{"central": {"active": "prod"',
    "not UTF-8 text": b'{"central": "\xff\xfe"}',
    "nested too deeply to read": b"[" * 100_000,
    "not a JSON object": b'["central"]',
}


@pytest.mark.parametrize("reason", list(DAMAGED_SETTINGS))
def test_damaged_settings_are_moved_aside_and_defaults_used(paths: AppPaths, reason: str) -> None:
    paths.settings_file.write_bytes(DAMAGED_SETTINGS[reason])
    settings = Settings(paths)
    assert settings.get("central.active", "none") == "none"
    notice = the_one_notice(paths.settings_file, reason)
    assert notice.sentence == (
        f"settings.json was damaged ({reason}); it was moved aside to {notice.moved_to}; "
        "the settings start again from defaults."
    )
    assert notice.moved_to.read_bytes() == DAMAGED_SETTINGS[reason]  # nothing lost
    assert not paths.settings_file.exists()
    settings.set("central.active", "demo")  # and the app carries on writing new settings
    assert json.loads(paths.settings_file.read_text()) == {"central": {"active": "demo"}}
    assert state_files.recoveries() == []


@pytest.mark.parametrize(
    ("document", "read", "reason"),
    [
        ({"central": {"servers": ["prod"]}}, lambda s: ServerProfiles(s).all(),
         "central.servers is not a table of server profiles"),
        ({"central": {"servers": {"prod": {"name": "prod", "api_url": 5, "auth_url": "https://a"}}}},
         lambda s: ServerProfiles(s).all(),
         "central.servers holds a server profile that has a api_url that is not text"),
        ({"central": {"servers": {"prod": {"name": "prod"}}}}, lambda s: ServerProfiles(s).get("prod"),
         "central.servers holds a server profile that lacks api_url"),
        ({"central": {"active": ["prod"]}}, lambda s: ServerProfiles(s).active(), "central.active is not text"),
        ({"station": {"memory_mib": "lots"}}, StationSettings.load,
         "station has a memory_mib that is not a whole number"),
        ({"station": {"data": "/srv/data"}}, StationSettings.load, "station has a data that is not a list of texts"),
        ({"station": ["x"]}, StationSettings.load, "station is not an object"),
    ],
)
def test_settings_of_the_wrong_shape_are_moved_aside(paths: AppPaths, document, read, reason: str) -> None:
    paths.settings_file.write_text(json.dumps(document))
    settings = Settings(paths)
    try:
        result = read(settings)
    except Exception as exc:  # only the expected "nothing configured" sentence may remain
        assert "No central server" in str(exc) or "no server profile" in str(exc), exc
    else:
        assert result in ([], StationSettings())
    notice = the_one_notice(paths.settings_file, reason)
    assert json.loads(notice.moved_to.read_text()) == document


def test_keystore_backend_of_the_wrong_type_is_a_damaged_file(paths: AppPaths) -> None:
    from desktop_app.core.keystore.store import BACKEND_SETTING
    from desktop_app.core.settings import text_value

    paths.settings_file.write_text(json.dumps({"keystore": {"backend": 7}}))
    assert Settings(paths).get(BACKEND_SETTING, "os-keyring", check=text_value) == "os-keyring"
    the_one_notice(paths.settings_file, "keystore.backend is not text")


def test_good_settings_and_unknown_fields_are_kept(paths: AppPaths) -> None:
    settings = Settings(paths)
    ServerProfiles(settings).add("prod", "https://api.example.org", "https://auth.example.org")
    document = json.loads(paths.settings_file.read_text())
    document["central"]["servers"]["prod"]["added_by_a_newer_version"] = True
    document["station"] = {"memory_mib": 512, "cpus": 1.5, "future_setting": {"x": 1}}
    paths.settings_file.write_text(json.dumps(document))
    assert ServerProfiles(settings).active().api_url == "https://api.example.org"
    assert StationSettings.load(settings).memory_mib == 512
    assert state_files.recoveries() == [] and moved_aside(paths.settings_file) == []


def test_writing_under_a_section_that_is_not_an_object(paths: AppPaths) -> None:
    paths.settings_file.write_text(json.dumps({"central": "prod"}))
    Settings(paths).set("central.active", "demo")
    the_one_notice(paths.settings_file, "central is not an object")
    assert json.loads(paths.settings_file.read_text()) == {"central": {"active": "demo"}}


def test_a_folder_in_place_of_settings_is_moved_aside(paths: AppPaths) -> None:
    # Unreadable as root too (chmod 000 is not): a folder where the file should be.
    paths.settings_file.mkdir()
    (paths.settings_file / "inside.txt").write_text("kept")
    assert Settings(paths).get("central.active") is None
    notice = the_one_notice(paths.settings_file, "a folder is in its place")
    assert notice.sentence.startswith("settings.json could not be read (a folder is in its place); it was moved")
    assert (notice.moved_to / "inside.txt").read_text() == "kept"


def test_two_recoveries_in_one_second_get_distinct_names(paths: AppPaths) -> None:
    for _ in range(3):
        paths.settings_file.write_text("{")
        Settings(paths).get("x")
    names = [r.moved_to.name for r in state_files.take_recoveries()]
    assert len(set(names)) == 3 and len(moved_aside(paths.settings_file)) == 3


def test_listeners_hear_each_recovery_once_and_may_fail(paths: AppPaths) -> None:
    heard: list[state_files.Recovery] = []

    def broken(_recovery: state_files.Recovery) -> None:
        raise RuntimeError("a front's display failed")

    state_files.add_listener(broken)
    state_files.add_listener(heard.append)
    try:
        paths.settings_file.write_text("{")
        assert Settings(paths).get("x", 1) == 1  # the broken listener stops nothing
        Settings(paths).get("x")  # the file is gone: nothing more to say
    finally:
        state_files.remove_listener(broken)
        state_files.remove_listener(heard.append)
    assert heard == state_files.recoveries() and len(heard) == 1


# -- permission denied, for real: as an unprivileged user -------------------------------------

READ_SETTINGS = """
import json
from desktop_app.core import state_files
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings, SettingsError
settings = Settings(AppPaths.for_profile("default"))
value = settings.get("central.active", "default-value")
try:
    settings.set("central.active", "new")
    wrote = "wrote"
except SettingsError as exc:
    wrote = "refused: " + str(exc)
print(json.dumps({"value": value, "wrote": wrote,
                  "notices": [[r.reason, r.sentence, str(r.moved_to)] for r in state_files.recoveries()]}))
"""


@pytest.fixture
def config(pht_home: Path):
    folder = pht_home / "config" / "default"
    folder.mkdir(parents=True)
    yield folder
    folder.chmod(0o700)  # so that the temporary folder can be cleaned


def test_unreadable_settings_are_moved_aside(pht_home: Path, config: Path) -> None:
    (config / "settings.json").write_text('{"central": {"active": "prod"}}')
    (config / "settings.json").chmod(0o000)
    result = run_without_override(READ_SETTINGS, pht_home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["value"] == "default-value" and report["wrote"] == "wrote"
    [(reason, sentence, moved_to)] = report["notices"]
    assert reason == "not readable: permission denied"
    assert sentence.startswith("settings.json could not be read (not readable: permission denied)")
    assert Path(moved_to).read_text() == '{"central": {"active": "prod"}}'  # root reads it back: kept


def test_a_damaged_file_that_cannot_be_moved_is_left_untouched(pht_home: Path, config: Path) -> None:
    (config / "settings.json").write_text("{ damaged")
    config.chmod(0o500)  # readable, but nothing in it can be renamed or written
    result = run_without_override(READ_SETTINGS, pht_home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["value"] == "default-value" and report["wrote"].startswith("refused: ")
    [(reason, sentence, moved_to)] = report["notices"]
    assert reason == "not valid JSON" and moved_to == "None"
    assert "could not be moved aside" in sentence and "left as it is" in sentence
    assert (config / "settings.json").read_text() == "{ damaged"


# -- the station's run database --------------------------------------------------------------


def runs_db(paths: AppPaths) -> Path:
    return paths.data_dir / "station" / "runs.sqlite3"


def test_a_good_run_database_is_kept(paths: AppPaths) -> None:
    RunRecords(paths.data_dir)
    with sqlite3.connect(runs_db(paths)) as db:
        db.execute("INSERT INTO runs (started, reference, succeeded, steps) VALUES (1, 'r', 1, '[]')")
    db.close()
    assert len(RunRecords(paths.data_dir).history()) == 1
    assert state_files.recoveries() == []


def _corrupt_pages(path: Path) -> None:
    RunRecords(path.parent.parent)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO runs (started, reference, succeeded, steps) VALUES (?, ?, 1, '[]')",
            [(i, "r" * 500) for i in range(200)],
        )
    db.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = os.urandom(4096 * 2)  # table pages, the header stays intact
    path.write_bytes(bytes(data))


def _wrong_table(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, what TEXT)")
    db.close()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda p: p.write_bytes(b"this is not a database at all, just some text\n" * 20), "not an SQLite database"),
        (lambda p: p.mkdir(), "a folder is in its place"),
        (_wrong_table, "its runs table has no started, reference, succeeded, steps"),
    ],
    ids=["not-a-database", "folder", "wrong-table"],
)
def test_a_damaged_run_database_is_moved_aside(paths: AppPaths, damage, reason: str) -> None:
    path = runs_db(paths)
    path.parent.mkdir(parents=True)
    damage(path)
    records = RunRecords(paths.data_dir)
    assert records.history() == []
    notice = the_one_notice(path, reason)
    assert notice.sentence.endswith("the run history starts empty.")
    assert notice.sentence.startswith("runs.sqlite3 (the station's run history) ")
    assert notice.moved_to.exists()


def test_corrupted_pages_are_found(paths: AppPaths) -> None:
    path = runs_db(paths)
    path.parent.mkdir(parents=True)
    _corrupt_pages(path)
    journal = path.with_name("runs.sqlite3-journal")
    journal.write_bytes(b"")  # a leftover journal goes with its database
    assert RunRecords(paths.data_dir).history() == []
    notice = state_files.take_recoveries()[0]
    assert notice.reason.startswith(("its pages are corrupted", "not a usable database"))
    assert notice.moved_to.with_name(notice.moved_to.name + "-journal").exists() and not journal.exists()


def test_unreadable_run_database_is_moved_aside(pht_home: Path) -> None:
    data = pht_home / "data" / "default"
    RunRecords(data)
    (data / "station" / "runs.sqlite3").chmod(0o000)
    code = (
        "from pathlib import Path\n"
        "from desktop_app.core import state_files\n"
        "from desktop_app.core.station.records import RunRecords\n"
        "print(RunRecords(Path('data/default')).history())\n"
        "print(state_files.recoveries()[0].sentence)\n"
    )
    result = run_without_override(code, pht_home)
    assert result.returncode == 0, result.stderr
    history, sentence = result.stdout.splitlines()
    assert history == "[]"
    assert sentence.startswith(
        "runs.sqlite3 (the station's run history) could not be read (not readable: permission denied)"
    )
    assert len(list((data / "station").glob("runs.sqlite3.damaged-*"))) == 1
