"""Import, export and delete dialogs of the Keys tab."""

from __future__ import annotations

from pathlib import Path

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
        self.setWindowTitle("Import a private key")
        self.file = QLineEdit(placeholderText="private.pem, key.pem, private-he.key, a backup…")
        self.public_file = QLineEdit(placeholderText="optional: public.pem or public-he.key")
        self.name = QLineEdit()
        self.file_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.file_passphrase.setPlaceholderText("only if the file is encrypted")
        self.passphrase = PassphraseFields(self, "Protect with")
        self.file.setAccessibleName("Key file")
        self.public_file.setAccessibleName("Public key file")
        self.name.setAccessibleName("Name for the imported key")
        self.file_passphrase.setAccessibleName("The key file's passphrase")
        browse, browse_public = QPushButton("Browse…"), QPushButton("Browse…")
        browse.setAccessibleName("Choose the key file")
        browse_public.setAccessibleName("Choose the public key file")
        browse.clicked.connect(lambda: self._browse(self.file))
        browse_public.clicked.connect(lambda: self._browse(self.public_file))
        form = QFormLayout()
        form.addRow("Key file:", _path_row(self.file, browse))
        form.addRow("Public file:", _path_row(self.public_file, browse_public))
        form.addRow("Name:", self.name)
        form.addRow("File passphrase:", self.file_passphrase)
        self.buttons = _ok_cancel(self, "Import")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("The imported key is stored under this passphrase:"))
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(lambda name: self.passphrase.set_user_inputs([name]))
        for signal in (self.file.textChanged, self.name.textChanged, self.passphrase.changed):
            signal.connect(self._validate)
        self._validate()

    def _browse(self, target: QLineEdit) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose a key file")
        if chosen:
            target.setText(chosen)
            if target is self.file and not self.name.text():
                self.name.setText(Path(chosen).stem.replace(" ", "-")[:64])

    def _validate(self) -> None:
        ok = bool(self.file.text() and self.name.text()) and self.passphrase.is_acceptable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


EXPORT_FORMS = {
    "public-pem": "Public key, PEM",
    "public-hex": "Public key, hex PEM (what the central API stores)",
    "paillier-json": "Public key, Paillier JSON",
    "private-backup": "Private key backup, encrypted",
}


class ExportKeyDialog(QDialog):
    def __init__(self, info: KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.setWindowTitle(f"Export {info.name}")
        self.form_choice = QComboBox()
        forms = ["paillier-json"] if info.type.is_paillier else ["public-pem", "public-hex"]
        for form in [*forms, "private-backup"]:
            self.form_choice.addItem(EXPORT_FORMS[form], form)
        self.path = QLineEdit()
        self.path.setAccessibleName("Export to file")
        self.form_choice.setAccessibleName("What to export")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the file to export to")
        browse.clicked.connect(self._browse)
        self.key_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.key_passphrase.setPlaceholderText("the key's current passphrase")
        self.backup_passphrase = PassphraseFields(self, "Backup passphrase")
        self.backup_passphrase.set_user_inputs([info.name])
        form = QFormLayout()
        form.addRow("Key:", QLabel(f"{info.name} · {info.grouped_fingerprint}", wordWrap=True))
        form.addRow("Export:", self.form_choice)
        form.addRow("To file:", _path_row(self.path, browse))
        form.addRow("Key passphrase:", self.key_passphrase)
        self.buttons = _ok_cancel(self, "Export")
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
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", f"{self.info.name}{suffix}")
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
        self.setWindowTitle(f"Delete {info.name}")
        text = (
            f"<p>Delete key <b>{info.name}</b> ({info.type.value})?</p>"
            f"<p>Fingerprint {info.grouped_fingerprint}</p>"
            f"<p>Its private part is removed {where}. Without a backup, results encrypted for "
            "this key can never be read again.</p><p>Type the key's name to confirm:</p>"
        )
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(f"Type {info.name} to confirm the deletion")
        self.buttons = _ok_cancel(self, "Delete")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.confirm.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(text == info.name)
        )
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text, wordWrap=True))
        layout.addWidget(self.confirm)
        layout.addWidget(self.buttons)
