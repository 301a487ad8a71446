"""The Trains tab: sign in, list your trains, sign one knowingly, download its results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central import api
from desktop_app.core.central.download import download_result
from desktop_app.core.central.errors import NotSignedIn
from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.central.session import open_client
from desktop_app.core.central.train_review import review_train, sign_reviewed
from desktop_app.core.progress import Progress
from desktop_app.gui.context import AppContext
from desktop_app.gui.widgets.result_view import human_size
from desktop_app.gui.widgets.sign_in_box import SignInBox
from desktop_app.gui.widgets.tables import row_table
from desktop_app.gui.widgets.train_review_box import TrainReviewBox
from desktop_app.gui.workers import BackgroundTask, run_in_background

COLUMNS = ("Name", "Id", "Build", "Run", "Result", "Updated")


class TrainsTab(QWidget):
    archive_downloaded = Signal(object)  # Path: handed to the Results tab

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self.trains: list[api.Train] = []
        self.last_error = ""  # the latest failure's sentence (also shown in the status bar)

        self.server = QComboBox()
        self.server.currentIndexChanged.connect(self._server_chosen)
        self.session = QLabel()
        self.sign_out_button = QPushButton("Sign out")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.sign_in_box = SignInBox(self)
        self.sign_in_box.submitted.connect(self.sign_in)
        self.status_filter = QComboBox()
        self.status_filter.addItem("All trains", None)
        for status in api.RESULT_STATUSES:
            self.status_filter.addItem(f"Result {status}", status)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton("Refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.table = row_table(COLUMNS, stretch_column=1)
        self.table.itemSelectionChanged.connect(self._update)
        self.review_button = QPushButton("Review and sign…")
        self.review_button.clicked.connect(self.review_selected)
        self.download_button = QPushButton("Download…")
        self.download_button.clicked.connect(self._choose_download)
        self.fetch_button = QPushButton("Download and decrypt")
        self.fetch_button.clicked.connect(self.download_and_decrypt)
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.review_box = TrainReviewBox(self)
        self.review_box.sign_button.clicked.connect(self.sign_reviewed)

        top = QHBoxLayout()
        top.addWidget(QLabel("Server:"))
        top.addWidget(self.server)
        top.addWidget(self.session, 1)
        top.addWidget(self.sign_out_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.review_button, self.download_button, self.fetch_button):
            actions.addWidget(button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.progress_label)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sign_in_box)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.review_box)
        context.keys_changed.connect(lambda: self.review_box.set_keys(context.keystore))
        self.review_box.set_keys(context.keystore)
        self.reload_servers()

    # -- state -----------------------------------------------------------------------------------

    def reload_servers(self) -> None:
        profiles = ServerProfiles(self.context.settings)
        active = self.context.settings.get("central.active")
        self.server.blockSignals(True)
        self.server.clear()
        for profile in profiles.all():
            self.server.addItem(profile.label, profile.name)
        self.server.setCurrentIndex(max(0, self.server.findData(active)))
        self.server.blockSignals(False)
        self._show_session()

    def _server_chosen(self) -> None:
        if self.server.currentData():
            ServerProfiles(self.context.settings).use(self.server.currentData())
            self.trains = []
            self._fill_table()
            self._show_session()

    def _signed_in(self) -> bool:
        store, name = self.context.keystore, self.server.currentData()
        return bool(store and name and store.get_secret(f"central.tokens.{name}"))

    def _show_session(self, message: str = "") -> None:
        name = self.server.currentData()
        signed_in = self._signed_in()
        if not name:
            self.session.setText("No server profile: add one with `pht-desktop server add`, or run `pht-desktop demo`.")
        else:
            self.session.setText("Signed in." if signed_in else "Not signed in.")
        self.sign_in_box.setVisible(bool(name) and not signed_in)
        self.sign_in_box.message.setText(message)
        self.sign_out_button.setVisible(signed_in)
        self._update()

    def selected_train(self) -> api.Train | None:
        rows = self.table.selectionModel().selectedRows()
        return self.trains[rows[0].row()] if rows else None

    def select_train(self, train_id: str) -> None:
        for row, train in enumerate(self.trains):
            if train.id == train_id:
                self.table.selectRow(row)

    def _update(self) -> None:
        idle, train, signed_in = self.task is None, self.selected_train(), self._signed_in()
        self.refresh_button.setEnabled(idle and signed_in)
        self.review_button.setEnabled(idle and bool(train and train.awaits_signature))
        for button in (self.download_button, self.fetch_button):
            button.setEnabled(idle and bool(train and train.result_ready))
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(not idle)

    # -- background work -------------------------------------------------------------------------

    def _run(self, label: str, work, on_success, on_progress=None) -> None:
        settings, store = self.context.settings, self.context.keystore

        def with_client(progress, cancel):
            with open_client(settings, store) as client:  # type: ignore[arg-type]
                return work(client, progress, cancel)

        def finished(result) -> None:
            self.task = None
            self._update()
            on_success(result)

        def failed(message: str) -> None:
            error = self.task.error if self.task else None
            self.task = None
            if isinstance(error, NotSignedIn):
                self._show_session(message)  # the session is gone: ask to sign in again
            else:
                self.context.status_message.emit(message)
                self.progress_label.setText("")
            self._update()
            self.last_error = message

        def cancelled() -> None:
            self.task = None
            self._update()
            self.context.status_message.emit("Cancelled; a partial download is kept as .part to resume.")

        self.last_error = ""
        self.progress.setRange(0, 0)
        self.progress_label.setText(label)
        self.task = run_in_background(with_client, finished, failed, on_progress, cancelled, parent=self)
        self._update()

    def sign_in(self, credentials, remember: bool) -> None:
        def work(client, progress, cancel):
            return client.sign_in(credentials, remember)

        self._run("Signing in…", work, lambda _: (self._show_session(), self.refresh()))

    def sign_out(self) -> None:
        self._run("Signing out…", lambda client, p, c: client.sign_out(), lambda _: self._show_session())
        self.trains = []
        self._fill_table()

    def refresh(self) -> None:
        if not self._signed_in():
            return
        status = self.status_filter.currentData()
        self._run("Loading trains…", lambda client, p, c: api.list_trains(client, status), self._show_trains)

    def _show_trains(self, trains: list[api.Train]) -> None:
        self.trains = trains
        self._fill_table()
        self.progress_label.setText("")

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.trains))
        for row, train in enumerate(self.trains):
            values = (
                train.name,
                train.id,
                train.status("build"),
                train.status("run"),
                train.status("result"),
                str(train.raw.get("updated_at") or "")[:16].replace("T", " "),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, train.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update()

    # -- sign knowingly --------------------------------------------------------------------------

    def review_selected(self) -> None:
        train = self.selected_train()
        if train:
            self._run(
                f"Downloading and hashing the files of {train.name}…",
                lambda client, p, c: review_train(client, train.id),
                self._reviewed,
            )

    def _reviewed(self, review) -> None:
        self.progress_label.setText("")
        self.review_box.set_keys(self.context.keystore)
        self.review_box.show_review(review)

    def sign_reviewed(self) -> None:
        review, store = self.review_box.review, self.context.keystore
        name = self.review_box.key_choice.currentData()
        if not review or not store or not name:
            return
        passphrase = self.review_box.passphrase.text() if store.get(name).protected else None
        self.review_box.passphrase.clear()

        def work(client, progress, cancel):
            return sign_reviewed(client, review, store.load_private_key(name, passphrase))

        def signed(train: api.Train) -> None:
            self.review_box.show_review(None)
            self.context.status_message.emit(f"Signed {train.name} with {name}; the signature was submitted.")
            self.refresh()

        self._run("Signing…", work, signed)

    # -- results ---------------------------------------------------------------------------------

    def _choose_download(self) -> None:
        train = self.selected_train()
        if train:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save the result archive", f"{train.name}-results.tar")
            if chosen:
                self.download_to(train, Path(chosen))

    def _progressed(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(progress.fraction * 1000))
        total = f" of {human_size(progress.total)}" if progress.total else ""
        self.progress_label.setText(f"{human_size(progress.done)}{total} · {progress.label}")

    def download_to(self, train: api.Train, target: Path, then=None) -> None:
        def done(path: Path) -> None:
            self.progress_label.setText("")
            self.context.status_message.emit(f"Downloaded the results of {train.name} to {path}.")
            if then:
                then(path)

        self._run(
            f"Downloading the results of {train.name}…",
            lambda client, progress, cancel: download_result(client, train.id, target, progress, cancel),
            done,
            self._progressed,
        )

    def download_and_decrypt(self) -> None:
        train = self.selected_train()
        if train:
            target = self.context.paths.data_dir / "downloads" / f"{train.id}.tar"
            self.download_to(train, target, self.archive_downloaded.emit)
