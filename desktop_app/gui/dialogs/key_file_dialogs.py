"""Import, export and delete dialogs of the Keys tab."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.keystore import KeyInfo
from desktop_app.gui.widgets.passphrase_fields import PassphraseFields


def _path_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def _ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ImportKeyDialog(QDialog):
    """A private key file (and, for the old PHT app's files, its public file) into the store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a private key"))
        self.file = QLineEdit(placeholderText=self.tr("private.pem, key.pem, private-he.key, a backup…"))
        self.public_file = QLineEdit(placeholderText=self.tr("optional: public.pem or public-he.key"))
        self.name = QLineEdit()
        self.file_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.file_passphrase.setPlaceholderText(self.tr("only if the file is encrypted"))
        self.passphrase = PassphraseFields(self, self.tr("Protect with"))
        self.file.setAccessibleName(self.tr("Key file"))
        self.public_file.setAccessibleName(self.tr("Public key file"))
        self.name.setAccessibleName(self.tr("Name for the imported key"))
        self.file_passphrase.setAccessibleName(self.tr("The key file's passphrase"))
        browse, browse_public = QPushButton(self.tr("&Browse…")), QPushButton(self.tr("B&rowse…"))
        browse.setAccessibleName(self.tr("Choose the key file"))
        browse_public.setAccessibleName(self.tr("Choose the public key file"))
        browse.clicked.connect(lambda: self._browse(self.file))
        browse_public.clicked.connect(lambda: self._browse(self.public_file))
        form = QFormLayout()
        form.addRow(self.tr("&Key file:"), _path_row(self.file, browse))
        form.addRow(self.tr("P&ublic file:"), _path_row(self.public_file, browse_public))
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&File passphrase:"), self.file_passphrase)
        self.buttons = _ok_cancel(self, self.tr("&Import"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The imported key is stored under this passphrase:")))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda name: self.passphrase.set_user_inputs([name]))
        for signal in (self.file.textChanged, self.name.textChanged, self.passphrase.changed):
            signal.connect(self._validate)
        self._validate()

    def _browse(self, target: QLineEdit) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a key file"))
        if chosen:
            target.setText(chosen)
            if target is self.file and not self.name.text():
                self.name.setText(Path(chosen).stem.replace(" ", "-")[:64])

    def _validate(self) -> None:
        ok = bool(self.file.text() and self.name.text()) and self.passphrase.is_acceptable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


EXPORT_FORMS = {
    "public-pem": QT_TRANSLATE_NOOP("ExportKeyDialog", "Public key, PEM"),
    "public-hex": QT_TRANSLATE_NOOP("ExportKeyDialog", "Public key, hex PEM (what the central API stores)"),
    "paillier-json": QT_TRANSLATE_NOOP("ExportKeyDialog", "Public key, Paillier JSON"),
    "private-backup": QT_TRANSLATE_NOOP("ExportKeyDialog", "Private key backup, encrypted"),
}


class ExportKeyDialog(QDialog):
    def __init__(self, info: KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(self.tr("Export {name}").format(name=info.name))
        self.form_choice = QComboBox()
        forms = ["paillier-json"] if info.type.is_paillier else ["public-pem", "public-hex"]
        for form in [*forms, "private-backup"]:
            self.form_choice.addItem(QCoreApplication.translate("ExportKeyDialog", EXPORT_FORMS[form]), form)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Export to file"))
        self.form_choice.setAccessibleName(self.tr("What to export"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the file to export to"))
        browse.clicked.connect(self._browse)
        self.key_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.key_passphrase.setPlaceholderText(self.tr("the key's current passphrase"))
        self.backup_passphrase = PassphraseFields(self, self.tr("Backup passphrase"))
        self.backup_passphrase.set_user_inputs([info.name])
        form = QFormLayout()
        form.addRow(self.tr("Key:"), QLabel(f"{info.name} · {info.grouped_fingerprint}", wordWrap=True))
        form.addRow(self.tr("E&xport:"), self.form_choice)
        form.addRow(self.tr("&To file:"), _path_row(self.path, browse))
        form.addRow(self.tr("&Key passphrase:"), self.key_passphrase)
        self.buttons = _ok_cancel(self, self.tr("&Export"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.backup_passphrase)
        layout.addWidget(self.buttons)
        for signal in (
            self.form_choice.currentIndexChanged,
            self.path.textChanged,
            self.backup_passphrase.changed,
        ):
            signal.connect(self._validate)
        self._validate()

    def choose(self, form: str) -> None:
        self.form_choice.setCurrentIndex(self.form_choice.findData(form))

    def chosen_form(self) -> str:
        return self.form_choice.currentData()

    def _browse(self) -> None:
        suffix = ".json" if self.info.type.is_paillier else ".pem"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), f"{self.info.name}{suffix}")
        if chosen:
            self.path.setText(chosen)

    def _validate(self) -> None:
        private = self.chosen_form() == "private-backup"
        self.key_passphrase.setEnabled(private and self.info.protected)
        self.backup_passphrase.setVisible(private)
        ok = bool(self.path.text()) and (not private or self.backup_passphrase.is_acceptable())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class DeleteKeyDialog(QDialog):
    """Deleting cannot be undone: the user types the key's name to confirm."""

    def __init__(self, info: KeyInfo, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete {name}").format(name=info.name))
        text = self.tr(
            "<p>Delete key <b>{name}</b> ({type})?</p>"
            "<p>Fingerprint {fingerprint}</p>"
            "<p>Its private part is removed {where}. Without a backup, results encrypted for "
            "this key can never be read again.</p><p>Type the key's name to confirm:</p>"
        ).format(
            name=html.escape(info.name),
            type=info.type.value,
            fingerprint=info.grouped_fingerprint,
            where=html.escape(where),
        )
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(self.tr("Type {name} to confirm the deletion").format(name=info.name))
        self.buttons = _ok_cancel(self, self.tr("&Delete"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(text == info.name)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, wordWrap=True))
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
