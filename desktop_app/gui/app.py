"""Starting the GUI: a display check first, so a headless machine gets a hint, not a Qt abort."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from desktop_app import APP_NAME, __version__

NO_DISPLAY_HINT = (
    "pht-desktop: no display found; use the command line (`pht-desktop --help`) or set QT_QPA_PLATFORM=offscreen"
)
ICON = Path(__file__).resolve().parents[1] / "resources" / "pht-desktop.svg"
log = logging.getLogger("pht_desktop.gui")


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a window server for a logged-in user


def create_application(argv: list[str] | None = None):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("PHT")
    app.setDesktopFileName("pht-desktop")
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    from desktop_app.gui.appearance import apply_appearance

    apply_appearance(app)  # the OS's light or dark palette, or PHT_DESKTOP_THEME's
    return app


def stop_on_termination_signals(app, window) -> None:
    """SIGTERM (session logout, `kill`), SIGHUP and Ctrl+C stop the running jobs and close the
    window without asking, as "Stop and quit" would. Qt's event loop runs in C; a light timer
    lets Python run the handlers."""
    import signal

    from PySide6.QtCore import QTimer

    def stop(number: int, _frame) -> None:
        log.info("signal %d: stopping", number)
        window.stop_and_quit()

    for number in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if number is not None:
            signal.signal(number, stop)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(200)


def _startup_failed(exc: Exception, log_path: Path) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.errors import PHTError

    if isinstance(exc, PHTError):
        sentence = str(exc)
    else:
        sentence = QCoreApplication.translate("app", "An unexpected error ({error}).").format(error=type(exc).__name__)
    print(f"pht-desktop: could not start: {sentence} Details: {log_path}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, "")
    box.setTextFormat(Qt.TextFormat.PlainText)
    text = QCoreApplication.translate(
        "app", "PHT Desktop could not start: {sentence}\nThe details are in the log file {path}."
    )
    box.setText(text.format(sentence=sentence, path=log_path))
    box.exec()
    return getattr(exc, "exit_code", 1)


def run_gui(profile: str, archive: str | None = None) -> int:
    if not has_display():
        print(NO_DISPLAY_HINT, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer

    from desktop_app.core.errors import PHTError
    from desktop_app.core.log_file import open_log_file
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.settings import Settings
    from desktop_app.gui.context import AppContext
    from desktop_app.gui.language import start_language
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.unexpected import install_guards

    app = create_application()
    try:
        paths = AppPaths.for_profile(profile).ensure()
        log_path = open_log_file(paths.data_dir / "logs")
    except (PHTError, OSError) as exc:
        print(f"pht-desktop: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    install_guards(log_path)
    log.info("PHT Desktop %s starting, profile %s", __version__, profile)
    try:
        settings = Settings(paths)
        # Before any widget is built: widgets take their words when they are made.
        log.info("language: %s", start_language(settings))
        context = AppContext(paths, settings)
        window = MainWindow(context)
    except Exception as exc:  # the window could not even be built: one sentence, the rest in the log
        log.exception("start-up failed")
        return _startup_failed(exc, log_path)
    stop_on_termination_signals(app, window)
    window.show()
    if archive:  # opened by a double-click on a result archive
        window.open_result_archive(Path(archive).resolve())
    started = time.monotonic()
    # Logged once the event loop has shown the window (PHT_DESKTOP_LOG=info prints it).
    QTimer.singleShot(0, lambda: log.info("main window shown (%.2f s in the event loop)", time.monotonic() - started))
    code = app.exec()
    log.info("main window closed")
    return code
