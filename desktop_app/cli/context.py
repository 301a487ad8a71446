"""What every CLI command gets: the profile's paths and settings, stdin helpers, and the window."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

from desktop_app.core.errors import UsageError
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings


class MainWindowLauncher(Protocol):
    """Opens the main window. The entry point (`desktop_app.__main__`) hands one to the CLI, so
    that the CLI never imports the GUI: `demo` is the one command that opens the window."""

    def can_open(self) -> bool: ...

    def open(self, profile: str) -> int: ...


@dataclass
class CliContext:
    paths: AppPaths
    settings: Settings
    window: MainWindowLauncher | None = None  # None: no window can be opened (the CLI used as a library)

    @classmethod
    def create(cls, profile: str, window: MainWindowLauncher | None = None) -> CliContext:
        paths = AppPaths.for_profile(profile).ensure()
        return cls(paths, Settings(paths), window)

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
