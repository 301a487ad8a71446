"""One run of a train at this station: pull → validate → pre-run → run → post-run → push.

Each step is reported as it starts and ends, and the cancel token is honoured between and
within steps. The train's own tag is written only at the very end of the post-run, once
everything held, and put back on the image that was pulled if the run then fails or is
cancelled before the push, so a failed or cancelled run never leaves a processed image tagged
as the train; decrypted files live in a temporary folder that is always removed.

The results go from the train's container through hash and encryption straight into the new
layer's tar (`result_layer`), written once; the push uploads that same file as the one new blob
(`registry_push`). The layer is written onto `:base` in the engine only when the processed
image is kept there (no push, or images kept), and for the engine's own push when the registry
or the base is one `registry_push` does not handle.

The push is the run's commit point (`CancelToken.commit`): a cancel before it stops the run and
nothing is pushed; a cancel after it is too late, and the run finishes. No engine error leaves
`run`: each one ends the run with a sentence in its report (`RunReport.failure()`).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docker
import docker.errors
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Cancelled, PHTError
from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.pre_run import station_pre_run
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import Check
from desktop_app.core.station.commit_point import Interrupted, past_commit_point
from desktop_app.core.station.container_run import RunLimits, run_entrypoint
from desktop_app.core.station.engine_faults import ENGINE_FAILURES, engine_call
from desktop_app.core.station.errors import StationError, TrainFailed
from desktop_app.core.station.image_files import (
    MissingInContainer,
    TooLarge,
    commit_image,
    export_folder,
    put_tar,
    put_tree,
    read_file,
    regular_members,
    remove_container,
    scratch_container,
)
from desktop_app.core.station.layer_upload import LayerUpload
from desktop_app.core.station.registry import RegistryCredentials, pull, push, split_reference
from desktop_app.core.station.registry_push import PushUnsupported
from desktop_app.core.station.report import STEPS, RunReport, StepRecord
from desktop_app.core.station.result_layer import ResultLayer, build_result_layer

__all__ = ["STEPS", "RunReport", "StationRunner", "StationSetup", "StepRecord"]

log = logging.getLogger(__name__)

NO_RESULTS = N_("The train left no /opt/pht_results folder in its container, so there are no results.")
TOO_LARGE = N_(
    "The train's results in /opt/pht_results are larger than the station's limit of {mib} MiB; "
    "they were not kept, and nothing was pushed."
)

# What each step is doing, for the sentence of an engine failure within it.
DOING = {
    "pull": N_("Pulling {reference}"),
    "validate": N_("Checking {reference}"),
    "pre-run": N_("Preparing the train to run"),
    "run": N_("Running the train"),
    "post-run": N_("Saving the train's encrypted results"),
    "push": N_("Pushing {reference}"),
}


@dataclass
class StationSetup:
    station_id: str
    station_key: rsa.RSAPrivateKey
    data: list[Path] = field(default_factory=list)
    limits: RunLimits = field(default_factory=RunLimits)
    credentials: RegistryCredentials | None = None
    pull: bool = True
    push: bool = True
    keep_images: bool = False
    allowed_master_images: list[str] = field(default_factory=list)  # empty: any base is accepted
    log_folder: Path | None = None  # where the train's log file goes; None: the temporary folder


def _image_id(client: docker.DockerClient, reference: str) -> str:
    try:
        return str(client.images.get(reference).id)
    except ENGINE_FAILURES:
        return ""


def _first_failure(checks: list[Check]) -> str:
    failed = next((c for c in checks if not c.passed), None)
    return f"{failed.name}: {failed.detail}" if failed else ""


@contextlib.contextmanager
def _cleaning(what: str) -> Iterator[None]:
    """Clean-up after a run: an engine that fails here is noted, and does not hide the run's outcome."""
    try:
        yield
    except docker.errors.NotFound:
        pass  # already gone
    except ENGINE_FAILURES as exc:
        log.warning("Could not remove %s after a station run: %s", what, exc)


