"""The main window still opens over damaged state files; the core's notices name each one (the
start-up dialog that shows them is the window's; here the notices and the window are checked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core import state_files
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle


@pytest.mark.keyring
def test_window_opens_over_damaged_settings_index_and_run_history(qtbot, pht_home: Path) -> None:
    paths = AppPaths.for_profile("default").ensure()
    KeyStore.open(paths, Settings(paths)).generate("researcher", KeyType.EC_P256, "lantern-oyster-gravel-19")
    paths.settings_file.write_text('{"gui": ')
    (paths.data_dir / "keys.json").write_text('{"version": 1, "keys": [{')
    (paths.data_dir / "station").mkdir()
    (paths.data_dir / "station" / "runs.sqlite3").write_bytes(b"\x00" * 4096)
    state_files.take_recoveries()

    window = MainWindow(AppContext.for_profile("default"))
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.tab("Keys").table.rowCount() == 1, timeout=30_000)
        assert window.tab("Keys").table.item(0, 0).text() == "researcher"
        # One dialog in the window names every file and where it went.
        notices = window.recovery_notices
        qtbot.waitUntil(lambda: notices.box is not None and len(notices.sentences) == 3)
        text = notices.box.text()
        for name in ("settings.json", "keys.json", "runs.sqlite3"):
            assert name in text
        assert "rebuilt from its copy" in text
        moved = [p.name for p in (*paths.config_dir.iterdir(), *paths.data_dir.rglob("*")) if ".damaged-" in p.name]
        assert len(moved) == 3
        notices.box.accept()
        assert state_files.recoveries() == []
    finally:
        window.close()
        wait_idle(qtbot)
