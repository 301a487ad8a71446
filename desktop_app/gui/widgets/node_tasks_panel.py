"""A Federated Node's tasks in the window: sign in, add a task by id, see each task's status,
fetch a task's results into a folder (downloaded and extracted safely; not protected by the
network, which the panel says).

Self-contained so that the server tab can show it when the active server is a Federated Node
(`NodeTasksPanel(context)`); `results_fetched` carries the core's `FetchReport` for whoever
opens results. Every network call runs through `run_operation`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import PHTError
from desktop_app.core.federated_node.tasks import HELD, review_words
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import OperationBar, run_operation


class NodeTasksPanel(QWidget):
    results_fetched = Signal(object)  # core.federated_node.results.FetchReport

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.listings: list = []
        self.username = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remem&ber the password in the OS keyring"))
        self.sign_in_button = QPushButton(self.tr("Sign &in"))
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.task_field = QLineEdit(placeholderText=self.tr("a task id, such as 42"))
        self.add_button = QPushButton(self.tr("Add tas&k"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.fetch_button = QPushButton(self.tr("Fe&tch results…"))
        self.table = QTableWidget(0, 4)
        self.operation_bar = OperationBar(self)  # progress and cancel of this panel's jobs
        self.message = QLabel(wordWrap=True)
        self.notice = QLabel(
            self.tr(
                "Federated Node results are not encrypted or signed by the network: only each file's "
                "checksum is checked, not who made it."
            ),
            wordWrap=True,
        )
        self._lay_out()
        self._name_for_assistive_technology()
        self.sign_in_button.clicked.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        self.sign_out_button.clicked.connect(self.sign_out)
        self.add_button.clicked.connect(self.add_task)
        self.task_field.returnPressed.connect(self.add_task)
        self.refresh_button.clicked.connect(self.refresh)
        self.fetch_button.clicked.connect(lambda: self.fetch_selected())

    def _lay_out(self) -> None:
        sign_in = QGroupBox(self.tr("Sign in to the node"))
        form = QFormLayout(sign_in)
        user_label, password_label = QLabel(self.tr("&Username:")), QLabel(self.tr("Pass&word:"))
        user_label.setBuddy(self.username)
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        form.addRow("", self.remember)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.sign_out_button)
        form.addRow("", buttons)
        self.table.setHorizontalHeaderLabels([self.tr("Task"), self.tr("Name"), self.tr("Status"), self.tr("Results")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        add_row = QHBoxLayout()
        add_row.addWidget(self.task_field)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.refresh_button)
        add_row.addWidget(self.fetch_button)
        layout = QVBoxLayout(self)
        layout.addWidget(sign_in)
        layout.addLayout(add_row)
        layout.addWidget(self.table)
        layout.addWidget(self.operation_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.notice)

    def _name_for_assistive_technology(self) -> None:
        for widget, name in (
            (self.username, self.tr("Username on the node")),
            (self.password, self.tr("Password on the node")),
            (self.remember, self.tr("Remember the password")),
            (self.sign_in_button, self.tr("Sign in to the node")),
            (self.sign_out_button, self.tr("Sign out of the node")),
            (self.task_field, self.tr("Task id to add")),
            (self.add_button, self.tr("Add the task")),
            (self.refresh_button, self.tr("Refresh the tasks")),
            (self.fetch_button, self.tr("Fetch the selected task's results")),
            (self.table, self.tr("Your tasks on the node")),
        ):
            widget.setAccessibleName(name)

    # -- jobs ----------------------------------------------------------------------------------

    def _client(self):
        from desktop_app.core.federated_node.session import open_node_client

        if self.context.keystore is None:
            raise PHTError(self.context.keystore_error)
        return open_node_client(self.context.settings, self.context.keystore)

    def _known(self, client):
        from desktop_app.core.federated_node.tasks import KnownTasks

        return KnownTasks(self.context.paths, client.profile.name)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, error: PHTError) -> None:
        self._say(error_text(error))  # plain text: sentences may quote the node's words

    def sign_in(self) -> None:
        username, password, remember = self.username.text(), self.password.text(), self.remember.isChecked()
        if not username or not password:
            return
        self.password.clear()

        def work(progress, cancel):
            with self._client() as client:
                client.sign_in(username, password, remember=remember)
                return client.profile.label

        run_operation(self, self.tr("Signing in to the node"), work, self._signed_in, self._failed)

    def _signed_in(self, label: str) -> None:
        self._say(self.tr("Signed in to {0}.").format(label))
        self.refresh()

    def sign_out(self) -> None:
        def work(progress, cancel):
            with self._client() as client:
                client.sign_out()

        run_operation(self, self.tr("Signing out"), work, lambda _: self._say(self.tr("Signed out.")), self._failed)

    def add_task(self) -> None:
        wanted = self.task_field.text().strip()
        if not wanted:
            return

        def work(progress, cancel):
            from desktop_app.core.federated_node.tasks import fetch_and_remember

            with self._client() as client:
                return fetch_and_remember(client, self._known(client), wanted)

        def added(task) -> None:
            self.task_field.clear()
            self._say(self.tr("Task {0} added.").format(task.id))
            self.refresh()

        run_operation(self, self.tr("Reading the task"), work, added, self._failed)

    def refresh(self) -> None:
        def work(progress, cancel):
            from desktop_app.core.federated_node.results import list_results

            with self._client() as client:
                return list_results(client, self._known(client))

        run_operation(self, self.tr("Reading your tasks"), work, self._show, self._failed)

    def _show(self, listings: list) -> None:
        self.listings = listings
        self.table.setRowCount(len(listings))
        for row, item in enumerate(listings):
            task = item.task
            if task is None:
                cells = [str(item.id), "", item.problem or "", ""]
            else:
                ready = task.finished and task.review not in HELD
                results = self.tr("ready") if ready else (review_words(task.review) or self.tr("not yet"))
                cells = [str(task.id), task.name, task.status, results]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected_task(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.listings[rows[0].row()].id if rows else None

    def fetch_selected(self, folder: Path | None = None) -> None:
        """Fetch the selected task's results into `folder` (asked for when not given): a new
        folder `task-<id>-results` is made inside it."""
        task = self.selected_task()
        if task is None:
            self._say(self.tr("Select a task first."))
            return
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the results"))
            if not chosen:
                return
            folder = Path(chosen)
        out_dir = folder / f"task-{task}-results"

        def work(progress, cancel):
            from desktop_app.core.federated_node.results import fetch_result

            with self._client() as client:
                return fetch_result(client, task, out_dir, progress, cancel, known=self._known(client))

        def fetched(report) -> None:
            self._say(
                self.tr("Fetched {0} files of task {1} into {2}.").format(len(report.files), report.task, report.folder)
            )
            self.results_fetched.emit(report)

        run_operation(self, self.tr("Fetching the results of task {0}").format(task), work, fetched, self._failed)
