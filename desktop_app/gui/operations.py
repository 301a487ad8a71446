"""The one way a tab runs a long job (modelled on the shape of Anki's `aqt.operations`).

A tab says what to run and what to show:

    run_operation(
        parent=self, label="Decrypting result",
        work=lambda progress, cancel: decrypt_archive(..., progress=progress, cancel=cancel),
        on_success=self.show_report, on_failure=self.show_error, on_cancelled=self.show_cancelled,
    )

and this module does the rest: a thread pool, progress throttled to the event loop, the cancel
token, the outcome delivered on the GUI thread (exactly one of success, failure, cancelled),
the busy state a tab's `OperationBar` shows, the list of running jobs the window asks about on
close, and the unexpected-error dialog for what nobody expected. `work` never touches widgets.

A cancel is told truthfully: `on_cancelled` gets a `CancelOutcome` saying whether the job had
already passed its commit point (`CancelToken.commit`) and what it had done then.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop_app.core.errors import Cancelled, PHTError
from desktop_app.core.progress import CancelToken, Progress, human_size

log = logging.getLogger("pht_desktop.operations")

Work = Callable[[Callable[[Any], None], CancelToken], Any]
PROGRESS_INTERVAL = 0.05  # seconds: at most ~20 progress repaints a second, whatever the job reports
NOTHING_CHANGED = QT_TRANSLATE_NOOP("CancelOutcome", "Cancelled; nothing was changed.")  # translated where shown


class UnexpectedError(PHTError):
    """A failure nobody foresaw (a bug, or a library's exception): shown as a sentence, logged in full."""

    def __init__(self, label: str, exc: BaseException) -> None:
        details = "".join(traceback.format_exception(exc))
        sentence = QCoreApplication.translate("UnexpectedError", "An unexpected error stopped “{label}”: {error}.")
        super().__init__(sentence.format(label=label, error=type(exc).__name__), details=details)
        self.original = exc


@dataclass(frozen=True)
class CancelOutcome:
    """What a cancel really did."""

    committed: str | None  # the job had passed its commit point: this says what it did
    result: Any = None  # the job's result when it had committed and finished
    message: str = NOTHING_CHANGED  # before the commit point: what the job left (nothing, or a kept part)

    @property
    def sentence(self) -> str:
        if self.committed:
            return QCoreApplication.translate("CancelOutcome", "Too late to cancel: {what}").format(what=self.committed)
        return (
            QCoreApplication.translate("CancelOutcome", self.message)
            if self.message == NOTHING_CHANGED
            else self.message
        )


class Operation(QObject):
    """One job: started once, ends once with `ended` after its outcome callback ran."""

    progressed = Signal(object)  # Progress, throttled, on the GUI thread
    ended = Signal()
    # From the worker thread, queued to the GUI thread:
    _reported = Signal(list)  # a batch of reports, in order
    _delivered = Signal(str, object)  # ("success" | "failure" | "cancelled", payload)

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Work,
        on_success: Callable[[Any], None] | None,
        on_failure: Callable[[PHTError], None] | None,
        on_cancelled: Callable[[CancelOutcome], None] | None,
        on_progress: Callable[[Progress], None] | None,
        cancellable: bool,
    ) -> None:
        super().__init__()  # no Qt parent: the job may outlive the widget that started it
        self.parent_widget = parent
        self.label = label
        self.cancellable = cancellable
        self.token = CancelToken()
        self.error: PHTError | None = None
        self.finished = threading.Event()  # set in the worker thread once the work returned
        self._work = work
        self._callbacks = (on_success, on_failure, on_cancelled)
        self._pending: list[object] = []  # reports not yet sent to the GUI thread
        self._pending_lock = threading.Lock()
        self._last_flush = 0.0
        self._on_progress = on_progress
        self._reported.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return not self.finished.is_set()

    def cancel(self, *, discard_partial: bool = False) -> None:
        if self.cancellable:
            self.token.cancel(discard_partial=discard_partial)

    def _widget_alive(self) -> bool:
        return self.parent_widget is None or shiboken6.isValid(self.parent_widget)

    # -- in the worker thread ----------------------------------------------------------------

    def _report(self, item: object) -> None:
        """What the work reports: a `Progress` (only the latest counts), or any event the tab
        follows in order (a step, a log line). Sent in batches, at most ~20 a second."""
        with self._pending_lock:  # a job may report from several threads (a log reader, say)
            if isinstance(item, Progress) and self._pending and isinstance(self._pending[-1], Progress):
                self._pending[-1] = item
            else:
                self._pending.append(item)
            now = time.monotonic()
            if now - self._last_flush >= PROGRESS_INTERVAL:
                self._last_flush = now
                self._flush()

    def _flush(self) -> None:
        if self._pending:
            batch, self._pending = self._pending, []
            self._reported.emit(batch)

    def execute(self) -> None:
        try:
            result = self._work(self._report, self.token)
        except Cancelled as exc:
            outcome: tuple[str, object] = ("cancelled", CancelOutcome(None, message=str(exc)))
        except PHTError as exc:
            outcome = ("failure", exc)
        except Exception as exc:  # a bug must reach the user as a sentence, and the log in full
            log.error("unexpected error in %r", self.label, exc_info=exc)
            outcome = ("failure", UnexpectedError(self.label, exc))
        else:
            if not self.token.cancelled:
                outcome = ("success", result)
            else:  # a cancel the job did not act on: either it had committed, or it changed nothing
                outcome = ("cancelled", CancelOutcome(self.token.committed, result))
        with self._pending_lock:  # queued before the outcome, so the tab sees every event first
            self._flush()
        self.finished.set()
        self._delivered.emit(*outcome)

    # -- on the GUI thread -------------------------------------------------------------------

    def _show_progress(self, batch: list[object]) -> None:
        if not self._widget_alive():
            return
        for item in batch:
            if isinstance(item, Progress):
                self.progressed.emit(item)
            if self._on_progress:
                self._on_progress(item)

    def _deliver(self, kind: str, payload: object) -> None:
        on_success, on_failure, on_cancelled = self._callbacks
        registry().forget(self)
        try:
            if not self._widget_alive():
                return  # the tab is gone (window closed): nobody to tell
            if kind == "success":
                if on_success:
                    on_success(payload)
            elif kind == "cancelled":
                assert isinstance(payload, CancelOutcome)
                if on_cancelled:
                    on_cancelled(payload)
                else:
                    registry().status.emit(payload.sentence)
            else:
                assert isinstance(payload, PHTError)
                self.error = payload
                if isinstance(payload, UnexpectedError):
                    from desktop_app.gui.unexpected import show_unexpected

                    show_unexpected(self.parent_widget, payload)
                if on_failure:
                    on_failure(payload)
                elif not isinstance(payload, UnexpectedError):
                    from desktop_app.gui.error_display import show_error

                    show_error(self.parent_widget, payload)
        finally:
            self.ended.emit()
            registry().changed.emit()


