"""The GUI's words for a core error's remedy: a sentence about the window, and where one exists,
a button that takes the user there. The main window registers the buttons' actions."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.errors import Remedy

SENTENCES: dict[Remedy, str] = {
    Remedy.NEEDS_FORCE: "Choose another output folder, or tick “Write into a folder that is not empty”.",
    Remedy.SIGN_IN_AGAIN: "Sign in again in the Trains tab.",
    Remedy.ADD_SERVER: "Add your PHT server in the Trains tab (Add server…).",
    Remedy.UNLOCK_KEYRING: (
        "Start and unlock your system's password manager, then open the Keys tab again; "
        "or use the encrypted key file store (Keys tab)."
    ),
    Remedy.START_ENGINE: "Start Docker or Podman, or set the engine in the Station tab's settings.",
    Remedy.CONFIRM_REPLACE: "Replace the server's key only if you are sure it is no longer used.",
    Remedy.GIVE_PASSPHRASE: "Type the key's passphrase and try again.",
    Remedy.GIVE_PUBLIC_FILE: "Choose the key's public file (public-he.key) as well.",
    Remedy.CHECK_CA_BUNDLE: "If your network inspects TLS, give its CA certificate in the server's settings.",
    Remedy.ALLOW_UNVERIFIED: "For an old train without result signatures, tick “Skip verification”.",
    Remedy.STRONGER_PASSPHRASE: "Choose a longer passphrase, such as several unrelated words.",
    Remedy.USE_HTTPS: "Use the server's https:// address; plain http is accepted only for a server on this computer.",
}

# Remedy → (button text, action): set by the main window for the remedies it can act on.
_actions: dict[Remedy, tuple[str, Callable[[], None]]] = {}


def sentence(remedy: Remedy) -> str:
    return SENTENCES.get(remedy, "")


def set_action(remedy: Remedy, button_text: str, action: Callable[[], None]) -> None:
    _actions[remedy] = (button_text, action)


def action(remedy: Remedy) -> tuple[str, Callable[[], None]] | None:
    return _actions.get(remedy)


def clear_actions() -> None:
    _actions.clear()
