"""Long work off the GUI thread.

`BackgroundTask` runs a core callable on the global QThreadPool. The callable receives a
`progress` callback and a `CancelToken` as keyword arguments; the task turns progress into a
queued signal and ends with exactly one of `succeeded(result)`, `failed(message)` or
`cancelled()`, all delivered on the GUI thread. The callable never touches widgets.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.core.errors import Cancelled, PHTError
from desktop_app.core.progress import CancelToken, Progress

Work = Callable[..., Any]


class BackgroundTask(QObject):
    progressed = Signal(object)  # Progress
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    _running: ClassVar[set[BackgroundTask]] = set()  # keeps tasks alive until they finish

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancel_token = CancelToken()
        self.running = False
        self.error: BaseException | None = None  # the failure behind `failed`, for richer displays
        self.finished.connect(self._forget)

    def start(self) -> BackgroundTask:
        self.running = True
        BackgroundTask._running.add(self)
        QThreadPool.globalInstance().start(_Runner(self))
        return self

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def _forget(self) -> None:
        self.running = False
        BackgroundTask._running.discard(self)

    def _report(self, progress: Progress) -> None:
        self.progressed.emit(progress)

    def _execute(self) -> None:
        try:
            result = self._work(progress=self._report, cancel=self.cancel_token)
        except Cancelled:
            self.cancelled.emit()
        except PHTError as exc:
            self.error = exc
            self.failed.emit(str(exc))
        except Exception as exc:  # an unexpected failure must still reach the user, with details
            traceback.print_exc()
            self.error = exc
            self.failed.emit(f"Unexpected error: {type(exc).__name__}: {exc}")
        else:
            if self.cancel_token.cancelled:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._execute()


def run_in_background(
    work: Work,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[str], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    parent: QObject | None = None,
) -> BackgroundTask:
    """Start `work(progress=..., cancel=...)` off the GUI thread and wire the callbacks."""
    task = BackgroundTask(work, parent)
    if on_success:
        task.succeeded.connect(on_success)
    if on_failure:
        task.failed.connect(on_failure)
    if on_progress:
        task.progressed.connect(on_progress)
    if on_cancel:
        task.cancelled.connect(on_cancel)
    return task.start()
