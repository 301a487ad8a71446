"""Failures talking to the central API, each a sentence a researcher can act on."""

from desktop_app.core.errors import PHTError, Remedy


class CentralError(PHTError):
    """The central server could not do what was asked."""


class NotSignedIn(CentralError):
    """No valid session: sign in (again)."""

    remedy = Remedy.SIGN_IN_AGAIN


class HashMismatch(CentralError):
    """The train's files do not hash to what the server shows: signing is refused."""

    exit_code = 4


class KeyMismatch(CentralError):
    """The server holds a different key under this name."""

    remedy = Remedy.CONFIRM_REPLACE
