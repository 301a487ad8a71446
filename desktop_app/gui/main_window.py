"""The main window: one tab per working capability, a status bar, About, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.gui.context import AppContext
from desktop_app.gui.tabs.keys_tab import KeysTab
from desktop_app.gui.tabs.results_tab import ResultsTab, is_archive
from desktop_app.gui.tabs.sign_tab import SignTab
from desktop_app.gui.tabs.station_tab import StationTab
from desktop_app.gui.tabs.trains_tab import TrainsTab

GEOMETRY_SETTING = "gui.geometry"

# Tabs in the order they appear; only capabilities that work are listed.
TAB_FACTORIES: list[tuple[str, Callable[[AppContext], QWidget]]] = [
    ("Keys", KeysTab),
    ("Sign", SignTab),
    ("Trains", TrainsTab),
    ("Results", ResultsTab),
    ("Station", StationTab),
]


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(f"{APP_NAME} — profile {context.paths.profile}")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for title, factory in TAB_FACTORIES:
            self.tabs.addTab(factory(context), title)
        self.setCentralWidget(self.tabs)
        self.tab("Trains").archive_downloaded.connect(self.open_result_archive)  # type: ignore[attr-defined]
        self._build_menus()
        context.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        context.keys_changed.connect(self._show_storage)
        self._show_storage()
        self._restore_geometry()
        self.setAcceptDrops(True)

    def tab(self, title: str) -> QWidget:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index) == title:
                return self.tabs.widget(index)
        raise KeyError(title)

    def open_result_archive(self, path: Path) -> None:
        """Show an archive in the Results tab (dropped, or downloaded by another tab)."""
        results = self.tab("Results")
        self.tabs.setCurrentWidget(results)
        results.open_archive(path)  # type: ignore[attr-defined]

    def _dropped_archive(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        return Path(paths[0]) if len(paths) == 1 and is_archive(paths[0]) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_archive(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_archive(event)
        if path:
            event.acceptProposedAction()
            self.open_result_archive(path)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About PHT Desktop", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _show_storage(self) -> None:
        store = self.context.keystore
        where = f"private keys are kept {store.where}" if store else "no key storage available"
        self.statusBar().showMessage(f"Profile {self.context.paths.profile} · {where}")

    def about_text(self) -> str:
        paths = self.context.paths
        return (
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>The desktop companion of the Personal Health Train: keys, train signing, "
            "result decryption and the station runner.</p>"
            f"<p>Profile: <b>{paths.profile}</b><br>Settings: {paths.config_dir}<br>"
            f"Data: {paths.data_dir}</p>"
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}", self.about_text(), parent=self)
        box.open()
        return box

    def _restore_geometry(self) -> None:
        saved = self.context.settings.get(GEOMETRY_SETTING)
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))
        else:
            self.resize(980, 640)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.settings.set(GEOMETRY_SETTING, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        super().closeEvent(event)
