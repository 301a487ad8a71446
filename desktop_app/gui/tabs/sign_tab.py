"""The Sign tab: sign a train hash for the PHT network, the old Electron app's main job."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from desktop_app.core.i18n import _
from desktop_app.core.keys.train_signing import parse_train_hash, sign_train_hash_hex
from desktop_app.core.keys.types import EC_NOT_FOR_PHT
from desktop_app.core.log_file import remember_secret
from desktop_app.gui.appearance import ERROR, OK, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.dialogs.preferences_dialog import DEFAULT_KEY
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import OperationBar, is_busy, registry, run_operation


class SignTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.hash_input = QPlainTextEdit(placeholderText=self.tr("Paste the train hash shown by the central server"))
        self.hash_input.setFont(mono)
        self.hash_input.setMaximumHeight(80)
        self.hash_input.setTabChangesFocus(True)
        self.hash_input.setAccessibleName(self.tr("Train hash"))
        self.hash_status = QLabel()
        self.key_choice = QComboBox()
        self.key_choice.setAccessibleName(self.tr("Signing key"))
        self.key_note = QLabel(wordWrap=True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Key passphrase"))
        self.sign_button = QPushButton(self.tr("&Sign"))
        self.signature = QLineEdit(readOnly=True)
        self.signature.setFont(mono)
        self.signature.setAccessibleName(self.tr("Signature"))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the signature"))
        self.error = QLabel(wordWrap=True)
        set_tone(self.error, ERROR)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.operation_bar = OperationBar(self)

        form = QFormLayout()
        form.addRow(self.tr("&Train hash:"), self.hash_input)
        form.addRow("", self.hash_status)
        form.addRow(self.tr("&Key:"), self.key_choice)
        form.addRow("", self.key_note)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        output = QHBoxLayout()
        output.addWidget(self.signature, 1)
        output.addWidget(self.copy_button)
        form.addRow(self.tr("Signature:"), output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sign_button)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.hash_input.textChanged.connect(self._validate)
        self.key_choice.currentIndexChanged.connect(self._validate)
        self.sign_button.clicked.connect(self.sign)
        self.copy_button.clicked.connect(self.copy_signature)
        self.passphrase.returnPressed.connect(self.sign)
        context.keys_changed.connect(self.refresh_keys)
        registry().changed.connect(self._validate)
        self.refresh_keys()

    def refresh_keys(self) -> None:
        current = self.key_choice.currentData()
        self.key_choice.clear()
        model = self.key_choice.model()
        assert isinstance(model, QStandardItemModel)
        for info in self.context.keys:
            self.key_choice.addItem(f"{info.name} — {info.type.value} — {info.grouped_fingerprint[:19]}…", info.name)
            if not info.is_rsa:
                item = model.item(self.key_choice.count() - 1)
                item.setEnabled(False)
                item.setToolTip(_(EC_NOT_FOR_PHT) if info.type.is_ec else self.tr("Paillier keys cannot sign."))
        first_rsa = next((i for i in range(self.key_choice.count()) if model.item(i).isEnabled()), -1)
        index = self.key_choice.findData(current or self.context.settings.get(DEFAULT_KEY))
        self.key_choice.setCurrentIndex(index if index >= 0 and model.item(index).isEnabled() else first_rsa)
        self.key_note.setText(
            "" if first_rsa >= 0 else self.tr("No RSA key in this profile: generate or import one in the Keys tab.")
        )
        self._validate()

    def _hash_problem(self) -> str | None:
        """None for a valid hash, "" for an empty field, else the sentence saying what is wrong."""
        text = self.hash_input.toPlainText()
        try:
            parse_train_hash(text)
        except UsageError as exc:
            return str(exc) if text.strip() else ""
        return None

    def _validate(self) -> None:
        problem = self._hash_problem()
        # A check mark only for a valid hash; nothing at all for an empty field.
        self.hash_status.setText(self.tr("✓ a 64-byte SHA-512 hash") if problem is None else problem)
        set_tone(self.hash_status, OK if problem is None else ERROR)
        ready = problem is None and self.key_choice.currentIndex() >= 0 and not is_busy(self)
        self.sign_button.setEnabled(ready)
        self.copy_button.setEnabled(bool(self.signature.text()))

    def sign(self) -> None:
        if not self.sign_button.isEnabled():
            return
        store = self.context.keystore
        info = self.context.key(self.key_choice.currentData())
        if store is None or info is None:
            return
        name, text = info.name, self.hash_input.toPlainText()
        passphrase = self.passphrase.text() if info.protected else None
        remember_secret(passphrase)
        self.signature.clear()
        self.error.clear()

        def work(progress, cancel):
            return sign_train_hash_hex(store.load_private_key(name, passphrase), text)

        def done(signature: str) -> None:
            self.signature.setText(signature)
            self.passphrase.clear()
            self._validate()
            self.context.status_message.emit(self.tr("Signed with {name}.").format(name=name))

        label = self.tr("Signing with {name}").format(name=name)
        run_operation(self, label, work, done, lambda error: self.error.setText(error_text(error)))

    def copy_signature(self) -> None:
        QGuiApplication.clipboard().setText(self.signature.text())
        self.context.status_message.emit(self.tr("Signature copied to the clipboard."))
