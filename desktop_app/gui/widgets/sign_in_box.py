"""Sign in to the active central server: user (password) or robot (id and secret)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.core.central.tokens import Credentials
from desktop_app.gui.appearance import ERROR, set_tone


class SignInBox(QGroupBox):
    submitted = Signal(object, bool)  # Credentials, remember

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Sign in", parent)
        self.kind = QComboBox()
        self.kind.addItem("User (password)", "password")
        self.kind.addItem("Robot (id and secret)", "robot_credentials")
        self.identity = QLineEdit()
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox("Remember the password in the OS keyring")
        self.message = QLabel(wordWrap=True)
        set_tone(self.message, ERROR)
        self.button = QPushButton("Sign in")
        form = QFormLayout(self)
        form.addRow("As:", self.kind)
        self.identity_label = QLabel("Username:")
        self.secret_label = QLabel("Password:")
        form.addRow(self.identity_label, self.identity)
        form.addRow(self.secret_label, self.secret)
        form.addRow("", self.remember)
        form.addRow("", self.button)
        form.addRow("", self.message)
        self.identity_label.setBuddy(self.identity)
        self.secret_label.setBuddy(self.secret)
        self.kind.setAccessibleName("Sign in as")
        self.identity.setAccessibleName("Username or robot id")
        self.secret.setAccessibleName("Password or robot secret")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.button.clicked.connect(self._submit)
        self.secret.returnPressed.connect(self._submit)

    def _kind_changed(self) -> None:
        robot = self.kind.currentData() == "robot_credentials"
        self.identity_label.setText("Robot id:" if robot else "Username:")
        self.secret_label.setText("Secret:" if robot else "Password:")

    def _submit(self) -> None:
        if self.identity.text() and self.secret.text():
            credentials = Credentials(self.kind.currentData(), self.identity.text(), self.secret.text())
            self.secret.clear()
            self.submitted.emit(credentials, self.remember.isChecked())
