"""The station's limits as settings: defaults, switched off, kept across a save; the train's
user as numbers; data its user could not read found before the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core import state_files
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.run_limits import RunLimits, check_data_readable, parse_user, user_value
from desktop_app.core.station.settings import StationSettings


@pytest.fixture
def settings(pht_home: Path) -> Settings:
    state_files.take_recoveries()
    return Settings(AppPaths.for_profile("default"))


def test_the_defaults(settings: Settings) -> None:
    assert StationSettings.load(settings).limits() == RunLimits(
        memory_mib=4096, cpus=None, wall_clock_seconds=3600, pids=1024, disk_mib=10240, results_mib=4096,
        user="65534:65534",
    )


def test_limits_switched_off_stay_off_after_a_save(settings: Settings) -> None:
    # The Station tab saves "no limit" as None; the CLI as 0.
    StationSettings(memory_mib=None, pids_limit=0, disk_mib=0, results_mib=0, run_as_user="image").save(settings)
    assert json.loads(AppPaths.for_profile("default").settings_file.read_text())["station"]["memory_mib"] is None
    limits = StationSettings.load(settings).limits()
    assert (limits.memory_mib, limits.pids, limits.disk_mib, limits.results_mib) == (None, None, None, None)
    assert limits.owner is None and limits.disk_bytes is None and limits.results_bytes is None


def test_a_run_as_user_that_is_not_numbers_is_a_damaged_setting(settings: Settings) -> None:
    path = AppPaths.for_profile("default").settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"station": {"run_as_user": "root"}}))
    assert StationSettings.load(settings).run_as_user == "65534:65534"
    [recovery] = state_files.take_recoveries()
    assert recovery.reason == "station has a run_as_user that is not UID:GID or image"


@pytest.mark.parametrize(
    ("value", "owner", "canonical"),
    [("65534:65534", (65534, 65534), "65534:65534"), ("1000", (1000, 1000), "1000:1000"),
     (" 0:0 ", (0, 0), "0:0"), ("image", None, "image")],
)
def test_users(value: str, owner, canonical: str) -> None:
    assert parse_user(value) == owner and user_value(value) == canonical


@pytest.mark.parametrize("value", ["root", "nobody:nogroup", "-1:0", "1000:", ":1000", "1:2:3", "", "9" * 12])
def test_users_that_are_not_numbers_are_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_user(value)


def test_data_readable_to_the_train_user_by_owner_group_or_others(tmp_path: Path) -> None:
    data = tmp_path / "cohort"
    (data / "deeper").mkdir(parents=True)
    shared = data / "deeper" / "rows.csv"
    shared.write_text("id\n")
    shared.chmod(0o640)
    uid, gid = shared.stat().st_uid, shared.stat().st_gid
    check_data_readable([data], None)  # the image's user: not checked
    check_data_readable([data], (0, 0))  # root reads everything
    check_data_readable([data], (uid + 1, gid))  # through the group
    with pytest.raises(StationError, match=f"Trains run as user {uid + 1}:{gid + 1}, which cannot read {shared} in"):
        check_data_readable([data], (uid + 1, gid + 1))
    shared.chmod(0o644)
    check_data_readable([data], (uid + 1, gid + 1))
    (data / "deeper").chmod(0o754)  # listed but not entered by others
    with pytest.raises(StationError, match=f"cannot read {data / 'deeper'} in the data folder {data}\\."):
        check_data_readable([data], (uid + 1, gid + 1))
