"""`pht-desktop decrypt ARCHIVE --out DIR`: decrypt and verify a result archive, offline.

Exit codes: 0 done and verified; 2 usage; 3 no fitting key or wrong passphrase;
4 verification failed; 5 archive malformed or unsafe; 130 interrupted (Ctrl+C), 143 stopped
(SIGTERM), 129 hung up (SIGHUP), each with nothing left behind.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from desktop_app.cli.context import CliContext
from desktop_app.cli.keys import open_store, passphrase_from
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.results.decrypt import DecryptRequest, check_request, decrypt_archive
from desktop_app.core.results.errors import VerificationFailed
from desktop_app.core.results.report import DecryptionReport
from desktop_app.core.settings import write_atomically


def _write_report(report: DecryptionReport, target: Path | None) -> None:
    if target is not None:
        write_atomically(target, report.to_json_text().encode(), mode=0o644)


class TerminalProgress:
    """On a terminal, one line that rewrites itself (at most ten times a second) and is erased at
    the end, so stderr still ends with one line saying what happened. Off a terminal: nothing."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.last = 0.0
        self.shown = False

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.1:
            return
        self.last = now
        mib = 1 << 20
        self.stream.write(
            f"\r{progress.fraction:6.1%}  {progress.done / mib:,.0f} of {progress.total / mib:,.0f} MiB"
            f"  {progress.label[-48:]}\x1b[K"
        )
        self.stream.flush()
        self.shown = True

    def erase(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


STOPPING_SIGNALS = {
    signal.SIGINT: "interrupted",
    signal.SIGTERM: "stopped (SIGTERM)",
    **({signal.SIGHUP: "hung up (SIGHUP)"} if hasattr(signal, "SIGHUP") else {}),
}


class Stopped(KeyboardInterrupt):
    """A stopping signal arrived before the commit point: everything is being undone."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _stopping_signals(cancel: CancelToken) -> Iterator[list[int]]:
    """Ctrl+C, SIGTERM and SIGHUP stop a decryption alike, and truthfully.

    Before the commit point the first one raises `Stopped` wherever the job is (reading a
    passphrase, waiting for the keyring, decrypting), so its `finally` blocks remove the staging
    folder; later ones are ignored while that cleanup runs. After the commit point (the verified
    results are being moved into place) they are only recorded: the move finishes, and the last
    line says the results were written. Yields the list of such late signals."""
    late: list[int] = []

    def on_signal(signum: int, _frame: object) -> None:
        if cancel.committed is not None:
            late.append(signum)
        elif not cancel.cancelled:
            cancel.cancel(discard_partial=True)
            raise Stopped(signum)

    previous = {number: signal.signal(number, on_signal) for number in STOPPING_SIGNALS}
    try:
        yield late
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _decrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    request = DecryptRequest(args.archive, args.out, args.key, args.he_key, args.force, not args.no_verify)
    check_request(request)  # a missing archive is that, whatever the state of the keyring
    cancel = CancelToken()
    with _stopping_signals(cancel) as late:
        try:
            return _decrypt_with_store(args, ctx, request, cancel, late)
        except Stopped as stop:
            print(f"pht-desktop: {STOPPING_SIGNALS[stop.signum]}; nothing was changed.", file=sys.stderr)
            return 128 + stop.signum


def _decrypt_with_store(
    args: argparse.Namespace, ctx: CliContext, request: DecryptRequest, cancel: CancelToken, late: list[int]
) -> int:
    store = open_store(ctx)

    def passphrase_for(info: KeyInfo) -> str | None:
        return passphrase_from(args, ctx, f"passphrase of key {info.name}") if info.protected else None

    progress = TerminalProgress(sys.stderr)
    try:
        report = decrypt_archive(request, store, passphrase_for, progress, cancel)
    except VerificationFailed as exc:
        progress.erase()
        if exc.report is not None:  # the report says which check failed; stderr keeps its one line
            _write_report(exc.report, args.report)
            print(exc.report.to_text())
        raise
    except BaseException:
        progress.erase()
        raise
    progress.erase()
    print(report.to_text())
    _write_report(report, args.report)
    too_late = f" ({STOPPING_SIGNALS[late[0]].split(' (')[0]} after the results were written)" if late else ""
    if request.verify:
        print(f"Decrypted and verified {len(report.files)} files into {args.out}{too_late}.", file=sys.stderr)
    else:
        print(f"Decrypted {len(report.files)} files into {args.out}, UNVERIFIED{too_late}.", file=sys.stderr)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "decrypt",
        help="decrypt and verify a result archive (works offline)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("archive", type=Path, metavar="ARCHIVE", help="the result .tar (or .tar.gz)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the plaintext files")
    parser.add_argument(
        "--key", metavar="NAME", help="RSA key to use (default: the one whose fingerprint the archive names)"
    )
    parser.add_argument(
        "--he-key",
        metavar="NAME",
        help="Paillier key for *.he.json results (default: the one the archive names)",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read passphrases from stdin, one line each: the RSA key's, then the Paillier key's",
    )
    parser.add_argument("--report", type=Path, metavar="FILE", help="also write the report as JSON")
    parser.add_argument("--force", action="store_true", help="write into a non-empty output folder")
    parser.add_argument(
        "--no-verify",
        action="store_true",
        help="do not enforce the checks (old trains carry no signatures); they are still listed, "
        "and the result is marked UNVERIFIED",
    )
    parser.set_defaults(handler=_decrypt)
