"""The window's language: German or English, following the OS unless Preferences say otherwise.

At start the app installs two Qt translators — ours (`locale/pht_desktop_<lang>.qm`, the GUI's
words) and Qt's own `qtbase_<lang>.qm` (OK, Cancel, Yes, No in standard dialogs) — and tells the
core (`core.i18n.use_language`) so that its sentences shown in the window match. The CLI never
comes here and stays English. A change in Preferences applies on the next start: widgets take
their words when they are built.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core import i18n

LANGUAGE_SETTING = "ui.language"
AUTOMATIC = "auto"
CHOICES = (AUTOMATIC, "en", "de")  # what the setting may hold
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
log = logging.getLogger("pht_desktop.gui")

_installed: list[QTranslator] = []


def language_choice(value: object) -> str:
    """The setting as stored, or "auto" for anything else (a hand-edited settings file, say)."""
    return value if isinstance(value, str) and value in CHOICES else AUTOMATIC


def system_language(locale: QLocale | None = None) -> str:
    """The first of the OS's UI languages we have ("de" or "en"); English when none fits.

    On Linux Qt reads LANGUAGE, LC_ALL, LC_MESSAGES and LANG, so `LANG=de_DE.UTF-8` gives German."""
    for name in (locale or QLocale.system()).uiLanguages():
        primary = name.replace("_", "-").split("-")[0].lower()
        if primary in i18n.LANGUAGES:
            return primary
    return "en"


def resolve(choice: object, locale: QLocale | None = None) -> str:
    chosen = language_choice(choice)
    return system_language(locale) if chosen == AUTOMATIC else chosen


def _qt_translations_dirs() -> list[str]:
    """Where Qt's own catalogues are: Qt says; PySide6's wheel layout as a fallback (a frozen app)."""
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations"),
    ]


def apply_language(language: str) -> str:
    """Install the translators for `language` ("en" or "de"), replacing any installed before, and
    switch the core's sentences to it. Returns the language applied. Widgets built afterwards
    speak it; existing ones keep their words."""
    language = language if language in i18n.LANGUAGES else "en"
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    # English needs our catalogue too: its plural forms ("1 file", "2 files") live there.
    wanted = ((f"pht_desktop_{language}", [str(LOCALE_DIR)]), (f"qtbase_{language}", _qt_translations_dirs()))
    for name, folders in wanted:
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s: those words stay English", name, ", ".join(folders))
    i18n.use_language(language)
    return language


def start_language(settings) -> str:
    """At start: the language the Preferences setting asks for (the OS's for "auto"), applied."""
    return apply_language(resolve(settings.get(LANGUAGE_SETTING)))
