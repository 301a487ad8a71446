"""Progress reporting and cancellation shared by every long-running core operation.

Core functions take an optional `progress` callback and an optional `CancelToken`;
the GUI's operation layer turns callbacks into Qt signals, the CLI may print them or ignore them.

A job that changes something has a *commit point*: before it, a cancel undoes everything
and the job raises `Cancelled`; at it, the job calls `cancel.commit("what is now done")` and
from then on finishes whatever the user asks, so that a late cancel can be reported truthfully
("The key was already deleted.") instead of as "cancelled".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One progress report: `done` of `total` units (bytes unless said otherwise); `total` 0 = unknown."""

    done: int
    total: int
    label: str = ""
    unit: str = "bytes"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


ProgressCallback = Callable[[Progress], None]


def human_size(size: int) -> str:
    """1536 → "1.5 KiB": sizes as people read them."""
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def no_progress(_: Progress) -> None:
    """The default callback: report nothing."""


class CancelToken:
    """A thread-safe flag the caller sets and the worker polls between chunks.

    `discard_partial` is set when the whole application stops (quit, SIGTERM): jobs that would
    keep a partial file to resume later (downloads) remove it instead.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._committed: str | None = None
        self.discard_partial = False

    def cancel(self, *, discard_partial: bool = False) -> None:
        with self._lock:
            self.discard_partial = self.discard_partial or discard_partial
            self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether a cancel was asked for (before or after the commit point)."""
        return self._event.is_set()

    @property
    def committed(self) -> str | None:
        """What the job did at its commit point (a sentence), or None if it never got there."""
        return self._committed

    def commit(self, done: str) -> None:
        """Pass the commit point: raise `Cancelled` if a cancel came first, else ignore later ones."""
        with self._lock:
            if self._event.is_set():
                raise Cancelled()
            self._committed = done

    def raise_if_cancelled(self) -> None:
        if self._event.is_set() and self._committed is None:
            raise Cancelled()

    def wait(self, timeout: float) -> bool:
        """Sleep up to `timeout` seconds, waking at once on cancel; True if cancelled."""
        return self._event.wait(timeout)
