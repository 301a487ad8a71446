"""zxcvbn's words in the user's language.

zxcvbn rates a passphrase in English: its feedback sentences and its crack-time phrases ("3
hours", "centuries") are constants of the library. They are marked here so that they are in the
core's catalogue, and translated where they are shown (`PassphraseStrength.advice`,
`guessed_within`). `tests/unit/test_core_i18n.py` checks that every sentence the installed zxcvbn
can give is listed, so a new zxcvbn version with a new sentence is noticed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop_app.core.i18n import N_, _, ngettext

# zxcvbn 4.5's feedback (zxcvbn/feedback.py), word for word: these are the catalogue's message ids.
FEEDBACK = (
    N_("Add another word or two. Uncommon words are better."),
    N_("Capitalization doesn't help very much."),
    N_("Reversed words aren't much harder to guess."),
    N_("Predictable substitutions like '@' instead of 'a' don't help very much."),
    N_("Use a few words, avoid common phrases."),
    N_("No need for symbols, digits, or uppercase letters."),
    N_("Straight rows of keys are easy to guess."),
    N_("Short keyboard patterns are easy to guess."),
    N_("This is a top-10 common password."),
    N_("This is similar to a commonly used password."),
    N_("A word by itself is easy to guess."),
    N_("All-uppercase is almost as easy to guess as all-lowercase."),
    N_("Use a longer keyboard pattern with more turns."),
    N_('Repeats like "aaa" are easy to guess.'),
    N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    N_("This is a top-100 common password."),
    N_("This is a very common password."),
    N_("Names and surnames by themselves are easy to guess."),
    N_("Common names and surnames are easy to guess."),
    N_("Avoid repeated words and characters."),
    N_('Sequences like "abc" or "6543" are easy to guess.'),
    N_("Avoid sequences."),
    N_("Recent years are easy to guess."),
    N_("Dates are often easy to guess."),
    N_("Avoid recent years."),
    N_("Avoid years that are associated with you."),
    N_("Avoid dates and years that are associated with you."),
)

# zxcvbn's time units, said after "in about" (German needs the dative plural there: "in etwa 5 Tagen").
_UNITS: dict[str, Callable[[int], str]] = {
    "second": lambda n: ngettext("{n} second", "{n} seconds", n),
    "minute": lambda n: ngettext("{n} minute", "{n} minutes", n),
    "hour": lambda n: ngettext("{n} hour", "{n} hours", n),
    "day": lambda n: ngettext("{n} day", "{n} days", n),
    "month": lambda n: ngettext("{n} month", "{n} months", n),
    "year": lambda n: ngettext("{n} year", "{n} years", n),
}
_DISPLAY = re.compile(r"(\d+) (second|minute|hour|day|month|year)s?")


def crack_time_words(display: str) -> str:
    """zxcvbn's `display_time` ("less than a second", "3 hours", "centuries") in the user's language."""
    if display == "less than a second":
        return _("less than a second")
    if display == "centuries":
        return _("centuries")
    match = _DISPLAY.fullmatch(display)
    if match is None:
        return display  # a phrase of a zxcvbn version this module does not know: shown as it is
    count = int(match.group(1))
    return _UNITS[match.group(2)](count).format(n=count)
