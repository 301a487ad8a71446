"""The server's tab shows what the active server's network has: trains (PHT central), analyses
(a FLAME hub, signed in through the tab's own sign-in box) or tasks (a Federated Node, whose
panel signs in by itself). Real window, stand-ins over loopback HTTP, tokens in the real
Secret Service."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.demo_hub.flame.state import DEMO_RESULT_FILES, FINISHED_ANALYSIS_ID, FLAME_USER
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring


def window_for(qtbot, context: AppContext) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.tab("Trains"))
    wait_idle(qtbot)
    return window


def tab_title(window: MainWindow) -> str:
    return window.tabs.tabText(window.tabs.indexOf(window.tab("Trains")))


def test_a_flame_hub_shows_its_analyses_and_fetches_a_result_saying_it_is_unprotected(
    qtbot, pht_home, flame_hub, tmp_path: Path
) -> None:
    context = AppContext.for_profile("default")
    profiles = ServerProfiles(context.settings)
    profiles.add(
        "hub", flame_hub.core_url, flame_hub.auth_url, kind=ServerKind.FLAME, storage_url=flame_hub.storage_url
    )
    window = window_for(qtbot, context)
    tab = window.tab("Trains")
    assert tab_title(window) == "Analyses" and tab.pages.currentWidget() is tab.flame
    assert tab.sign_in_box.isVisibleTo(tab) and not tab.status_filter.isVisibleTo(tab)

    tab.sign_in_box.identity.setText(FLAME_USER["name"])
    tab.sign_in_box.secret.setText(FLAME_USER["password"])
    qtbot.mouseClick(tab.sign_in_box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert context.signed_in.get("hub"), (tab.last_error, tab.sign_in_box.message.text())
    assert not tab.sign_in_box.isVisibleTo(tab)
    panel = tab.flame
    ids = [analysis.id for analysis in panel.analyses]
    assert FINISHED_ANALYSIS_ID in ids  # listed on sign-in, as the trains are

    panel.table.selectRow(ids.index(FINISHED_ANALYSIS_ID))
    assert panel.fetch_button.isEnabled() and not panel.open_button.isEnabled()
    panel.fetch_selected(tmp_path)
    wait_idle(qtbot)
    assert panel.output is not None and panel.open_button.isEnabled()
    for name, data in DEMO_RESULT_FILES.items():
        assert (panel.output / name).read_bytes() == data
    assert "not encrypted by the network; integrity not verifiable" in panel.report.toPlainText()

    profiles.add("central", "https://pht.example.org/api", "https://auth.example.org")
    tab.reload_servers()
    tab.server.setCurrentIndex(tab.server.findData("central"))
    assert tab_title(window) == "Trains" and tab.pages.currentWidget() is not panel
    assert panel.analyses == []  # another server's analyses are not shown under this one


def test_a_federated_node_shows_its_tasks_panel_which_signs_in_by_itself(qtbot, pht_home, node) -> None:
    context = AppContext.for_profile("default")
    ServerProfiles(context.settings).add("node", node.url, node.url, kind=ServerKind.FEDERATED_NODE)
    window = window_for(qtbot, context)
    tab = window.tab("Trains")
    assert tab_title(window) == "Tasks" and tab.pages.currentWidget() is tab.node
    assert not tab.sign_in_box.isVisibleTo(tab) and not tab.sign_out_button.isVisibleTo(tab)
    assert tab.node.sign_in_button.isVisibleTo(tab)


def test_without_a_server_the_tab_offers_add_and_demo_once(qtbot, pht_home) -> None:
    window = window_for(qtbot, AppContext.for_profile("default"))
    tab = window.tab("Trains")
    assert tab.no_server.isVisibleTo(tab) and tab.no_server_add.isVisibleTo(tab)
    assert not tab.add_server_button.isVisibleTo(tab)  # not a second "Add server…" beside it
    assert tab_title(window) == "Trains"


def test_the_server_dialog_asks_for_what_each_network_needs(qtbot, pht_home) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.gui.dialogs.server_dialog import AddServerDialog

    context = AppContext.for_profile("default")
    dialog = AddServerDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ServerKind.FLAME.value))
    assert dialog.storage_url.isVisible() and not dialog.project.isVisible()
    dialog.name.setText("hub")
    dialog.api_url.setText("https://core.example.org")
    dialog.auth_url.setText("https://auth.example.org")
    assert not ok.isEnabled()  # a FLAME hub needs its storage URL too
    dialog.storage_url.setText("https://storage.example.org")
    assert ok.isEnabled()
    ok.click()
    hub = ServerProfiles(context.settings).get("hub")
    assert hub.kind == ServerKind.FLAME and hub.storage_url == "https://storage.example.org"

    dialog = AddServerDialog(context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData(ServerKind.FEDERATED_NODE.value))
    assert not dialog.auth_url.isVisible() and dialog.project.isVisible() and not dialog.storage_url.isVisible()
    dialog.name.setText("node")
    dialog.api_url.setText("https://node.example.org")
    dialog.project.setText("dar-42")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    node = ServerProfiles(context.settings).get("node")
    assert node.kind == ServerKind.FEDERATED_NODE and node.auth_url == node.api_url and node.project == "dar-42"
