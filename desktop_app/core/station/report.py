"""What one station run did: its steps with their times and outcomes, the images in and out,
where the train's log is, and, for a failed run, the failing step, the reason and the remedy."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.errors import Cancelled, PHTError, Remedy
from desktop_app.core.i18n import _
from desktop_app.core.station.errors import StationError

STEPS = ("pull", "validate", "pre-run", "run", "post-run", "push")


@dataclass
class StepRecord:
    name: str
    outcome: str = "pending"  # pending, running, ok, failed, skipped
    started: float = 0.0
    finished: float = 0.0
    detail: str = ""


@dataclass
class RunReport:
    reference: str
    train_id: str = ""
    train_hash: str = ""
    digest_in: str = ""
    digest_out: str = ""
    exit_code: int | None = None
    steps: list[StepRecord] = field(default_factory=lambda: [StepRecord(name) for name in STEPS])
    log_path: str = ""  # the train's whole log; "" when the train never ran
    log_tail: list[str] = field(default_factory=list)  # its last lines
    error: str = ""  # the reason, one sentence
    failed_step: str = ""  # the step that failed or was cancelled ("" if none had started)
    remedy: Remedy = Remedy.NONE
    details: str = ""
    cancelled: bool = False  # cancelled before the commit point: nothing was pushed

    @property
    def succeeded(self) -> bool:
        return not self.error and all(step.outcome in ("ok", "skipped") for step in self.steps)

    def failure(self, run_id: int | None = None) -> PHTError | None:
        """The error a front shows for this run (with its remedy), or None if it succeeded."""
        if self.succeeded:
            return None
        if self.cancelled:
            return Cancelled(self.error)
        if run_id is not None:
            sentence = (
                _("Run {run_id} of {reference} failed at its {step} step: {error}")
                if self.failed_step
                else _("Run {run_id} of {reference} failed: {error}")
            )
        else:
            sentence = (
                _("The run of {reference} failed at its {step} step: {error}")
                if self.failed_step
                else _("The run of {reference} failed: {error}")
            )
        message = sentence.format(run_id=run_id, reference=self.reference, step=self.failed_step, error=self.error)
        return StationError(message, remedy=self.remedy, details=self.details)
