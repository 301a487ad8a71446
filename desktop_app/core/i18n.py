"""The core's sentences in the user's language (gettext catalogues, compiled by Babel).

Core code writes `_("The key {name} is not in the key store.").format(name=name)`: the English
text is the message id. The CLI stays English and never calls `use_language`; the GUI calls it
once at start and whenever Preferences change the language. The choice is process-wide, as a
sentence made on a worker thread must be in the same language as the window around it.
"""

from __future__ import annotations

import gettext
from pathlib import Path

DOMAIN = "pht_desktop"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "de")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def use_language(language: str) -> None:
    """Translate the core's sentences into `language` from now on ("en" turns translation off).
    A language without a compiled catalogue falls back to English."""
    global _translation, _language
    _language = language if language in LANGUAGES else "en"
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[_language], fallback=True)


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural sentence for `count`, as the language counts (German as English)."""
    return _translation.ngettext(singular, plural, count)


def N_(message: str) -> str:  # the conventional name extractors look for
    """Marks a sentence for the catalogue where it is defined; `_()` translates it where shown."""
    return message
