"""The Keys tab: the profile's keys, and generate / import / export / copy / delete."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from desktop_app.core.errors import PHTError
from desktop_app.core.keys.transfer import public_export
from desktop_app.core.keystore import ENCRYPTED_FILE, KeyInfo, KeyStore, set_storage
from desktop_app.core.log_file import remember_secret
from desktop_app.core.settings import write_atomically
from desktop_app.gui.appearance import ERROR, set_tone
from desktop_app.gui.context import AppContext
from desktop_app.gui.dialogs.flame_node_key_dialog import FlameNodeKeyDialog, active_is_flame, fits_a_node
from desktop_app.gui.dialogs.generate_key_dialog import GenerateKeyDialog
from desktop_app.gui.dialogs.key_file_dialogs import DeleteKeyDialog, ExportKeyDialog, ImportKeyDialog
from desktop_app.gui.error_display import show_error
from desktop_app.gui.operations import CancelOutcome, OperationBar, is_busy, registry, run_operation
from desktop_app.gui.tabs.keys_server import KeyServerActions
from desktop_app.gui.tabs.welcome_tab import BACKED_UP, keys_without_backup, no_backup_sentence
from desktop_app.gui.widgets.tables import row_table

COLUMNS = (
    QT_TRANSLATE_NOOP("KeysTab", "Name"),
    QT_TRANSLATE_NOOP("KeysTab", "Type"),
    QT_TRANSLATE_NOOP("KeysTab", "Fingerprint"),
    QT_TRANSLATE_NOOP("KeysTab", "Created"),
    QT_TRANSLATE_NOOP("KeysTab", "Active server"),
)


def public_text(info: KeyInfo) -> str:
    """The public key as PEM (Paillier: its JSON), from what the key list holds."""
    if info.type.is_paillier:
        return public_export(None, info.public, "pem")
    return public_export(info.public_pem, None, "pem")


class KeysTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.dialog: QWidget | None = None  # the dialog or prompt currently open, for tests and focus
        self._select_next: str | None = None  # a key to select once the list is read again

        self.unavailable = QLabel(wordWrap=True)
        set_tone(self.unavailable, ERROR)
        self.unavailable.setTextFormat(Qt.TextFormat.PlainText)
        self.use_file_store = QPushButton(self.tr("&Use encrypted key file store…"))
        self.use_file_store.clicked.connect(self.opt_in_file_store)
        # As KeePassXC does: a gentle reminder while a key has no backup.
        self.reminder = QWidget()
        reminder_row = QHBoxLayout(self.reminder)
        reminder_row.setContentsMargins(0, 0, 0, 0)
        self.reminder_text = QLabel(wordWrap=True)
        self.reminder_text.setTextFormat(Qt.TextFormat.PlainText)
        self.reminder_button = QPushButton(self.tr("&Back up now…"))
        self.reminder_button.clicked.connect(lambda: self.open_backup(keys_without_backup(self.context)[0]))
        reminder_row.addWidget(self.reminder_text, 1)
        reminder_row.addWidget(self.reminder_button)
        self.table = row_table(tuple(QCoreApplication.translate("KeysTab", c) for c in COLUMNS), stretch_column=2)
        self.table.setAccessibleName(self.tr("Your keys"))
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.generate_button = QPushButton(self.tr("&Generate…"))
        self.import_button = QPushButton(self.tr("&Import…"))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.copy_button = QPushButton(self.tr("&Copy public key"))
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.server = KeyServerActions(self, context, self._update_and_show_server)
        self.check_button = QPushButton(self.tr("Chec&k server"))
        self.register_button = QPushButton(self.tr("&Register"))
        self.unregister_button = QPushButton(self.tr("U&nregister"))
        self.node_key_button = QPushButton(self.tr("Register as FLAME node ke&y…"))
        self.node_key_button.clicked.connect(lambda: self._with_selected(self.open_node_key))
        self.check_button.clicked.connect(lambda: self.server.check(list(self.context.keys)))
        self.register_button.clicked.connect(lambda: self._with_selected(self.server.register))
        self.unregister_button.clicked.connect(lambda: self._with_selected(self.server.unregister))
        self.generate_button.clicked.connect(self.open_generate)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.open_export)
        self.copy_button.clicked.connect(self.copy_public_key)
        self.delete_button.clicked.connect(self.open_delete)
        self.operation_bar = OperationBar(self)

        buttons = QHBoxLayout()
        for button in (self.generate_button, self.import_button, self.export_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.check_button, self.register_button, self.unregister_button, self.node_key_button):
            buttons.addWidget(button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unavailable)
        layout.addWidget(self.use_file_store, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.reminder)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.operation_bar)
        layout.addLayout(buttons)
        context.keys_changed.connect(self.refresh)
        registry().changed.connect(self._update_buttons)
        context.servers_changed.connect(self._update_buttons)  # a FLAME hub offers node keys
        self.refresh()

    # -- state -----------------------------------------------------------------------------

    @property
    def store(self) -> KeyStore | None:
        return self.context.keystore

    @property
    def busy(self) -> bool:
        return is_busy(self)

    def refresh(self) -> None:
        self.unavailable.setText(self.context.keystore_error)
        self.unavailable.setVisible(bool(self.context.keystore_error))
        self.use_file_store.setVisible(self.store is None)
        selected = self.selected_key()
        keys = self.context.keys
        self.table.setRowCount(len(keys))
        for row, info in enumerate(keys):
            type_text = (
                info.type.value if info.protected else self.tr("{type} (no passphrase)").format(type=info.type.value)
            )
            created = info.created.replace("T", " ")[:16] + " UTC"
            on_server = "—" if info.type.is_ec else self.server.statuses.get(info.name, "")
            for column, text in enumerate((info.name, type_text, info.grouped_fingerprint, created, on_server)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.name)
                if info.type.is_ec:
                    item.setToolTip(self.tr("EC key: FLAME only, cannot be used for PHT trains"))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        unsaved = keys_without_backup(self.context)
        self.reminder.setVisible(bool(unsaved))
        if unsaved:
            self.reminder_text.setText(
                self.tr("{no_backup}: without one, a lost key means its results can never be read.").format(
                    no_backup=no_backup_sentence(unsaved)
                )
            )
        wanted = self._select_next or (selected.name if selected else None)
        self._select_next = None
        if wanted:
            self.select_key(wanted)
        self._update_buttons()

    def selected_key(self) -> KeyInfo | None:
        rows = self.table.selectionModel().selectedRows()
        item = self.table.item(rows[0].row(), 0) if rows else None
        return self.context.key(item.data(Qt.ItemDataRole.UserRole)) if item else None  # None once deleted

    def _with_selected(self, action) -> None:
        info = self.selected_key()
        if info:
            action(info)

    def select_key(self, name: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == name:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        idle = not self.busy
        has_store = self.store is not None
        selected = has_store and bool(self.table.selectionModel().selectedRows())
        self.generate_button.setEnabled(idle and has_store)
        self.import_button.setEnabled(idle and has_store)
        for button in (self.export_button, self.copy_button, self.delete_button):
            button.setEnabled(idle and selected)
        has_server = bool(self.context.active_server)
        self.check_button.setEnabled(idle and has_store and has_server)
        info = self.selected_key() if selected else None
        for button in (self.register_button, self.unregister_button):
            button.setEnabled(idle and has_server and bool(info and not info.type.is_ec))
        flame = has_server and active_is_flame(self.context.settings)
        self.node_key_button.setVisible(flame)
        self.node_key_button.setEnabled(flame and idle and bool(info and fits_a_node(info)))

    def open_node_key(self, info: KeyInfo) -> FlameNodeKeyDialog:
        self.dialog = FlameNodeKeyDialog(self.context, info, self)
        self.dialog.open()
        return self.dialog

    def _update_and_show_server(self) -> None:
        self.refresh()

    def _run(self, label: str, work, on_success, on_cancelled=None) -> None:
        run_operation(self, label, work, on_success, self._show_error, on_cancelled)

    def _show_error(self, error: PHTError) -> None:
        self.dialog = show_error(self, error)

    def _keys_changed_anyway(self, outcome: CancelOutcome) -> None:
        """A cancel's truth in the status bar; a cancel that came too late still changed the keys."""
        self.context.status_message.emit(outcome.sentence)
        if outcome.committed:
            self.context.reload_keys()

    def _keys_written(self, name: str | None, message: str) -> None:
        self._select_next = name
        self.context.reload_keys()
        self.context.status_message.emit(message)

    # -- generate ----------------------------------------------------------------------------

    def open_generate(self) -> GenerateKeyDialog:
        dialog = GenerateKeyDialog({k.name for k in self.context.keys}, self)
        dialog.accepted.connect(
            lambda: self.generate(dialog.name.text(), dialog.selected_type(), dialog.passphrase.passphrase())
        )
        dialog.open()
        self.dialog = dialog
        return dialog

    def generate(self, name: str, key_type, passphrase: str) -> None:
        store = self.store
        assert store is not None
        remember_secret(passphrase)
        self._run(
            self.tr("Generating {type} key “{name}”").format(type=key_type.value, name=name),
            lambda progress, cancel: store.generate(name, key_type, passphrase, cancel=cancel),
            self._generated,
            self._keys_changed_anyway,
        )

    def _generated(self, info: KeyInfo) -> None:
        self._keys_written(
            info.name,
            self.tr("Created key {name} ({fingerprint}).").format(name=info.name, fingerprint=info.grouped_fingerprint),
        )
        prompt = QMessageBox(QMessageBox.Icon.Information, self.tr("Key created"), "", parent=self)
        prompt.setText(
            self.tr(
                "<p>Key <b>{name}</b> is ready.<br>Fingerprint {fingerprint}</p>"
                "<p><b>Next steps:</b> back up the private key to a safe place (a lost key means "
                "results encrypted for it can never be read), then register its public key with "
                "the central PHT server.</p>"
            ).format(name=html.escape(info.name), fingerprint=info.grouped_fingerprint)
        )
        backup = prompt.addButton(self.tr("&Back up now…"), QMessageBox.ButtonRole.AcceptRole)
        prompt.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        backup.clicked.connect(lambda: self.open_export("private-backup", info))
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
        remember_secret(file_pass)
        remember_secret(new_pass)

        def work(progress, cancel):
            info = store.import_key(path, name, file_pass or new_pass, public, cancel=cancel)
            if file_pass and file_pass != new_pass:
                store.change_passphrase(name, file_pass, new_pass)
            return info

        self._run(
            self.tr("Importing {file}").format(file=path.name),
            work,
            lambda info: self._keys_written(
                info.name,
                self.tr("Imported {name} ({fingerprint}).").format(
                    name=info.name, fingerprint=info.grouped_fingerprint
                ),
            ),
            self._keys_changed_anyway,
        )

    def open_export(self, form: str | None = None, info: KeyInfo | None = None) -> ExportKeyDialog | None:
        info = info or self.selected_key()
        if info is None:
            return None
        dialog = ExportKeyDialog(info, self)
        if form:
            dialog.choose(form)
        dialog.accepted.connect(lambda: self.export_key(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_backup(self, name: str) -> ExportKeyDialog | None:
        info = self.context.key(name)
        return self.open_export("private-backup", info) if info else None

    def _backed_up(self, name: str, path: Path) -> None:
        done = list(self.context.settings.get(BACKED_UP) or [])
        if name not in done:
            self.context.settings.set(BACKED_UP, [*done, name])
        self.context.status_message.emit(
            self.tr("Backed up {name} to {path}; keep that file somewhere safe.").format(name=name, path=path)
        )
        self.context.keys_changed.emit()  # the reminder and the welcome page update

    def export_key(self, dialog: ExportKeyDialog) -> None:
        store = self.store
        assert store is not None
        info, form, path = dialog.info, dialog.chosen_form(), Path(dialog.path.text())
        key_pass = dialog.key_passphrase.text() if info.protected else None
        backup_pass = dialog.backup_passphrase.passphrase()
        remember_secret(key_pass)
        remember_secret(backup_pass)

        already_written = self.tr("the public key was already written to {path}.")

        def work(progress, cancel):
            if form == "private-backup":
                store.export_private_backup(info.name, key_pass, path, backup_pass, cancel=cancel)
            else:
                text = store.export_public(info.name, "hex" if form == "public-hex" else "pem")
                cancel.commit(already_written.format(path=path))
                write_atomically(path, text.encode(), mode=0o644)
            return path

        def exported(written: Path) -> None:
            if form == "private-backup":
                self._backed_up(info.name, written)
            else:
                self.context.status_message.emit(
                    self.tr("Exported {name} to {path}.").format(name=info.name, path=written)
                )

        self._run(self.tr("Exporting {name}").format(name=info.name), work, exported)

    def copy_public_key(self) -> None:
        info = self.selected_key()
        if info:  # the public key is in the list already: no keyring or disk read
            QGuiApplication.clipboard().setText(public_text(info))
            self.context.status_message.emit(
                self.tr("Public key of {name} copied to the clipboard.").format(name=info.name)
            )

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
        self._run(
            self.tr("Deleting {name}").format(name=name),
            lambda progress, cancel: store.delete(name, cancel=cancel),
            lambda _: self._deleted(name),
            self._keys_changed_anyway,
        )

    def _deleted(self, name: str) -> None:
        done = [n for n in self.context.settings.get(BACKED_UP) or [] if n != name]
        self.context.settings.set(BACKED_UP, done)  # a new key of that name has no backup
        self._keys_written(None, self.tr("Deleted key {name}.").format(name=name))

    # -- no keyring ---------------------------------------------------------------------------

    def opt_in_file_store(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Use the encrypted key file store?"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "No OS keyring is usable, so PHT Desktop can keep private keys in an encrypted "
                "file in {folder} instead.\n\nEvery key then needs a "
                "passphrase, and sign-in tokens are not remembered."
            ).format(folder=self.context.paths.data_dir)
        )
        use = box.addButton(self.tr("&Use the encrypted file"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        use.clicked.connect(self._switch_to_file_store)
        box.open()
        self.dialog = box
        return box

    def _switch_to_file_store(self) -> None:
        set_storage(self.context.settings, ENCRYPTED_FILE)
        self.context.reopen_keystore()
