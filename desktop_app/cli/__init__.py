"""The headless front: every job the GUI does, scriptable, through the same core calls.

Each command module exposes `register(subparsers)`; its parsers set `handler`, a function
`handler(args, ctx) -> int`. Expected failures are `PHTError`s: one line on stderr, and
the error's exit code.
"""

from __future__ import annotations

import argparse
import sys
from types import ModuleType

from desktop_app import __version__
from desktop_app.cli import central as _central
from desktop_app.cli import context as _context
from desktop_app.cli import decrypt as _decrypt
from desktop_app.cli import demo as _demo
from desktop_app.cli import federated_node as _federated_node
from desktop_app.cli import flame as _flame
from desktop_app.cli import keys as _keys
from desktop_app.cli import remedies
from desktop_app.cli import results_verb as _results
from desktop_app.cli import sign as _sign
from desktop_app.cli import station as _station
from desktop_app.core import state_files
from desktop_app.core.errors import PHTError
from desktop_app.core.paths import DEFAULT_PROFILE

# Command modules in the order their commands appear in `--help`.
COMMAND_MODULES: list[ModuleType] = [
    _keys, _sign, _decrypt, _central, _results, _flame, _federated_node, _demo, _station
]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pht-desktop",
        description="PHT Desktop: keys, signing and results for the Personal Health Train. "
        "With no command, opens the main window.",
    )
    parser.add_argument("--version", action="version", version=f"pht-desktop {__version__}")
    parser.add_argument(
        "--profile",
        default=DEFAULT_PROFILE,
        help="named profile whose keys and settings are kept apart (default: %(default)s)",
    )
    parser.add_argument(
        "--open",
        metavar="ARCHIVE",
        nargs="?",  # the desktop file's `--open %f` comes without a file when started from the menu
        help="open the main window on this result archive (what a double-click on a .tar does)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def _announce_recovery(recovery: state_files.Recovery) -> None:
    """A damaged state file was moved aside: one line naming it, and the command goes on."""
    print(f"pht-desktop: {recovery.sentence}", file=sys.stderr)


def run_command(args: argparse.Namespace, window: _context.MainWindowLauncher | None = None) -> int:
    """Run the parsed command; turn expected failures into one line on stderr.

    `window` opens the main window for the commands that offer it (`demo`)."""
    state_files.add_listener(_announce_recovery)
    try:
        ctx = _context.CliContext.create(args.profile, window)
        return int(args.handler(args, ctx) or 0)
    except PHTError as exc:
        print(f"pht-desktop: {remedies.render(exc)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("pht-desktop: interrupted; nothing was changed.", file=sys.stderr)
        return 130
    finally:
        state_files.remove_listener(_announce_recovery)
