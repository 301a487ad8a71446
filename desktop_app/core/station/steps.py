"""The station run's steps one at a time, for a scheduler that runs each step in a process of
its own and may retry any of them alone (the Airflow DAG `run_train` in `station_airflow`).

`StationRunner.run` does the same steps in one call; this module calls the runner's own step
methods, so both ways process a train with the same code. What one step leaves for the next
lives in the container engine (the pulled image, the pre-run image), in the run's work folder
(the decrypted train and the train's results, between pre-run and post-run) and in the small
`StepState` a scheduler keeps for the run (Airflow's XCom). Each step can run again: it reads
only what earlier steps left, and overwrites what it leaves itself. `finish` removes the work
folder and the pre-run image and, after a failure, puts the train's tag back on the pulled
image — whatever happened, as the runner does at the end of `run`.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop_app.core.errors import Cancelled
from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.engine_faults import engine_call
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.image_files import MissingInContainer, TooLarge, export_folder, remove_container
from desktop_app.core.station.registry import push, split_reference
from desktop_app.core.station.report import RunReport
from desktop_app.core.station.runner import DOING, NO_RESULTS, TOO_LARGE, StationRunner, cancelled_sentence

__all__ = ["StepState", "SteppedRun"]


@dataclass
class StepState:
    """What the steps tell each other and the scheduler (JSON-able: Airflow keeps it as XCom)."""

    reference: str
    digest_in: str = ""  # the pulled image, before any step changed the train's tag
    digest_out: str = ""  # the processed image the post-run made
    train_id: str = ""
    train_hash: str = ""
    exit_code: int | None = None
    log_tail: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> StepState:
        return cls(**{k: v for k, v in raw.items() if k in cls.__dataclass_fields__})


class SteppedRun:
    """One train's run at this station, step by step; `run_key` names the run (unique per run)."""

    def __init__(self, runner: StationRunner, reference: str, work_root: Path, run_key: str) -> None:
        self.runner = runner
        self.reference = reference
        self.repository, _tag = split_reference(reference)
        key = hashlib.sha256(run_key.encode("utf-8")).hexdigest()[:32]  # a run id may hold any character
        self.work = work_root / key
        self.prerun_image = f"localhost/pht-station-prerun/{key}:run"

    # -- the steps, in order -----------------------------------------------------------------

    def pull(self, state: StepState) -> StepState:
        with self._doing("pull"):
            self.runner._pull(self.reference, f"{self.repository}:base", None)
        state.digest_in = self._image_id(self.reference)
        return state

    def validate(self, state: StepState) -> StepState:
        report = RunReport(self.reference)
        with self._doing("validate"):
            self.runner._validate(self._original(state), report)
        state.train_id, state.train_hash = report.train_id, report.train_hash
        return state

    def pre_run(self, state: StepState) -> StepState:
        config = self._config(state)
        self._fresh_work()
        with self._doing("pre-run"):
            self.runner._pre_run(self._original(state), config, self.work, self.prerun_image, None)
        return state

    def run(self, state: StepState, on_log: Callable[[str], None], cancel: CancelToken | None = None) -> StepState:
        """A cancel (the scheduler stopping the task) kills the train's container at once."""
        self._need(self.work / "train", "pre-run")
        report = RunReport(self.reference)
        try:
            with self._doing("run"):
                kept: dict = {}
                self.runner._run(self.prerun_image, kept, report, on_log, cancel)
                self._save_results(kept["container"])
        except Cancelled as exc:
            raise Cancelled(cancelled_sentence("run")) from exc
        finally:
            state.exit_code, state.log_tail = report.exit_code, report.log_tail
        return state

    def post_run(self, state: StepState) -> StepState:
        self._need(self.work / "results.tar", "run")
        config = self._config(state)
        report = RunReport(self.reference)
        with self._doing("post-run"):
            kept = {"container": _SavedResults(self.work / "results.tar"), "config": config}
            self.runner._post_run(self.reference, self.repository, kept, self.work, report, None, stepwise=True)
        if state.digest_out and state.digest_out != report.digest_out:
            self.runner._remove_image(state.digest_out)  # an earlier try's processed image, now untagged
        state.digest_out = report.digest_out
        return state

    def push(self, state: StepState) -> StepState:
        if not state.digest_out or self._image_id(self.reference) != state.digest_out:
            raise StationError(_("The train's tag no longer names the image the post-run made; nothing was pushed."))
        with self._doing("push"):
            push(self.runner.client, self.reference, self.runner.setup.credentials)  # of the committed image
        return state

    def finish(self, state: StepState, succeeded: bool) -> None:
        """After the last step, whatever happened: no decrypted file or half-processed image stays."""
        shutil.rmtree(self.work, ignore_errors=True)
        if state.digest_out and not succeeded:
            self.runner._restore_train(self.reference, state.digest_in, state.digest_out)
        self.runner._remove_image(self.prerun_image)
        if succeeded and not self.runner.setup.keep_images:
            self.runner._remove_image(self.reference)
            self.runner._remove_image(f"{self.repository}:base")

    # -- helpers -------------------------------------------------------------------------------

    def _save_results(self, container) -> None:
        """The results out of the run's container into the work folder, for a post-run that may run again."""
        try:
            limit = self.runner.setup.limits.results_bytes
            with (
                export_folder(container, "/opt/pht_results", None, limit) as results,
                (self.work / "results.tar").open("wb") as out,
            ):
                shutil.copyfileobj(results, out)
        except MissingInContainer as exc:
            raise StationError(_(NO_RESULTS)) from exc
        except TooLarge as exc:
            raise StationError(_(TOO_LARGE).format(mib=self.runner.setup.limits.results_mib)) from exc
        finally:
            remove_container(container)

    def _doing(self, step: str):
        return engine_call(_(DOING[step]).format(reference=self.reference))

    def _image_id(self, reference: str) -> str:
        with engine_call(_(DOING["validate"]).format(reference=reference)):
            return str(self.runner.client.images.get(reference).id)

    def _original(self, state: StepState) -> str:
        """The pulled image: after a post-run the train's tag names the processed one instead."""
        if not state.digest_in:
            state.digest_in = self._image_id(self.reference)  # a station that does not pull
        return state.digest_in

    def _config(self, state: StepState) -> TrainConfig:
        """The train's configuration as pulled, checked again (a step may run alone, much later)."""
        report = RunReport(self.reference)
        with self._doing("validate"):
            return self.runner._validate(self._original(state), report)

    def _fresh_work(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True, mode=0o700)

    def _need(self, path: Path, step: str) -> None:
        if not path.exists():
            message = _("What the {step} step left for this one is gone; run the {step} step again first.")
            raise StationError(message.format(step=step))


class _SavedResults:
    """The results the run step saved, served to the post-run as the container's archive was."""

    id = "saved-results"

    def __init__(self, path: Path) -> None:
        self.path = path

    def get_archive(self, path: str):
        handle = self.path.open("rb")

        def chunks():
            with handle:
                while data := handle.read(1 << 20):
                    yield data

        return chunks(), {}

    def remove(self, force: bool = False) -> None:
        """The run's container is gone already; the saved results stay for a post-run run again."""
