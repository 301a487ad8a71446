"""The Preferences dialog on the real window: server profiles added, edited, chosen and removed;
the default key reaching the Sign tab; the station's engine and limits reaching the Station tab."""

from __future__ import annotations

import pytest

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.keys.types import KeyType
from desktop_app.core.station.settings import StationSettings
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring  # the window's key store is the real Secret Service

STRONG = "violet-harbor-71-quietly"


def test_preferences_reach_the_tabs(qtbot, window: MainWindow) -> None:
    store, context = window.context.keystore, window.context
    store.generate("first", KeyType.RSA_2048, STRONG)
    store.generate("second", KeyType.RSA_2048, STRONG)
    context.reload_keys()
    wait_idle(qtbot)
    dialog = window.open_preferences()
    assert "system's password manager" in dialog.storage.text()

    add = dialog._open_server_dialog(None)
    add.name.setText("central")
    add.api_url.setText("https://central.example.org/api")
    add.auth_url.setText("https://central.example.org/auth")
    add.buttons.button(add.buttons.StandardButton.Ok).click()
    assert dialog.servers.rowCount() == 1 and dialog.servers.item(0, 0).text() == "central (active)"
    assert window.tab("Trains").server.currentData() == "central"

    dialog.servers.selectRow(0)
    edit = dialog._open_server_dialog(dialog.selected_server())
    assert edit.name.isReadOnly() and edit.api_url.text() == "https://central.example.org/api"
    edit.api_url.setText("https://central.example.org/api/v2")
    edit.buttons.button(edit.buttons.StandardButton.Ok).click()
    assert ServerProfiles(context.settings).get("central").api_url == "https://central.example.org/api/v2"

    dialog.default_key.setCurrentIndex(dialog.default_key.findData("second"))
    dialog.engine.setText("unix:///run/podman/podman.sock")
    dialog.time_limit.setValue(900)
    dialog.memory.setValue(2048)
    dialog.save()
    sign = window.tab("Sign")
    sign.key_choice.setCurrentIndex(-1)
    sign.refresh_keys()
    assert sign.key_choice.currentData() == "second"
    station = window.tab("Station")
    assert station.engine.text() == "unix:///run/podman/podman.sock" and station.time_limit.value() == 900
    saved = StationSettings.load(context.settings)
    assert (saved.engine, saved.wall_clock_seconds, saved.memory_mib) == ("unix:///run/podman/podman.sock", 900, 2048)

    dialog = window.open_preferences()
    dialog.servers.selectRow(0)
    box = dialog._confirm_remove()
    next(b for b in box.buttons() if b.text().replace("&", "") == "Remove").click()
    assert dialog.servers.rowCount() == 0 and ServerProfiles(context.settings).all() == []
    assert window.tab("Trains").no_server.isVisibleTo(window.tab("Trains"))
    dialog.close()
