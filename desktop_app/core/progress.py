"""Progress reporting and cancellation shared by every long-running core operation.

Core functions take an optional `progress` callback and an optional `CancelToken`;
the GUI's workers turn callbacks into Qt signals, the CLI may print them or ignore them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from desktop_app.core.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """One progress report: `done` of `total` units (bytes unless said otherwise)."""

    done: int
    total: int
    label: str = ""

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default callback: report nothing."""


class CancelToken:
    """A thread-safe flag the caller sets and the worker polls between chunks."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
