"""An expected failure shown to the user: the core's sentence, the remedy in the GUI's words,
and a button to the right place when the window has one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.errors import PHTError
from desktop_app.gui import remedies

last_box: QMessageBox | None = None  # the latest error dialog, for focus handling and tests


def error_text(error: PHTError) -> str:
    """The sentence and the remedy, as one plain text."""
    remedy = remedies.sentence(error.remedy)
    return f"{error.message} {remedy}".strip()


def show_error(parent: QWidget | None, error: PHTError, title: str = "PHT Desktop") -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # sentences may quote server or archive text
    box.setText(error_text(error))
    action = remedies.action(error.remedy)
    if action:
        text, run = action
        button = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
        button.clicked.connect(run)
    box.addButton(QMessageBox.StandardButton.Close)
    box.open()
    global last_box
    last_box = box
    return box
