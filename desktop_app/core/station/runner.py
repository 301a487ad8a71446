"""One run of a train at this station: pull → validate → pre-run → run → post-run → push.

Each step is reported as it starts and ends, and the cancel token is honoured between and
within steps. The train's own tag is written only at the very end of the post-run, once
everything held, so a failed or cancelled run never leaves a half-processed image tagged as
the train; decrypted files live in a temporary folder that is always removed.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import docker
import docker.errors
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.post_run import folder_sink, station_post_run
from desktop_app.core.protocol.pre_run import station_pre_run
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.protocol.verification import Check
from desktop_app.core.station.container_run import RunLimits, run_entrypoint
from desktop_app.core.station.errors import StationError, TrainFailed
from desktop_app.core.station.image_files import export_folder, put_tree, read_file, regular_members, scratch_container
from desktop_app.core.station.registry import RegistryCredentials, pull, push, split_reference

STEPS = ("pull", "validate", "pre-run", "run", "post-run", "push")


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
    log: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def succeeded(self) -> bool:
        return not self.error and all(step.outcome in ("ok", "skipped") for step in self.steps)


def _image_digest(client: docker.DockerClient, reference: str) -> str:
    try:
        return str(client.images.get(reference).id)
    except docker.errors.DockerException:
        return ""


def _first_failure(checks: list[Check]) -> str:
    failed = next((c for c in checks if not c.passed), None)
    return f"{failed.name}: {failed.detail}" if failed else ""


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
        report = RunReport(reference)
        repository, _ = split_reference(reference)
        scratch = Path(tempfile.mkdtemp(prefix="pht-station-"))
        prerun_image = f"localhost/pht-station-prerun/{uuid.uuid4().hex}:run"  # a valid, unique reference
        steps = {step.name: step for step in report.steps}

        def step(name: str, action: Callable[[], None]) -> None:
            record = steps[name]
            if cancel:
                cancel.raise_if_cancelled()
            record.outcome, record.started = "running", time.time()
            on_step(record)
            try:
                action()
            except BaseException as exc:
                record.outcome, record.finished, record.detail = "failed", time.time(), str(exc)
                on_step(record)
                raise
            record.outcome, record.finished = "ok", time.time()
            on_step(record)

        state: dict = {}
        try:
            if self.setup.pull:
                step("pull", lambda: self._pull(reference, f"{repository}:base"))
            else:
                steps["pull"].outcome = "skipped"
            report.digest_in = _image_digest(self.client, reference)
            step("validate", lambda: state.update(config=self._validate(reference, report)))
            step("pre-run", lambda: self._pre_run(reference, state["config"], scratch, prerun_image, cancel))
            step("run", lambda: self._run(prerun_image, scratch, report, on_log, cancel))
            step("post-run", lambda: self._post_run(reference, repository, state["config"], scratch, cancel))
            report.digest_out = _image_digest(self.client, reference)
            if self.setup.push:
                step("push", lambda: push(self.client, reference, self.setup.credentials))
            else:
                steps["push"].outcome = "skipped"
        except PHTError as exc:
            report.error = str(exc)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)  # every decrypted file goes with it
            self._remove_image(prerun_image)
            if not self.setup.keep_images and report.succeeded and self.setup.push:
                self._remove_image(reference)
                self._remove_image(f"{repository}:base")
        return report

    # -- steps -----------------------------------------------------------------------------------

    def _pull(self, reference: str, base: str) -> None:
        pull(self.client, reference, self.setup.credentials)
        pull(self.client, base, self.setup.credentials)

    def _validate(self, reference: str, report: RunReport) -> TrainConfig:
        with scratch_container(self.client, reference) as container:
            config = TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))
        report.train_id = config.train_id
        report.train_hash = (config.train_hash or b"").hex()
        stop = config.stop_for(self.setup.station_id)
        if stop is None:
            route = ", ".join(s.station for s in config.route)
            raise StationError(f"Station {self.setup.station_id} is not on this train's route ({route}).")
        unsigned = [s.station for s in config.route if s.index < stop.index and s.signature is None]
        if unsigned:
            raise StationError(f"Earlier stations have not signed this train: {', '.join(unsigned)}.")
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
        raise StationError(f"The train is not built on an allowed master image ({allowed}).")

    def _pre_run(self, reference: str, config: TrainConfig, scratch: Path, prerun_image: str, cancel) -> None:
        train_dir, results_dir = scratch / "train", scratch / "previous"
        with scratch_container(self.client, reference) as container:
            train_tar = export_folder(container, "/opt/pht_train")
            results_tar = export_folder(container, "/opt/pht_results") if config.result_hash else None
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
                raise StationError(f"The train was refused before running it ({_first_failure(outcome.checks)}).")
            put_tree(container, "/opt/pht_train", {n: train_dir / n for n in outcome.train_files})
            if outcome.results:
                put_tree(container, "/opt/pht_results", {n: results_dir / n for n in outcome.results})
            command = self.client.images.get(reference).attrs["Config"].get("Cmd") or []
            repo, tag = prerun_image.rsplit(":", 1)
            container.commit(repository=repo, tag=tag, changes=[f"CMD {json.dumps(command)}"])

    def _run(self, image: str, scratch: Path, report: RunReport, on_log, cancel) -> None:
        try:
            outcome, container = run_entrypoint(
                self.client, image, self.setup.data, self.setup.limits, on_log, cancel, keep_container=True
            )
        except TrainFailed as failed:
            if failed.outcome is not None:
                report.log, report.exit_code = failed.outcome.log, failed.outcome.exit_code
            raise
        report.log, report.exit_code = outcome.log, outcome.exit_code
        try:
            results = export_folder(container, "/opt/pht_results")
            with (scratch / "results.tar").open("wb") as out:
                shutil.copyfileobj(results, out)
            results.close()
        finally:
            container.remove(force=True)

    def _post_run(self, reference: str, repository: str, config: TrainConfig, scratch: Path, cancel) -> None:
        enc_results, enc_train = scratch / "enc-results", scratch / "enc-train"
        train_dir = scratch / "train"
        with (scratch / "results.tar").open("rb") as results_tar:
            results = ((n, tar.extractfile(m)) for n, tar, m in regular_members(results_tar, "pht_results/"))
            train_names = sorted(str(p.relative_to(train_dir)) for p in train_dir.rglob("*") if p.is_file())
            outcome = station_post_run(
                config,
                self.setup.station_id,
                self.setup.station_key,
                results,
                folder_sink(enc_results),
                ((n, (train_dir / n).open("rb")) for n in train_names),
                folder_sink(enc_train),
                cancel=cancel,
            )
        command = self.client.images.get(reference).attrs["Config"].get("Cmd") or []
        with scratch_container(self.client, f"{repository}:base") as container:
            put_tree(
                container,
                "/opt",
                {
                    "train_config.json": outcome.config.to_json_bytes(),
                    "user_sym_key.key": outcome.config.creator_encrypted_key or b"",
                },
            )
            put_tree(container, "/opt/pht_train", {f.name: enc_train / f.name for f in outcome.train_files})
            put_tree(container, "/opt/pht_results", {f.name: enc_results / f.name for f in outcome.results})
            if cancel:
                cancel.raise_if_cancelled()
            repo, tag = split_reference(reference)
            container.commit(repository=repo, tag=tag, changes=[f"CMD {json.dumps(command)}"])

    def _remove_image(self, reference: str) -> None:
        with contextlib.suppress(docker.errors.NotFound):  # already gone
            self.client.images.remove(reference, force=True)
