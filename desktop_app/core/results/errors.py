"""Errors of result decryption, with the CLI's exit codes (issue: 3 key, 4 verification, 5 archive)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.errors import PHTError, UsageError

if TYPE_CHECKING:
    from desktop_app.core.results.report import DecryptionReport


class UnsafeArchive(PHTError):
    """The archive is malformed or holds something that must never be extracted."""

    exit_code = 5


class NoFittingKey(PHTError):
    """None of the user's keys (or not the chosen one) can open the archive."""

    exit_code = 3


class VerificationFailed(PHTError):
    """The results do not match the stations' signatures; nothing was written."""

    exit_code = 4

    def __init__(self, message: str, report: DecryptionReport | None = None) -> None:
        super().__init__(message)
        self.report = report


class OutputNotEmpty(UsageError):
    """The output folder holds files already."""
