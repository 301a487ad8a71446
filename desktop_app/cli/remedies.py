"""The CLI's words for a core error's remedy: the flag or command to type."""

from __future__ import annotations

from desktop_app.core.errors import PHTError, Remedy

COMMANDS: dict[Remedy, str] = {
    Remedy.NEEDS_FORCE: "choose another folder or use --force",
    Remedy.SIGN_IN_AGAIN: "sign in again with `pht-desktop login`",
    Remedy.ADD_SERVER: ("add one with `pht-desktop server add NAME --api URL --auth URL`, or try `pht-desktop demo`"),
    Remedy.UNLOCK_KEYRING: (
        "start and unlock your system's password manager (on Linux: gnome-keyring or another Secret "
        "Service), or opt in to the encrypted key file store with `pht-desktop keys storage encrypted-file`"
    ),
    Remedy.START_ENGINE: "start Docker or Podman (`podman system service`), or set the engine with --engine URL",
    Remedy.CONFIRM_REPLACE: "replace it only if you are sure (--replace)",
    Remedy.GIVE_PASSPHRASE: "give the passphrase with --passphrase-stdin",
    Remedy.GIVE_PUBLIC_FILE: "give public-he.key with --public-file",
    Remedy.CHECK_CA_BUNDLE: "if your network inspects TLS, give its CA with --ca-bundle",
    Remedy.ALLOW_UNVERIFIED: "for an old train without result signatures, use --no-verify",
    Remedy.STRONGER_PASSPHRASE: "choose a longer passphrase, or accept the risk with --allow-weak-passphrase",
    Remedy.USE_HTTPS: "use its https:// address, or, only on a network you trust, add --insecure",
}


def render(error: PHTError) -> str:
    """The error's sentence with the remedy worded for the command line."""
    message = str(error)
    command = COMMANDS.get(error.remedy)
    if not command:
        return message
    return f"{message.rstrip('.')}; {command}."
