"""The shapes of the central server's JSON answers, checked before any field is used.

A server may be broken or hostile: a field of the wrong type must become a sentence naming the
field (a `CentralError`), never a `TypeError` somewhere further on. Ids are also used in URL
paths and, by the fronts, in file names: an id must look like one (the real server's are UUIDs).
"""

from __future__ import annotations

import re
from typing import Any

from desktop_app.core.central.errors import CentralError
from desktop_app.core.central.wording import printable
from desktop_app.core.i18n import _

ID = re.compile(r"[A-Za-z0-9_-]{1,128}")


def malformed(what: str, problem: str) -> CentralError:
    return CentralError(
        _("The central server's answer is malformed: {what} {problem}.").format(what=what, problem=problem)
    )


def kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    return _("a list") if isinstance(value, list) else _("an object")


def an_object(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise malformed(what, _("is {kind}, not an object").format(kind=kind_of(value)))
    return value


def optional_text(record: dict, key: str, what: str) -> str | None:
    value = record.get(key)
    if value is not None and not isinstance(value, str):
        raise malformed(
            _("field {key!r} of {what}").format(key=key, what=what),
            _("is {kind}, not text").format(kind=kind_of(value)),
        )
    return value


def identifier(record: dict, key: str, what: str) -> str:
    """An id: text (or a whole number) of letters, digits, '-' and '_' only."""
    value = record.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise malformed(
            _("field {key!r} of {what}").format(key=key, what=what),
            _("is {kind}, not an id").format(kind=kind_of(value)),
        )
    if not ID.fullmatch(value):
        raise malformed(
            _("field {key!r} of {what}").format(key=key, what=what),
            _("is {value!r}, which is not an id").format(value=printable(value, 80)),
        )
    return value


def count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise malformed(what, _("is {kind}, not a count").format(kind=kind_of(value)))
    return value
