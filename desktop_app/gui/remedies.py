"""The GUI's words for a core error's remedy: a sentence about the window, and where one exists,
a button that takes the user there. The main window registers the buttons' actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.core.errors import Remedy

SENTENCES: dict[Remedy, str] = {
    Remedy.NEEDS_FORCE: QT_TRANSLATE_NOOP(
        "remedies", "Choose another output folder, or tick “Write into a folder that is not empty”."
    ),
    Remedy.SIGN_IN_AGAIN: QT_TRANSLATE_NOOP("remedies", "Sign in again in the Trains tab."),
    Remedy.ADD_SERVER: QT_TRANSLATE_NOOP("remedies", "Add your PHT server in the Trains tab (Add server…)."),
    Remedy.UNLOCK_KEYRING: QT_TRANSLATE_NOOP(
        "remedies",
        "Start and unlock your system's password manager, then open the Keys tab again; "
        "or use the encrypted key file store (Keys tab).",
    ),
    Remedy.START_ENGINE: QT_TRANSLATE_NOOP(
        "remedies", "Start Docker or Podman, or set the engine in the Station tab's settings."
    ),
    Remedy.CONFIRM_REPLACE: QT_TRANSLATE_NOOP(
        "remedies", "Replace the server's key only if you are sure it is no longer used."
    ),
    Remedy.GIVE_PASSPHRASE: QT_TRANSLATE_NOOP("remedies", "Type the key's passphrase and try again."),
    Remedy.GIVE_PUBLIC_FILE: QT_TRANSLATE_NOOP("remedies", "Choose the key's public file (public-he.key) as well."),
    Remedy.CHECK_CA_BUNDLE: QT_TRANSLATE_NOOP(
        "remedies", "If your network inspects TLS, give its CA certificate in the server's settings."
    ),
    Remedy.ALLOW_UNVERIFIED: QT_TRANSLATE_NOOP(
        "remedies", "For an old train without result signatures, tick “Skip verification”."
    ),
    Remedy.STRONGER_PASSPHRASE: QT_TRANSLATE_NOOP(
        "remedies", "Choose a longer passphrase, such as several unrelated words."
    ),
    Remedy.USE_HTTPS: QT_TRANSLATE_NOOP(
        "remedies", "Use the server's https:// address; plain http is accepted only for a server on this computer."
    ),
}

# Remedy → (button text, action): set by the main window for the remedies it can act on.
_actions: dict[Remedy, tuple[str, Callable[[], None]]] = {}


def sentence(remedy: Remedy) -> str:
    text = SENTENCES.get(remedy, "")
    return QCoreApplication.translate("remedies", text) if text else ""


def set_action(remedy: Remedy, button_text: str, action: Callable[[], None]) -> None:
    _actions[remedy] = (button_text, action)


def action(remedy: Remedy) -> tuple[str, Callable[[], None]] | None:
    return _actions.get(remedy)


def clear_actions() -> None:
    _actions.clear()
