"""`python -m desktop_app` and the `pht-desktop` command.

With no command the main window opens; otherwise the CLI runs the command.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from desktop_app import cli

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop_app.gui.app import run_gui

        return run_gui(args.profile)
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main())
