"""The Results tab: open or drop a result archive, see what it needs, decrypt and verify it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import PHTError
from desktop_app.core.keys.fingerprint import group_fingerprint
from desktop_app.core.log_file import remember_secret
from desktop_app.core.progress import human_size
from desktop_app.core.results.decrypt import DecryptRequest, decrypt_archive
from desktop_app.core.results.errors import VerificationFailed
from desktop_app.core.results.inspect import ArchiveSummary, inspect_archive
from desktop_app.gui.appearance import ERROR, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, Operation, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.widgets.result_view import ResultView

ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz")


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


class ResultsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.summary: ArchiveSummary | None = None
        self.inspection: Operation | None = None
        self.decryption: Operation | None = None

        self.open_button = QPushButton(self.tr("&Open archive…"))
        self.open_button.clicked.connect(self._choose_archive)
        self.hint = QLabel(self.tr("Drop a result archive (.tar) on the window, or open one."))
        self.about = QLabel(wordWrap=True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)  # every field here comes from the archive
        self.about.setAccessibleName(self.tr("About the archive"))
        self.key_fit = QLabel(wordWrap=True)
        self.key_fit.setTextFormat(Qt.TextFormat.PlainText)
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Output folder"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose the output folder"))
        browse.clicked.connect(self._choose_output)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Key passphrase"))
        self.he_passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.he_passphrase.setAccessibleName(self.tr("Paillier key passphrase"))
        self.force = QCheckBox(self.tr("&Write into a folder that is not empty"))
        self.skip_verify = QCheckBox(self.tr("S&kip verification (old trains without result signatures)"))
        self.decrypt_button = QPushButton(self.tr("&Decrypt"))
        self.decrypt_button.clicked.connect(self.decrypt)
        self.operation_bar = OperationBar(self)
        self.result_view = ResultView(self)

        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.hint, 1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Archive:"), self.about)
        self.form.addRow("", self.key_fit)
        self.form.addRow(self.tr("Output folder:"), out_row)
        self.form.addRow(self.tr("Key &passphrase:"), self.passphrase)
        self.form.addRow(self.tr("P&aillier key passphrase:"), self.he_passphrase)
        self.form.addRow("", self.force)
        self.form.addRow("", self.skip_verify)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.decrypt_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.result_view, 1)
        for widget in (self.output, self.passphrase):
            widget.textChanged.connect(self._update)
        for field in (self.passphrase, self.he_passphrase):
            field.returnPressed.connect(self.decrypt)  # decrypt() ignores it unless ready
        registry().changed.connect(self._update)
        self._update()

    @property
    def busy(self) -> bool:
        return is_busy(self)

    @property
    def decrypting(self) -> bool:
        return self.decryption is not None

    # -- archive -----------------------------------------------------------------------------

    def _choose_archive(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a result archive"), "", self.tr("Result archives (*.tar *.tar.gz *.tgz)")
        )
        if chosen:
            self.open_archive(Path(chosen))

    def _choose_output(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Output folder"))
        if chosen:
            self.output.setText(chosen)

    def open_archive(self, path: Path) -> bool:
        """Show what the archive is and which key it needs (read off the GUI thread).

        The entry point for other tabs (the Trains tab hands over downloaded archives through
        `MainWindow.open_result_archive`). Returns False, and says why in the status bar, while
        a decryption is running.
        """
        if self.decrypting:
            self.context.status_message.emit(
                self.tr("Not opening {file}: finish or cancel the running decryption first.").format(file=path.name)
            )
            return False
        if self.inspection:
            self.inspection.cancel()  # a later archive replaces this one
        self.summary = None
        self.result_view.clear()
        self.about.setText(self.tr("Reading {file}…").format(file=path.name))
        set_tone(self.about, None)
        self.key_fit.clear()
        store = self.context.keystore

        def done(summary: ArchiveSummary) -> None:
            if self.inspection is operation:
                self.inspection = None
                self.show_summary(summary)

        def failed(error: PHTError) -> None:
            if self.inspection is operation:
                self.inspection = None
                self.about.setText(f"{path.name}: {error_text(error)}")
                set_tone(self.about, ERROR)

        def cancelled(outcome: CancelOutcome) -> None:
            if self.inspection is operation:
                self.inspection = None
                self.about.setText(self.tr("{file}: not read (cancelled).").format(file=path.name))

        operation = run_operation(
            self,
            self.tr("Reading {file}").format(file=path.name),
            lambda progress, cancel: inspect_archive(path, store),
            done,
            failed,
            cancelled,
        )
        self.inspection = operation
        return True

    def show_summary(self, summary: ArchiveSummary) -> None:
        self.summary = summary
        lines = [
            self.tr("{file} · train {id}").format(file=summary.path.name, id=summary.train_id or self.tr("(no id)")),
            self.tr("%n file(s), {size}", "", summary.file_count).format(size=human_size(summary.total_bytes)),
            self.tr("Signed by {stations} (route: {route})").format(
                stations=", ".join(summary.signed_by) or self.tr("no station"), route=", ".join(summary.route)
            ),
            self.tr("Encrypted for {fingerprint}").format(fingerprint=group_fingerprint(summary.needed_fingerprint)),
        ]
        if summary.has_paillier_results:
            key = summary.paillier_key_name or self.tr("not found (they stay encrypted)")
            lines.append(self.tr("Paillier results: key {key}").format(key=key))
        self.about.setText("\n".join(lines))
        set_tone(self.about, None)
        if summary.key_name:
            self.key_fit.setText(self.tr("Your key {name} fits.").format(name=summary.key_name))
            set_tone(self.key_fit, None)
        else:
            none = (
                self.tr("No key storage is available, so no key can open it.")
                if self.context.keystore is None
                else self.tr("None of your keys fits; import the right one in the Keys tab.")
            )
            self.key_fit.setText(none)
            set_tone(self.key_fit, ERROR)
        if not self.output.text():
            stem = summary.path.name.split(".")[0]
            self.output.setText(str(summary.path.with_name(f"{stem}-results")))
        self._update()

    # -- decrypt -----------------------------------------------------------------------------

    def _update(self) -> None:
        busy = self.busy
        summary = self.summary
        self.passphrase.setEnabled(bool(summary and summary.key_protected))
        self.he_passphrase.setEnabled(bool(summary and summary.paillier_key_protected))
        ready = bool(summary and summary.key_name and self.output.text()) and not busy
        self.decrypt_button.setEnabled(ready)
        self.open_button.setEnabled(not self.decrypting)

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
        for secret in passphrases.values():
            remember_secret(secret)
        self.passphrase.clear()
        self.he_passphrase.clear()

        def work(progress, cancel):
            return decrypt_archive(request, store, lambda info: passphrases.get(info.name) or None, progress, cancel)

        self.result_view.clear()
        self.decryption = run_operation(
            self,
            self.tr("Decrypting {file}").format(file=summary.path.name),
            work,
            self._decrypted,
            self._failed,
            self._cancelled,
        )

    def _decrypted(self, report) -> None:
        self.decryption = None
        self.result_view.show_report(report)
        self.context.status_message.emit(
            self.tr("Decrypted %n file(s) into {folder}.", "", len(report.files)).format(folder=report.output)
        )

    def _failed(self, error: PHTError) -> None:
        self.decryption = None
        report = error.report if isinstance(error, VerificationFailed) else None
        self.result_view.show_failure(error_text(error), report)

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self.decryption = None
        if outcome.committed and outcome.result is not None:
            self.result_view.show_report(outcome.result)
            self.context.status_message.emit(outcome.sentence)
        else:
            self.result_view.show_cancelled(outcome.sentence)
