"""Failures of the station runner."""

from desktop_app.core.errors import PHTError, Remedy


class StationError(PHTError):
    """A station step failed; the message says which and why."""


class NoEngine(StationError):
    """No container engine answered."""

    remedy = Remedy.START_ENGINE


class EngineGone(StationError):
    """The container engine stopped answering (stopped, restarted, its socket gone) or timed out."""

    remedy = Remedy.START_ENGINE


class ContainerLost(StationError):
    """The engine lost the train's container mid-run (removed or killed outside this app)."""


class TrainFailed(StationError):
    """The train's own code failed or exceeded a limit; `outcome` holds its exit code and log."""

    def __init__(self, message: str, outcome: object = None) -> None:
        super().__init__(message)
        self.outcome = outcome
