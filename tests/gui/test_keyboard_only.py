"""The first hour with the keyboard alone: create a key, try the demo, register the key, download
and decrypt the finished train — key events only, on the real window (the demo's server runs
inside the app over real loopback HTTP).

Every key goes to the widget that has the focus (`QApplication.focusWidget()`), as a keyboard
would send it: Tab and Shift+Tab move the focus, Space presses the focused button, arrow keys
move in a table, Enter accepts a dialog or a field, Escape closes one, Ctrl+Tab changes the tab.
Alt+mnemonics are not used: QTest hands key events to a widget directly, past Qt's shortcut
map, so under the offscreen platform they never fire (they do on a real desktop).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.demo_hub.state import FINISHED_TRAIN_ID
from desktop_app.gui.demo_session import PROFILE
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring  # the window's key store is the real Secret Service

PASS = "violet-harbor-71-quietly"
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_to(qtbot, widget: QWidget, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab) until `widget` has the focus: the tab order reaches every control."""
    for _ in range(80):
        if focused() is widget:
            return
        press(qtbot, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName() or type(widget).__name__}")


def activate(qtbot, widget: QWidget) -> None:
    """Tab to a button and press Space, as a keyboard user does."""
    tab_to(qtbot, widget)
    press(qtbot, Qt.Key.Key_Space)


def switch_tab(qtbot, window: MainWindow, page: QWidget) -> None:
    """Ctrl+Tab until `page` is the current tab; the focus then moves into it with Tab."""
    for _ in range(window.tabs.count()):
        if window.tabs.currentWidget() is page:
            return
        press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is page


def wait_active(qtbot, widget: QWidget) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window(), timeout=10_000)


def back_to(qtbot, window: MainWindow) -> None:
    """After a dialog closed, the main window is active again with its focus where it was. A
    window manager does this; the offscreen platform has none, so the test does it for it."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
    wait_active(qtbot, window)
    if QApplication.focusWidget() is None:
        window.tabs.tabBar().setFocus()


def test_key_demo_register_and_decrypt_with_the_keyboard_only(qtbot, window: MainWindow) -> None:
    back_to(qtbot, window)
    welcome, keys = window.welcome, window.tab("Keys")
    assert window.tabs.currentWidget() is welcome

    # 1. Create your key: the dialog opens with its name field focused; Enter generates.
    activate(qtbot, welcome.create_button)
    dialog = keys.dialog
    wait_active(qtbot, dialog)
    tab_to(qtbot, dialog.name)
    type_text(qtbot, "researcher")
    tab_to(qtbot, dialog.passphrase.first)
    type_text(qtbot, PASS)
    tab_to(qtbot, dialog.passphrase.second)
    type_text(qtbot, PASS)
    press(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert window.context.key("researcher") is not None
    prompt = keys.dialog  # the next steps: back up now, or later
    assert prompt is not dialog
    wait_active(qtbot, prompt)
    press(qtbot, Qt.Key.Key_Escape)  # "Later"
    qtbot.waitUntil(lambda: not prompt.isVisible())
    back_to(qtbot, window)

    # 2. Try the demo, from the welcome page.
    switch_tab(qtbot, window, welcome)
    activate(qtbot, welcome.demo_button)
    qtbot.waitUntil(lambda: window.context.signed_in.get(PROFILE) is True, timeout=60_000)
    wait_idle(qtbot)

    # 3. Register the key: Keys tab, the key chosen with the arrow keys, Register.
    switch_tab(qtbot, window, keys)
    tab_to(qtbot, keys.table)
    press(qtbot, Qt.Key.Key_Home)
    assert keys.selected_key() is not None and keys.selected_key().name == "researcher"
    activate(qtbot, keys.register_button)
    wait_idle(qtbot)
    assert keys.server.statuses["researcher"] == "registered, matches"

    # 4. Download and decrypt the finished train: Trains tab, the train chosen with the arrows.
    trains, results = window.tab("Trains"), window.tab("Results")
    switch_tab(qtbot, window, trains)
    activate(qtbot, trains.refresh_button)
    wait_idle(qtbot)
    tab_to(qtbot, trains.table)
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(trains.table.rowCount()):
        if trains.selected_train() is not None and trains.selected_train().id == FINISHED_TRAIN_ID:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert trains.selected_train().id == FINISHED_TRAIN_ID
    activate(qtbot, trains.fetch_button)
    qtbot.waitUntil(lambda: results.summary is not None, timeout=60_000)
    assert window.tabs.currentWidget() is results

    # 5. The passphrase, then Enter in its field decrypts.
    tab_to(qtbot, results.passphrase)
    type_text(qtbot, PASS)
    press(qtbot, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert "Verified" in results.result_view.summary.text()
