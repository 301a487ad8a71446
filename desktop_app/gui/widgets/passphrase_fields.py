"""A new passphrase, typed twice, with a strength meter; weak ones need an explicit tick."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from desktop_app.core.keys.passphrase_strength import STRONG_FROM, estimate

_COLORS = {"empty": "#b00020", "weak": "#b00020", "fair": "#b26a00", "strong": "#1b7f3b"}


class PassphraseFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, label: str = "Passphrase") -> None:
        super().__init__(parent)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(maximum=STRONG_FROM + 25, textVisible=False)
        self.meter.setFixedHeight(8)
        self.verdict = QLabel()
        self.accept_weak = QCheckBox("Use this weak passphrase anyway")
        self.accept_weak.setVisible(False)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(f"{label}:", self.first)
        form.addRow("Repeat:", self.second)
        form.addRow("Strength:", self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.accept_weak)
        for widget in (self.first, self.second):
            widget.textChanged.connect(self._update)
        self.accept_weak.toggled.connect(self.changed)
        self._update()

    def _update(self) -> None:
        strength = estimate(self.first.text())
        self.meter.setValue(min(strength.bits, self.meter.maximum()))
        color = _COLORS[strength.verdict]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")
        if self.second.text() and self.second.text() != self.first.text():
            message = "The two passphrases differ."
        elif strength.verdict == "empty":
            message = "A passphrase protects the key if someone copies your keyring."
        else:
            message = f"{strength.verdict.capitalize()} (about {strength.bits} bits)."
        self.verdict.setText(message)
        self.verdict.setStyleSheet(f"color: {color};" if strength.is_weak or "differ" in message else "")
        self.accept_weak.setVisible(strength.verdict == "weak")
        if strength.verdict != "weak":
            self.accept_weak.setChecked(False)
        self.changed.emit()

    def set_passphrase(self, text: str) -> None:
        self.first.setText(text)
        self.second.setText(text)

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        strength = estimate(self.first.text())
        matches = self.first.text() == self.second.text()
        return matches and strength.verdict != "empty" and (not strength.is_weak or self.accept_weak.isChecked())
