"""Key names: 3–64 letters, digits, '-', '_' or '.' (the central API needs at least 3)."""

from __future__ import annotations

import re

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _

_NAME_RE = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")


class InvalidKeyName(UsageError):
    """The key name does not follow the rules."""


def validate_key_name(name: str) -> str:
    if not _NAME_RE.match(name or ""):
        raise InvalidKeyName(
            _("Key name {name!r} is not valid: use 3–64 letters, digits, '-', '_' or '.'.").format(name=name)
        )
    return name
