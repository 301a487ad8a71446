"""The Results tab through its real widgets: drop an archive, decrypt, verify, cancel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop_app.core.keys.types import KeyType
from desktop_app.gui.appearance import OK
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle
from tests.helpers.result_archives import build_archive

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PASS = "results-tab-passphrase"


@pytest.fixture
def researcher(qtbot, window: MainWindow):
    store = window.context.keystore
    store.generate("researcher", KeyType.RSA_2048, PASS)
    window.context.reload_keys()
    wait_idle(qtbot)
    return store.get("researcher").public_key()


def checks_text(view) -> str:
    return "\n".join(view.checks.item(i).text() for i in range(view.checks.count()))


def drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers drop events only during a real drag-and-drop session, which offscreen Qt
    # cannot start; the window's own handlers are called with a real event instead.
    window.dragEnterEvent(event)
    assert event.isAccepted()
    window.dropEvent(event)


def test_drop_decrypt_and_see_the_summary(qtbot, window: MainWindow, researcher, tmp_path: Path) -> None:
    files = {"table.csv": b"site,n\nA,3\n", "model/w.bin": os.urandom(50_000)}
    built = build_archive(tmp_path / "b", researcher, files, station_count=2)
    drop(window, built.path)
    tab = window.tab("Results")
    assert window.tabs.currentWidget() is tab
    wait_idle(qtbot, tab)
    assert (
        "Your key researcher fits" in tab.key_fit.text() and "station-0, station-1" in tab.about.text()
    )
    tab.output.setText(str(tmp_path / "out"))
    tab.passphrase.setText(PASS)
    qtbot.keyClick(tab.passphrase, Qt.Key.Key_Return)  # Enter in the passphrase field decrypts
    wait_idle(qtbot, tab)
    view = tab.result_view
    assert "Verified" in view.summary.text() and view.summary.property("phtTone") == OK
    assert view.files.rowCount() == 2 and view.open_folder.isEnabled()
    assert "Station keys as the archive states them: station-0 " in checks_text(view)
    view.files.selectRow(0)
    wait_idle(qtbot)  # the preview is read off the GUI thread
    assert "site,n" in view.preview.toPlainText()
    assert (tmp_path / "out" / "model" / "w.bin").read_bytes() == files["model/w.bin"]


def test_wrong_passphrase_and_tampering_are_shown_red(
    qtbot, window: MainWindow, researcher, tmp_path: Path
) -> None:
    built = build_archive(tmp_path / "b", researcher, {"a.txt": b"hello"})
    tab = window.tab("Results")
    tab.open_archive(built.path)
    wait_idle(qtbot, tab)
    tab.output.setText(str(tmp_path / "out"))
    tab.passphrase.setText("wrong")
    qtbot.mouseClick(tab.decrypt_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert "passphrase is wrong" in tab.result_view.summary.text()
    assert not (tmp_path / "out").exists()

    raw = built.config.raw
    raw["result_hash"] = "00" * 64
    from desktop_app.core.results.archive_writer import write_result_archive

    tampered = write_result_archive(tmp_path / "tampered.tar", built.config, built.encrypted)
    tab.open_archive(tampered)
    wait_idle(qtbot, tab)
    tab.passphrase.setText(PASS)
    qtbot.mouseClick(tab.decrypt_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert "Verification failed" in tab.result_view.summary.text()
    assert "✘" in checks_text(tab.result_view) and not (tmp_path / "out").exists()


def test_cancel_mid_way_leaves_nothing(qtbot, window: MainWindow, researcher, tmp_path: Path) -> None:
    built = build_archive(tmp_path / "b", researcher, {"big.bin": os.urandom(48 << 20)})
    tab = window.tab("Results")
    tab.open_archive(built.path)
    wait_idle(qtbot, tab)
    out = tmp_path / "out"
    tab.output.setText(str(out))
    tab.passphrase.setText(PASS)
    cancelled_at: list[int] = []

    def cancel_on_first_progress(progress) -> None:
        if not cancelled_at and progress.done > 16:
            cancelled_at.append(progress.done)
            qtbot.mouseClick(tab.operation_bar.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(tab.decrypt_button, Qt.MouseButton.LeftButton)
    tab.decryption.progressed.connect(cancel_on_first_progress)
    running = tab.decryption
    drop(window, tmp_path / "another.tar")  # must not take the tab away from the running decryption
    assert tab.decryption is running and tab.summary.path == built.path
    assert "finish or cancel the running decryption" in window.statusBar().currentMessage()
    wait_idle(qtbot, tab)
    assert cancelled_at and cancelled_at[0] < 48 << 20
    assert "Cancelled" in tab.result_view.summary.text()
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".pht-decrypt-")] == []


def test_the_last_opened_archive_wins(qtbot, window: MainWindow, researcher, tmp_path: Path) -> None:
    first = build_archive(tmp_path / "first", researcher, {"a.txt": b"a"})
    second = build_archive(tmp_path / "second", researcher, {"b.txt": b"b"}, station_count=2)
    tab = window.tab("Results")
    assert tab.open_archive(first.path) and tab.open_archive(second.path)
    wait_idle(qtbot, tab)
    qtbot.wait(50)  # let a late answer about the first archive arrive, if it were to be shown
    assert tab.summary.path == second.path and second.config.train_id in tab.about.text()


def test_an_archive_for_someone_else_cannot_be_decrypted(qtbot, window: MainWindow, researcher, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    built = build_archive(tmp_path / "b", stranger.public_key(), {"a.txt": b"a"})
    tab = window.tab("Results")
    tab.open_archive(built.path)
    wait_idle(qtbot, tab)
    assert "None of your keys fits" in tab.key_fit.text() and not tab.decrypt_button.isEnabled()
