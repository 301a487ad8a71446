"""Preferences: the default key, the server profiles, the station's engine and limits, and where
private keys are kept — each section writes the same settings the tabs and the CLI read."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.station.settings import StationSettings
from desktop_app.gui.context import AppContext
from desktop_app.gui.dialogs.server_dialog import AddServerDialog, kind_name
from desktop_app.gui.widgets.language_box import LanguageBox
from desktop_app.gui.widgets.tables import row_table

DEFAULT_KEY = "keys.default"


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Preferences"))
        self.dialog: QWidget | None = None

        keys_box = QGroupBox(self.tr("Keys"))
        keys_form = QFormLayout(keys_box)
        self.default_key = QComboBox()
        self.default_key.addItem(self.tr("(the first RSA key)"), "")
        for info in context.keys:
            if info.is_rsa:
                self.default_key.addItem(f"{info.name} — {info.grouped_fingerprint[:19]}…", info.name)
        self.default_key.setCurrentIndex(max(0, self.default_key.findData(context.settings.get(DEFAULT_KEY) or "")))
        keys_form.addRow(self.tr("&Default key:"), self.default_key)
        store = context.keystore
        where = self.tr("Private keys are kept {where}.").format(where=store.where) if store else context.keystore_error
        self.storage = QLabel(where, wordWrap=True)
        self.storage.setTextFormat(Qt.TextFormat.PlainText)
        keys_form.addRow(self.tr("Stored:"), self.storage)

        servers_box = QGroupBox(self.tr("Servers"))
        self.servers = row_table((self.tr("Name"), self.tr("API"), self.tr("Kind")), stretch_column=1)
        self.servers.setAccessibleName(self.tr("Server profiles"))
        self.servers.itemSelectionChanged.connect(self._update)
        self.add_button = QPushButton(self.tr("&Add…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.remove_button = QPushButton(self.tr("&Remove…"))
        self.use_button = QPushButton(self.tr("&Use"))
        self.add_button.clicked.connect(lambda: self._open_server_dialog(None))
        self.edit_button.clicked.connect(lambda: self._open_server_dialog(self.selected_server()))
        self.remove_button.clicked.connect(self._confirm_remove)
        self.use_button.clicked.connect(self._use)
        server_buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.use_button):
            server_buttons.addWidget(button)
        server_buttons.addStretch(1)
        servers_layout = QVBoxLayout(servers_box)
        servers_layout.addWidget(self.servers)
        servers_layout.addLayout(server_buttons)

        station_box = QGroupBox(self.tr("Station"))
        station_form = QFormLayout(station_box)
        saved = StationSettings.load(context.settings)
        self.engine = QLineEdit(
            saved.engine, placeholderText=self.tr("found automatically (DOCKER_HOST, Docker or Podman)")
        )
        self.time_limit = QSpinBox(minimum=10, maximum=7 * 86400, value=saved.wall_clock_seconds, suffix=self.tr(" s"))
        self.memory = QSpinBox(minimum=0, maximum=1 << 20, suffix=self.tr(" MiB"), specialValueText=self.tr("no limit"))
        self.memory.setValue(saved.memory_mib or 0)
        station_form.addRow(self.tr("E&ngine:"), self.engine)
        station_form.addRow(self.tr("&Time limit:"), self.time_limit)
        station_form.addRow(self.tr("&Memory limit:"), self.memory)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.language = LanguageBox(context.settings, self)
        layout = QVBoxLayout(self)
        for box in (self.language, keys_box, servers_box, station_box):
            layout.addWidget(box)
        layout.addWidget(self.buttons)
        self.reload_servers()

    # -- servers (saved at once: the tabs show them) -----------------------------------------

    def reload_servers(self) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        active = self.context.active_server
        profiles = ServerProfiles(self.context.settings).all()
        self.servers.setRowCount(len(profiles))
        for row, profile in enumerate(profiles):
            kind = self.tr("local demo") if profile.demo else kind_name(profile.kind)
            name = self.tr("{name} (active)").format(name=profile.name) if profile.name == active else profile.name
            for column, text in enumerate((name, profile.api_url, kind)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, profile.name)
                self.servers.setItem(row, column, item)
        self.servers.resizeColumnsToContents()
        self._update()

    def selected_server(self) -> str | None:
        rows = self.servers.selectionModel().selectedRows()
        return self.servers.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _update(self) -> None:
        chosen = self.selected_server()
        for button in (self.edit_button, self.remove_button, self.use_button):
            button.setEnabled(chosen is not None)

    def _open_server_dialog(self, name: str | None) -> AddServerDialog:
        dialog = AddServerDialog(self.context.settings, self)
        if name:
            dialog.edit(ServerProfiles(self.context.settings).get(name))
        dialog.accepted.connect(self._servers_changed)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _servers_changed(self) -> None:
        self.reload_servers()
        self.context.servers_changed.emit()

    def _confirm_remove(self) -> QMessageBox | None:
        name = self.selected_server()
        if not name:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove server"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr("Remove the server profile {name}? Your keys stay; you can add the server again.").format(name=name)
        )
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        remove.clicked.connect(lambda: self._remove(name))
        box.open()
        self.dialog = box
        return box

    def _remove(self, name: str) -> None:
        ServerProfiles(self.context.settings).remove(name)
        self.context.signed_in.pop(name, None)
        self._servers_changed()

    def _use(self) -> None:
        name = self.selected_server()
        if name:
            ServerProfiles(self.context.settings).use(name)
            self.context.check_session(name)
            self._servers_changed()

    # -- the rest, on OK ---------------------------------------------------------------------

    def save(self) -> None:
        self.language.save()
        self.context.settings.set(DEFAULT_KEY, self.default_key.currentData() or None)
        station = StationSettings.load(self.context.settings)
        replace(
            station,
            engine=self.engine.text().strip(),
            wall_clock_seconds=self.time_limit.value(),
            memory_mib=self.memory.value() or None,
        ).save(self.context.settings)
        self.context.preferences_changed.emit()
        self.accept()
