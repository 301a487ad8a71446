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
    return app


def close_on_termination_signals(app) -> None:
    """SIGTERM (session logout, `kill`) and Ctrl+C close the window as the user would, so that
    its state is saved. Qt's event loop runs in C; a light timer lets Python run the handlers."""
    import signal

    from PySide6.QtCore import QTimer

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: app.closeAllWindows())
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def run_gui(profile: str) -> int:
    if not has_display():
        print(NO_DISPLAY_HINT, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer

    from desktop_app.core.errors import PHTError
    from desktop_app.gui.context import AppContext
    from desktop_app.gui.main_window import MainWindow

    app = create_application()
    try:
        context = AppContext.for_profile(profile)
    except PHTError as exc:
        print(f"pht-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    window = MainWindow(context)
    window.show()
    close_on_termination_signals(app)
    started = time.monotonic()
    # Logged once the event loop has shown the window (PHT_DESKTOP_LOG=info prints it).
    QTimer.singleShot(0, lambda: log.info("main window shown (%.2f s in the event loop)", time.monotonic() - started))
    code = app.exec()
    log.info("main window closed")
    return code
