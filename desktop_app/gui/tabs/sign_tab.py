"""The Sign tab: sign a train hash for the PHT network, the old Electron app's main job."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UsageError
from desktop_app.core.keys.train_signing import parse_train_hash, sign_train_hash_hex
from desktop_app.core.keys.types import EC_NOT_FOR_PHT
from desktop_app.gui.context import AppContext
from desktop_app.gui.workers import BackgroundTask, run_in_background


class SignTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.hash_input = QPlainTextEdit(placeholderText="Paste the train hash shown by the central server")
        self.hash_input.setFont(mono)
        self.hash_input.setMaximumHeight(80)
        self.hash_status = QLabel()
        self.key_choice = QComboBox()
        self.key_note = QLabel(wordWrap=True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.sign_button = QPushButton("Sign")
        self.signature = QLineEdit(readOnly=True)
        self.signature.setFont(mono)
        self.copy_button = QPushButton("Copy")
        self.error = QLabel(wordWrap=True, styleSheet="color: #b00020;")

        form = QFormLayout()
        form.addRow("Train hash:", self.hash_input)
        form.addRow("", self.hash_status)
        form.addRow("Key:", self.key_choice)
        form.addRow("", self.key_note)
        form.addRow("Passphrase:", self.passphrase)
        output = QHBoxLayout()
        output.addWidget(self.signature, 1)
        output.addWidget(self.copy_button)
        form.addRow("Signature:", output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign_button)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.hash_input.textChanged.connect(self._validate)
        self.key_choice.currentIndexChanged.connect(self._validate)
        self.sign_button.clicked.connect(self.sign)
        self.copy_button.clicked.connect(self.copy_signature)
        self.passphrase.returnPressed.connect(self.sign)
        context.keys_changed.connect(self.refresh_keys)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        current = self.key_choice.currentData()
        self.key_choice.clear()
        store = self.context.keystore
        model = self.key_choice.model()
        assert isinstance(model, QStandardItemModel)
        for info in store.list_keys() if store else []:
            self.key_choice.addItem(f"{info.name} — {info.type.value} — {info.grouped_fingerprint[:19]}…", info.name)
            if not info.is_rsa:
                item = model.item(self.key_choice.count() - 1)
                item.setEnabled(False)
                item.setToolTip(EC_NOT_FOR_PHT if info.type.is_ec else "Paillier keys cannot sign.")
        first_rsa = next((i for i in range(self.key_choice.count()) if model.item(i).isEnabled()), -1)
        index = self.key_choice.findData(current)
        self.key_choice.setCurrentIndex(index if index >= 0 and model.item(index).isEnabled() else first_rsa)
        self.key_note.setText(
            "" if first_rsa >= 0 else "No RSA key in this profile: generate or import one in the Keys tab."
        )
        self._validate()

    def _hash_problem(self) -> str:
        try:
            parse_train_hash(self.hash_input.toPlainText())
        except UsageError as exc:
            return str(exc) if self.hash_input.toPlainText().strip() else " "
        return ""

    def _validate(self) -> None:
        problem = self._hash_problem()
        self.hash_status.setText(problem.strip() or "✓ a 64-byte SHA-512 hash")
        self.hash_status.setStyleSheet("color: #b00020;" if problem.strip() else "color: #1b7f3b;")
        ready = not problem and self.key_choice.currentIndex() >= 0 and self.task is None
        self.sign_button.setEnabled(ready)
        self.copy_button.setEnabled(bool(self.signature.text()))

    def sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        store = self.context.keystore
        assert store is not None
        name, text = self.key_choice.currentData(), self.hash_input.toPlainText()
        info = store.get(name)
        passphrase = self.passphrase.text() if info.protected else None
        self.signature.clear()
        self.error.clear()

        def work(progress, cancel):
            return sign_train_hash_hex(store.load_private_key(name, passphrase), text)

        def done(signature: str) -> None:
            self.task = None
            self.signature.setText(signature)
            self.passphrase.clear()
            self._validate()
            self.context.status_message.emit(f"Signed with {name}.")

        def failed(message: str) -> None:
            self.task = None
            self.error.setText(message)
            self._validate()

        self.task = run_in_background(work, done, failed, parent=self)
        self._validate()

    def copy_signature(self) -> None:
        QGuiApplication.clipboard().setText(self.signature.text())
        self.context.status_message.emit("Signature copied to the clipboard.")
