"""Passphrases rated by zxcvbn: the core's rule for new keys and backups, and its advice."""

from __future__ import annotations

import pytest

from desktop_app.core.errors import Remedy
from desktop_app.core.keys.passphrase_strength import (
    MIN_SCORE,
    WeakPassphrase,
    rate_passphrase,
    require_strong_passphrase,
)


def test_the_issues_example_is_refused_with_zxcvbns_advice() -> None:
    with pytest.raises(WeakPassphrase) as caught:
        require_strong_passphrase("P@ssw0rd!2024")
    error = caught.value
    assert error.remedy == Remedy.STRONGER_PASSPHRASE and error.exit_code == 2
    message = str(error)
    assert message.startswith("This passphrase is too weak: it rates 2 of 4 and at least 3 is needed")
    assert "This is similar to a commonly used password." in message  # zxcvbn's warning
    assert "Predictable substitutions like '@' instead of 'a' don't help very much." in message
    assert "--" not in message  # the core names no flag


def test_a_strong_passphrase_is_accepted_with_its_rating() -> None:
    strength = require_strong_passphrase("violet-harbor-71-quietly")
    assert strength.score == 4 and strength.is_strong
    assert strength.crack_time == "centuries" and strength.guessed_within == "in centuries"
    assert strength.advice == ""


def test_the_rating_carries_score_crack_time_warning_and_suggestions() -> None:
    strength = rate_passphrase("password1")
    assert strength.score == 0 and not strength.is_strong
    assert strength.crack_time == "less than a second" and strength.guessed_within == "in less than a second"
    assert strength.warning == "This is a very common password."
    assert strength.suggestions == ("Add another word or two. Uncommon words are better.",)


def test_user_inputs_make_a_passphrase_built_from_them_weak() -> None:
    assert rate_passphrase("researcher-2024").score >= MIN_SCORE
    assert rate_passphrase("researcher-2024", ["researcher"]).score < MIN_SCORE
    # A key name's parts count too, not only the whole name.
    assert rate_passphrase("oncology-2024", ["lab-oncology"]).score < rate_passphrase("oncology-2024").score
    with pytest.raises(WeakPassphrase):
        require_strong_passphrase("researcher-2024", ["researcher"])


def test_the_apps_own_words_count_as_known() -> None:
    assert rate_passphrase("pht-desktop-2024").score < rate_passphrase("qzv-wenmyrt-2024").score


def test_empty_and_very_long_passphrases_are_rated() -> None:
    empty = rate_passphrase("")
    assert empty.score == 0 and empty.advice == "Use a few uncommon words."
    # zxcvbn itself refuses more than 72 characters; the rating of a prefix stands for the whole.
    assert rate_passphrase("a" * 500).score < MIN_SCORE
    assert rate_passphrase("violet-harbor-71-quietly " * 8).is_strong
