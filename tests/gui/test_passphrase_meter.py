"""The passphrase meter in the real Generate and Export dialogs: zxcvbn's score, crack time and
advice are shown, and OK stays disabled until the passphrase rates at least 3 of 4."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.keys.fingerprint import fingerprint
from desktop_app.core.keys.material import generate_key
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyInfo
from desktop_app.gui.dialogs.generate_key_dialog import GenerateKeyDialog
from desktop_app.gui.dialogs.key_file_dialogs import ExportKeyDialog, ImportKeyDialog

STRONG = "violet-harbor-71-quietly"
WEAK = "P@ssw0rd!2024"


def ok_enabled(dialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_generate_dialog_refuses_a_weak_passphrase_and_shows_why(qtbot) -> None:
    dialog = GenerateKeyDialog(set())
    qtbot.addWidget(dialog)
    dialog.name.setText("researcher")
    meter = dialog.passphrase
    assert meter.meter.value() == 0 and "protects the key" in meter.verdict.text() and not ok_enabled(dialog)

    meter.set_passphrase(WEAK)
    assert not ok_enabled(dialog)
    assert meter.meter.value() == 3 and meter.meter.maximum() == 5  # score 2, one step for "typed"
    assert meter.verdict.text() == (
        "Fair (2 of 4): it would be guessed in about 17 minutes by someone holding a copy."
    )
    feedback = meter.feedback.text()
    assert feedback.startswith("This is similar to a commonly used password. Add another word or two.")
    assert feedback.endswith("At least 3 of 4 is needed.") and meter.feedback.isVisibleTo(dialog)

    meter.set_passphrase(STRONG)
    assert ok_enabled(dialog)
    assert meter.verdict.text().startswith("Very strong (4 of 4): it would be guessed in centuries")
    assert meter.feedback.text() == "" and not meter.feedback.isVisibleTo(dialog)

    meter.second.setText(STRONG + "x")
    assert not ok_enabled(dialog) and meter.feedback.text().startswith("The two passphrases differ.")


def test_the_key_name_is_rated_against_the_passphrase(qtbot) -> None:
    dialog = GenerateKeyDialog(set())
    qtbot.addWidget(dialog)
    dialog.name.setText("oncology")
    dialog.passphrase.set_passphrase("oncology-2024")
    assert not ok_enabled(dialog)
    # The same passphrase for a key with an unrelated name rates higher: the name was an input.
    dialog.name.setText("station-key")
    assert dialog.passphrase.strength().score > 2 and ok_enabled(dialog)


def test_export_dialog_needs_a_strong_backup_passphrase(qtbot, tmp_path) -> None:
    material = generate_key(KeyType.EC_P256)
    pem = material.public_pem().decode("ascii")
    info = KeyInfo("kestrelwing", KeyType.EC_P256, fingerprint(material.public_key), "2026-11-30T00:00:00+00:00",
                   "", "key-x", True, pem)
    dialog = ExportKeyDialog(info)
    qtbot.addWidget(dialog)
    dialog.choose("private-backup")
    dialog.path.setText(str(tmp_path / "backup.pem"))
    dialog.backup_passphrase.set_passphrase(WEAK)
    assert not ok_enabled(dialog) and "commonly used password" in dialog.backup_passphrase.feedback.text()
    # Strong on its own, but made of the key's name, which anyone holding the backup may know.
    dialog.backup_passphrase.set_passphrase("kestrelwing-2024")
    assert not ok_enabled(dialog)
    dialog.backup_passphrase.set_passphrase(STRONG)
    assert ok_enabled(dialog)
    dialog.choose("public-pem")  # a public export needs no passphrase at all
    dialog.backup_passphrase.set_passphrase("")
    assert ok_enabled(dialog)


def test_import_dialog_protects_the_key_with_a_strong_passphrase(qtbot) -> None:
    dialog = ImportKeyDialog()
    qtbot.addWidget(dialog)
    dialog.file.setText("/somewhere/key.pem")
    dialog.name.setText("imported")
    dialog.passphrase.set_passphrase(WEAK)
    assert not ok_enabled(dialog)
    dialog.passphrase.set_passphrase(STRONG)
    assert ok_enabled(dialog)