class _Job(QRunnable):
    def __init__(self, operation: Operation) -> None:
        super().__init__()
        self.operation = operation

    def run(self) -> None:
        self.operation.execute()


class OperationRegistry(QObject):
    """The running jobs of the application: for busy states, the close question and quitting."""

    changed = Signal()  # a job started or ended
    status = Signal(str)  # a sentence for the status bar

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(4)
        self._running: list[Operation] = []

    def start(self, operation: Operation) -> None:
        self._running.append(operation)
        self.pool.start(_Job(operation))
        self.changed.emit()

    def forget(self, operation: Operation) -> None:
        if operation in self._running:
            self._running.remove(operation)

    def running(self, parent: QWidget | None = None) -> list[Operation]:
        return [op for op in self._running if parent is None or op.parent_widget is parent]

    def cancel_all(self, *, discard_partial: bool = False) -> None:
        for operation in list(self._running):
            operation.cancel(discard_partial=discard_partial)

    def wait_for_workers(self, timeout: float) -> bool:
        """Block until every job's work has returned (not its callbacks); False on timeout."""
        deadline = time.monotonic() + timeout
        return all(op.finished.wait(max(0.0, deadline - time.monotonic())) for op in list(self._running))


_registry: OperationRegistry | None = None


def registry() -> OperationRegistry:
    global _registry
    if _registry is None:
        _registry = OperationRegistry()
    return _registry


def run_operation(
    parent: QWidget | None,
    label: str,
    work: Work,
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[PHTError], None] | None = None,
    on_cancelled: Callable[[CancelOutcome], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    *,
    cancellable: bool = True,
) -> Operation:
    """Run `work(progress, cancel)` off the GUI thread; the callbacks run on the GUI thread.

    Without `on_failure` a failure is shown in a dialog with its remedy; without `on_cancelled`
    the cancel's truth goes to the status bar. An `OperationBar` of `parent` shows the job.
    """
    operation = Operation(parent, label, work, on_success, on_failure, on_cancelled, on_progress, cancellable)
    bar = getattr(parent, "operation_bar", None)
    if isinstance(bar, OperationBar):
        bar.track(operation)
    registry().start(operation)
    return operation


def is_busy(parent: QWidget) -> bool:
    return bool(registry().running(parent))


class OperationBar(QWidget):
    """A tab's busy row: what runs, its progress, and Cancel. Hidden while the tab is idle.

    With several jobs of one tab running, it shows the latest and falls back to the others."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations: list[Operation] = []
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(textVisible=False)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the running job"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    @property
    def operation(self) -> Operation | None:
        return self.operations[-1] if self.operations else None

    def track(self, operation: Operation) -> None:
        self.operations.append(operation)
        # The job may outlive this bar (its tab closed): the lambdas check that the bar still exists.
        operation.progressed.connect(
            lambda progress: shiboken6.isValid(self) and self._show_progress(operation, progress)
        )
        operation.ended.connect(lambda: shiboken6.isValid(self) and self._ended(operation))
        self._show(operation)

    def _show(self, operation: Operation) -> None:
        self.label.setText(operation.label + "…")
        self.progress.setRange(0, 0)  # busy until the job reports a total
        cancelling = operation.token.cancelled
        self.cancel_button.setEnabled(operation.cancellable and not cancelling)
        self.cancel_button.setText(self.tr("Cancelling…") if cancelling else self.tr("Cancel"))
        self.show()

    def cancel(self) -> None:
        if self.operation:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))

    def _show_progress(self, operation: Operation, progress: Progress) -> None:
        if operation is not self.operation:
            return
        if progress.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(progress.fraction * 1000))
        parts = [operation.label]
        if progress.unit == "bytes" and progress.done:
            if progress.total:
                done = self.tr("{done} of {total}").format(
                    done=human_size(progress.done), total=human_size(progress.total)
                )
            else:
                done = human_size(progress.done)
            parts.append(done)
        if progress.label:
            parts.append(progress.label)
        self.label.setText(" — ".join(parts))

    def _ended(self, operation: Operation) -> None:
        if operation in self.operations:
            self.operations.remove(operation)
        if self.operation:
            self._show(self.operation)
        else:
            self.hide()
