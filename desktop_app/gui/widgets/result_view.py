"""After a decryption: the verification summary, the files with sizes, a preview, Open folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.progress import human_size
from desktop_app.core.results.report import DecryptionReport
from desktop_app.gui.appearance import ERROR, OK, WARNING, set_tone, tone_color
from desktop_app.gui.operations import run_operation

PREVIEW_SUFFIXES = {".txt", ".csv", ".tsv", ".json", ".log", ".md", ".yaml", ".yml"}
PREVIEW_MAX_BYTES = 256 * 1024
GREEN, RED, AMBER = OK, ERROR, WARNING  # tones: their colours suit the palette


class ResultView(QWidget):
    """Everything here is plain text: file names, station names and check details come from the archive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: DecryptionReport | None = None
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(self.tr("Decryption outcome"))
        self.checks = QListWidget()
        self.checks.setAccessibleName(self.tr("Verification checks"))
        self.checks.setMaximumHeight(120)
        self.files = QTableWidget(0, 2)
        self.files.setAccessibleName(self.tr("Decrypted files"))
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size")])
        self.files.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.verticalHeader().setVisible(False)
        self.files.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.files.itemSelectionChanged.connect(self._preview_selected)
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setPlaceholderText(self.tr("Select a small text, CSV or JSON file to preview it."))
        self.open_folder = QPushButton(self.tr("Open fo&lder"))
        self.open_folder.clicked.connect(self.open_output_folder)
        split = QSplitter()
        split.addWidget(self.files)
        split.addWidget(self.preview)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.open_folder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.checks)
        layout.addWidget(split, 1)
        self.clear()

    def clear(self) -> None:
        self.report = None
        self.summary.clear()
        set_tone(self.summary, None)
        self.checks.clear()
        self.checks.hide()
        self.files.setRowCount(0)
        self.preview.clear()
        self.open_folder.setEnabled(False)

    def show_failure(self, message: str, report: DecryptionReport | None = None) -> None:
        self.clear()
        self.summary.setText(
            self.tr("Not decrypted. {message}\nNothing was written to the output folder.").format(message=message)
        )
        set_tone(self.summary, RED)
        if report:
            self._show_checks(report)

    def show_cancelled(self, sentence: str) -> None:
        self.clear()
        self.summary.setText(sentence)

    def _show_checks(self, report: DecryptionReport) -> None:
        for check in report.checks:
            item = QListWidgetItem(f"{'✔' if check.passed else '✘'} {check.detail}")
            item.setForeground(tone_color(GREEN if check.passed else RED, self.palette()))
            self.checks.addItem(item)
        if report.station_keys:  # from the archive itself: to compare with the central API's list
            keys = ", ".join(f"{name} {fp[:16]}…" for name, fp in report.station_keys.items())
            self.checks.addItem(self.tr("Station keys as the archive states them: {keys}").format(keys=keys))
        self.checks.setVisible(self.checks.count() > 0)

    def show_report(self, report: DecryptionReport) -> None:
        self.clear()
        self.report = report
        if report.verification_skipped:
            text, color = (
                self.tr("UNVERIFIED: decrypted with verification skipped; the checks below were not enforced."),
                AMBER,
            )
        else:
            stations = ", ".join(report.signed_by)
            text, color = self.tr("Verified: every check held (signed by {stations}).").format(stations=stations), GREEN
        files = self.tr("%n file(s) in {folder}", "", len(report.files)).format(folder=report.output)
        self.summary.setText(f"{text}\n{files}")
        set_tone(self.summary, color)
        self._show_checks(report)
        self.files.setRowCount(len(report.files))
        for row, entry in enumerate(report.files):
            self.files.setItem(row, 0, QTableWidgetItem(entry.path))
            size = QTableWidgetItem(human_size(entry.size))
            size.setToolTip(self.tr("{size} bytes · SHA-256 {sha256}").format(size=entry.size, sha256=entry.sha256))
            self.files.setItem(row, 1, size)
        self.open_folder.setEnabled(True)

    def _preview_selected(self) -> None:
        rows = self.files.selectionModel().selectedRows()
        if not rows or self.report is None:
            return
        path = Path(self.report.output) / self.files.item(rows[0].row(), 0).text()
        run_operation(
            self,
            self.tr("Reading {file}").format(file=path.name),
            lambda p, c: self.preview_text(path),
            self.preview.setPlainText,
        )

    @staticmethod
    def preview_text(path: Path) -> str:
        """Runs off the GUI thread; QCoreApplication.translate may be called from any thread."""

        if path.suffix.lower() not in PREVIEW_SUFFIXES:
            if path.suffix:
                return QCoreApplication.translate(
                    "ResultView", "No preview for {suffix} files; use Open folder."
                ).format(suffix=path.suffix)
            return QCoreApplication.translate("ResultView", "No preview for this kind of file; use Open folder.")
        try:
            if path.stat().st_size > PREVIEW_MAX_BYTES:
                return QCoreApplication.translate(
                    "ResultView", "{file} is larger than {size}; use Open folder."
                ).format(file=path.name, size=human_size(PREVIEW_MAX_BYTES))
            return path.read_text("utf-8", errors="replace")
        except OSError as exc:
            return QCoreApplication.translate("ResultView", "Cannot read {file}: {reason}").format(
                file=path.name, reason=exc.strerror or exc
            )

    def open_output_folder(self) -> None:
        if self.report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.report.output))
