"""`python -m desktop_app` and the `pht-desktop` command.

With no command the main window opens; otherwise the CLI runs the command.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence

LOG_ENV = "PHT_DESKTOP_LOG"


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app import cli

    level = os.environ.get(LOG_ENV)
    if level:  # e.g. PHT_DESKTOP_LOG=info: life-cycle events on stderr, through the same redaction
        from desktop_app.core.log_file import RedactingFormatter

        to_stderr = logging.StreamHandler(sys.stderr)
        to_stderr.setFormatter(RedactingFormatter("%(name)s: %(message)s"))
        logging.basicConfig(level=level.upper(), handlers=[to_stderr])

    args = cli.build_parser().parse_args(argv)
    if args.command is None:
        return GuiLauncher().open(args.profile, args.open)
    return cli.run_command(args, window=GuiLauncher())


class GuiLauncher:
    """The GUI, opened from here and handed to the CLI: the entry point is the one place that
    knows both fronts, so `desktop_app.cli` never imports `desktop_app.gui` (an import-linter
    contract). Qt loads only when the window really opens."""

    def can_open(self) -> bool:
        from desktop_app.gui.app import has_display

        return has_display()

    def open(self, profile: str, archive: str | None = None) -> int:
        from desktop_app.gui.app import run_gui

        return run_gui(profile, archive)


if __name__ == "__main__":
    sys.exit(main())
