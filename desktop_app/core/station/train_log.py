"""A train's output: cleaned, cut into bounded lines, written to a file as it arrives.

A train is untrusted code and may print anything: gigabytes, one endless line, terminal escape
sequences that would recolour or retitle the user's terminal. So the log is never held in
memory (it goes to a file, line by line), a line longer than `MAX_LINE` characters is handed on
in pieces, and control characters are removed before a line reaches the file or the caller.
The file holds exactly the lines the caller was given.
"""

from __future__ import annotations

import codecs
import os
import re
from collections import deque
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.i18n import _

MAX_LINE = 64 * 1024  # characters; a longer line is handed on in pieces of this size
TAIL_LINES = 50  # the last lines kept in memory, for a failure's message and the tests

# ESC-introduced sequences: CSI (colours, cursor moves), OSC (window titles, hyperlinks) ended by
# BEL or ST, and the two-character ones; then every other C0/C1 control but the tab.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def clean_line(line: str) -> str:
    """`line` without terminal control: escape sequences and control characters removed; of a
    line rewritten with carriage returns (a progress bar), only what a terminal would show last."""
    if not _CONTROLS.search(line):
        return line  # the common case, checked at C speed
    line = line.rstrip("\r")
    if "\r" in line:
        line = line.rsplit("\r", 1)[1]
    return _CONTROLS.sub("", _ESCAPES.sub("", line))


def _owner_only(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


class TrainLog:
    """Receives the engine's raw output chunks; writes and hands on clean, bounded lines."""

    def __init__(self, path: Path, on_line: Callable[[str], None], max_line: int = MAX_LINE) -> None:
        self.path = path
        self.on_line = on_line
        self.max_line = max_line
        self.lines = 0
        self.tail: deque[str] = deque(maxlen=TAIL_LINES)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")  # a character may straddle chunks
        self._parts: list[str] = []  # the current line so far; joined once, when it ends
        self._pending = 0
        self._continued = False  # the current line continues a piece cut at max_line
        # The train's output may quote station data: an owner-only folder and file.
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._file = open(path, "w", encoding="utf-8", newline="\n", opener=_owner_only)  # noqa: SIM115 closed in close()

    def __enter__(self) -> TrainLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def feed(self, chunk: bytes) -> None:
        self._take(self._decoder.decode(chunk))

    def close(self) -> None:
        """Hand on what is left of the last line (a train need not end with a newline)."""
        if self._file.closed:
            return
        try:
            self._take(self._decoder.decode(b"", final=True))
            if self._parts:
                self._emit(complete=True)
        finally:
            self._file.close()

    def _take(self, text: str) -> None:
        start, size = 0, len(text)
        while start < size:
            end = text.find("\n", start)
            stop = size if end < 0 else end
            while start < stop:  # a long stretch without a newline is cut at max_line
                room = self.max_line - self._pending
                piece = text[start : min(stop, start + room)]
                self._parts.append(piece)
                self._pending += len(piece)
                start += len(piece)
                if self._pending >= self.max_line:
                    self._emit(complete=False)
            if end < 0:
                return
            self._emit(complete=True)
            start = end + 1

    def _emit(self, *, complete: bool) -> None:
        line = clean_line("".join(self._parts))
        continued, self._continued = self._continued, not complete
        self._parts, self._pending = [], 0
        if continued and not line:
            return  # the rest of a cut line was only control characters: nothing to show
        self._file.write(line + "\n")
        self.lines += 1
        self.tail.append(line)
        self.on_line(line)


def read_log_tail(path: Path, limit: int = 4 << 20) -> str:
    """The last `limit` bytes of a kept log, for showing; a note says when the start was left out.

    A train may have printed gigabytes; a front shows the end, where failures are.
    """
    with path.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - limit))
        data = handle.read()
    if size <= limit:
        return data.decode("utf-8", errors="replace")
    text = data.decode("utf-8", errors="replace").split("\n", 1)[-1]  # from the first whole line
    return _("[the first {mib:.1f} MiB of this log are only in {path}]\n{text}").format(
        mib=(size - len(data)) / (1 << 20), path=path, text=text
    )
