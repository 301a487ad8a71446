"""How strong a passphrase is, rated as password managers rate it: with zxcvbn.

zxcvbn (the estimator of Dropbox and KeePassXC) counts how many guesses an attacker who knows
common passwords, names, keyboard patterns, dates and l33t substitutions would need, and turns
that into a score from 0 (guessed at once) to 4 (out of reach), a crack-time estimate and
advice. A new key, a private backup or an export needs `MIN_SCORE`; `require_strong_passphrase`
raises `WeakPassphrase` (remedy `STRONGER_PASSPHRASE`) with zxcvbn's warning and suggestions.
Words the user typed elsewhere (the key's name, its comment) go in as `user_inputs`, so a
passphrase built from them counts as weak.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.i18n import N_, _
from desktop_app.core.keys.passphrase_words import crack_time_words

MIN_SCORE = 3
MAX_SCORE = 4
# Words anyone attacking a PHT Desktop key would try first.
APP_WORDS = ("pht", "desktop", "pht-desktop", "personal", "health", "train", "station")
# zxcvbn refuses longer input (its matching grows quickly with length). The rating of the first
# 72 characters is a lower bound for the whole: more characters never make it easier to guess.
_MAX_RATED_CHARS = 72
# zxcvbn keeps the user inputs in a module-level dictionary during a call, so two calls from
# different threads (the GUI meter and a worker) must not overlap.
_ZXCVBN_LOCK = threading.Lock()


@dataclass(frozen=True)
class PassphraseStrength:
    score: int  # 0..4
    crack_time: str  # zxcvbn's words ("3 hours", "centuries") for an offline attack on a slow hash
    warning: str  # zxcvbn's warning (English: `advice` translates it), "" when it has none
    suggestions: tuple[str, ...]

    @property
    def is_strong(self) -> bool:
        return self.score >= MIN_SCORE

    @property
    def advice(self) -> str:
        """zxcvbn's warning and suggestions as sentences, "" when it has nothing to say."""
        return " ".join(_(text) for text in (self.warning, *self.suggestions) if text)

    @property
    def guessed_within(self) -> str:
        """'in about 3 hours', 'in less than a second', 'in centuries'."""
        if self.crack_time.startswith("less than") or self.crack_time == "centuries":
            return _("in {crack_time}").format(crack_time=crack_time_words(self.crack_time))
        return _("in about {crack_time}").format(crack_time=crack_time_words(self.crack_time))


class WeakPassphrase(UsageError):
    """The passphrase would be guessed too easily; the message carries zxcvbn's advice."""

    remedy = Remedy.STRONGER_PASSPHRASE


def _input_words(user_inputs: Iterable[str]) -> list[str]:
    """Each input whole and in its parts ('lab-key.2024' also gives 'lab', 'key', '2024')."""
    words: list[str] = list(APP_WORDS)
    for text in user_inputs:
        if text:
            words.append(text)
            words.extend(part for part in re.split(r"[\s\-_.@/]+", text) if len(part) > 1)
    return words


def rate_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> PassphraseStrength:
    """zxcvbn's rating of `passphrase`; `user_inputs` are words the user typed nearby."""
    if not passphrase:  # zxcvbn fails on an empty string
        return PassphraseStrength(0, "less than a second", "", (N_("Use a few uncommon words."),))
    import zxcvbn  # ~50 ms of word lists: loaded when a passphrase is rated, not at every start

    with _ZXCVBN_LOCK:
        result = zxcvbn.zxcvbn(passphrase[:_MAX_RATED_CHARS], user_inputs=_input_words(user_inputs))
    feedback = result["feedback"]
    return PassphraseStrength(
        score=int(result["score"]),
        # Keys are sealed with scrypt, so "offline, slow hash" is the attack that fits.
        crack_time=str(result["crack_times_display"]["offline_slow_hashing_1e4_per_second"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def weakness_sentence(strength: PassphraseStrength) -> str:
    """One explanation of why the passphrase is not accepted, with zxcvbn's advice."""
    sentence = _(
        "This passphrase is too weak: it rates {score} of {max_score} and at least {min_score} "
        "is needed; someone holding a copy of the key could guess it {guessed_within}."
    ).format(score=strength.score, max_score=MAX_SCORE, min_score=MIN_SCORE, guessed_within=strength.guessed_within)
    return f"{sentence} {strength.advice}".rstrip()


def require_strong_passphrase(passphrase: str, user_inputs: Iterable[str] = ()) -> PassphraseStrength:
    """The rating, or WeakPassphrase when it is below `MIN_SCORE`."""
    strength = rate_passphrase(passphrase, user_inputs)
    if not strength.is_strong:
        raise WeakPassphrase(weakness_sentence(strength))
    return strength
