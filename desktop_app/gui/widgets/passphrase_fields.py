"""A new passphrase, typed twice, with zxcvbn's strength meter: score, crack time, advice.

Acceptable only when both fields match and the passphrase rates at least `MIN_SCORE` of 4, the
same rule the core applies to a new key or a backup; the dialogs keep their OK disabled until then.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

from desktop_app.core.keys.passphrase_strength import MAX_SCORE, MIN_SCORE, PassphraseStrength, rate_passphrase
from desktop_app.gui.appearance import ERROR, OK, WARNING, set_tone, tone_color

_RED, _AMBER, _GREEN = ERROR, WARNING, OK  # tones: their colours suit the palette
_VERDICTS = (
    QT_TRANSLATE_NOOP("PassphraseFields", "Very weak"),
    QT_TRANSLATE_NOOP("PassphraseFields", "Weak"),
    QT_TRANSLATE_NOOP("PassphraseFields", "Fair"),
    QT_TRANSLATE_NOOP("PassphraseFields", "Strong"),
    QT_TRANSLATE_NOOP("PassphraseFields", "Very strong"),
)


def _color(strength: PassphraseStrength) -> str:
    return _GREEN if strength.is_strong else _AMBER if strength.score == MIN_SCORE - 1 else _RED


class PassphraseFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, label: str = "") -> None:
        super().__init__(parent)
        self._user_inputs: tuple[str, ...] = ()
        self._strength = rate_passphrase("")
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(minimum=0, maximum=MAX_SCORE + 1, textVisible=False)
        self.meter.setFixedHeight(8)
        # zxcvbn's words are plain text: never let a suggestion be read as markup.
        self.verdict = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.feedback = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("{label}:").format(label=label or self.tr("Passphrase")), self.first)
        form.addRow(self.tr("Repeat:"), self.second)
        form.addRow(self.tr("Strength:"), self.meter)
        form.addRow("", self.verdict)
        form.addRow("", self.feedback)
        for widget in (self.first, self.second):
            widget.textChanged.connect(self._update)
        self._update()

    def set_user_inputs(self, words: Iterable[str]) -> None:
        """Words typed elsewhere in the dialog (the key's name): a passphrase made of them is weak."""
        self._user_inputs = tuple(w for w in words if w)
        self._update()

    def strength(self) -> PassphraseStrength:
        """The rating of what is typed now (kept from the last change: one zxcvbn run per keystroke)."""
        return self._strength

    def _update(self) -> None:
        text = self.first.text()
        strength = self._strength = rate_passphrase(text, self._user_inputs)
        color = _color(strength)
        # One step more than the score, so a typed but very weak passphrase still shows a sliver.
        self.meter.setValue(strength.score + 1 if text else 0)
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {tone_color(color).name()}; }}")
        if not text:
            verdict = self.tr("A passphrase protects the key if someone copies your keyring or the backup.")
            advice, color = "", None
        else:
            verdict = self.tr(
                "{verdict} ({score} of {max}): it would be guessed {within} by someone holding a copy."
            ).format(
                verdict=QCoreApplication.translate("PassphraseFields", _VERDICTS[strength.score]),
                score=strength.score,
                max=MAX_SCORE,
                within=strength.guessed_within,
            )
            advice = strength.advice
            if not strength.is_strong:
                advice = (
                    advice + " " + self.tr("At least {min} of {max} is needed.").format(min=MIN_SCORE, max=MAX_SCORE)
                ).lstrip()
        if self.second.text() and self.second.text() != text:
            advice = (self.tr("The two passphrases differ.") + " " + advice).rstrip()
            color = _RED
        self.verdict.setText(verdict)
        set_tone(self.verdict, color)
        self.feedback.setText(advice)
        self.feedback.setVisible(bool(advice))
        self.changed.emit()

    def set_passphrase(self, text: str) -> None:
        self.first.setText(text)
        self.second.setText(text)

    def passphrase(self) -> str:
        return self.first.text()

    def is_acceptable(self) -> bool:
        text = self.first.text()
        return bool(text) and text == self.second.text() and self.strength().is_strong
