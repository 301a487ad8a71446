"""The server's tab: sign in, then what the active server's network has. PHT central: your
trains, signed knowingly, their results downloaded and decrypted; a FLAME hub: your analyses
and their result buckets; a PHEMS Federated Node: your tasks and their results. The tab is
titled after what it shows (Trains, Analyses, Tasks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central import api
from desktop_app.core.central.download import download_result
from desktop_app.core.central.errors import NotSignedIn
from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.central.session import open_client
from desktop_app.core.central.train_review import review_train, sign_reviewed
from desktop_app.core.errors import PHTError
from desktop_app.core.log_file import remember_secret
from desktop_app.core.paths import safe_file_name
from desktop_app.core.sessions import open_session
from desktop_app.gui.appearance import WARNING, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.dialogs.preferences_dialog import DEFAULT_KEY
from desktop_app.gui.dialogs.server_dialog import AddServerDialog
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.widgets.flame_results_panel import FlameResultsPanel
from desktop_app.gui.widgets.node_tasks_panel import NodeTasksPanel
from desktop_app.gui.widgets.sign_in_box import SignInBox
from desktop_app.gui.widgets.tables import row_table
from desktop_app.gui.widgets.train_review_box import TrainReviewBox

# The central API's train states, in words (a state the app does not know is shown as sent).
STATES = {
    "started": QT_TRANSLATE_NOOP("TrainsTab", "started"),
    "downloading": QT_TRANSLATE_NOOP("TrainsTab", "downloading"),
    "downloaded": QT_TRANSLATE_NOOP("TrainsTab", "downloaded"),
    "extracting": QT_TRANSLATE_NOOP("TrainsTab", "extracting"),
    "extracted": QT_TRANSLATE_NOOP("TrainsTab", "extracted"),
    "finished": QT_TRANSLATE_NOOP("TrainsTab", "finished"),
    "failed": QT_TRANSLATE_NOOP("TrainsTab", "failed"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("TrainsTab", "Name"),
    QT_TRANSLATE_NOOP("TrainsTab", "Id"),
    QT_TRANSLATE_NOOP("TrainsTab", "Build"),
    QT_TRANSLATE_NOOP("TrainsTab", "Run"),
    QT_TRANSLATE_NOOP("TrainsTab", "Result"),
    QT_TRANSLATE_NOOP("TrainsTab", "Updated"),
)
TITLES = {
    ServerKind.PHT_CENTRAL: QT_TRANSLATE_NOOP("TrainsTab", "Trains"),
    ServerKind.FLAME: QT_TRANSLATE_NOOP("TrainsTab", "Analyses"),
    ServerKind.FEDERATED_NODE: QT_TRANSLATE_NOOP("TrainsTab", "Tasks"),
}


class TrainsTab(QWidget):
    archive_downloaded = Signal(object)  # Path: handed to the Results tab
    title_changed = Signal(str)  # what the tab shows for the active server's kind

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.trains: list[api.Train] = []
        self.last_error = ""  # the latest failure's sentence (also shown in the status bar)
        self.dialog: QWidget | None = None
        self._listed: str | None = None  # the server whose list was fetched since it was signed in to

        self.server = QComboBox()
        self.server.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # whole profile names
        self.server.setAccessibleName(self.tr("Server"))
        self.server.currentIndexChanged.connect(self._server_chosen)
        self.add_server_button = QPushButton(self.tr("&Add server…"))
        self.add_server_button.clicked.connect(self.open_add_server)
        self.session = QLabel(wordWrap=True)
        self.session.setTextFormat(Qt.TextFormat.PlainText)
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.clicked.connect(self.sign_out)
        # Without a server: what to do next. During the demo: that it is one, and how to sign in.
        self.no_server = QWidget()
        no_server_row = QHBoxLayout(self.no_server)
        no_server_row.setContentsMargins(0, 0, 0, 0)
        no_server_text = QLabel(
            self.tr("No server yet. Add the PHT server your administrator gave you, or try the demo.")
        )
        no_server_text.setWordWrap(True)
        no_server_row.addWidget(no_server_text, 1)
        self.no_server_add = QPushButton(self.tr("Add your PHT ser&ver…"))
        self.no_server_add.clicked.connect(self.open_add_server)
        self.no_server_demo = QPushButton(self.tr("Try the &demo"))
        no_server_row.addWidget(self.no_server_add)
        no_server_row.addWidget(self.no_server_demo)
        self.demo_banner = QWidget()
        demo_row = QHBoxLayout(self.demo_banner)
        demo_row.setContentsMargins(0, 0, 0, 0)
        self.demo_text = QLabel(wordWrap=True)
        self.demo_text.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.demo_text, WARNING)
        self.demo_text.setAccessibleName(self.tr("About the local demo"))
        self.stop_demo_button = QPushButton(self.tr("Stop the de&mo"))
        demo_row.addWidget(self.demo_text, 1)
        demo_row.addWidget(self.stop_demo_button)
        self.demo_banner.hide()
        self.demo = None
        self.sign_in_box = SignInBox(self)
        self.sign_in_box.submitted.connect(self.sign_in)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show trains"))
        self.status_filter.addItem(self.tr("All trains"), None)
        for status in api.RESULT_STATUSES:
            self.status_filter.addItem(self.tr("Result {status}").format(status=state_text(status)), status)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.refresh_button = QPushButton(self.tr("R&efresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.table = row_table(tuple(QCoreApplication.translate("TrainsTab", c) for c in COLUMNS), stretch_column=1)
        self.table.setAccessibleName(self.tr("Your trains"))
        self.table.itemSelectionChanged.connect(self._update)
        self.review_button = QPushButton(self.tr("&Review and sign…"))
        self.review_button.clicked.connect(self.review_selected)
        self.download_button = QPushButton(self.tr("Dow&nload…"))
        self.download_button.clicked.connect(self._choose_download)
        self.fetch_button = QPushButton(self.tr("Download and de&crypt"))
        self.fetch_button.clicked.connect(self.download_and_decrypt)
        self.operation_bar = OperationBar(self)
        self.review_box = TrainReviewBox(self)
        self.review_box.sign_button.clicked.connect(self.sign_reviewed)
        self.flame = FlameResultsPanel(context)
        self.flame.failed.connect(self._failed)
        self.node = NodeTasksPanel(context)
        self.kind: ServerKind | None = None

        top = QHBoxLayout()
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.server)
        top.addWidget(server_label)
        top.addWidget(self.server)
        top.addWidget(self.add_server_button)
        top.addWidget(self.session, 1)
        top.addWidget(self.sign_out_button)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.review_button, self.download_button, self.fetch_button):
            actions.addWidget(button)
        actions.addStretch(1)
        trains_page = QWidget()
        trains_layout = QVBoxLayout(trains_page)
        trains_layout.setContentsMargins(0, 0, 0, 0)
        trains_layout.addLayout(filters)
        trains_layout.addWidget(self.table, 1)
        trains_layout.addLayout(actions)
        trains_layout.addWidget(self.review_box)
        self.pages = QStackedWidget()
        self.page_of = {ServerKind.PHT_CENTRAL: trains_page, ServerKind.FLAME: self.flame}
        self.page_of[ServerKind.FEDERATED_NODE] = self.node
        for page in self.page_of.values():
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.no_server)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.sign_in_box)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.operation_bar)
        layout.addStretch(0)  # takes the room only while the pages are hidden (no server): rows stay on top
        context.keys_changed.connect(lambda: self.review_box.set_keys(self._rsa_keys()))
        context.session_changed.connect(self._show_session)
        context.servers_changed.connect(self.reload_servers)
        registry().changed.connect(self._update)
        self.review_box.set_keys(self._rsa_keys())
        self.reload_servers()

    # -- state -----------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return is_busy(self)

    def _rsa_keys(self):
        return [info for info in self.context.keys if info.is_rsa]

    def reload_servers(self) -> None:
        profiles = ServerProfiles(self.context.settings)
        active = self.context.active_server
        self.server.blockSignals(True)
        self.server.clear()
        for profile in profiles.all():
            self.server.addItem(profile.label, profile.name)
        self.server.setCurrentIndex(max(0, self.server.findData(active)))
        self.server.blockSignals(False)
        if self.server.currentData():
            self.context.check_session(self.server.currentData())
        self._show_session()

    def attach_demo(self, demo, try_demo) -> None:
        """The window's demo session: started from here, from the welcome page or from Help."""
        self.demo = demo
        self.no_server_demo.clicked.connect(try_demo)
        self.stop_demo_button.clicked.connect(demo.stop)
        demo.changed.connect(self._demo_changed)

    def _demo_changed(self) -> None:
        demo = self.demo
        self.no_server_demo.setEnabled(not demo.starting)
        if demo.running and demo.credentials:
            user, password = demo.credentials
            self.demo_text.setText(
                self.tr(
                    "LOCAL DEMO — not a real PHT server; nothing leaves this computer. Signed in as {user} "
                    "(password {password}). Try: 1. Keys tab → Register your key. 2. Here: select the train "
                    "waiting for your signature → Review and sign. 3. Select the finished train → Download and "
                    "decrypt."
                ).format(user=user, password=password)
            )
        self.demo_banner.setVisible(demo.running)
        if not demo.running:
            self.trains = []
            self._fill_table()
        self.reload_servers()

    def open_add_server(self) -> AddServerDialog:
        dialog = AddServerDialog(self.context.settings, self)
        dialog.accepted.connect(self.reload_servers)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _server_chosen(self) -> None:
        name = self.server.currentData()
        if name:
            ServerProfiles(self.context.settings).use(name)
            self.trains = []
            self._fill_table()
            self.flame.clear()
            self.context.check_session(name)
            self._show_session()

    def _signed_in(self) -> bool:
        name = self.server.currentData()
        return bool(name and self.context.signed_in.get(name))

    def _server_kind(self, name: str | None) -> ServerKind:
        profiles = ServerProfiles(self.context.settings)
        return next((p.kind for p in profiles.all() if p.name == name), ServerKind.PHT_CENTRAL)

    def title(self) -> str:
        return QCoreApplication.translate("TrainsTab", TITLES[self.kind or ServerKind.PHT_CENTRAL])

    def _show_kind(self, kind: ServerKind) -> None:
        self.pages.setCurrentWidget(self.page_of[kind])
        if kind != self.kind:
            self.kind = kind
            self.title_changed.emit(self.title())

    def _show_session(self, message: str = "") -> None:
        name = self.server.currentData()
        kind = self._server_kind(name)
        self._show_kind(kind)
        own_sign_in = kind == ServerKind.FEDERATED_NODE  # the node's panel signs in by itself
        known = name in self.context.signed_in
        signed_in = self._signed_in()
        self.no_server.setVisible(not name)
        self.add_server_button.setVisible(bool(name))  # without one, the empty state offers it
        self.pages.setVisible(bool(name))
        if not name or own_sign_in:
            self.session.setText("")
        elif not known:
            self.session.setText(self.tr("Checking the session…"))
        else:
            self.session.setText(self.tr("Signed in.") if signed_in else self.tr("Not signed in."))
        self.sign_in_box.setVisible(bool(name) and known and not signed_in and not own_sign_in)
        self.sign_in_box.message.setText(message)
        self.sign_out_button.setVisible(signed_in and not own_sign_in)
        self._update()
        # Signed in, however it came about (the form, the demo, a session kept from last time):
        # the list is fetched once, not left empty until someone presses Refresh.
        if signed_in and not own_sign_in and self._listed != name:
            self._listed = name
            self.refresh()
        elif not signed_in:
            self._listed = None

    def selected_train(self) -> api.Train | None:
        rows = self.table.selectionModel().selectedRows()
        return self.trains[rows[0].row()] if rows else None

    def select_train(self, train_id: str) -> None:
        for row, train in enumerate(self.trains):
            if train.id == train_id:
                self.table.selectRow(row)

    def _update(self) -> None:
        idle, train, signed_in = not self.busy, self.selected_train(), self._signed_in()
        self.refresh_button.setEnabled(idle and signed_in)
        self.review_button.setEnabled(idle and bool(train and train.awaits_signature))
        for button in (self.download_button, self.fetch_button):
            button.setEnabled(idle and bool(train and train.result_ready))
        self.sign_in_box.button.setEnabled(idle)
        self.server.setEnabled(idle)

    # -- background work -------------------------------------------------------------------------

    def _run(self, label: str, work, on_success, on_progress=None, *, any_network: bool = False) -> None:
        """Run `work(client, progress, cancel)` with a client of the active server: PHT central's
        for its own jobs, or (`any_network`) the active network's, for signing in and out."""
        settings, store = self.context.settings, self.context.keystore
        opener = open_session if any_network else open_client

        def with_client(progress, cancel):
            with opener(settings, store) as client:  # type: ignore[arg-type]
                return work(client, progress, cancel)

        self.last_error = ""
        run_operation(self, label, with_client, on_success, self._failed, self._cancelled, on_progress)

    def _failed(self, error: PHTError) -> None:
        message = error_text(error)
        self.last_error = message
        if isinstance(error, NotSignedIn):  # the session is gone: ask to sign in again
            name = self.server.currentData()
            if name:
                self.context.set_signed_in(name, False)
            self._show_session(error.message)
        else:
            self.context.status_message.emit(message)

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self.context.status_message.emit(outcome.sentence)
        if outcome.committed and self.server.currentData():  # a sign-in or -out went ahead: look again
            self.context.check_session(self.server.currentData())

    def sign_in(self, credentials, remember: bool) -> None:
        remember_secret(credentials.secret)
        name = self.server.currentData()

        def signed_in(_) -> None:
            self.context.set_signed_in(name, True)  # the session's change fetches the list

        already_sent = self.tr("the sign-in had already been sent.")

        def work(client, progress, cancel):
            cancel.commit(already_sent)  # a session may be kept from here on
            return client.sign_in(credentials, remember=remember)

        self._run(self.tr("Signing in"), work, signed_in, any_network=True)

    def sign_out(self) -> None:
        name = self.server.currentData()
        signed_out = lambda _: self.context.set_signed_in(name, False)  # noqa: E731
        self._run(
            self.tr("Signing out"), lambda client, p, cancel: _sign_out(client, cancel), signed_out, any_network=True
        )
        self.trains = []
        self._fill_table()
        self.flame.clear()

    def refresh(self) -> None:
        if not self._signed_in() or self.busy:
            return
        if self.kind == ServerKind.FLAME:
            self.flame.refresh()
            return
        if self.kind != ServerKind.PHT_CENTRAL:
            return
        status = self.status_filter.currentData()
        self._run(self.tr("Loading trains"), lambda client, p, c: api.list_trains(client, status), self._show_trains)

    def _show_trains(self, trains: list[api.Train]) -> None:
        self.trains = trains
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.trains))
        for row, train in enumerate(self.trains):
            values = (
                train.name,
                train.id,
                state_text(train.status("build")),
                state_text(train.status("run")),
                state_text(train.status("result")),
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
                self.tr("Downloading and hashing the files of {train}").format(train=train.name),
                lambda client, p, c: review_train(client, train.id),
                self._reviewed,
            )

    def _reviewed(self, review) -> None:
        self.review_box.set_keys(self._rsa_keys())
        default = self.review_box.key_choice.findData(self.context.settings.get(DEFAULT_KEY))
        self.review_box.key_choice.setCurrentIndex(max(0, default))
        self.review_box.show_review(review)

    def sign_reviewed(self) -> None:
        review, store = self.review_box.review, self.context.keystore
        info = self.context.key(self.review_box.key_choice.currentData())
        if not review or not store or not info:
            return
        passphrase = self.review_box.passphrase.text() if info.protected else None
        remember_secret(passphrase)
        self.review_box.passphrase.clear()

        submitting = self.tr("the signature for {train} was already being submitted.").format(train=review.train.name)

        def work(client, progress, cancel):
            key = store.load_private_key(info.name, passphrase)
            cancel.commit(submitting)
            return sign_reviewed(client, review, key)

        def signed(train: api.Train) -> None:
            self.review_box.show_review(None)
            self.context.status_message.emit(
                self.tr("Signed {train} with {key}; the signature was submitted.").format(
                    train=train.name, key=info.name
                )
            )
            self.refresh()

        self._run(self.tr("Signing"), work, signed)

    # -- results ---------------------------------------------------------------------------------

    def _choose_download(self) -> None:
        train = self.selected_train()
        if train:
            suggested = f"{safe_file_name(train.name)}-results.tar"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the result archive"), suggested)
            if chosen:
                self.download_to(train, Path(chosen))

    def download_to(self, train: api.Train, target: Path, then=None) -> None:
        def done(path: Path) -> None:
            self.context.status_message.emit(
                self.tr("Downloaded the results of {train} to {path}.").format(train=train.name, path=path)
            )
            if then:
                then(path)

        self._run(
            self.tr("Downloading the results of {train}").format(train=train.name),
            lambda client, progress, cancel: download_result(client, train.id, target, progress, cancel),
            done,
        )

    def download_and_decrypt(self) -> None:
        train = self.selected_train()
        if train:
            # The id comes from the server: reduced to a plain file name, it cannot leave the folder.
            target = self.context.paths.data_dir / "downloads" / f"{safe_file_name(train.id)}.tar"
            self.download_to(train, target, self.archive_downloaded.emit)


def state_text(state: str) -> str:
    return QCoreApplication.translate("TrainsTab", STATES[state]) if state in STATES else state


def _sign_out(client, cancel) -> None:
    cancel.commit(QCoreApplication.translate("TrainsTab", "the session was already being removed."))
    client.sign_out()
