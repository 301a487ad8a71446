"""Text from an archive, made safe to show: a station name, a train id or a JSON key may hold
escape sequences (`\\x1b]0;…`, CSI as `\\x9b`) or bidi overrides that would rewrite the terminal
or disguise what follows. Shown, every character that is not printable becomes its escape."""

from __future__ import annotations


def printable(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
