"""The Keys tab: the profile's keys, and generate / import / export / copy / delete."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.keystore import ENCRYPTED_FILE, KeyInfo, KeyStore, set_storage
from desktop_app.core.settings import write_atomically
from desktop_app.gui.context import AppContext
from desktop_app.gui.dialogs.generate_key_dialog import GenerateKeyDialog
from desktop_app.gui.dialogs.key_file_dialogs import DeleteKeyDialog, ExportKeyDialog, ImportKeyDialog
from desktop_app.gui.tabs.keys_server import KeyServerActions
from desktop_app.gui.widgets.tables import row_table
from desktop_app.gui.workers import BackgroundTask, run_in_background

COLUMNS = ("Name", "Type", "Fingerprint", "Created", "Active server")


class KeysTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.task: BackgroundTask | None = None
        self.dialog: QWidget | None = None  # the dialog or prompt currently open, for tests and focus

        self.unavailable = QLabel(wordWrap=True, styleSheet="color: #b00020;")
        self.use_file_store = QPushButton("Use encrypted key file store…")
        self.use_file_store.clicked.connect(self.opt_in_file_store)
        self.table = row_table(COLUMNS, stretch_column=2)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.generate_button = QPushButton("Generate…")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.copy_button = QPushButton("Copy public key")
        self.delete_button = QPushButton("Delete…")
        self.server = KeyServerActions(self, context, self._update_and_show_server)
        self.check_button = QPushButton("Check server")
        self.register_button = QPushButton("Register")
        self.unregister_button = QPushButton("Unregister")
        self.check_button.clicked.connect(lambda: self.store and self.server.check(self.store.list_keys()))
        self.register_button.clicked.connect(lambda: self.selected_key() and self.server.register(self.selected_key()))
        self.unregister_button.clicked.connect(
            lambda: self.selected_key() and self.server.unregister(self.selected_key())
        )
        self.generate_button.clicked.connect(self.open_generate)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.open_export)
        self.copy_button.clicked.connect(self.copy_public_key)
        self.delete_button.clicked.connect(self.open_delete)
        self.busy = QProgressBar(maximum=0, textVisible=False)  # an indeterminate busy indicator
        self.busy_label = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())

        buttons = QHBoxLayout()
        for button in (self.generate_button, self.import_button, self.export_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.check_button, self.register_button, self.unregister_button):
            buttons.addWidget(button)
        buttons.addWidget(self.delete_button)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        busy_row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unavailable)
        layout.addWidget(self.use_file_store, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)
        layout.addLayout(busy_row)
        layout.addLayout(buttons)
        self._set_busy("")
        context.keys_changed.connect(self.refresh)
        self.refresh()

    # -- state -----------------------------------------------------------------------------

    @property
    def store(self) -> KeyStore | None:
        return self.context.keystore

    def refresh(self) -> None:
        self.unavailable.setText(self.context.keystore_error)
        self.unavailable.setVisible(bool(self.context.keystore_error))
        self.use_file_store.setVisible(self.store is None)
        keys = self.store.list_keys() if self.store else []
        self.table.setRowCount(len(keys))
        for row, info in enumerate(keys):
            type_text = info.type.value + ("" if info.protected else " (no passphrase)")
            created = info.created.replace("T", " ")[:16] + " UTC"
            on_server = "—" if info.type.is_ec else self.server.statuses.get(info.name, "")
            for column, text in enumerate((info.name, type_text, info.grouped_fingerprint, created, on_server)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.name)
                if info.type.is_ec:
                    item.setToolTip("EC key: FLAME only, cannot be used for PHT trains")
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_key(self) -> KeyInfo | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        if item is None or not self.store:
            return None
        name = item.data(Qt.ItemDataRole.UserRole)
        return next((k for k in self.store.list_keys() if k.name == name), None)  # None once deleted

    def select_key(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        idle = self.task is None
        has_store = self.store is not None
        selected = has_store and bool(self.table.selectionModel().selectedRows())
        self.generate_button.setEnabled(idle and has_store)
        self.import_button.setEnabled(idle and has_store)
        for button in (self.export_button, self.copy_button, self.delete_button):
            button.setEnabled(idle and selected)
        has_server = bool(self.context.settings.get("central.active")) and self.server.task is None
        self.check_button.setEnabled(idle and has_store and has_server)
        info = self.selected_key() if selected else None
        for button in (self.register_button, self.unregister_button):
            button.setEnabled(idle and has_server and bool(info and not info.type.is_ec))

    def _update_and_show_server(self) -> None:
        selected = self.selected_key()
        self.refresh()
        if selected:
            self.select_key(selected.name)

    def _set_busy(self, text: str) -> None:
        for widget in (self.busy, self.busy_label, self.cancel_button):
            widget.setVisible(bool(text))
        self.busy_label.setText(text)
        self._update_buttons()

    def _error(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "PHT Desktop", message, parent=self)
        box.open()
        self.dialog = box

    def _run(self, label: str, work, on_success) -> None:
        def done(result: object) -> None:
            self.task = None
            self._set_busy("")
            on_success(result)

        def failed(message: str) -> None:
            self.task = None
            self._set_busy("")
            self._error(message)

        def cancelled() -> None:
            self.task = None
            self._set_busy("")
            self.context.status_message.emit("Cancelled; nothing was changed.")

        self.task = run_in_background(work, done, failed, on_cancel=cancelled, parent=self)
        self._set_busy(label)

    # -- generate ----------------------------------------------------------------------------

    def open_generate(self) -> GenerateKeyDialog:
        taken = {k.name for k in self.store.list_keys()} if self.store else set()
        dialog = GenerateKeyDialog(taken, self)
        dialog.accepted.connect(
            lambda: self.generate(dialog.name.text(), dialog.selected_type(), dialog.passphrase.passphrase())
        )
        dialog.open()
        self.dialog = dialog
        return dialog

    def generate(self, name: str, key_type, passphrase: str) -> None:
        store = self.store
        assert store is not None

        def work(progress, cancel):
            return store.generate(name, key_type, passphrase, cancel=cancel)

        self._run(f"Generating {key_type.value} key “{name}”…", work, self._generated)

    def _generated(self, info: KeyInfo) -> None:
        self.context.keys_changed.emit()
        self.select_key(info.name)
        prompt = QMessageBox(QMessageBox.Icon.Information, "Key created", "", parent=self)
        prompt.setText(
            f"<p>Key <b>{info.name}</b> is ready.<br>Fingerprint {info.grouped_fingerprint}</p>"
            "<p><b>Next steps:</b> back up the private key to a safe place (a lost key means "
            "results encrypted for it can never be read), then register its public key with "
            "the central PHT server.</p>"
        )
        backup = prompt.addButton("Back up now…", QMessageBox.ButtonRole.AcceptRole)
        prompt.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        backup.clicked.connect(lambda: self.open_export("private-backup"))
        prompt.open()
        self.dialog = prompt

    # -- import / export / copy / delete ----------------------------------------------------------

    def open_import(self) -> ImportKeyDialog:
        dialog = ImportKeyDialog(self)
        dialog.accepted.connect(lambda: self.import_key(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def import_key(self, dialog: ImportKeyDialog) -> None:
        store = self.store
        assert store is not None
        path, name = Path(dialog.file.text()), dialog.name.text()
        public = Path(dialog.public_file.text()) if dialog.public_file.text() else None
        file_pass, new_pass = dialog.file_passphrase.text() or None, dialog.passphrase.passphrase()

        def work(progress, cancel):
            info = store.import_key(path, name, file_pass or new_pass, public)
            if file_pass and file_pass != new_pass:
                store.change_passphrase(name, file_pass, new_pass)
            return info

        def imported(info: KeyInfo) -> None:
            self.context.keys_changed.emit()
            self.select_key(info.name)
            self.context.status_message.emit(f"Imported {info.name} ({info.grouped_fingerprint}).")

        self._run(f"Importing {path.name}…", work, imported)

    def open_export(self, form: str | None = None) -> ExportKeyDialog | None:
        info = self.selected_key()
        if info is None:
            return None
        dialog = ExportKeyDialog(info, self)
        if form:
            dialog.choose(form)
        dialog.accepted.connect(lambda: self.export_key(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def export_key(self, dialog: ExportKeyDialog) -> None:
        store = self.store
        assert store is not None
        info, form, path = dialog.info, dialog.chosen_form(), Path(dialog.path.text())
        key_pass = dialog.key_passphrase.text() if info.protected else None
        backup_pass = dialog.backup_passphrase.passphrase()

        def work(progress, cancel):
            if form == "private-backup":
                store.export_private_backup(info.name, key_pass, path, backup_pass)
            else:
                text = store.export_public(info.name, "hex" if form == "public-hex" else "pem")
                write_atomically(path, text.encode(), mode=0o644)
            return path

        self._run(
            f"Exporting {info.name}…",
            work,
            lambda written: self.context.status_message.emit(f"Exported {info.name} to {written}."),
        )

    def copy_public_key(self) -> None:
        info = self.selected_key()
        if info and self.store:
            QGuiApplication.clipboard().setText(self.store.export_public(info.name, "pem"))
            self.context.status_message.emit(f"Public key of {info.name} copied to the clipboard.")

    def open_delete(self) -> DeleteKeyDialog | None:
        info = self.selected_key()
        if info is None or self.store is None:
            return None
        dialog = DeleteKeyDialog(info, self.store.where, self)
        dialog.accepted.connect(lambda: self.delete_key(info.name))
        dialog.open()
        self.dialog = dialog
        return dialog

    def delete_key(self, name: str) -> None:
        store = self.store
        assert store is not None

        def deleted(_: object) -> None:
            self.context.keys_changed.emit()
            self.context.status_message.emit(f"Deleted key {name}.")

        self._run(f"Deleting {name}…", lambda progress, cancel: store.delete(name), deleted)

    # -- no keyring ---------------------------------------------------------------------------

    def opt_in_file_store(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, "Use the encrypted key file store?", "", parent=self)
        box.setText(
            "<p>No OS keyring is usable, so PHT Desktop can keep private keys in an encrypted "
            f"file in {self.context.paths.data_dir} instead.</p><p>Every key then needs a "
            "passphrase, and sign-in tokens are not remembered. You can switch back with "
            "<code>pht-desktop keys storage os-keyring</code>.</p>"
        )
        use = box.addButton("Use the encrypted file", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        use.clicked.connect(self._switch_to_file_store)
        box.open()
        self.dialog = box
        return box

    def _switch_to_file_store(self) -> None:
        set_storage(self.context.settings, ENCRYPTED_FILE)
        self.context.reopen_keystore()
