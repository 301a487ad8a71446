"""A researcher's first hour on the real window: the welcome page's three steps, and the demo
started from the window (its server inside the app, over real loopback HTTP) through register,
review and sign, download and decrypt, until Stop the demo."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.keys.types import KeyType
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID
from desktop_app.gui.context import AppContext
from desktop_app.gui.demo_session import PROFILE
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring  # the window's key store is the real Secret Service

STRONG = "violet-harbor-71-quietly"
BACKUP = "copper-meadow-58-slowly"


def test_first_start_opens_on_the_welcome_page_and_leads_through_key_and_backup(
    qtbot, window: MainWindow, tmp_path
) -> None:
    welcome, keys = window.welcome, window.tab("Keys")
    assert window.tabs.currentWidget() is welcome
    assert [s.title()[0] for s in (welcome.key_step, welcome.backup_step, welcome.server_step)] == ["○"] * 3
    assert not welcome.backup_button.isEnabled()

    qtbot.mouseClick(welcome.create_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is keys
    dialog = keys.dialog
    assert "RSA: for the PHT network" in dialog.choices.text() and "EC: for FLAME" in dialog.choices.text()
    dialog.name.setText("researcher")
    dialog.key_type.setCurrentIndex(dialog.key_type.findData(KeyType.EC_P256.value))
    dialog.passphrase.set_passphrase(STRONG)
    dialog.accept()
    wait_idle(qtbot)
    keys.dialog.close()  # the next-steps prompt
    assert welcome.key_step.title().startswith("✔") and welcome.backup_step.title().startswith("○")
    assert keys.reminder.isVisibleTo(keys) and "researcher has no backup yet" in keys.reminder_text.text()

    window.tabs.setCurrentWidget(welcome)
    qtbot.mouseClick(welcome.backup_button, Qt.MouseButton.LeftButton)
    export = keys.dialog
    assert export.chosen_form() == "private-backup" and export.info.name == "researcher"
    export.path.setText(str(tmp_path / "researcher-backup.pem"))
    export.key_passphrase.setText(STRONG)
    export.backup_passphrase.set_passphrase(BACKUP)
    export.accept()
    wait_idle(qtbot)
    assert (tmp_path / "researcher-backup.pem").exists()
    assert welcome.backup_step.title().startswith("✔") and not keys.reminder.isVisibleTo(keys)


def test_a_set_up_profile_opens_on_the_keys_tab(qtbot, pht_home) -> None:
    context = AppContext.for_profile("default")
    context.keystore.generate("researcher", KeyType.EC_P256, STRONG)
    context.reload_keys()
    qtbot.waitUntil(lambda: context.key("researcher") is not None)
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert window.tabs.currentWidget() is window.tab("Keys")


def test_try_the_demo_from_the_window_end_to_end(qtbot, window: MainWindow) -> None:
    context, trains, keys = window.context, window.tab("Trains"), window.tab("Keys")
    context.keystore.generate("researcher", KeyType.RSA_2048, STRONG)
    context.reload_keys()
    wait_idle(qtbot)
    assert trains.no_server.isVisibleTo(trains)

    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: context.signed_in.get(PROFILE) is True, timeout=60_000)
    wait_idle(qtbot)
    assert window.tabs.currentWidget() is trains and trains.server.currentData() == PROFILE
    assert "(local demo)" in trains.server.currentText()
    banner = trains.demo_text.text()
    assert trains.demo_banner.isVisibleTo(trains) and "LOCAL DEMO" in banner and "demo-password" in banner
    assert not trains.no_server.isVisibleTo(trains) and not trains.sign_in_box.isVisibleTo(trains)
    assert window.welcome.server_step.title().startswith("✔")
    assert window.demo_action.text() == "Stop the &demo"
    # Signed in, the list is there without a press of Refresh.
    assert SIGNABLE_TRAIN_ID in [train.id for train in trains.trains] and trains.table.rowCount() > 0

    keys.select_key("researcher")
    keys.server.register(keys.selected_key())
    wait_idle(qtbot)
    assert keys.server.statuses["researcher"] == "registered, matches"

    trains.select_train(SIGNABLE_TRAIN_ID)
    trains.review_selected()
    wait_idle(qtbot)
    assert "you may sign it" in trains.review_box.verdict.text()
    trains.review_box.passphrase.setText(STRONG)
    trains.sign_reviewed()
    wait_idle(qtbot)
    assert "the signature was submitted" in window.statusBar().currentMessage()

    trains.select_train(FINISHED_TRAIN_ID)
    trains.download_and_decrypt()
    results = window.tab("Results")
    qtbot.waitUntil(lambda: results.summary is not None, timeout=60_000)
    results.passphrase.setText(STRONG)
    results.decrypt()
    wait_idle(qtbot)
    assert "Verified" in results.result_view.summary.text()

    api_url = ServerProfiles(context.settings).get(PROFILE).api_url
    qtbot.mouseClick(trains.stop_demo_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert PROFILE not in [p.name for p in ServerProfiles(context.settings).all()]
    assert not trains.demo_banner.isVisibleTo(trains) and trains.no_server.isVisibleTo(trains)
    try:
        httpx.get(api_url, timeout=5)
        reached = True
    except httpx.TransportError:
        reached = False
    assert not reached  # the demo's server is gone with it


def test_a_double_clicked_archive_opens_in_the_results_tab(pht_home, tmp_path) -> None:
    """The desktop file runs `pht-desktop --open %f`; from the menu, without a file, `--open` alone."""
    import os
    import signal
    import subprocess

    from cryptography.hazmat.primitives.asymmetric import rsa

    from tests.helpers.cli import ENTRY_POINT
    from tests.helpers.result_archives import build_archive

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    archive = build_archive(tmp_path / "b", key.public_key(), {"a.txt": b"a"}).path
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PHT_DESKTOP_LOG": "info"}
    for argv, expected in (([str(archive)], f"opening {archive}"), ([], "main window shown")):
        process = subprocess.Popen(
            [str(ENTRY_POINT), "--open", *argv], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
        )
        try:
            seen = []
            for line in process.stderr:
                seen.append(line)
                if expected in line or "Traceback" in line:
                    break
            assert expected in seen[-1], "".join(seen)
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=10) == 0
        finally:
            process.kill()
            process.communicate()


def test_quitting_while_the_demo_starts_leaves_no_server_and_no_profile(qtbot, pht_home, monkeypatch) -> None:
    """The demo hub's start is held until the quit's cancel was given (a seam, not a mock: the
    real hub then starts), so the race is the same on every run."""
    import threading

    from desktop_app.demo_hub import DemoHub
    from desktop_app.gui.demo_session import DemoSession
    from desktop_app.gui.operations import registry

    release, started = threading.Event(), []
    real_start = DemoHub.start

    def held_start(hub):
        release.wait(30)
        started.append(real_start(hub))
        return started[-1]

    monkeypatch.setattr(DemoHub, "start", held_start)
    context = AppContext.for_profile("default")
    demo = DemoSession(context)
    demo.start()
    assert registry().running()  # the start-up job is waiting on the seam
    registry().cancel_all(discard_partial=True)
    release.set()
    wait_idle(qtbot)
    assert started and not demo.running and not demo.starting
    assert PROFILE not in [p.name for p in ServerProfiles(context.settings).all()]
    with pytest.raises(httpx.TransportError):
        httpx.get(started[0].api_url, timeout=5)
