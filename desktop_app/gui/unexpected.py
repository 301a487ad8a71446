"""What nobody expected: a sentence in a dialog, the details in the log, and the app goes on.

`install_guards` routes `sys.excepthook`, `threading.excepthook` and Qt's own messages to the
log file; an uncaught exception also opens one dialog ("Copy details", where the log is).
Operations call `show_unexpected` for an unexpected failure of their work.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.core.errors import PHTError
from desktop_app.core.log_file import redact

log = logging.getLogger("pht_desktop.unexpected")
_log_path: Path | None = None
_open_dialogs: list[QMessageBox] = []  # at most one at a time, so an error storm is one dialog

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def show_unexpected(parent: QWidget | None, error: PHTError) -> QMessageBox | None:
    """One dialog: the sentence, where the log is, and "Copy details" (redacted)."""
    if _open_dialogs:
        return None
    if _log_path:
        where = QCoreApplication.translate("unexpected", "The details are in the log file {path}.").format(
            path=_log_path
        )
    else:
        where = QCoreApplication.translate("unexpected", "The details can be copied below.")
    box = QMessageBox(QMessageBox.Icon.Critical, "PHT Desktop", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    goes_on = QCoreApplication.translate("unexpected", "PHT Desktop goes on; nothing else was stopped.")
    box.setText(f"{error.message}\n{goes_on} {where}")
    copy = box.addButton(QCoreApplication.translate("unexpected", "&Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.setAccessibleName(QCoreApplication.translate("unexpected", "Copy the error details to the clipboard"))
    box.addButton(QMessageBox.StandardButton.Close)
    details = redact(error.details or error.message)
    # ActionRole buttons close the box too; copying first is all the user asked for.
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.finished.connect(lambda _: _open_dialogs.remove(box) if box in _open_dialogs else None)
    _open_dialogs.append(box)
    box.open()
    return box


class _Uncaught(PHTError):
    pass


def _report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, where: str) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception %s:\n%s", where, details)
    if QApplication.instance() is None:
        return
    sentence = QCoreApplication.translate("unexpected", "An unexpected error happened ({error}).")
    error = _Uncaught(sentence.format(error=exc_type.__name__), details=details)
    if threading.current_thread() is threading.main_thread():
        show_unexpected(QApplication.activeWindow(), error)
    # Off the GUI thread no dialog can open; the log has it, and operations report their own.


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    _report(exc_type, exc, tb, "on the GUI thread")


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    _report(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback, f"in thread {args.thread}")


def _qt_message(mode: QtMsgType, context, message: str) -> None:
    logging.getLogger("pht_desktop.qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def install_guards(log_path: Path | None) -> tuple:
    """Route every unexpected error and Qt message to the log (and the first to a dialog).

    Returns what was installed before, for `uninstall_guards`."""
    global _log_path
    _log_path = log_path
    previous = (sys.excepthook, threading.excepthook, qInstallMessageHandler(_qt_message))
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return previous


def uninstall_guards(previous: tuple | None = None) -> None:
    hook, thread_hook, qt_handler = previous or (sys.__excepthook__, threading.__excepthook__, None)
    sys.excepthook, threading.excepthook = hook, thread_hook
    qInstallMessageHandler(qt_handler)
