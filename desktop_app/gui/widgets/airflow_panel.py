"""The Station tab's panel for a station that runs on a server: connect to its Airflow (address,
user, password — the password goes to the keyring), see the `run_train` runs with their steps,
trigger a run for a train image, and follow a run's log live. Every call to Airflow is an
operation (`run_operation`); following a log is one long, cancellable operation that hands new
text to this panel through a queue and a progress signal."""

from __future__ import annotations

import collections

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.core.errors import PHTError
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.station.airflow_client import AirflowAccount, AirflowClient, DagRun
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import OperationBar, run_operation
from desktop_app.gui.widgets.tables import row_table

MARKS = {"success": "✔", "failed": "✘", "upstream_failed": "–", "running": "…", "skipped": "–"}
POLL_SECONDS = 2.0  # between looks at a followed log


class AirflowPanel(QGroupBox):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("Station's Airflow (a station that runs on a server)"))
        self.context = context
        self.runs: list[DagRun] = []
        self._incoming: collections.deque[str] = collections.deque()
        self._following = False

        account = AirflowAccount.load(context.settings)
        self.url = QLineEdit(account.url, placeholderText="https://station.example.org:8080")
        self.user = QLineEdit(account.username)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the keyring"))
        self.api = QComboBox()
        for value, text in (
            ("auto", self.tr("Find out")),
            ("v2", "Airflow 3 (/api/v2)"),
            ("v1", "Airflow 2 (/api/v1)"),
        ):
            self.api.addItem(text, value)
        self.api.setCurrentIndex(max(self.api.findData(account.api), 0))
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.clicked.connect(self.connect_airflow)
        self.refresh_button = QPushButton(self.tr("Re&load"))
        self.refresh_button.clicked.connect(self.refresh)
        self.image = QLineEdit(placeholderText="harbor.example.org/station_1/train-id:latest")
        self.trigger_button = QPushButton(self.tr("Trigger run"))
        self.trigger_button.clicked.connect(self.trigger)
        self.follow_button = QPushButton(self.tr("Follo&w log"))
        self.follow_button.clicked.connect(self.follow)
        self.stop_button = QPushButton(self.tr("Stop run"))
        self.stop_button.clicked.connect(self.stop)
        self.table = row_table((self.tr("Run"), self.tr("State"), self.tr("Train"), self.tr("Steps")), stretch_column=3)
        self.table.itemSelectionChanged.connect(self._update)
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.operation_bar = OperationBar(self)
        # Progress reports are throttled (the last one may wait for the job's end): while a log is
        # followed, the text that came is also shown on this timer.
        self._drain_timer = QTimer(self, interval=250)
        self._drain_timer.timeout.connect(self._drain)

        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("API:"), self.api)
        buttons = QHBoxLayout()
        for button in (self.connect_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch()
        form.addRow("", buttons)
        form.addRow(self.tr("Train image:"), self.image)
        actions = QHBoxLayout()
        for button in (self.trigger_button, self.follow_button, self.stop_button):
            actions.addWidget(button)
        actions.addStretch()
        form.addRow("", actions)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.log, 1)
        for widget, name in (
            (self.url, self.tr("Airflow address")),
            (self.user, self.tr("Airflow user")),
            (self.password, self.tr("Airflow password")),
            (self.api, self.tr("Airflow API")),
            (self.connect_button, self.tr("Connect to the station's Airflow")),
            (self.refresh_button, self.tr("Refresh the runs")),
            (self.image, self.tr("Train image to run")),
            (self.trigger_button, self.tr("Trigger a run")),
            (self.follow_button, self.tr("Follow the selected run's log")),
            (self.stop_button, self.tr("Stop the selected run")),
            (self.table, self.tr("Airflow runs")),
            (self.log, self.tr("Airflow run log")),
        ):
            widget.setAccessibleName(name)
        self.image.textChanged.connect(self._update)
        # The runs, the trigger and the log appear once the panel is connected.
        self._connected_only = (
            self.table,
            self.log,
            self.image,
            self.trigger_button,
            self.follow_button,
            self.stop_button,
        )
        for widget in self._connected_only:
            widget.setVisible(False)
        form.setRowVisible(self.image, False)
        self._form = form
        self._update()

    # -- actions ---------------------------------------------------------------------------------

    def _account(self) -> AirflowAccount:
        return AirflowAccount(self.url.text().strip(), self.user.text().strip(), self.api.currentData())

    def _client(self) -> AirflowClient:
        store = self.context.keystore
        if store is None:
            raise PHTError(self.context.keystore_error)
        return self._account().client(store)

    def connect_airflow(self) -> None:
        account, password = self._account(), self.password.text() or None
        store, settings = self.context.keystore, self.context.settings

        def work(progress, cancel) -> list[DagRun]:
            if store is None:
                raise PHTError(self.context.keystore_error)
            account.save(settings, store, password)
            with account.client(store) as client:
                return client.runs()

        self.password.clear()
        run_operation(self, self.tr("Connecting to the station's Airflow"), work, self._show_runs, self._show_error)

    def refresh(self) -> None:
        def work(progress, cancel) -> list[DagRun]:
            with self._client() as client:
                return client.runs()

        run_operation(self, self.tr("Reading the station's runs"), work, self._show_runs, self._show_error)

    def trigger(self) -> None:
        reference = self.image.text().strip()
        repository, _, tag = reference.rpartition(":")
        if not repository or "/" in tag:  # no tag given: the whole text is the repository
            repository, tag = reference, "latest"

        def work(progress, cancel) -> DagRun:
            with self._client() as client:
                return client.trigger(repository, tag)

        def started(run: DagRun) -> None:
            self.status.setText(
                self.tr("Run {run} of {train} was started.").format(run=run.run_id, train=run.reference)
            )
            self.refresh()

        run_operation(self, self.tr("Starting a run at the station"), work, started, self._show_error)

    def follow(self) -> None:
        run = self._selected()
        if run is None:
            return
        self.log.clear()
        self._incoming.clear()
        incoming = self._incoming  # appended on the operation's thread, emptied on the GUI thread

        def work(progress, cancel: CancelToken) -> tuple[DagRun, str | None]:
            tokens: dict[tuple[str, int], str | None] = {}
            ended: set[tuple[str, int]] = set()  # tasks whose log was read to its end
            with self._client() as client:
                while True:
                    current = client.run(run.run_id)
                    started = [
                        t for t in current.tasks if t.try_number >= 1 and t.state not in ("", "scheduled", "queued")
                    ]
                    for task in started:
                        key = (task.task_id, task.try_number)
                        if key in ended:
                            continue
                        chunk = client.log(current.run_id, task.task_id, task.try_number, tokens.get(key))
                        header = "" if key in tokens else f"── {task.task_id} ({task.try_number}) ──\n"
                        tokens[key] = chunk.token
                        if chunk.finished:
                            ended.add(key)
                        if chunk.text:
                            incoming.append(header + chunk.text)
                            progress(Progress(len(ended), len(current.tasks), task.task_id, "steps"))
                    if current.done and all((t.task_id, t.try_number) in ended for t in started):
                        return current, client.failure(current)
                    if cancel.wait(POLL_SECONDS):
                        cancel.raise_if_cancelled()

        def done(outcome: tuple[DagRun, str | None]) -> None:
            current, failure = outcome
            self._drain_timer.stop()
            self._drain()
            self.status.setText(failure or self._run_sentence(current))
            self.refresh()

        run_operation(
            self,
            self.tr("Following the log of run {run}").format(run=run.run_id),
            work,
            done,
            self._show_error,
            lambda _outcome: self._drain_timer.stop(),
            on_progress=lambda _progress: self._drain(),
        )
        self._drain_timer.start()

    def stop(self) -> None:
        run = self._selected()
        if run is None:
            return

        def work(progress, cancel) -> str | None:
            with self._client() as client:
                return client.stop(run.run_id)

        def stopped(step: str | None) -> None:
            if step is None:
                self.status.setText(self.tr("Run {run} had no step left to stop.").format(run=run.run_id))
            else:
                self.status.setText(
                    self.tr("The {step} step of run {run} was stopped; the run cleans up after itself.").format(
                        step=step.replace("_", "-"), run=run.run_id
                    )
                )
            self.refresh()

        run_operation(self, self.tr("Stopping run {run}").format(run=run.run_id), work, stopped, self._show_error)

    # -- showing ---------------------------------------------------------------------------------

    def _drain(self) -> None:
        while self._incoming:
            self.log.insertPlainText(self._incoming.popleft())
        self.log.ensureCursorVisible()

    def _run_sentence(self, run: DagRun) -> str:
        if run.state == "success":
            return self.tr("Run {run} of {train} succeeded.").format(run=run.run_id, train=run.reference)
        return self.tr("Run {run} of {train} is {state}.").format(
            run=run.run_id, train=run.reference, state=run.state_words
        )

    def _show_runs(self, runs: list[DagRun]) -> None:
        for widget in self._connected_only:
            widget.setVisible(True)
        self._form.setRowVisible(self.image, True)
        self.runs = runs
        self.table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            steps = "  ".join(f"{t.task_id.replace('_', '-')} {MARKS.get(t.state, '○')}" for t in run.tasks)
            for column, text in enumerate((run.run_id, run.state_words, run.reference, steps)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if runs and not self.table.selectedItems():
            self.table.selectRow(0)
        if not runs:
            self.status.setText(self.tr("Connected; the station has no runs of run_train yet."))
        self._update()

    def _show_error(self, error: PHTError) -> None:
        self._drain_timer.stop()
        self.status.setText(error_text(error))

    def _selected(self) -> DagRun | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.runs[min(rows)] if rows and min(rows) < len(self.runs) else None

    def _update(self) -> None:
        self.trigger_button.setEnabled(bool(self.image.text().strip()))
        selected = self._selected()
        self.follow_button.setEnabled(selected is not None)
        self.stop_button.setEnabled(selected is not None and not selected.done)
