"""The core's exception family.

Every expected failure is a `PHTError`: a message that is one sentence a researcher
understands, a machine-readable `remedy` saying what the user can do about it, and optional
`details` (for "Copy details", never a secret). The message never names a command-line flag or
a window: each front words the remedy its own way (the CLI as a flag or a command to type, the
GUI as a button or a place in the window). The CLI exits with `exit_code`.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.core.i18n import _


class Remedy(StrEnum):
    """What the user can do about a failure; each front renders it in its own words."""

    NONE = ""
    NEEDS_FORCE = "needs_force"  # the output folder is not empty: choose another or allow writing into it
    SIGN_IN_AGAIN = "sign_in_again"  # no session, or the server refused it
    ADD_SERVER = "add_server"  # no server profile is active
    UNLOCK_KEYRING = "unlock_keyring"  # the OS keyring is missing or locked
    START_ENGINE = "start_engine"  # no container engine answered
    CONFIRM_REPLACE = "confirm_replace"  # the server holds a different key: replace only on confirmation
    GIVE_PASSPHRASE = "give_passphrase"  # a passphrase is needed (or was wrong)
    GIVE_PUBLIC_FILE = "give_public_file"  # a Paillier private key file needs its public part
    CHECK_CA_BUNDLE = "check_ca_bundle"  # the server's certificate is not trusted
    ALLOW_UNVERIFIED = "allow_unverified"  # old archive without signatures: verification can be skipped
    STRONGER_PASSPHRASE = "stronger_passphrase"  # the passphrase is too weak
    USE_HTTPS = "use_https"  # a server address uses plain http: use https, or knowingly accept clear text


class PHTError(Exception):
    """Base of every expected failure raised by the core."""

    exit_code = 1
    remedy: Remedy = Remedy.NONE

    def __init__(self, message: str = "", *, remedy: Remedy | None = None, details: str = "") -> None:
        super().__init__(message)
        if remedy is not None:
            self.remedy = remedy
        self.details = details

    @property
    def message(self) -> str:
        return str(self)


class UsageError(PHTError):
    """The request itself is wrong (bad argument, invalid name, bad hash)."""

    exit_code = 2


class Cancelled(PHTError):
    """The user cancelled a long-running operation before its commit point; nothing was changed."""

    exit_code = 130

    def __init__(self, message: str | None = None) -> None:
        super().__init__(_("Cancelled; nothing was changed.") if message is None else message)
