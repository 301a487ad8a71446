"""The Preferences dialog's language choice: automatic (the OS's), English or Deutsch.

Saved with the dialog's OK; the window speaks it from the next start (each widget takes its
words when it is built), and the box says so rather than pretend otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from desktop_app.core.settings import Settings
from desktop_app.gui.language import AUTOMATIC, LANGUAGE_SETTING, language_choice, system_language

# Each language is named in itself, so that a user who cannot read the current one finds theirs.
NATIVE_NAMES = {"en": "English", "de": "Deutsch"}


class LanguageBox(QGroupBox):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Language"))
        self.settings = settings
        self.saved = language_choice(settings.get(LANGUAGE_SETTING))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Language of the window"))
        system = NATIVE_NAMES[system_language()]
        self.choice.addItem(self.tr("Automatic (the system's: {language})").format(language=system), AUTOMATIC)
        for code, name in NATIVE_NAMES.items():
            self.choice.addItem(name, code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(self.saved)))
        self.note = QLabel(wordWrap=True)
        self.note.setAccessibleName(self.tr("About changing the language"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Language:"), self.choice)
        layout.addRow("", self.note)
        self.choice.currentIndexChanged.connect(self._show_note)
        self._show_note()

    def chosen(self) -> str:
        return self.choice.currentData()

    def _show_note(self) -> None:
        if self.chosen() == self.saved:
            self.note.setText(self.tr("The command line always speaks English."))
        else:
            self.note.setText(self.tr("The new language applies when PHT Desktop is started again."))

    def save(self) -> None:
        self.settings.set(LANGUAGE_SETTING, self.chosen())
