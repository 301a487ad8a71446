"""Damaged state files, told in the window: one dialog naming each file moved aside.

The core records a `Recovery` on whatever thread found the damage; a queued signal brings it
here, and notices that arrive while the dialog is open join it instead of opening another."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core import state_files


class RecoveryNotices(QObject):
    arrived = Signal(object)  # state_files.Recovery, emitted from any thread

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self.sentences: list[str] = []
        self.arrived.connect(self.show, Qt.ConnectionType.QueuedConnection)
        state_files.add_listener(self.arrived.emit)
        window.destroyed.connect(lambda: state_files.remove_listener(self.arrived.emit))
        for recovery in state_files.take_recoveries():  # found before the window existed
            self.show(recovery)

    def show(self, recovery: state_files.Recovery) -> None:
        self.sentences.append(recovery.sentence)
        if self.box is None:
            title = self.tr("Some saved state could not be read")
            self.box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self.window)
            self.box.setTextFormat(Qt.TextFormat.PlainText)
            self.box.addButton(QMessageBox.StandardButton.Ok)
            self.box.finished.connect(self._closed)
            self.box.open()
        self.box.setText("\n\n".join(self.sentences))

    def _closed(self) -> None:
        self.box, self.sentences = None, []
        state_files.take_recoveries()  # shown: not to be shown again