class StationRunner:
    def __init__(self, client: docker.DockerClient, setup: StationSetup) -> None:
        self.client = client
        self.setup = setup

    def run(
        self,
        reference: str,
        on_step: Callable[[StepRecord], None] = lambda step: None,
        on_log: Callable[[str], None] = lambda line: None,
        cancel: CancelToken | None = None,
    ) -> RunReport:
        """Run the train `reference`; the report says how it went (`report.failure()` for a front).

        `on_step` gets each step as it starts and ends, `on_log` each line of the train's log
        (cleaned of terminal control, at most 64 KiB); both are called from this thread. A
        cancel (also the one of an app that quits) kills the train's container at once.
        """
        report = RunReport(reference)
        scratch = Path(tempfile.mkdtemp(prefix="pht-station-"))
        prerun_image = f"localhost/pht-station-prerun/{uuid.uuid4().hex}:run"  # a valid, unique reference
        steps = {step.name: step for step in report.steps}

        def step(name: str, action: Callable[[], None]) -> None:
            record = steps[name]
            record.outcome, record.started = "running", time.time()
            on_step(record)
            try:
                if cancel:
                    cancel.raise_if_cancelled()
                with engine_call(_(DOING[name]).format(reference=reference)):  # the net under each step
                    action()
            except BaseException as exc:
                report.failed_step = name
                record.outcome, record.finished = "failed", time.time()
                record.detail = cancelled_sentence(name) if isinstance(exc, Cancelled) else str(exc)
                on_step(record)
                raise
            record.outcome, record.finished = "ok", time.time()
            on_step(record)

        state: dict = {}
        push_in_flight = False
        try:
            repository, _tag = split_reference(reference)
            if self.setup.pull:
                step("pull", lambda: self._pull(reference, f"{repository}:base", cancel))
            else:
                steps["pull"].outcome = "skipped"
            report.digest_in = _image_id(self.client, reference)
            step("validate", lambda: state.update(config=self._validate(reference, report)))
            step("pre-run", lambda: self._pre_run(reference, state["config"], scratch, prerun_image, cancel))
            step("run", lambda: self._run(prerun_image, state, report, on_log, cancel))
            step("post-run", lambda: self._post_run(reference, repository, state, scratch, report, cancel))
            if self.setup.push:
                step("push", lambda: self._push(reference, repository, state, report, cancel))
            else:
                steps["push"].outcome = "skipped"
        except PHTError as exc:
            push_in_flight = isinstance(exc, Interrupted)  # the processed image is still being read
            report.error, report.remedy, report.details = str(exc), exc.remedy, exc.details
            if isinstance(exc, Cancelled):
                report.cancelled, report.error = True, cancelled_sentence(report.failed_step)
        finally:
            if state.get("container") is not None:  # the run's container, when the post-run never came
                remove_container(state.pop("container"))
            if state.get("upload") is not None and not report.succeeded and not push_in_flight:
                state["upload"].abandon()  # before its file goes
            shutil.rmtree(scratch, ignore_errors=True)  # every decrypted file goes with it
            if state.get("committed") and not report.succeeded and not push_in_flight:
                # Before the pre-run image goes: removing it prunes its parent, the untagged original.
                self._restore_train(reference, report.digest_in, report.digest_out)
            self._remove_image(prerun_image)
            if not self.setup.keep_images and report.succeeded and self.setup.push:
                self._remove_image(reference)
                self._remove_image(f"{report.reference.rpartition(':')[0]}:base")
        return report

    # -- steps -----------------------------------------------------------------------------------

    def _pull(self, reference: str, base: str, cancel: CancelToken | None) -> None:
        pull(self.client, reference, self.setup.credentials, cancel)
        pull(self.client, base, self.setup.credentials, cancel)

    def _validate(self, reference: str, report: RunReport) -> TrainConfig:
        with scratch_container(self.client, reference) as container:
            config = TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))
        report.train_id = config.train_id
        report.train_hash = (config.train_hash or b"").hex()
        stop = config.stop_for(self.setup.station_id)
        if stop is None:
            route = ", ".join(s.station for s in config.route)
            raise StationError(
                _("Station {station_id} is not on this train's route ({route}).").format(
                    station_id=self.setup.station_id, route=route
                )
            )
        unsigned = [s.station for s in config.route if s.index < stop.index and s.signature is None]
        if unsigned:
            raise StationError(
                _("Earlier stations have not signed this train: {unsigned}.").format(unsigned=", ".join(unsigned))
            )
        if self.setup.allowed_master_images:
            self._check_master_image(reference)
        return config

    def _layers(self, reference: str) -> list[str]:
        try:
            image = self.client.images.get(reference)
        except docker.errors.ImageNotFound:
            image = pull(self.client, reference, self.setup.credentials)
        return list(image.attrs.get("RootFS", {}).get("Layers") or [])

    def _check_master_image(self, reference: str) -> None:
        """The train's layers must begin with all the layers of one allowed master image."""
        layers = self._layers(reference)
        for master in self.setup.allowed_master_images:
            base = self._layers(master)
            if base and layers[: len(base)] == base:
                return
        allowed = ", ".join(self.setup.allowed_master_images)
        raise StationError(_("The train is not built on an allowed master image ({allowed}).").format(allowed=allowed))

    def _pre_run(self, reference: str, config: TrainConfig, scratch: Path, prerun_image: str, cancel) -> None:
        train_dir, results_dir = scratch / "train", scratch / "previous"
        with scratch_container(self.client, reference) as container:
            train_tar = export_folder(container, "/opt/pht_train", cancel)
            try:
                results_tar = export_folder(container, "/opt/pht_results", cancel) if config.result_hash else None
            except MissingInContainer as exc:
                train_tar.close()
                message = _("The train's configuration names earlier results, but its image has no /opt/pht_results.")
                raise StationError(message) from exc
            try:
                train_files = ((n, tar.extractfile(m)) for n, tar, m in regular_members(train_tar, "pht_train/"))
                previous = (
                    ((n, tar.extractfile(m)) for n, tar, m in regular_members(results_tar, "pht_results/"))
                    if results_tar
                    else ()
                )
                outcome = station_pre_run(
                    config,
                    self.setup.station_id,
                    self.setup.station_key,
                    train_files,
                    train_dir,
                    previous,
                    results_dir,
                    cancel=cancel,
                )
            finally:
                train_tar.close()
                if results_tar:
                    results_tar.close()
            if not outcome.passed:
                raise StationError(
                    _("The train was refused before running it ({first_failure}).").format(
                        first_failure=_first_failure(outcome.checks)
                    )
                )
            # The train's two folders are its user's (unless it runs as the image's own user): it
            # must be able to write its results, also into files an earlier station wrote.
            owner = self.setup.limits.owner
            put_tree(container, "/opt/pht_train", {n: train_dir / n for n in outcome.train_files}, owner)
            if outcome.results or owner is not None:
                put_tree(container, "/opt/pht_results", {n: results_dir / n for n in outcome.results}, owner)
            commit_image(container, prerun_image, self._command(reference))

    def _command(self, reference: str) -> list[str]:
        with engine_call(_("Reading the command of {reference}").format(reference=reference)):
            return list(self.client.images.get(reference).attrs["Config"].get("Cmd") or [])

    def _log_path(self) -> Path:
        name = f"{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:8]}.log"
        folder = self.setup.log_folder or Path(tempfile.gettempdir()) / "pht-station-logs"
        return folder / name

    def _run(self, image: str, state: dict, report: RunReport, on_log, cancel) -> None:
        log_path = self._log_path()
        report.log_path = str(log_path)
        try:
            outcome, container = run_entrypoint(
                self.client, image, self.setup.data, self.setup.limits, on_log, cancel, True, log_path
            )
        except TrainFailed as failed:
            if failed.outcome is not None:
                report.log_tail, report.exit_code = failed.outcome.tail, failed.outcome.exit_code
            raise
        report.log_tail, report.exit_code = outcome.tail, outcome.exit_code
        state["container"] = container  # the post-run reads the results out of it, then removes it

    def _post_run(
        self, reference: str, repository: str, state: dict, scratch: Path, report: RunReport, cancel, stepwise=False
    ) -> None:
        """`stepwise`: the push is another process's (`steps`), so no upload begins here and the
        layer is always committed in the engine, for that push to find."""
        limits = self.setup.limits
        target = scratch / "layer.tar"
        streaming = self.setup.push and not stepwise
        upload = state["upload"] = LayerUpload(reference, self.setup.credentials) if streaming else None
        if upload:
            upload.start(target)  # the layer goes up as it is written (invisible until the push step)
        try:
            state["layer"] = build_result_layer(
                state["container"],
                state["config"],
                self.setup.station_id,
                self.setup.station_key,
                scratch / "train",
                target,
                limits.results_bytes,
                cancel,
                upload.grown if upload else None,
            )
            if upload:
                upload.finish(state["layer"].digest)
        except MissingInContainer as exc:
            raise StationError(_(NO_RESULTS)) from exc
        except TooLarge as exc:
            raise StationError(_(TOO_LARGE).format(mib=limits.results_mib)) from exc
        finally:
            remove_container(state.pop("container"))
        state["command"] = self._command(reference)
        if stepwise or not self.setup.push or self.setup.keep_images:  # the processed image stays in the engine
            self._commit_layer(reference, repository, state, report, cancel)

    def _commit_layer(self, reference: str, repository: str, state: dict, report: RunReport, cancel) -> None:
        """The layer written onto `:base` and committed as the train's tag, in the engine."""
        layer: ResultLayer = state["layer"]
        with scratch_container(self.client, f"{repository}:base") as container:
            with layer.path.open("rb") as handle:
                put_tar(container, "/", handle)
            if cancel:
                cancel.raise_if_cancelled()
            commit_image(container, reference, state["command"])
        state["committed"] = True
        report.digest_out = _image_id(self.client, reference)

    def _push(self, reference: str, repository: str, state: dict, report: RunReport, cancel) -> None:
        def pushing() -> None:
            layer: ResultLayer = state["layer"]

            def noting(config_digest: str) -> None:
                if not state.get("committed"):  # else the image kept in the engine is the run's image
                    report.digest_out = config_digest

            try:
                state["upload"].complete(layer.path, layer.digest, state["command"], self.setup.station_id, noting)
            except PushUnsupported as exc:
                log.info("The engine pushes %s instead: %s", reference, exc)
                if not state.get("committed"):
                    self._commit_layer(reference, repository, state, report, None)
                push(self.client, reference, self.setup.credentials)

        past_commit_point(
            pushing,
            cancel,
            _("The processed train was pushed to {repository}.").format(repository=repository),
            _(
                "The app quit while the processed train was being pushed to {repository}; "
                "whether the registry has it is not known."
            ).format(repository=repository),
        )

    def _remove_image(self, reference: str) -> None:
        with _cleaning(f"the image {reference}"):
            self.client.images.remove(reference, force=True)

    def _restore_train(self, reference: str, original: str, processed: str) -> None:
        """Put the train's tag back on the image it had before the post-run, and drop the processed one."""
        if not original or original == processed:
            return
        repository, tag = split_reference(reference)
        try:
            self.client.api.tag(original, repository, tag, force=True)
        except ENGINE_FAILURES as exc:
            log.warning("Could not put the tag %s back on %s after a station run: %s", reference, original, exc)
            return  # the processed image keeps the tag rather than leaving the train without one
        with _cleaning(f"the processed image of {reference}"):
            self.client.images.remove(processed, force=True)


def cancelled_sentence(step: str) -> str:
    if step:
        return _("Cancelled during the {step} step; nothing was pushed, and the train's image is as it was.").format(
            step=step
        )
    return _("Cancelled; nothing was pushed, and the train's image is as it was.")
