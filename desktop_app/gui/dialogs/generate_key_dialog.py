"""Generate a key: name, type, passphrase twice with a strength meter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import UsageError
from desktop_app.core.keys.names import validate_key_name
from desktop_app.core.keys.types import DEFAULT_KEY_TYPE, EC_NOT_FOR_PHT, KeyType
from desktop_app.gui.appearance import ERROR, WARNING, set_tone
from desktop_app.gui.widgets.passphrase_fields import PassphraseFields


class GenerateKeyDialog(QDialog):
    def __init__(self, taken_names: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Generate a key pair")
        self.taken_names = taken_names
        self.name = QLineEdit(placeholderText="e.g. my-research-key")
        self.key_type = QComboBox()
        for key_type in KeyType:
            self.key_type.addItem(key_type.label, key_type.value)
        self.key_type.setCurrentIndex(self.key_type.findData(DEFAULT_KEY_TYPE.value))
        self.choices = QLabel(
            "RSA: for the PHT network (signing trains, receiving results) — the usual choice.\n"
            "EC: for FLAME node keys only.\n"
            "Paillier: only if your analysis asks for homomorphically summed results.",
            wordWrap=True,
        )
        self.type_note = QLabel(wordWrap=True)
        self.name_problem = QLabel()
        set_tone(self.name_problem, ERROR)
        self.passphrase = PassphraseFields(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Generate")
        form = QFormLayout()
        form.addRow("Name:", self.name)
        form.addRow("", self.name_problem)
        form.addRow("Type:", self.key_type)
        form.addRow("", self.choices)
        form.addRow("", self.type_note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The name first: the meter must rate the passphrase against it before OK is decided.
        self.name.textChanged.connect(lambda name: self.passphrase.set_user_inputs([name]))
        self.name.textChanged.connect(self._validate)
        self.key_type.currentIndexChanged.connect(self._validate)
        self.passphrase.changed.connect(self._validate)
        self._validate()

    def selected_type(self) -> KeyType:
        return KeyType(self.key_type.currentData())

    def _name_problem(self) -> str:
        name = self.name.text()
        if not name:
            return ""
        try:
            validate_key_name(name)
        except UsageError as exc:
            return str(exc)
        return f"A key named {name!r} exists already." if name in self.taken_names else ""

    def _validate(self) -> None:
        key_type = self.selected_type()
        notes = {
            "rsa": "RSA keys sign train hashes and receive results on the PHT network.",
            "ec": EC_NOT_FOR_PHT,
            "paillier": "Paillier keys decrypt homomorphically summed results (*.he.json).",
        }
        self.type_note.setText(notes[key_type.family])
        set_tone(self.type_note, WARNING if key_type.is_ec else None)
        problem = self._name_problem()
        self.name_problem.setText(problem)
        ok = bool(self.name.text()) and not problem and self.passphrase.is_acceptable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
