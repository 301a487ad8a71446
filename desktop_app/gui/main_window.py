"""The main window: one tab per working capability, a status bar, About, remembered geometry,
and the close question while a job runs (stop it and quit, or keep the window)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.core.errors import Remedy
from desktop_app.core.keystore import OS_KEYRING
from desktop_app.core.settings import text_value
from desktop_app.gui import remedies
from desktop_app.gui.context import AppContext
from desktop_app.gui.demo_session import DemoSession
from desktop_app.gui.dialogs.preferences_dialog import PreferencesDialog
from desktop_app.gui.operations import registry
from desktop_app.gui.recovery_notice import RecoveryNotices
from desktop_app.gui.tabs.keys_tab import KeysTab
from desktop_app.gui.tabs.results_tab import ResultsTab, is_archive
from desktop_app.gui.tabs.sign_tab import SignTab
from desktop_app.gui.tabs.station_tab import StationTab
from desktop_app.gui.tabs.trains_tab import TrainsTab
from desktop_app.gui.tabs.welcome_tab import WelcomeActions, WelcomeTab

GEOMETRY_SETTING = "gui.geometry"
STOP_DEADLINE_MS = 8_000  # stopping jobs on quit: after this, the process ends regardless (bound: 10 s)
log = logging.getLogger("pht_desktop.gui")

# Tabs in the order they appear; only capabilities that work are listed. The first item is the
# tab's key (`MainWindow.tab`), the second its title in the user's language.
TAB_FACTORIES: list[tuple[str, str, Callable[[AppContext], QWidget]]] = [
    ("Keys", QT_TRANSLATE_NOOP("MainWindow", "Keys"), KeysTab),
    ("Sign", QT_TRANSLATE_NOOP("MainWindow", "Sign"), SignTab),
    ("Trains", QT_TRANSLATE_NOOP("MainWindow", "Trains"), TrainsTab),
    ("Results", QT_TRANSLATE_NOOP("MainWindow", "Results"), ResultsTab),
    ("Station", QT_TRANSLATE_NOOP("MainWindow", "Station"), StationTab),
]


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.stopping = False  # quitting: jobs were told to stop, the window closes once they have
        self.close_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("{app} — profile {profile}").format(app=APP_NAME, profile=context.paths.profile))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._tabs: dict[str, QWidget] = {}
        for key, title, factory in TAB_FACTORIES:
            self._tabs[key] = factory(context)
            self.tabs.addTab(self._tabs[key], QCoreApplication.translate("MainWindow", title))
        self.demo = DemoSession(context)
        keys, trains = self.tab("Keys"), self.tab("Trains")
        trains.title_changed.connect(lambda title: self.tabs.setTabText(self.tabs.indexOf(trains), title))
        trains.title_changed.emit(trains.title())  # it showed the active server before it was connected
        self.welcome = WelcomeTab(
            context,
            WelcomeActions(
                create_key=self._in(keys, keys.open_generate),  # type: ignore[attr-defined]
                import_key=self._in(keys, keys.open_import),  # type: ignore[attr-defined]
                back_up=lambda name: self._in(keys, lambda: keys.open_backup(name))(),  # type: ignore[attr-defined]
                add_server=self._in(trains, trains.open_add_server),  # type: ignore[attr-defined]
                try_demo=self.try_demo,
            ),
        )
        self.tabs.insertTab(0, self.welcome, self.tr("Welcome"))
        self.tabs.setCurrentWidget(keys)
        trains.attach_demo(self.demo, self.try_demo)  # type: ignore[attr-defined]
        if context.keys_loaded:
            self._open_on_welcome_if_new()
        else:
            context.keys_changed.connect(self._open_on_welcome_once)
        self.setCentralWidget(self.tabs)
        trains.archive_downloaded.connect(self.open_result_archive)  # type: ignore[attr-defined]
        self._build_menus()
        context.status_message.connect(self.show_status)
        registry().status.connect(self.show_status)  # a bound method: dropped with the window
        # Where keys are kept stays in view; messages come and go beside it.
        self.storage_label = QLabel()
        self.storage_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.storage_label)
        context.keys_changed.connect(self._show_storage)
        self._show_storage()
        self._register_remedy_actions()
        self.recovery_notices = RecoveryNotices(self)
        self._restore_geometry()
        self.setAcceptDrops(True)

    def _in(self, tab: QWidget, action: Callable[[], object]) -> Callable[[], None]:
        """An action that first shows its tab, so that the dialog it opens has its context."""

        def run() -> None:
            self.tabs.setCurrentWidget(tab)
            action()

        return run

    def _open_on_welcome_once(self) -> None:
        self.context.keys_changed.disconnect(self._open_on_welcome_once)
        self._open_on_welcome_if_new()

    def _open_on_welcome_if_new(self) -> None:
        """On a first start (no key, no server) the window opens on the welcome page."""
        if self.welcome.is_first_start():
            self.tabs.setCurrentWidget(self.welcome)

    def open_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.context, self)
        dialog.open()
        self.preferences = dialog
        return dialog

    def try_demo(self) -> None:
        self.tabs.setCurrentWidget(self.tab("Trains"))
        self.demo.start()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _register_remedy_actions(self) -> None:
        """Buttons in error dialogs that take the user to where the remedy is."""
        trains, keys, station = self.tab("Trains"), self.tab("Keys"), self.tab("Station")

        def show(tab: QWidget, then: Callable[[], object] | None = None) -> Callable[[], None]:
            def go() -> None:
                self.tabs.setCurrentWidget(tab)
                if then:
                    then()

            return go

        remedies.set_action(Remedy.ADD_SERVER, self.tr("&Add server…"), show(trains, trains.open_add_server))  # type: ignore[attr-defined]
        remedies.set_action(
            Remedy.SIGN_IN_AGAIN,
            self.tr("&Sign in…"),
            show(trains, trains.sign_in_box.identity.setFocus),  # type: ignore[attr-defined]
        )
        remedies.set_action(Remedy.UNLOCK_KEYRING, self.tr("&Open the Keys tab"), show(keys))
        remedies.set_action(
            Remedy.START_ENGINE, self.tr("&Open the station settings"), show(station, station.engine.setFocus)
        )  # type: ignore[attr-defined]

    def tab(self, key: str) -> QWidget:
        """A tab by its key ("Keys", "Sign", "Trains", "Results", "Station"), whatever the language."""
        return self._tabs[key]

    def open_result_archive(self, path: Path) -> None:
        """Show an archive in the Results tab (dropped, or downloaded by another tab)."""
        results = self.tab("Results")
        self.tabs.setCurrentWidget(results)
        log.info("opening %s in the Results tab", path)
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
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        preferences = QAction(self.tr("&Preferences…"), self, shortcut=QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self.open_preferences)
        file_menu.addAction(preferences)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        welcome = QAction(self.tr("&Welcome page"), self)
        welcome.triggered.connect(lambda: self.tabs.setCurrentWidget(self.welcome))
        help_menu.addAction(welcome)
        self.demo_action = QAction(self.tr("Try the &demo"), self)
        self.demo_action.triggered.connect(lambda: self.demo.stop() if self.demo.running else self.try_demo())
        self.demo.changed.connect(
            lambda: self.demo_action.setText(
                self.tr("Stop the &demo") if self.demo.running else self.tr("Try the &demo")
            )
        )
        help_menu.addAction(self.demo_action)
        about = QAction(self.tr("&About PHT Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _show_storage(self) -> None:
        store = self.context.keystore
        profile = self.context.paths.profile
        if store:
            # Short, so that the messages beside it are not cut off; the whole sentence on hover.
            where = self.tr("keys in the OS keyring") if store.storage == OS_KEYRING else self.tr("keys in a file")
            text = self.tr("Profile {profile} · {where}").format(profile=profile, where=where)
            self.storage_label.setToolTip(self.tr("Private keys are kept {where}.").format(where=store.where))
        else:
            text = self.tr("Profile {profile} · no key storage available").format(profile=profile)
            self.storage_label.setToolTip("")
        self.storage_label.setText(text)

    def about_text(self) -> str:
        paths = self.context.paths
        return f"<h3>{APP_NAME} {__version__}</h3>" + self.tr(
            "<p>The desktop companion of the Personal Health Train: keys, train signing, "
            "result decryption and the station runner.</p>"
            "<p>Profile: <b>{profile}</b><br>Settings: {settings}<br>Data: {data}</p>"
        ).format(profile=paths.profile, settings=paths.config_dir, data=paths.data_dir)

    def show_about(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("About {app}").format(app=APP_NAME), self.about_text(), parent=self
        )
        box.open()
        return box

    def _restore_geometry(self) -> None:
        saved = self.context.settings.get(GEOMETRY_SETTING, check=text_value)
        if saved:
            self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii")))
        else:
            self.resize(980, 640)

    # -- closing and quitting ---------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        running = registry().running()
        if running and not self.stopping:
            event.ignore()
            self._ask_before_closing([op.label for op in running])
            return
        if running:  # stopping: the window closes by itself once the jobs have ended
            event.ignore()
            return
        self.context.settings.set(GEOMETRY_SETTING, bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self.demo.stop(quitting=True)
        remedies.clear_actions()
        super().closeEvent(event)

    def _ask_before_closing(self, labels: list[str]) -> None:
        if self.close_question is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("A job is still running"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Still running:") + "\n" + "\n".join(f"• {label}" for label in labels))
        box.setInformativeText(self.tr("Stop it and quit? Partial downloads and decryptions are removed."))
        stop = box.addButton(self.tr("&Stop and quit"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep the window"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        stop.clicked.connect(self.stop_and_quit)
        box.finished.connect(lambda _: setattr(self, "close_question", None))
        box.open()
        self.close_question = box

    def stop_and_quit(self) -> None:
        """Stop every job (a station run's container is killed), then close; bounded in time."""
        if self.stopping:
            return
        self.stopping = True
        self.statusBar().showMessage(self.tr("Stopping the running jobs…"))
        registry().changed.connect(self._close_once_idle)
        registry().cancel_all(discard_partial=True)
        QTimer.singleShot(STOP_DEADLINE_MS, self._stop_deadline)
        self._close_once_idle()

    def _close_once_idle(self) -> None:
        if self.stopping and not registry().running():
            self.close()

    def _stop_deadline(self) -> None:
        still = [op.label for op in registry().running()]
        if still and self.stopping:
            # A job that ignores its cancel must not keep the process alive: say so, then end.
            log.error("jobs did not stop within %d ms, exiting anyway: %s", STOP_DEADLINE_MS, ", ".join(still))
            logging.shutdown()
            os._exit(1)
