"""Every control a user can reach has a name a screen reader can say: its own accessible name,
a button's text, or a label that is its buddy (form rows set one)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import open_every_dialog

pytestmark = pytest.mark.keyring  # the window's key store is the real Secret Service

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in widgets:
        if not isinstance(widget, CONTROLS) or widget.parent() is None:
            continue
        if type(widget).__module__.startswith("PySide6") and widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a composite control (a spin box's line edit, a scroll bar)
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue
        popup = isinstance(widget, QAbstractItemView) and type(widget.parent()) is QFrame
        if isinstance(widget, QHeaderView) or popup:
            continue  # a table's header, a combo box's popup list: parts of a named control
        named = widget.accessibleName() or id(widget) in buddies
        if isinstance(widget, QAbstractButton):
            named = named or widget.text().replace("&", "").strip()
        if not named:
            owner = widget.parent()
            missing.append(f"{type(widget).__name__} in {type(owner).__name__} ({widget.toolTip() or 'no tooltip'})")
    return missing


def test_every_control_of_every_tab_and_dialog_has_a_name(qtbot, window: MainWindow) -> None:
    dialogs = open_every_dialog(qtbot, window)
    missing = unnamed_controls(window) + [m for dialog in dialogs for m in unnamed_controls(dialog)]
    for dialog in dialogs:
        dialog.close()
    assert missing == [], "\n".join(missing)
