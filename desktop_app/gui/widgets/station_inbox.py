"""The Station tab's inbox and queue: the trains waiting in the station's registry project
(refreshed on demand), queueing the selected ones, and running the queue one train at a time
with Stop. The queue is the core's (`core/station/queue.py`), kept across restarts; every long
job goes through `run_operation`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.log_file import remember_secret
from desktop_app.core.station.inbox import STATUS_WORDS, Inbox, InboxTrain, digest_lookup, list_inbox
from desktop_app.core.station.queue import (
    QUEUED,
    RUNNING,
    STATE_WORDS,
    QueueEntry,
    QueueRun,
    TrainQueue,
    recorder,
    run_queue,
)
from desktop_app.core.station.records import RunRecords, log_folder
from desktop_app.core.station.report import StepRecord
from desktop_app.core.station.settings import StationSettings
from desktop_app.gui.appearance import ERROR, OK, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, Operation, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.widgets.tables import row_table

RED, GREEN = ERROR, OK  # tones (gui/appearance.py): their colours suit the palette


class StationInboxPanel(QGroupBox):
    """`settings()` gives the station's settings as the tab's form has them (saved or not);
    `running_elsewhere()` says whether the tab is busy (a single train's run: one at a time)."""

    runs_changed = Signal()  # a queue run recorded runs: the tab's history is out of date

    def __init__(
        self,
        context: AppContext,
        settings: Callable[[], StationSettings],
        running_elsewhere: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.setTitle(self.tr("Inbox and queue"))
        self.context = context
        self.settings = settings
        self.running_elsewhere = running_elsewhere
        self.trains: list[InboxTrain] = []
        self.entries: list[QueueEntry] = []
        self.queue_run: Operation | None = None

        self.registry_field = QLineEdit(placeholderText=self.tr("registry.example.org/station-project"))
        self.registry_field.setAccessibleName(self.tr("Registry project"))
        self.refresh_button = QPushButton(self.tr("Refresh in&box"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the inbox"))
        self.refresh_button.clicked.connect(self.refresh_inbox)
        self.inbox = row_table((self.tr("Train"), self.tr("Stop"), self.tr("Status"), self.tr("Image")), 3)
        self.inbox.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.inbox.setAccessibleName(self.tr("Inbox"))
        self.inbox.itemSelectionChanged.connect(self._update)
        self.queue_button = QPushButton(self.tr("&Queue selected"))
        self.queue_button.setAccessibleName(self.tr("Queue the selected trains"))
        self.queue_button.clicked.connect(self.queue_selected)

        self.queue_table = row_table((self.tr("#"), self.tr("State"), self.tr("Image"), self.tr("Run")), 2)
        self.queue_table.setAccessibleName(self.tr("Queue"))
        self.queue_table.itemSelectionChanged.connect(self._update)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Station key passphrase for the queue"))
        self.run_queue_button = QPushButton(self.tr("Run q&ueue"))
        self.run_queue_button.setAccessibleName(self.tr("Run the queue"))
        self.run_queue_button.clicked.connect(self.run_queue)
        self.stop_button = QPushButton(self.tr("St&op"))
        self.stop_button.setAccessibleName(self.tr("Stop the queue"))
        self.stop_button.clicked.connect(self.stop)
        self.remove_button = QPushButton(self.tr("R&emove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected queue entry"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.operation_bar = OperationBar(self)
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Inbox and queue status"))

        form = QFormLayout()
        form.addRow(self.tr("Registry project:"), self.registry_field)
        inbox_row = QHBoxLayout()
        inbox_row.addWidget(self.refresh_button)
        inbox_row.addWidget(self.queue_button)
        inbox_row.addStretch(1)
        queue_row = QHBoxLayout()
        queue_row.addWidget(QLabel(self.tr("Key passphrase:")))
        queue_row.addWidget(self.passphrase, 1)
        queue_row.addWidget(self.run_queue_button)
        queue_row.addWidget(self.stop_button)
        queue_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(inbox_row)
        layout.addWidget(self.inbox)
        layout.addWidget(QLabel(self.tr("Queue:")))
        layout.addWidget(self.queue_table)
        layout.addLayout(queue_row)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.status)
        self.registry_field.setText(StationSettings.load(context.settings).registry)
        registry().changed.connect(self._update)
        self.refresh_queue()

    # -- state -----------------------------------------------------------------------------------

    def _update(self) -> None:
        idle = not is_busy(self)
        running = self.queue_run is not None
        self.refresh_button.setEnabled(idle)
        self.queue_button.setEnabled(idle and bool(self._selected_trains()))
        waiting = any(e.state == QUEUED for e in self.entries)
        free = not self.running_elsewhere()
        self.run_queue_button.setEnabled(idle and waiting and free and self.context.keystore is not None)
        self.stop_button.setEnabled(running)
        selected = self._selected_entry()
        self.remove_button.setEnabled(idle and selected is not None and selected.state != RUNNING)

    def _say(self, text: str, color: str | None = None) -> None:
        self.status.setText(text)
        set_tone(self.status, color)

    def _failed(self, error: PHTError) -> None:
        self._say(error_text(error), RED)
        self._update()

    # -- inbox -----------------------------------------------------------------------------------

    def refresh_inbox(self) -> None:
        settings = replace(self.settings(), registry=self.registry_field.text().strip())
        store, saved_in = self.context.keystore, self.context.settings

        def work(progress, cancel) -> Inbox:
            credentials = settings.credentials(store) if store is not None and settings.registry_user else None
            inbox = list_inbox(settings.registry, settings.station_id, credentials, progress, cancel)
            saved = StationSettings.load(saved_in)
            if saved.registry != settings.registry:  # the project that listed is the one kept
                replace(saved, registry=settings.registry).save(saved_in)
            return inbox

        self._say("")
        run_operation(self, self.tr("Reading the inbox"), work, self._show_inbox, self._failed)

    def _show_inbox(self, inbox: Inbox) -> None:
        self.trains = inbox.trains
        self.inbox.setRowCount(len(self.trains))
        for row, train in enumerate(self.trains):
            stop = f"{train.position + 1} / {len(train.route)}" if train.position is not None else "—"
            status = _(STATUS_WORDS[train.status]) + (f" ({train.detail})" if train.detail else "")
            for column, text in enumerate((train.train_id or "—", stop, status, train.reference)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.inbox.setItem(row, column, item)
        self.inbox.resizeColumnsToContents()
        self._say(self.tr("%n train(s) wait for this station.", "", len(inbox.waiting)))
        self._update()

    def _selected_trains(self) -> list[InboxTrain]:
        rows = sorted({index.row() for index in self.inbox.selectionModel().selectedRows()})
        return [self.trains[row] for row in rows if row < len(self.trains)]

    def queue_selected(self) -> None:
        chosen = self._selected_trains()
        queue = TrainQueue(self.context.paths.data_dir)
        listed = {t.reference: (t.train_id, t.digest) for t in chosen}
        run_operation(
            self,
            self.tr("Queueing trains"),
            lambda progress, cancel: queue.add([t.reference for t in chosen], listed),
            lambda added: self.refresh_queue(),
            self._failed,
        )

    # -- queue -----------------------------------------------------------------------------------

    def refresh_queue(self) -> None:
        queue = TrainQueue(self.context.paths.data_dir)
        run_operation(self, self.tr("Reading the queue"), lambda p, c: queue.entries(), self._show_queue, self._failed)

    def _show_queue(self, entries: list[QueueEntry]) -> None:
        self.entries = entries
        self.queue_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            run = str(entry.run_id) if entry.run_id is not None else ""
            values = (str(entry.id), _(STATE_WORDS.get(entry.state, entry.state)), entry.reference, run)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(entry.error or text)
                self.queue_table.setItem(row, column, item)
        self.queue_table.resizeColumnsToContents()
        self._update()

    def _selected_entry(self) -> QueueEntry | None:
        rows = self.queue_table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows and rows[0].row() < len(self.entries) else None

    def remove_selected(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        queue = TrainQueue(self.context.paths.data_dir)
        label = self.tr("Removing a queue entry")
        run_operation(self, label, lambda p, c: queue.remove([entry.id]), lambda r: self.refresh_queue(), self._failed)

    def run_queue(self) -> None:
        settings, store = self.settings(), self.context.keystore
        info = self.context.key(settings.key_name)
        if store is None or not self.run_queue_button.isEnabled():
            return
        if info is None or not settings.station_id:
            self._say(self.tr("Set the station id and choose the station's key first."), RED)
            return
        passphrase = self.passphrase.text() if info.protected else None
        remember_secret(passphrase)
        self.passphrase.clear()
        data_dir = self.context.paths.data_dir

        def work(report, cancel) -> QueueRun:
            from desktop_app.core.station.engine import connect
            from desktop_app.core.station.runner import StationRunner, StationSetup

            key = store.load_private_key(settings.key_name, passphrase)
            credentials = settings.credentials(store)
            setup = StationSetup(
                settings.station_id,
                key,
                settings.data_folders(),
                settings.limits(),  # type: ignore[arg-type]
                credentials,
                log_folder=log_folder(data_dir),
            )
            runner = StationRunner(connect(settings.engine or None), setup)

            def run_one(reference, token):
                return runner.run(reference, lambda step: report(copy.copy(step)), lambda line: None, token)

            return run_queue(
                TrainQueue(data_dir),
                run_one,
                recorder(RunRecords(data_dir)),
                digest_lookup(settings.registry, credentials),
                lambda entry: report(copy.copy(entry)),
                cancel,
            )

        self._say("")
        self.queue_run = run_operation(
            self,
            self.tr("Running the queue"),
            work,
            self._queue_done,
            self._queue_failed,
            self._queue_stopped,
            self._followed,
        )
        self._update()

    def stop(self) -> None:
        if self.queue_run is not None:
            self.queue_run.cancel()
            self._say(self.tr("Stopping: the current run is cancelled unless it is already pushing."))

    def _followed(self, event: object) -> None:
        if isinstance(event, QueueEntry):
            self.refresh_queue()
            if event.state == RUNNING:
                self._say(self.tr("Running entry {id}: {image}").format(id=event.id, image=event.reference))
        elif isinstance(event, StepRecord) and event.outcome == "running":
            self._say(self.tr("Running the {step} step of the current train.").format(step=event.name))

    def _queue_ended(self) -> None:
        self.queue_run = None
        self.refresh_queue()
        self.runs_changed.emit()

    def _queue_done(self, outcome: QueueRun) -> None:
        self._queue_ended()
        failed = sum(1 for entry in outcome.ran if entry.state != "done")
        text = self.tr("The queue is empty: {runs} run(s), {failed} not done.")
        self._say(text.format(runs=len(outcome.ran), failed=failed), RED if failed else GREEN)

    def _queue_failed(self, error: PHTError) -> None:
        self._queue_ended()
        self._failed(error)

    def _queue_stopped(self, outcome: CancelOutcome) -> None:
        self._queue_ended()
        self._say(outcome.sentence)
        self._update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update()
