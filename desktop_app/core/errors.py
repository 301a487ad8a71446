"""The core's exception family.

Every expected failure is a `PHTError` whose message is one sentence a researcher
understands. The CLI prints it on stderr and exits with `exit_code`; the GUI shows it.
"""


class PHTError(Exception):
    """Base of every expected failure raised by the core."""

    exit_code = 1


class UsageError(PHTError):
    """The request itself is wrong (bad argument, invalid name, bad hash)."""

    exit_code = 2


class Cancelled(PHTError):
    """The user cancelled a long-running operation; nothing was left behind."""

    exit_code = 130

    def __init__(self, message: str = "Cancelled; nothing was changed.") -> None:
        super().__init__(message)
