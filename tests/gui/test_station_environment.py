"""The Station tab's environment check, against the real Podman service and a real missing one."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.gui.appearance import ERROR, TONE_PROPERTY
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring  # the window's key store is the real Secret Service


def lines(tab) -> list[str]:
    return [label.text() for label in tab.environment_lines]


@pytest.mark.engine
def test_a_ready_station_is_all_ticks_and_a_broken_one_says_what_to_fix(
    qtbot, window: MainWindow, engine, tmp_path: Path
) -> None:
    from desktop_app.core.keys.types import KeyType

    window.context.keystore.generate("station-key", KeyType.RSA_2048, "station-key-passphrase-88")
    window.context.reload_keys()
    wait_idle(qtbot)
    tab = window.tab("Station")
    window.tabs.setCurrentWidget(tab)  # first shown: it checks by itself
    wait_idle(qtbot)
    assert lines(tab)[0].startswith("✘ Container engine") or lines(tab)[0].startswith("✔ Container engine")

    cohort = tmp_path / "cohort"
    cohort.mkdir()
    tab.engine.setText(engine.url)
    tab.data.setText(str(cohort))
    tab.key_choice.setCurrentIndex(tab.key_choice.findData("station-key"))
    tab.check_environment()
    wait_idle(qtbot)
    assert all(line.startswith("✔") for line in lines(tab)), lines(tab)
    assert engine.url in lines(tab)[0]

    tab.engine.setText(f"unix://{tmp_path / 'no-engine.sock'}")
    tab.data.setText(str(tmp_path / "missing"))
    tab.check_environment()
    wait_idle(qtbot)
    engine_line, _registry, _key, data_line = lines(tab)
    assert engine_line.startswith("✘ Container engine") and "Start Docker, or Podman" in engine_line
    assert data_line.startswith("✘ Data folders") and "does not exist" in data_line
    # Each line in its own colour: what failed in the error tone, a tick never in red.
    tones = [label.property(TONE_PROPERTY) for label in tab.environment_lines]
    assert tones == [ERROR, "", "", ERROR], tones
    assert tab.environment[0].remedy.value == "start_engine"
