"""Sign in to the active central server: user (password) or robot (id and secret)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.core.central.tokens import Credentials
from desktop_app.gui.appearance import ERROR, set_tone


class SignInBox(QGroupBox):
    submitted = Signal(object, bool)  # Credentials, remember

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sign in"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("User (password)"), "password")
        self.kind.addItem(self.tr("Robot (id and secret)"), "robot_credentials")
        self.identity = QLineEdit()
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remem&ber the password in the OS keyring"))
        self.message = QLabel(wordWrap=True)
        set_tone(self.message, ERROR)
        self.button = QPushButton(self.tr("Sign &in"))
        form = QFormLayout(self)
        form.addRow(self.tr("As:"), self.kind)
        self.identity_label = QLabel(self.tr("&Username:"))
        self.secret_label = QLabel(self.tr("Pass&word:"))
        form.addRow(self.identity_label, self.identity)
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.remember)
        form.addRow("", self.button)
        form.addRow("", self.message)
        self.identity_label.setBuddy(self.identity)
        self.secret_label.setBuddy(self.secret)
        self.kind.setAccessibleName(self.tr("Sign in as"))
        self.identity.setAccessibleName(self.tr("Username or robot id"))
        self.secret.setAccessibleName(self.tr("Password or robot secret"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.button.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)

    def _kind_changed(self) -> None:
        robot = self.kind.currentData() == "robot_credentials"
        self.identity_label.setText(self.tr("Robot i&d:") if robot else self.tr("&Username:"))
        self.secret_label.setText(self.tr("Secre&t:") if robot else self.tr("Pass&word:"))

    def _submit(self) -> None:
        if self.identity.text() and self.secret.text():
            credentials = Credentials(self.kind.currentData(), self.identity.text(), self.secret.text())
            self.secret.clear()
            self.submitted.emit(credentials, self.remember.isChecked())
