"""The Keys tab's "Register as FLAME node key…" against the stand-in FLAME hub over loopback
HTTP, through real widgets: the node picker, registering, and replacing only on confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.keys.types import KeyType
from desktop_app.core.sessions import open_session
from desktop_app.demo_hub.flame.state import DEMO_NODE_ID
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle
from tests.gui.test_accessible import unnamed_controls
from tests.helpers.flame import USER_LOGIN

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PASS = "node-key-gui-passphrase-7"


@pytest.fixture
def signed_in() -> bool:
    return True


@pytest.fixture
def keys_tab(qtbot, pht_home, flame_hub, signed_in):
    context = AppContext.for_profile("default")
    ServerProfiles(context.settings).add(
        "flame", flame_hub.core_url, flame_hub.auth_url, kind=ServerKind.FLAME, storage_url=flame_hub.storage_url
    )
    if signed_in:
        with open_session(context.settings, context.keystore) as client:
            client.sign_in(USER_LOGIN)
    for name in ("node-a", "node-b"):
        context.keystore.generate(name, KeyType.EC_P256, PASS)
    context.keystore.generate("researcher", KeyType.RSA_4096, PASS)
    context.reload_keys()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)
    tab = window.tab("Keys")
    window.tabs.setCurrentWidget(tab)
    yield tab
    wait_idle(qtbot)


def open_dialog(qtbot, tab, key: str):
    tab.select_key(key)
    assert tab.node_key_button.isVisible() and tab.node_key_button.isEnabled()
    qtbot.mouseClick(tab.node_key_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    wait_idle(qtbot)
    return dialog


def choose(dialog, node_id: str) -> None:
    dialog.node.setCurrentIndex(dialog.node.findData(node_id))


def test_node_key_is_registered_and_replaced_only_on_confirmation(qtbot, keys_tab, flame_hub) -> None:
    tab = keys_tab
    tab.select_key("researcher")
    assert not tab.node_key_button.isEnabled()  # RSA 4096 fits no FLAME node

    dialog = open_dialog(qtbot, tab, "node-a")
    assert unnamed_controls(dialog) == []
    assert dialog.node.count() == 2 and "no key yet" in dialog.node.itemText(dialog.node.findData(DEMO_NODE_ID))
    choose(dialog, DEMO_NODE_ID)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "is now the public key of node demo-node" in dialog.message.text()
    assert "this key" in dialog.node.itemText(dialog.node.findData(DEMO_NODE_ID))
    held = flame_hub.state.nodes[DEMO_NODE_ID]["public_key"]
    dialog.close()

    dialog = open_dialog(qtbot, tab, "node-b")
    choose(dialog, DEMO_NODE_ID)
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    prompt = dialog.prompt
    assert prompt is not None and "holds a different public key" in prompt.text()
    assert flame_hub.state.nodes[DEMO_NODE_ID]["public_key"] == held  # nothing changed yet
    replace = next(b for b in prompt.buttons() if prompt.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    qtbot.mouseClick(replace, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "replaced the different key" in dialog.message.text()
    node_b = tab.context.key("node-b")
    assert bytes.fromhex(flame_hub.state.nodes[DEMO_NODE_ID]["public_key"]) == node_b.public_pem
    dialog.close()


def test_the_button_shows_only_for_a_flame_hub(qtbot, keys_tab, flame_hub) -> None:
    tab = keys_tab
    ServerProfiles(tab.context.settings).add("central", "http://127.0.0.1:9/api", "http://127.0.0.1:9/auth")
    ServerProfiles(tab.context.settings).use("central")
    tab.context.servers_changed.emit()
    assert not tab.node_key_button.isVisible()


@pytest.mark.parametrize("signed_in", [False])
def test_the_dialog_signs_in_when_the_hub_asks(qtbot, keys_tab, flame_hub) -> None:
    dialog = open_dialog(qtbot, keys_tab, "node-a")
    box = dialog.sign_in_box
    assert box.isVisibleTo(dialog) and "not signed in" in box.message.text()
    assert dialog.node.count() == 0 and not dialog.register_button.isEnabled()
    box.identity.setText("demo")
    box.secret.setText("wrong")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert box.isVisibleTo(dialog) and "The user credentials are invalid." in box.message.text()
    box.identity.setText("demo")
    box.secret.setText("demo-password")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert not box.isVisibleTo(dialog)
    assert dialog.node.count() == 2 and dialog.register_button.isEnabled()
    assert keys_tab.context.signed_in.get("flame") is True
    dialog.close()
