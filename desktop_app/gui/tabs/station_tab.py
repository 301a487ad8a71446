"""The Station tab: the station's settings, a "Run train" form, the steps as a live checklist
with the running log, Cancel, and the history of runs with their logs."""

from __future__ import annotations

import copy
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
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

from desktop_app.core.errors import PHTError
from desktop_app.core.log_file import remember_secret
from desktop_app.core.station.engine import connect
from desktop_app.core.station.environment import EnvironmentCheck, check_environment
from desktop_app.core.station.records import RunRecords, log_folder
from desktop_app.core.station.report import STEPS, StepRecord
from desktop_app.core.station.runner import StationRunner, StationSetup
from desktop_app.core.station.settings import StationSettings
from desktop_app.core.station.train_log import read_log_tail
from desktop_app.gui.appearance import ERROR, OK, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, Operation, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.widgets.airflow_panel import AirflowPanel
from desktop_app.gui.widgets.station_inbox import StationInboxPanel
from desktop_app.gui.widgets.tables import row_table

MARKS = {"pending": "○", "running": "…", "ok": "✔", "failed": "✘", "skipped": "–"}
# The steps' names as shown (the core's names are identifiers: pull, validate, …).
STEP_NAMES = {
    "pull": QT_TRANSLATE_NOOP("StationTab", "pull"),
    "validate": QT_TRANSLATE_NOOP("StationTab", "validate"),
    "pre-run": QT_TRANSLATE_NOOP("StationTab", "pre-run"),
    "run": QT_TRANSLATE_NOOP("StationTab", "run"),
    "post-run": QT_TRANSLATE_NOOP("StationTab", "post-run"),
    "push": QT_TRANSLATE_NOOP("StationTab", "push"),
}
# How a kept run ended, below its log (translated where shown).
CANCELLED_AT = QT_TRANSLATE_NOOP("StationTab", "Cancelled at its {step} step: {error}")
FAILED_AT = QT_TRANSLATE_NOOP("StationTab", "Failed at its {step} step: {error}")
CANCELLED = QT_TRANSLATE_NOOP("StationTab", "Cancelled: {error}")
FAILED = QT_TRANSLATE_NOOP("StationTab", "Failed: {error}")


class StationTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.run: Operation | None = None
        self.runs: list[dict] = []

        self.station_id = QLineEdit()
        self.key_choice = QComboBox()
        self.engine = QLineEdit(placeholderText=self.tr("found automatically (DOCKER_HOST, Docker or Podman sockets)"))
        self.data = QLineEdit(
            placeholderText=self.tr("folders separated by ';', mounted read-only at /opt/train_data/NAME")
        )
        self.time_limit = QSpinBox(minimum=10, maximum=7 * 86400, value=3600, suffix=self.tr(" s"))
        self.memory = QSpinBox(minimum=0, maximum=1 << 20, suffix=self.tr(" MiB"), specialValueText=self.tr("no limit"))
        self.save_button = QPushButton(self.tr("Sa&ve settings"))
        self.save_button.clicked.connect(self.save_settings)
        settings_box = QGroupBox(self.tr("Station settings"))
        form = QFormLayout(settings_box)
        form.addRow(self.tr("Station &id:"), self.station_id)
        form.addRow(self.tr("Station &key:"), self.key_choice)
        form.addRow(self.tr("E&ngine:"), self.engine)
        form.addRow(self.tr("&Data folders:"), self.data)
        form.addRow(self.tr("&Time limit:"), self.time_limit)
        form.addRow(self.tr("&Memory limit:"), self.memory)
        form.addRow("", self.save_button)

        self.reference = QLineEdit(placeholderText="registry.example.org/station/train:latest")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.push = QCheckBox(self.tr("&Push the processed train back to the registry"))
        self.push.setChecked(True)
        self.run_button = QPushButton(self.tr("&Run train"))
        self.run_button.clicked.connect(self.run_train)
        self.operation_bar = OperationBar(self)
        self.cancel_button = self.operation_bar.cancel_button
        self.result = QLabel(wordWrap=True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        run_box = QGroupBox(self.tr("Run a train"))
        run_form = QFormLayout(run_box)
        run_form.addRow(self.tr("Ima&ge:"), self.reference)
        run_form.addRow(self.tr("Key pa&ssphrase:"), self.passphrase)
        run_form.addRow("", self.push)
        run_form.addRow("", self.run_button)
        run_form.addRow("", self.operation_bar)
        run_form.addRow("", self.result)

        self.steps = QListWidget()
        self.log = QPlainTextEdit(readOnly=True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.history = row_table(
            (self.tr("Run"), self.tr("Outcome"), self.tr("Image"), self.tr("Train"), self.tr("When")), stretch_column=2
        )
        self.history.itemSelectionChanged.connect(self._show_history_log)

        # Before the first run: is this computer ready? One line per need, each with its fix.
        self.environment_box = QGroupBox(self.tr("Is this computer ready to run trains?"))
        environment_layout = QVBoxLayout(self.environment_box)
        self.environment_state = QLabel(self.tr("Not checked yet."), wordWrap=True)
        self.environment_state.setAccessibleName(self.tr("Station environment"))
        self.environment_lines: list[QLabel] = []  # one a check, in its own tone: a tick is never red
        self.environment_rows = QVBoxLayout()
        self.check_button = QPushButton(self.tr("Check &again"))
        self.check_button.clicked.connect(self.check_environment)
        environment_layout.addWidget(self.environment_state)
        environment_layout.addLayout(self.environment_rows)
        environment_layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.environment: list[EnvironmentCheck] = []
        self._checked_once = False
        left = QVBoxLayout()
        left.addWidget(self.environment_box)
        left.addWidget(settings_box)
        left.addWidget(run_box)
        self.airflow_panel = AirflowPanel(context)  # a station on a server: its Airflow's runs
        left.addWidget(self.airflow_panel)
        self.inbox_panel = StationInboxPanel(context, self.current_settings, lambda: is_busy(self))
        self.inbox_panel.runs_changed.connect(self.refresh_history)
        left.addWidget(self.inbox_panel)
        left.addWidget(QLabel(self.tr("Steps:")))
        left.addWidget(self.steps)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right_box = QVBoxLayout()
        right_box.addWidget(QLabel(self.tr("Log:")))
        right_box.addWidget(self.log, 2)
        right_box.addWidget(QLabel(self.tr("History:")))
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
        for field, name in (
            (self.station_id, self.tr("Station id")),
            (self.key_choice, self.tr("Station key")),
            (self.engine, self.tr("Engine")),
            (self.data, self.tr("Data folders")),
            (self.time_limit, self.tr("Time limit")),
            (self.memory, self.tr("Memory limit")),
            (self.reference, self.tr("Train image")),
            (self.passphrase, self.tr("Key passphrase")),
            (self.steps, self.tr("Steps")),
            (self.log, self.tr("Log")),
            (self.history, self.tr("History")),
        ):
            field.setAccessibleName(name)
        # New keys refresh the key choice only: a live run's checklist and log stay as they are.
        context.keys_changed.connect(self._load_keys)
        context.preferences_changed.connect(self._load_settings)
        registry().changed.connect(self._update)
        self._load()

    # -- settings --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._checked_once:  # first shown: look before anyone tries a run
            self._checked_once = True
            self.check_environment()

    def check_environment(self) -> None:
        settings = self.current_settings()
        names = {info.name for info in self.context.keys if info.is_rsa}
        self._show_environment_lines([])
        self.environment_state.setText(self.tr("Checking…"))
        self.environment_state.show()
        run_operation(
            self,
            self.tr("Checking the station's environment"),
            lambda progress, cancel: check_environment(settings, names),
            self._show_environment,
        )

    def _show_environment(self, checks: list[EnvironmentCheck]) -> None:
        self.environment = checks
        self.environment_state.hide()
        self._show_environment_lines(checks)

    def _show_environment_lines(self, checks: list[EnvironmentCheck]) -> None:
        for label in self.environment_lines:
            self.environment_rows.removeWidget(label)
            label.deleteLater()
        self.environment_lines = []
        for check in checks:
            fix = f" — {check.fix}" if check.fix and not check.ok else ""
            label = QLabel(f"{'✔' if check.ok else '✘'} {check.what}: {check.detail}{fix}", wordWrap=True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # paths and engine answers, never markup
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            set_tone(label, None if check.ok else ERROR)
            self.environment_rows.addWidget(label)
            self.environment_lines.append(label)

    def _load(self) -> None:
        self._load_settings()
        self._reset_steps()
        self.refresh_history()
        self._update()

    def _load_settings(self) -> None:
        saved = StationSettings.load(self.context.settings)
        self.station_id.setText(saved.station_id)
        self._load_keys()
        self.engine.setText(saved.engine)
        self.data.setText(";".join(saved.data))
        self.time_limit.setValue(saved.wall_clock_seconds)
        self.memory.setValue(saved.memory_mib or 0)

    def _load_keys(self) -> None:
        chosen = self.key_choice.currentData() or StationSettings.load(self.context.settings).key_name
        self.key_choice.clear()
        for info in self.context.keys:
            if info.is_rsa:
                self.key_choice.addItem(f"{info.name} — {info.grouped_fingerprint[:19]}…", info.name)
        self.key_choice.setCurrentIndex(max(0, self.key_choice.findData(chosen)))
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
        settings, store = self.current_settings(), self.context.settings

        already_saved = self.tr("the station settings were already saved.")

        def work(progress, cancel) -> list[str]:  # a data folder may sit on a slow network share
            missing = [p for p in settings.data if not Path(p).is_dir()]
            if not missing:
                cancel.commit(already_saved)
                settings.save(store)
            return missing

        def checked(missing: list[str]) -> None:
            if missing:
                self.result.setText(
                    self.tr("Data folders that do not exist: {folders}.").format(folders=", ".join(missing))
                )
            else:
                self.context.status_message.emit(self.tr("Station settings saved."))
                self.check_environment()

        run_operation(self, self.tr("Saving the station settings"), work, checked)

    # -- a run -----------------------------------------------------------------------------------

    def _update(self) -> None:
        idle = not is_busy(self)
        ready = bool(self.reference.text().strip() and self.station_id.text().strip() and self.key_choice.count())
        panel_idle = not is_busy(self.inbox_panel)  # one train at a time on this station
        self.run_button.setEnabled(idle and ready and panel_idle and self.context.keystore is not None)
        self.save_button.setEnabled(idle)

    def _reset_steps(self) -> None:
        self.steps.clear()
        for name in STEPS:
            self.steps.addItem(f"{MARKS['pending']} {step_name(name)}")

    def _show_step(self, record: StepRecord) -> None:
        index = STEPS.index(record.name)
        detail = f" — {record.detail}" if record.detail else ""
        took = f" ({record.finished - record.started:.1f} s)" if record.finished else ""
        self.steps.item(index).setText(f"{MARKS[record.outcome]} {step_name(record.name)}{took}{detail}")

    def run_train(self) -> None:
        store = self.context.keystore
        settings = self.current_settings()
        info = self.context.key(settings.key_name)
        if store is None or info is None or not self.run_button.isEnabled():
            return
        passphrase = self.passphrase.text() if info.protected else None
        remember_secret(passphrase)
        self.passphrase.clear()
        reference, push = self.reference.text().strip(), self.push.isChecked()
        data_dir = self.context.paths.data_dir
        records = RunRecords(data_dir)

        def work(report, cancel):
            key = store.load_private_key(settings.key_name, passphrase)
            setup = StationSetup(
                settings.station_id,
                key,
                settings.data_folders(),
                settings.limits(),  # type: ignore[arg-type]
                settings.credentials(store),
                push=push,
                log_folder=log_folder(data_dir),
            )
            runner = StationRunner(connect(settings.engine or None), setup)
            outcome = runner.run(reference, lambda step: report(copy.copy(step)), report, cancel)
            run_id = records.add(outcome)  # every run is recorded: succeeded, failed or cancelled
            failure = outcome.failure(run_id)
            if failure:
                raise failure
            return run_id

        self._reset_steps()
        self.log.clear()
        self.result.clear()
        self.run = run_operation(
            self,
            self.tr("Running {image}").format(image=reference),
            work,
            self._succeeded,
            self._failed,
            self._cancelled,
            self._followed,
        )

    def _followed(self, event: object) -> None:
        if isinstance(event, StepRecord):
            self._show_step(event)
        elif isinstance(event, str):
            self.log.appendPlainText(event)

    def _show_result(self, text: str, tone: str | None = None) -> None:
        self.run = None
        self.result.setText(text)
        set_tone(self.result, tone)
        self.refresh_history()

    def _succeeded(self, run_id: int) -> None:
        if self.push.isChecked():
            text = self.tr("Run {run} succeeded: the train was processed and pushed.")
        else:
            text = self.tr("Run {run} succeeded: the train was processed.")
        self._show_result(text.format(run=run_id), OK)

    def _failed(self, error: PHTError) -> None:
        self._show_result(error_text(error), ERROR)

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self._show_result(outcome.sentence)

    # -- history ---------------------------------------------------------------------------------

    def refresh_history(self) -> None:
        folder = self.context.paths.data_dir
        run_operation(
            self, self.tr("Reading the run history"), lambda p, c: RunRecords(folder).history(), self._show_history
        )

    def _show_history(self, runs: list[dict]) -> None:
        self.runs = runs
        self.history.setRowCount(len(self.runs))
        for row, run in enumerate(self.runs):
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(run["started"]))
            values = (
                str(run["id"]),
                self.tr("ok") if run["succeeded"] else self.tr("cancelled") if run["cancelled"] else self.tr("failed"),
                run["reference"],
                run["train_id"] or "—",
                when,
            )
            for column, text in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()

    def _show_history_log(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if rows and self.run is None:
            run = self.runs[rows[0].row()]
            label = self.tr("Reading the log of run {run}").format(run=run["id"])
            run_operation(self, label, lambda p, c: _read_log(run), self.log.setPlainText)


def step_name(step: str) -> str:
    return QCoreApplication.translate("StationTab", STEP_NAMES[step]) if step in STEP_NAMES else step


def _read_log(run: dict) -> str:
    """The end of a run's kept log (a train may have printed gigabytes), then how it ended."""
    try:
        if run["log_path"]:
            text = read_log_tail(Path(run["log_path"]))
        else:
            text = QCoreApplication.translate("StationTab", "(the train never ran)")
    except OSError as exc:
        unreadable = QCoreApplication.translate("StationTab", "The log of run {run} cannot be read: {reason}")
        text = unreadable.format(run=run["id"], reason=exc.strerror or exc)
    if run["error"]:
        cancelled, step = run.get("cancelled"), run.get("failed_step")
        endings = {
            (True, True): CANCELLED_AT,
            (False, True): FAILED_AT,
            (True, False): CANCELLED,
            (False, False): FAILED,
        }
        ending = endings[bool(cancelled), bool(step)]
        text += "\n" + QCoreApplication.translate("StationTab", ending).format(
            step=step_name(step or ""), error=run["error"]
        )
    return text
