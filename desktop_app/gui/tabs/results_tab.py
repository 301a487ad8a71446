"""The Results tab: open or drop a result archive, see what it needs, decrypt and verify it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.keys.fingerprint import group_fingerprint
from desktop_app.core.progress import Progress
from desktop_app.core.results.decrypt import DecryptRequest, decrypt_archive
from desktop_app.core.results.errors import VerificationFailed
from desktop_app.core.results.inspect import ArchiveSummary, inspect_archive
from desktop_app.gui.context import AppContext
from desktop_app.gui.widgets.result_view import RED, ResultView, human_size
from desktop_app.gui.workers import BackgroundTask, run_in_background

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz")


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


class ResultsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self.decrypting = False
        self.summary: ArchiveSummary | None = None

        self.open_button = QPushButton("Open archive…")
        self.open_button.clicked.connect(self._choose_archive)
        self.hint = QLabel("Drop a result archive (.tar) on the window, or open one.")
        self.about = QLabel(wordWrap=True)
        self.output = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._choose_output)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.he_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.force = QCheckBox("Write into a folder that is not empty")
        self.skip_verify = QCheckBox("Skip verification (old trains without result signatures)")
        self.decrypt_button = QPushButton("Decrypt")
        self.decrypt_button.clicked.connect(self.decrypt)
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.result_view = ResultView(self)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.hint, 1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow("Archive:", self.about)
        self.form.addRow("Output folder:", out_row)
        self.form.addRow("Key passphrase:", self.passphrase)
        self.form.addRow("Paillier key passphrase:", self.he_passphrase)
        self.form.addRow("", self.force)
        self.form.addRow("", self.skip_verify)
        busy = QHBoxLayout()
        busy.addWidget(self.decrypt_button)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addLayout(busy)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.result_view, 1)
        for widget in (self.output, self.passphrase):
            widget.textChanged.connect(self._update)
        for field in (self.passphrase, self.he_passphrase):
            field.returnPressed.connect(self.decrypt)  # decrypt() ignores it unless ready
        self._update()

    # -- archive -----------------------------------------------------------------------------

    def _choose_archive(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Open a result archive", "", "Result archives (*.tar *.tar.gz *.tgz)"
        )
        if chosen:
            self.open_archive(Path(chosen))

    def _choose_output(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Output folder")
        if chosen:
            self.output.setText(chosen)

    def open_archive(self, path: Path) -> bool:
        """Show what the archive is and which key it needs (read off the GUI thread).

        The entry point for other tabs (the Trains tab hands over downloaded archives through
        `MainWindow.open_result_archive`). Returns False, and says why in the status bar, while
        a decryption is running.
        """
        if self.decrypting:
            self.context.status_message.emit(f"Not opening {path.name}: finish or cancel the running decryption first.")
            return False
        self.summary = None
        self.result_view.clear()
        self.about.setText(f"Reading {path.name}…")
        self.about.setStyleSheet("")
        store = self.context.keystore
        task: BackgroundTask | None = None

        def done(summary: ArchiveSummary) -> None:
            if self.task is task:  # a later archive replaced this one: its answer is stale
                self.task = None
                self.show_summary(summary)

        def failed(message: str) -> None:
            if self.task is task:
                self.task = None
                self.about.setText(f"{path.name}: {message}")
                self.about.setStyleSheet(f"color: {RED};")
                self._update()

        task = self.task = run_in_background(
            lambda progress, cancel: inspect_archive(path, store), done, failed, parent=self
        )
        self._update()
        return True

    def show_summary(self, summary: ArchiveSummary) -> None:
        self.summary = summary
        if summary.key_name:
            key = f"your key <b>{summary.key_name}</b> fits"
        elif self.context.keystore is None:
            key = f"<span style='color:{RED}'>no key storage is available, so no key can open it</span>"
        else:
            key = f"<span style='color:{RED}'>none of your keys fits (import it in the Keys tab)</span>"
        he = ""
        if summary.has_paillier_results:
            he = f"<br>Paillier results: key {summary.paillier_key_name or 'not found (they stay encrypted)'}"
        self.about.setText(
            f"<b>{summary.path.name}</b> · train {summary.train_id or '(no id)'}<br>"
            f"{summary.file_count} files, {human_size(summary.total_bytes)} · signed by "
            f"{', '.join(summary.signed_by) or 'no station'} (route: {', '.join(summary.route)})<br>"
            f"Encrypted for {group_fingerprint(summary.needed_fingerprint)}: {key}{he}"
        )
        self.about.setStyleSheet("")
        if not self.output.text():
            stem = summary.path.name.split(".")[0]
            self.output.setText(str(summary.path.with_name(f"{stem}-results")))
        self._update()

    # -- decrypt -----------------------------------------------------------------------------

    def _update(self) -> None:
        busy = self.task is not None
        summary = self.summary
        self.passphrase.setEnabled(bool(summary and summary.key_protected))
        self.he_passphrase.setEnabled(bool(summary and summary.paillier_key_protected))
        ready = bool(summary and summary.key_name and self.output.text()) and not busy
        self.decrypt_button.setEnabled(ready)
        self.open_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)

    def decrypt(self) -> None:
        summary, store = self.summary, self.context.keystore
        if not summary or not store or not self.decrypt_button.isEnabled():
            return
        request = DecryptRequest(
            summary.path,
            Path(self.output.text()),
            force=self.force.isChecked(),
            verify=not self.skip_verify.isChecked(),
        )
        passphrases = {
            summary.key_name: self.passphrase.text(),
            summary.paillier_key_name: self.he_passphrase.text(),
        }

        def work(progress, cancel):
            return decrypt_archive(request, store, lambda info: passphrases.get(info.name) or None, progress, cancel)

        self.result_view.clear()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.decrypting = True
        self.task = run_in_background(
            work, self._decrypted, self._failed, self._progressed, self._cancelled, parent=self
        )
        self._update()

    def _progressed(self, progress: Progress) -> None:
        self.progress.setValue(int(progress.fraction * 1000))
        self.progress_label.setText(f"{progress.label} — {human_size(progress.done)} of {human_size(progress.total)}")

    def _finish(self) -> None:
        self.task = None
        self.decrypting = False
        self.progress_label.clear()
        self.passphrase.clear()
        self.he_passphrase.clear()
        self._update()

    def _decrypted(self, report) -> None:
        self._finish()
        self.result_view.show_report(report)
        self.context.status_message.emit(f"Decrypted {len(report.files)} files into {report.output}.")

    def _failed(self, message: str) -> None:
        error = self.task.error if self.task else None
        self._finish()
        self.result_view.show_failure(message, error.report if isinstance(error, VerificationFailed) else None)

    def _cancelled(self) -> None:
        self._finish()
        self.result_view.show_failure("Cancelled.")
        self.result_view.summary.setStyleSheet("")
