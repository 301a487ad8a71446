"""The runner's steps one at a time (core.station.steps, what the Airflow DAG's tasks call), on the
real engine and registry: steps run again alone give the same signed train, a step whose input
is gone says which step to run first, and `finish` leaves nothing decrypted behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.image_files import read_file, scratch_container
from desktop_app.core.station.runner import StationRunner, StationSetup
from desktop_app.core.station.steps import SteppedRun, StepState
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train, result_archive_of

pytestmark = pytest.mark.engine
ENTRYPOINT = b'#!/bin/sh\necho "site $SITE"\necho "$SITE" > /opt/pht_results/site.txt\n'


def stepped(engine, reference: str, work: Path, run_key: str) -> SteppedRun:
    limits = RunLimits(wall_clock_seconds=60, environment=(("SITE", "tuebingen"),))
    runner = StationRunner(engine.client, StationSetup("station-0", station_keys(2)[0], [], limits))
    return SteppedRun(runner, reference, work, run_key)


def test_steps_run_again_alone_and_the_train_comes_out_signed(engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "stepwise", researcher, station_keys(1), {"entrypoint.sh": ENTRYPOINT}
    )
    run = stepped(engine, train.reference, tmp_path / "work", "manual__1")
    state = run.pull(StepState(train.reference))
    state = run.validate(StepState.from_dict(state.as_dict()))  # through JSON-able state, as XCom keeps it
    assert state.train_id == train.config.train_id
    with pytest.raises(StationError, match="run the pre-run step again first"):
        run.run(state, print)
    state = run.pre_run(state)
    lines: list[str] = []
    state = run.run(state, lines.append)
    assert lines == ["site tuebingen"] and state.exit_code == 0
    state = run.run(state, lines.append)  # a retried run task: the train runs again from the pre-run image
    first = run.post_run(state).digest_out
    state = run.post_run(state)  # a retried post-run starts from the pulled train, not its own output
    assert state.digest_out and state.digest_out != first
    assert first not in [i.id for i in engine.client.images.list(all=True)]  # the first try's image went
    state = run.push(state)
    run.finish(state, succeeded=True)
    assert not run.work.exists()
    assert not [i for i in engine.client.images.list() if any("pht-station-prerun" in t for t in i.tags)]
    engine.client.images.pull(train.reference)
    with scratch_container(engine.client, train.reference) as container:
        config = TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))
    assert [s.station for s in config.signed_stops()] == ["station-0"]
    archive = result_archive_of(engine, train.reference, tmp_path / "result.tar")
    with ResultArchive(archive) as opened:
        report = decrypt_opened(opened, DecryptRequest(archive, tmp_path / "out"), OpeningKeys("r", researcher))
    assert report.verified and (tmp_path / "out" / "site.txt").read_text() == "tuebingen\n"


def test_finish_after_a_failed_push_puts_the_train_back(engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "stepwise-back", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    run = stepped(engine, train.reference, tmp_path / "work", "manual__2")
    state = run.pull(StepState(train.reference))
    for step in (run.validate, run.pre_run):
        state = step(state)
    state = run.post_run(run.run(state, print))
    engine.client.api.tag(state.digest_in, train.reference.rsplit(":", 1)[0], "latest", force=True)
    with pytest.raises(StationError, match="no longer names the image the post-run made"):
        run.push(state)  # someone re-tagged the train in between: what would go out is not ours
    run.finish(state, succeeded=False)
    assert engine.client.images.get(train.reference).id == state.digest_in
    assert not run.work.exists()
