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
from desktop_app.core.i18n import _
from desktop_app.core.keys.names import validate_key_name
from desktop_app.core.keys.types import DEFAULT_KEY_TYPE, EC_NOT_FOR_PHT, KeyType
from desktop_app.gui.appearance import ERROR, WARNING, set_tone
from desktop_app.gui.widgets.passphrase_fields import PassphraseFields


class GenerateKeyDialog(QDialog):
    def __init__(self, taken_names: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Generate a key pair"))
        self.taken_names = taken_names
        self.name = QLineEdit(placeholderText=self.tr("e.g. my-research-key"))
        self.key_type = QComboBox()
        for key_type in KeyType:
            self.key_type.addItem(self._type_label(key_type), key_type.value)
        self.key_type.setCurrentIndex(self.key_type.findData(DEFAULT_KEY_TYPE.value))
        self.choices = QLabel(
            self.tr(
                "RSA: for the PHT network (signing trains, receiving results) — the usual choice.\n"
                "EC: for FLAME node keys only.\n"
                "Paillier: only if your analysis asks for homomorphically summed results."
            ),
            wordWrap=True,
        )
        self.type_note = QLabel(wordWrap=True)
        self.name_problem = QLabel()
        set_tone(self.name_problem, ERROR)
        self.passphrase = PassphraseFields(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Generate"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow("", self.name_problem)
        form.addRow(self.tr("&Type:"), self.key_type)
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

    def _type_label(self, key_type: KeyType) -> str:
        if key_type.is_rsa:
            return self.tr("RSA {size} bits — PHT trains and results").format(size=key_type.size)
        if key_type.is_ec:
            return self.tr("EC P-{size} — FLAME only, not for PHT trains").format(size=key_type.size)
        return self.tr("Paillier {size} bits — homomorphic results").format(size=key_type.size)

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
        return self.tr("A key named “{name}” exists already.").format(name=name) if name in self.taken_names else ""

    def _validate(self) -> None:
        key_type = self.selected_type()
        notes = {
            "rsa": self.tr("RSA keys sign train hashes and receive results on the PHT network."),
            "ec": _(EC_NOT_FOR_PHT),
            "paillier": self.tr("Paillier keys decrypt homomorphically summed results (*.he.json)."),
        }
        self.type_note.setText(notes[key_type.family])
        set_tone(self.type_note, WARNING if key_type.is_ec else None)
        problem = self._name_problem()
        self.name_problem.setText(problem)
        ok = bool(self.name.text()) and not problem and self.passphrase.is_acceptable()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
