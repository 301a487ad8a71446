"""A passphrase strength estimate for the strength meter (no Qt here).

An estimate, not a guarantee: bits = length × log2(size of the character classes used),
discounted for repeated characters and for sequences and words that guessers try first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_COMMON = ("password", "passwort", "123456", "qwerty", "letmein", "welcome", "admin", "secret", "pht")
_SEQUENCES = ("0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm")
WEAK_BELOW, STRONG_FROM = 50, 75


@dataclass(frozen=True)
class Strength:
    bits: int
    verdict: str  # "empty", "weak", "fair" or "strong"

    @property
    def is_weak(self) -> bool:
        return self.verdict in {"empty", "weak"}


def _pool(text: str) -> int:
    pool = 0
    pool += 26 if re.search(r"[a-z]", text) else 0
    pool += 26 if re.search(r"[A-Z]", text) else 0
    pool += 10 if re.search(r"[0-9]", text) else 0
    pool += 33 if re.search(r"[^A-Za-z0-9]", text) else 0
    return pool or 1


def estimate(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, "empty")
    lowered = passphrase.lower()
    effective = len(set(passphrase)) + (len(passphrase) - len(set(passphrase))) / 2
    for word in _COMMON:
        if word in lowered:
            effective -= len(word) - 1
    for sequence in _SEQUENCES:
        for size in range(len(sequence), 3, -1):
            if any(sequence[i : i + size] in lowered for i in range(len(sequence) - size + 1)):
                effective -= size - 1
                break
    bits = max(0, int(max(effective, 1) * math.log2(_pool(passphrase))))
    verdict = "weak" if bits < WEAK_BELOW else "fair" if bits < STRONG_FROM else "strong"
    return Strength(bits, verdict)
