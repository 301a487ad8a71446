"""Server text inside our sentences: quoted safely, and punctuated once.

What a server says (an error `message`, a redirect's `Location`) is foreign text that ends up on
a terminal or in a dialog: control and format characters (escape sequences, bidi overrides) are
shown escaped and the length is bounded. Servers often end their messages with a full stop
already ("The train result does not exist in the storage."), so one is added only when missing.
"""

from __future__ import annotations

import unicodedata

MAX_QUOTED = 300


def printable(text: str, limit: int = MAX_QUOTED) -> str:
    """`text` with every control or format character escaped, cut to `limit` characters."""
    shown = "".join(
        ch
        if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp")
        else ch.encode("unicode_escape").decode()
        for ch in text[: limit + 1]
    )
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def sentence(text: str) -> str:
    """`text` ending in exactly one full stop (or its own ! or ?)."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."
