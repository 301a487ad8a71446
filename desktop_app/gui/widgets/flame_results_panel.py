"""A FLAME hub's analyses in the server tab: list those you can see, fetch an analysis's result
bucket into a folder (downloaded and extracted safely) and say plainly what was and was not
protected: FLAME results are neither encrypted nor signed by the network.

Sign-in is the server tab's (its sign-in box speaks to whatever network is active); this panel
runs its jobs through `run_operation` with its own operation bar (progress and cancel).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central.wording import printable
from desktop_app.core.errors import PHTError
from desktop_app.core.flame.results import run_status_words
from desktop_app.core.i18n import _
from desktop_app.core.paths import safe_file_name
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.widgets.tables import row_table


class FlameResultsPanel(QWidget):
    failed = Signal(object)  # a PHTError, for the tab (a lost session asks to sign in again)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.analyses: list = []
        self.output: Path | None = None
        self.refresh_button = QPushButton(self.tr("R&efresh"))
        self.fetch_button = QPushButton(self.tr("Fe&tch result…"))
        self.open_button = QPushButton(self.tr("O&pen folder"))
        self.table = row_table((self.tr("Name"), self.tr("Id"), self.tr("Run status"), self.tr("Result")), 0)
        self.notice = QLabel(
            self.tr(
                "FLAME results are not encrypted or signed by the network: PHT Desktop checks that the "
                "archive is whole and safe to unpack, but cannot tell who made the files."
            ),
            wordWrap=True,
        )
        self.report = QPlainTextEdit(readOnly=True)
        self.report.setVisible(False)
        self.operation_bar = OperationBar(self)
        for widget, name in (
            (self.refresh_button, self.tr("Refresh the analyses")),
            (self.fetch_button, self.tr("Fetch the selected analysis's result")),
            (self.open_button, self.tr("Open the folder of the fetched result")),
            (self.table, self.tr("Your analyses on the FLAME hub")),
            (self.report, self.tr("Report of the fetched result")),
        ):
            widget.setAccessibleName(name)
        buttons = QHBoxLayout()
        for button in (self.refresh_button, self.fetch_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.report)
        self.refresh_button.clicked.connect(self.refresh)
        self.fetch_button.clicked.connect(lambda: self.fetch_selected())
        self.open_button.clicked.connect(self.open_folder)
        self.table.itemSelectionChanged.connect(self._update)
        registry().changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        idle, chosen = not is_busy(self), self.selected()
        self.refresh_button.setEnabled(idle)
        self.fetch_button.setEnabled(idle and bool(chosen and chosen.storage_bucket))
        self.open_button.setEnabled(self.output is not None and self.output.is_dir())

    def clear(self) -> None:
        self.analyses, self.output = [], None
        self.table.setRowCount(0)
        self.report.setVisible(False)
        self._update()

    def _with_client(self, work):
        settings, store = self.context.settings, self.context.keystore

        def run(progress, cancel):
            from desktop_app.core.flame.client import FlameClient
            from desktop_app.core.sessions import open_session

            if store is None:
                raise PHTError(self.context.keystore_error)
            with open_session(settings, store) as client:
                assert isinstance(client, FlameClient)
                return work(client, progress, cancel)

        return run

    def _failed(self, error: PHTError) -> None:
        self.context.status_message.emit(error_text(error))
        self.failed.emit(error)

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self.context.status_message.emit(outcome.sentence)

    def refresh(self) -> None:
        def work(client, progress, cancel):
            from desktop_app.core.flame.results import list_results

            return list_results(client)

        run_operation(self, self.tr("Loading analyses"), self._with_client(work), self._show, self._failed)

    def _show(self, analyses: list) -> None:
        self.analyses = analyses
        self.table.setRowCount(len(analyses))
        for row, analysis in enumerate(analyses):  # the hub's text: shown as plain text only
            result = self.tr("ready") if analysis.storage_bucket else self.tr("none yet")
            for column, text in enumerate((analysis.name, analysis.id, run_status_words(analysis.run_status), result)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._update()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.analyses[rows[0].row()] if rows else None

    def fetch_selected(self, folder: Path | None = None) -> None:
        """Fetch the selected analysis's result into a new folder inside `folder` (asked for)."""
        analysis = self.selected()
        if analysis is None:
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the result"))
            if not chosen:
                return
            folder = Path(chosen)
        out_dir = folder / f"{safe_file_name(analysis.name or analysis.id)}-result"

        def work(client, progress, cancel):
            from desktop_app.core.flame.results import fetch_result

            return fetch_result(client, analysis.id, out_dir, progress, cancel)

        run_operation(
            self,
            self.tr("Fetching the result of {name}").format(name=analysis.name or analysis.id),
            self._with_client(work),
            self._fetched,
            self._failed,
            self._cancelled,
        )

    def _fetched(self, report) -> None:
        self.output = Path(report.output)
        self.report.setPlainText(self._report_text(report))
        self.report.setVisible(True)
        self.context.status_message.emit(
            self.tr(
                "Fetched %n file(s) into {folder}: not encrypted by the network; integrity not verifiable.",
                "",
                len(report.files),
            ).format(folder=report.output)
        )
        self._update()

    def _report_text(self, report) -> str:
        """The report in the window's language (the CLI prints its own, in English); the hub's
        names are plain text in a plain-text box."""
        lines = [
            self.tr("Analysis: {name} ({id})").format(name=printable(report.analysis_name), id=report.analysis_id),
            self.tr("From: {source}").format(source=report.source),
            self.tr("Protection: {protection}").format(protection=_(report.protection)),
            *(f"  ✓ {check}" for check in report.checks),
            self.tr("Folder: {folder}").format(folder=report.output),
            *(f"  {item.size:>12}  {item.sha256}  {printable(item.path)}" for item in report.files),
            self.tr(
                "The SHA-256 sums are of the bytes as received, to compare copies later; they do not show "
                "who made the files."
            ),
        ]
        return "\n".join(lines)

    def open_folder(self) -> None:
        if self.output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output)))
