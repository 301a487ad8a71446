"""What every CLI command gets: the profile's paths and settings, and stdin helpers."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from desktop_app.core.errors import UsageError
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings


@dataclass
class CliContext:
    paths: AppPaths
    settings: Settings

    @classmethod
    def create(cls, profile: str) -> CliContext:
        paths = AppPaths.for_profile(profile).ensure()
        return cls(paths, Settings(paths))

    _stdin_lines: list[str] | None = None

    def has_stdin_line(self) -> bool:
        self._load_stdin()
        return bool(self._stdin_lines)

    def _load_stdin(self) -> None:
        if self._stdin_lines is None:
            self._stdin_lines = sys.stdin.read().splitlines() if not sys.stdin.closed else []

    def read_stdin_line(self, what: str) -> str:
        """Read the next line of stdin (passphrase, password, secret), without its newline.

        Several secrets may be piped one per line, in the order the command documents.
        """
        self._load_stdin()
        if not self._stdin_lines:
            raise UsageError(f"Expected the {what} as a line on standard input, but it was empty.")
        return self._stdin_lines.pop(0)
