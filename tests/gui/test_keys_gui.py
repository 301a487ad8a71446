"""The Keys and Sign tabs driven through their real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app import __version__
from desktop_app.core.keys.types import KeyType
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle
from tests.helpers.cli import ENTRY_POINT

STRONG = "violet-harbor-71-quietly"
OK = QDialogButtonBox.StandardButton.Ok


def ok_button(dialog):
    return dialog.buttons.button(OK)


def generate_through_dialog(qtbot, tab, name: str, key_type: KeyType, passphrase: str = STRONG):
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name.setText(name)
    dialog.key_type.setCurrentIndex(dialog.key_type.findData(key_type))
    dialog.passphrase.set_passphrase(passphrase)
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)


def test_window_has_working_tabs_about_and_remembers_geometry(qtbot, window: MainWindow, context) -> None:
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Welcome",
        "Keys",
        "Sign",
        "Trains",
        "Results",
        "Station",
    ]
    box = window.show_about()
    assert __version__ in box.text() and "default" in box.text()
    box.close()
    window.resize(790, 470)
    window.close()
    again = MainWindow(AppContext.for_profile("default"))
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (790, 470)


@pytest.mark.keyring
def test_generate_then_back_up_from_next_steps(qtbot, window: MainWindow, tmp_path: Path) -> None:
    tab = window.tab("Keys")
    generate_through_dialog(qtbot, tab, "researcher", KeyType.RSA_2048)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 0).text() == "researcher"
    assert len(tab.table.item(0, 2).text().split()) == 16  # fingerprint grouped in fours
    prompt = tab.dialog
    assert isinstance(prompt, QMessageBox) and "Next steps" in prompt.text()
    backup_button = next(b for b in prompt.buttons() if b.text().replace("&", "") == "Back up now…")
    qtbot.mouseClick(backup_button, Qt.MouseButton.LeftButton)
    export = tab.dialog
    assert export.chosen_form() == "private-backup"
    target = tmp_path / "researcher-backup.pem"
    export.path.setText(str(target))
    export.key_passphrase.setText(STRONG)
    export.backup_passphrase.set_passphrase("another-long-backup-phrase")
    qtbot.mouseClick(ok_button(export), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    key = serialization.load_pem_private_key(target.read_bytes(), b"another-long-backup-phrase")
    assert key.key_size == 2048


@pytest.mark.keyring
def test_weak_passphrase_keeps_generate_disabled(qtbot, window: MainWindow) -> None:
    tab = window.tab("Keys")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name.setText("weakling")
    dialog.passphrase.set_passphrase("password1")
    assert not ok_button(dialog).isEnabled() and "common password" in dialog.passphrase.feedback.text()
    dialog.passphrase.set_passphrase(STRONG)
    assert ok_button(dialog).isEnabled()
    dialog.passphrase.second.setText("password2")
    assert not ok_button(dialog).isEnabled() and "differ" in dialog.passphrase.feedback.text()
    dialog.name.setText("x")
    assert "not valid" in dialog.name_problem.text()
    dialog.key_type.setCurrentIndex(dialog.key_type.findData(KeyType.EC_P256.value))
    assert "cannot be used for PHT trains" in dialog.type_note.text()
    dialog.reject()


@pytest.mark.keyring
def test_rsa_4096_generation_runs_off_the_gui_thread(qtbot, window: MainWindow) -> None:
    tab = window.tab("Keys")
    qtbot.mouseClick(tab.generate_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.name.setText("big-key")
    dialog.passphrase.set_passphrase(STRONG)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert tab.busy and tab.operation_bar.isVisibleTo(tab) and not tab.generate_button.isEnabled()
    wait_idle(qtbot, tab)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "rsa-4096"


@pytest.mark.keyring
def test_import_export_copy_delete(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    tab = window.tab("Keys")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    source = tmp_path / "old.pem"
    source.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.BestAvailableEncryption(b"file-pass"),
        )
    )
    # The OS file picker cannot be driven offscreen; it is the one thing replaced here.
    monkeypatch.setattr(
        "desktop_app.gui.dialogs.key_file_dialogs.QFileDialog.getOpenFileName",
        lambda *a, **k: (str(source), ""),
    )
    dialog = tab.open_import()
    qtbot.mouseClick(dialog.findChildren(type(tab.generate_button))[0], Qt.MouseButton.LeftButton)
    assert dialog.file.text() == str(source) and dialog.name.text() == "old"
    dialog.file_passphrase.setText("file-pass")
    dialog.passphrase.set_passphrase(STRONG)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert tab.table.item(0, 0).text() == "old"
    # Stored under the new passphrase, not the file's.
    assert window.context.keystore.load_private_key("old", STRONG).key_size == 2048

    tab.select_key("old")
    export = tab.open_export()
    export.choose("public-hex")
    export.path.setText(str(tmp_path / "old.hex"))
    qtbot.mouseClick(ok_button(export), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    pem = bytes.fromhex((tmp_path / "old.hex").read_text().strip())
    assert serialization.load_pem_public_key(pem).public_numbers() == key.public_key().public_numbers()

    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("-----BEGIN PUBLIC KEY-----")

    delete = tab.open_delete()
    assert not ok_button(delete).isEnabled()
    delete.confirm.setText("ol")
    assert not ok_button(delete).isEnabled()
    delete.confirm.setText("old")
    qtbot.mouseClick(ok_button(delete), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert tab.table.rowCount() == 0 and window.context.keystore.list_keys() == []


@pytest.mark.keyring
def test_import_with_wrong_file_passphrase_shows_the_sentence(qtbot, window: MainWindow, tmp_path: Path) -> None:
    tab = window.tab("Keys")
    source = tmp_path / "enc.pem"
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    source.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"right"),
        )
    )
    dialog = tab.open_import()
    dialog.file.setText(str(source))
    dialog.name.setText("enc-key")
    dialog.file_passphrase.setText("wrong")
    dialog.passphrase.set_passphrase(STRONG)
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert "does not open this key file" in tab.dialog.text()
    assert tab.table.rowCount() == 0


@pytest.mark.keyring
def test_sign_tab_signs_and_refuses_clearly(qtbot, window: MainWindow) -> None:
    store = window.context.keystore
    store.generate("signer", KeyType.RSA_2048, STRONG)
    store.generate("flame", KeyType.EC_P256, STRONG)
    window.context.reload_keys()
    wait_idle(qtbot)
    tab = window.tab("Sign")
    window.tabs.setCurrentWidget(tab)
    assert tab.key_choice.currentData() == "signer"
    flame_index = tab.key_choice.findData("flame")
    assert not tab.key_choice.model().item(flame_index).isEnabled()

    tab.hash_input.setPlainText("not a hash")
    assert not tab.sign_button.isEnabled() and "128 hexadecimal" in tab.hash_status.text()
    train_hash = hashlib.sha512(b"train").hexdigest()
    tab.hash_input.setPlainText(train_hash)
    tab.passphrase.setText("wrong passphrase")
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert "wrong" in tab.error.text() and tab.signature.text() == ""

    tab.passphrase.setText(STRONG)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    public = store.load_private_key("signer", STRONG).public_key()
    public.verify(bytes.fromhex(tab.signature.text()), bytes.fromhex(train_hash), padding.PKCS1v15(), hashes.SHA512())
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == tab.signature.text()


def test_no_keyring_offers_the_file_store(qtbot, pht_home, monkeypatch) -> None:
    monkeypatch.setattr("keyring.get_keyring", lambda: fail.Keyring())
    context = AppContext.for_profile("default")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("Keys")
    assert "keyring is not usable" in tab.unavailable.text() and tab.use_file_store.isVisibleTo(tab)
    assert not tab.generate_button.isEnabled()
    box = tab.opt_in_file_store()
    accept = next(b for b in box.buttons() if b.text().replace("&", "") == "Use the encrypted file")
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert context.keystore is not None and not tab.use_file_store.isVisibleTo(tab)
    assert tab.generate_button.isEnabled()


def test_no_display_gives_a_one_line_hint() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run([str(ENTRY_POINT)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "QT_QPA_PLATFORM=offscreen" in result.stderr


def _blocking(original, started: threading.Event, go: threading.Event):
    def wrapper(*args, **kwargs):
        started.set()
        go.wait(30)
        return original(*args, **kwargs)

    return wrapper


@pytest.mark.keyring
def test_cancelling_a_deletion_tells_what_really_happened(qtbot, window: MainWindow, monkeypatch) -> None:
    """Before the commit point the key stays; after it the message says the key is gone."""
    from desktop_app.core.keystore import chunked

    store, tab = window.context.keystore, window.tab("Keys")
    store.generate("kept", KeyType.EC_P256, STRONG)
    store.generate("gone", KeyType.EC_P256, STRONG)
    window.context.reload_keys()
    wait_idle(qtbot)

    started, go = threading.Event(), threading.Event()
    monkeypatch.setattr(store, "get", _blocking(store.get, started, go))  # before the commit point
    tab.delete_key("kept")
    qtbot.waitUntil(started.is_set)
    qtbot.mouseClick(tab.operation_bar.cancel_button, Qt.MouseButton.LeftButton)
    go.set()
    wait_idle(qtbot)
    monkeypatch.undo()
    assert window.statusBar().currentMessage() == "Cancelled; nothing was changed."
    assert store.load_private_key("kept", STRONG) and tab.generate_button.isEnabled()

    started, go = threading.Event(), threading.Event()
    monkeypatch.setattr(chunked, "delete_secret", _blocking(chunked.delete_secret, started, go))  # after it
    tab.delete_key("gone")
    qtbot.waitUntil(started.is_set)
    qtbot.mouseClick(tab.operation_bar.cancel_button, Qt.MouseButton.LeftButton)
    go.set()
    wait_idle(qtbot)
    assert window.statusBar().currentMessage() == "Too late to cancel: the key gone was already deleted."
    assert [tab.table.item(row, 0).text() for row in range(tab.table.rowCount())] == ["kept"]
    assert not tab.busy and tab.generate_button.isEnabled()
