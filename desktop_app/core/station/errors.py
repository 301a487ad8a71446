"""Failures of the station runner."""

from desktop_app.core.errors import PHTError


class StationError(PHTError):
    """A station step failed; the message says which and why."""


class NoEngine(StationError):
    """No container engine answered."""


class TrainFailed(StationError):
    """The train's own code failed, exceeded a limit, or was stopped; `outcome` holds its log."""

    def __init__(self, message: str, outcome: object = None) -> None:
        super().__init__(message)
        self.outcome = outcome
