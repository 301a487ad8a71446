"""The application's log: a rotating file in the data folder that never holds a secret.

Secrets reach the log only by accident (an exception's message quoting an answer, say); the
formatter removes the shapes a secret can take here: PEM blocks and their hex form, bearer and
JSON web tokens, password/token fields, and every value a front registered with
`remember_secret` (passphrases and passwords typed this session, kept only in memory).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

LOG_NAME = "pht-desktop.log"
REDACTED = "[redacted]"
_MIN_SECRET = 4  # shorter values would redact ordinary words

_PATTERNS = [
    re.compile(r"-----BEGIN [A-Z0-9 ]+-----.*?(-----END [A-Z0-9 ]+-----|\Z)", re.DOTALL),
    re.compile(r"(?i)2d2d2d2d2d424547494e[0-9a-f]*"),  # hex of "-----BEGIN…", the PHT API's form
    re.compile(r"(?i)\bbearer\s+[A-Za-z0-9._~+/=-]+"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.?[A-Za-z0-9_-]*"),  # JSON web tokens
    re.compile(
        r"(?i)([\"']?(?:password|passphrase|secret|access_token|refresh_token|token|client_secret)[\"']?"
        r"\s*[:=]\s*)([\"']?)[^\"',\s}]+"
    ),
]

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def remember_secret(value: str | None) -> None:
    """Have this value redacted from every later log line (for this process only)."""
    if value and len(value) >= _MIN_SECRET:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for value in known:
        text = text.replace(value, REDACTED)
    for pattern in _PATTERNS:
        if pattern.groups >= 2:
            text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
        else:
            text = pattern.sub(REDACTED, text)
    return text


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each new log file (at the start and after every rotation) is owner-only, not the umask's."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def open_log_file(folder: Path, level: int = logging.INFO) -> Path:
    """Send the `pht_desktop` loggers to a rotating file in `folder`; return the file's path."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.chmod(0o700)  # the log names keys, servers and trains: owner-only, like the profile
    path = folder / LOG_NAME
    handler = _OwnerOnlyRotatingFileHandler(path, maxBytes=1 << 20, backupCount=3, encoding="utf-8")
    handler.pht_log_file = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    # The fronts log as `pht_desktop.*`, the core modules under their module names.
    for logger in (logging.getLogger("pht_desktop"), logging.getLogger("desktop_app")):
        for old in list(logger.handlers):
            if getattr(old, "pht_log_file", False):
                logger.removeHandler(old)
                old.close()
        logger.addHandler(handler)
        logger.setLevel(min(level, logger.level or level))
    path.chmod(0o600)
    return path
