"""The Station tab: the station's settings, a "Run train" form, the steps as a live checklist
with the running log, Cancel, and the history of runs with their logs."""

from __future__ import annotations

import copy
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.station.engine import connect
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.records import RunRecords
from desktop_app.core.station.runner import STEPS, StationRunner, StationSetup, StepRecord
from desktop_app.core.station.settings import StationSettings
from desktop_app.gui.context import AppContext
from desktop_app.gui.widgets.tables import row_table
from desktop_app.gui.workers import BackgroundTask, run_in_background

MARKS = {"pending": "○", "running": "…", "ok": "✔", "failed": "✘", "skipped": "–"}


class _RunSignals(QObject):
    step = Signal(object)
    line = Signal(str)


class StationTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self.signals = _RunSignals(self)
        self.signals.step.connect(self._show_step)
        self.signals.line.connect(lambda line: self.log.appendPlainText(line))

        self.station_id = QLineEdit()
        self.key_choice = QComboBox()
        self.engine = QLineEdit(placeholderText="found automatically (DOCKER_HOST, Docker or Podman sockets)")
        self.data = QLineEdit(placeholderText="folders separated by ';', mounted read-only at /opt/train_data/NAME")
        self.time_limit = QSpinBox(minimum=10, maximum=7 * 86400, value=3600, suffix=" s")
        self.memory = QSpinBox(minimum=0, maximum=1 << 20, suffix=" MiB", specialValueText="no limit")
        self.save_button = QPushButton("Save settings")
        self.save_button.clicked.connect(self.save_settings)
        settings_box = QGroupBox("Station settings")
        form = QFormLayout(settings_box)
        form.addRow("Station id:", self.station_id)
        form.addRow("Station key:", self.key_choice)
        form.addRow("Engine:", self.engine)
        form.addRow("Data folders:", self.data)
        form.addRow("Time limit:", self.time_limit)
        form.addRow("Memory limit:", self.memory)
        form.addRow("", self.save_button)

        self.reference = QLineEdit(placeholderText="registry.example.org/station/train:latest")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.push = QCheckBox("Push the processed train back to the registry")
        self.push.setChecked(True)
        self.run_button = QPushButton("Run train")
        self.run_button.clicked.connect(self.run_train)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.result = QLabel(wordWrap=True)
        run_box = QGroupBox("Run a train")
        run_form = QFormLayout(run_box)
        run_form.addRow("Image:", self.reference)
        run_form.addRow("Key passphrase:", self.passphrase)
        run_form.addRow("", self.push)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        run_form.addRow("", buttons)
        run_form.addRow("", self.result)

        self.steps = QListWidget()
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.history = row_table(("Run", "Outcome", "Image", "Train", "When"), stretch_column=2)
        self.history.itemSelectionChanged.connect(self._show_history_log)

        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addWidget(run_box)
        left.addWidget(QLabel("Steps:"))
        left.addWidget(self.steps)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right_box = QVBoxLayout()
        right_box.addWidget(QLabel("Log:"))
        right_box.addWidget(self.log, 2)
        right_box.addWidget(QLabel("History:"))
        right_box.addWidget(self.history, 1)
        right_widget = QWidget()
        right_widget.setLayout(right_box)
        split = QSplitter()
        split.addWidget(left_widget)
        split.addWidget(right_widget)
        scroll = QScrollArea(widgetResizable=True)  # small screens: the tab scrolls, the window stays small
        scroll.setWidget(split)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        for field in (self.reference, self.station_id):
            field.textChanged.connect(self._update)
        context.keys_changed.connect(self._load)
        self._load()

    # -- settings --------------------------------------------------------------------------------

    def _load(self) -> None:
        saved = StationSettings.load(self.context.settings)
        self.station_id.setText(saved.station_id)
        self.key_choice.clear()
        store = self.context.keystore
        for info in store.list_keys() if store else []:
            if info.is_rsa:
                self.key_choice.addItem(f"{info.name} — {info.grouped_fingerprint[:19]}…", info.name)
        self.key_choice.setCurrentIndex(max(0, self.key_choice.findData(saved.key_name)))
        self.engine.setText(saved.engine)
        self.data.setText(";".join(saved.data))
        self.time_limit.setValue(saved.wall_clock_seconds)
        self.memory.setValue(saved.memory_mib or 0)
        self._reset_steps()
        self.refresh_history()
        self._update()

    def current_settings(self) -> StationSettings:
        saved = StationSettings.load(self.context.settings)
        return replace(
            saved,
            station_id=self.station_id.text().strip(),
            key_name=self.key_choice.currentData() or "",
            engine=self.engine.text().strip(),
            data=[p.strip() for p in self.data.text().split(";") if p.strip()],
            wall_clock_seconds=self.time_limit.value(),
            memory_mib=self.memory.value() or None,
        )

    def save_settings(self) -> None:
        settings = self.current_settings()
        missing = [p for p in settings.data if not Path(p).is_dir()]
        if missing:
            self.result.setText(f"Data folders that do not exist: {', '.join(missing)}.")
            return
        settings.save(self.context.settings)
        self.context.status_message.emit("Station settings saved.")

    # -- a run -----------------------------------------------------------------------------------

    def _update(self) -> None:
        idle = self.task is None
        ready = bool(self.reference.text().strip() and self.station_id.text().strip() and self.key_choice.count())
        self.run_button.setEnabled(idle and ready and self.context.keystore is not None)
        self.cancel_button.setEnabled(not idle)

    def _reset_steps(self) -> None:
        self.steps.clear()
        for name in STEPS:
            self.steps.addItem(f"{MARKS['pending']} {name}")

    def _show_step(self, record: StepRecord) -> None:
        index = STEPS.index(record.name)
        detail = f" — {record.detail}" if record.detail else ""
        took = f" ({record.finished - record.started:.1f} s)" if record.finished else ""
        self.steps.item(index).setText(f"{MARKS[record.outcome]} {record.name}{took}{detail}")

    def run_train(self) -> None:
        store = self.context.keystore
        settings = self.current_settings()
        if store is None or not self.run_button.isEnabled():
            return
        info = store.get(settings.key_name)
        passphrase = self.passphrase.text() if info.protected else None
        self.passphrase.clear()
        reference, push, signals = self.reference.text().strip(), self.push.isChecked(), self.signals
        records = RunRecords(self.context.paths.data_dir)

        def work(progress, cancel):
            key = store.load_private_key(settings.key_name, passphrase)
            setup = StationSetup(
                settings.station_id,
                key,
                settings.data_folders(),
                settings.limits(),  # type: ignore[arg-type]
                settings.credentials(store),
                push=push,
            )
            runner = StationRunner(connect(settings.engine or None), setup)
            report = runner.run(reference, lambda r: signals.step.emit(copy.copy(r)), signals.line.emit, cancel)
            run_id = records.add(report)
            if not report.succeeded:
                raise StationError(f"Run {run_id} failed: {report.error}")
            return run_id

        def finished(run_id: int) -> None:
            self.task = None
            self.result.setText(f"Run {run_id} succeeded: the train was processed{' and pushed' if push else ''}.")
            self.result.setStyleSheet("color: #1b7f3b;")
            self.refresh_history()
            self._update()

        def failed(message: str) -> None:
            self.task = None
            self.result.setText(message)
            self.result.setStyleSheet("color: #b00020;")
            self.refresh_history()
            self._update()

        self._reset_steps()
        self.log.clear()
        self.result.clear()
        self.task = run_in_background(work, finished, failed, on_cancel=lambda: failed("Cancelled."), parent=self)
        self._update()

    # -- history ---------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        self.runs = RunRecords(self.context.paths.data_dir).history()
        self.history.setRowCount(len(self.runs))
        for row, run in enumerate(self.runs):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(run["started"]))
            values = (
                str(run["id"]),
                "ok" if run["succeeded"] else "failed",
                run["reference"],
                run["train_id"] or "—",
                when,
            )
            for column, text in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def _show_history_log(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if rows and self.task is None:
            run = self.runs[rows[0].row()]
            try:
                text = Path(run["log_path"]).read_text("utf-8")
            except OSError as exc:
                text = f"The log of run {run['id']} cannot be read: {exc.strerror or exc}"
            self.log.setPlainText(text + (f"\n{run['error']}" if run["error"] else ""))
