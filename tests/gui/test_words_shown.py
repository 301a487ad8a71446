"""What the user reads: outside text shown as plain text, no command-line words anywhere in the
window, every remedy worded for the window, and the log file free of secrets."""

from __future__ import annotations

import logging
import re
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from desktop_app.core.central.api import Train
from desktop_app.core.central.train_review import TrainReview
from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.keys.types import KeyType
from desktop_app.core.log_file import REDACTED, open_log_file, remember_secret
from desktop_app.gui import error_display, remedies, unexpected
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import open_every_dialog, wait_idle
from tests.helpers.result_archives import build_archive

MARKUP = "<img src=x onerror=alert(1)><a href='https://evil.example'>click</a>"
FILE_MARKUP = "<img src=x onerror=alert(1)><b>big<i>"  # no slash: one file name, no folders
CLI_WORDS = re.compile(r"pht-desktop |`|(?<![\w-])--[a-z]")


@pytest.mark.keyring
def test_archive_names_are_shown_as_plain_text(qtbot, window: MainWindow, tmp_path: Path) -> None:
    store = window.context.keystore
    store.generate("researcher", KeyType.RSA_2048, "plain-text-passphrase")
    window.context.reload_keys()
    wait_idle(qtbot)
    built = build_archive(tmp_path / "b", store.get("researcher").public_key(), {f"{FILE_MARKUP}.txt": b"x"})
    tab = window.tab("Results")
    tab.open_archive(built.path)
    wait_idle(qtbot)
    assert tab.about.textFormat() == Qt.TextFormat.PlainText and tab.key_fit.textFormat() == Qt.TextFormat.PlainText
    tab.output.setText(str(tmp_path / "out"))
    tab.passphrase.setText("plain-text-passphrase")
    tab.decrypt()
    wait_idle(qtbot)
    view = tab.result_view
    assert view.summary.textFormat() == Qt.TextFormat.PlainText and "Verified" in view.summary.text()
    assert view.files.item(0, 0).text() == f"{FILE_MARKUP}.txt"  # table items are never rich text


def test_a_file_name_with_markup_cannot_hide_the_files_after_it(qtbot, window: MainWindow) -> None:
    box = window.tab("Trains").review_box
    train = Train({"id": "t1", "name": MARKUP})
    review = TrainReview(train, [("utils.py<!--", 10), ("steal.py", 20), ("-->", 1)], "ab" * 64, "ab" * 64)
    box.show_review(review)
    for label in (box.files, box.hashes, box.verdict):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert box.files.text().splitlines() == ["utils.py<!-- (10 B)", "steal.py (20 B)", "--> (1 B)"]


def test_error_dialogs_show_server_text_as_plain_text(qtbot, window: MainWindow) -> None:
    box = error_display.show_error(window, PHTError(f"The server said: {MARKUP}."))
    assert box.textFormat() == Qt.TextFormat.PlainText and MARKUP in box.text()
    box.close()


def visible_words(root: QWidget) -> list[str]:
    words: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        words += [widget.toolTip(), widget.windowTitle(), widget.accessibleName(), widget.whatsThis()]
        if isinstance(widget, QLabel | QAbstractButton | QMessageBox):
            words.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            words.append(widget.placeholderText())
        if isinstance(widget, QMessageBox):
            words.append(widget.informativeText())
    return [word for word in words if word]


@pytest.mark.keyring
def test_no_window_text_names_a_command_or_a_flag(qtbot, window: MainWindow, monkeypatch) -> None:
    """Every tab, the dialogs they open, and an error dialog for every remedy."""
    opened = open_every_dialog(qtbot, window)
    for remedy in Remedy:
        opened.append(error_display.show_error(window, PHTError("Something failed.", remedy=remedy)))
    words = visible_words(window) + [w for dialog in opened for w in visible_words(dialog)]
    offending = [word for word in words if CLI_WORDS.search(word)]
    assert offending == []
    assert all(remedies.sentence(remedy) for remedy in Remedy if remedy is not Remedy.NONE)
    for dialog in opened:
        dialog.close()


def test_the_log_file_never_holds_a_secret(tmp_path: Path) -> None:
    path = open_log_file(tmp_path / "logs")
    remember_secret("violet-harbor-71-quietly")
    log = logging.getLogger("pht_desktop.test")
    pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----"
    try:
        raise ValueError(f"passphrase violet-harbor-71-quietly rejected; {pem}")
    except ValueError:
        log.exception("failed with Authorization: Bearer eyJhbGciOi.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
    log.error('answer {"access_token": "opaque-token-123", "refresh_token": "refresh-456"}')
    log.error("hex of a private key: %s", pem.encode().hex())
    for handler in logging.getLogger("pht_desktop").handlers:
        handler.flush()
    text = path.read_text()
    for secret in ("violet-harbor-71-quietly", "MIIEvQ", "eyJzdWIi", "opaque-token-123", "refresh-456", "2d2d2d2d2d42"):
        assert secret not in text
    assert text.count(REDACTED) >= 5 and "ValueError" in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"


@pytest.fixture
def guards(tmp_path: Path):
    path = open_log_file(tmp_path / "logs")
    previous = unexpected.install_guards(path)
    yield path
    unexpected.uninstall_guards(previous)


def test_uncaught_errors_become_one_dialog_and_log_lines(qtbot, window: MainWindow, guards: Path) -> None:
    try:
        raise RuntimeError("boom on the GUI thread")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qWarning("a Qt warning for the log")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(dialogs) == 1  # one dialog, not one per error
    text = dialogs[0].text()
    assert "RuntimeError" in text and str(guards) in text and "Traceback" not in text
    copy = next(b for b in dialogs[0].buttons() if b.text().replace("&", "") == "Copy details")
    copy.click()
    assert "boom on the GUI thread" in QApplication.clipboard().text()
    dialogs[0].close()
    for handler in logging.getLogger("pht_desktop").handlers:
        handler.flush()
    log = guards.read_text()
    assert "boom on the GUI thread" in log and "ZeroDivisionError" in log and "a Qt warning for the log" in log


def test_core_modules_log_to_the_file_too(tmp_path: Path) -> None:
    path = open_log_file(tmp_path / "logs")
    logging.getLogger("desktop_app.core.station.runner").warning("a core line for the log")
    for handler in logging.getLogger("desktop_app").handlers:
        handler.flush()
    assert "a core line for the log" in path.read_text()
