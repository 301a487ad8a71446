"""Whole station runs on the real engine and registry: our station processes a train, hands it
on, and refuses what it must refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.image_files import put_tree, read_file, scratch_container
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train, result_archive_of

pytestmark = pytest.mark.engine

ENTRYPOINT = (
    b"#!/bin/sh\necho counting\nwc -l < /opt/train_data/cohort/patients.csv > /opt/pht_results/count.txt\necho done\n"
)


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    folder.mkdir()
    (folder / "patients.csv").write_text("id\n1\n2\n3\n")
    return folder


def runner(engine, index: int, cohort: Path, **options) -> StationRunner:
    setup = StationSetup(
        f"station-{index}", station_keys(2)[index], [cohort], RunLimits(wall_clock_seconds=60), **options
    )
    return StationRunner(engine.client, setup)


def test_two_stations_run_the_train_in_turn(engine, registry, researcher, cohort, tmp_path: Path) -> None:
    train = build_train(engine, registry.address, "count", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT})
    steps: list[tuple[str, str]] = []
    lines: list[str] = []
    first = runner(engine, 0, cohort).run(train.reference, lambda s: steps.append((s.name, s.outcome)), lines.append)
    assert first.succeeded, first.error
    assert ("run", "ok") in steps and lines == ["counting", "done"]
    second = runner(engine, 1, cohort, keep_images=True).run(train.reference)
    assert second.succeeded, second.error
    with scratch_container(engine.client, train.reference) as container:
        config = TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))
    assert [s.station for s in config.signed_stops()] == ["station-0", "station-1"]
    assert config.result_hash and config.creator_encrypted_key
    # The researcher's end: the image's config and results as the central API would serve them.
    archive = result_archive_of(engine, train.reference, tmp_path / "result.tar")
    with ResultArchive(archive) as opened:
        report = decrypt_opened(
            opened, DecryptRequest(archive, tmp_path / "out"), OpeningKeys("researcher", researcher)
        )
    # wc -l counts the header and the 3 rows
    assert report.verified and (tmp_path / "out" / "count.txt").read_text().strip() == "4"


def test_refusals(engine, registry, researcher, cohort) -> None:
    train = build_train(engine, registry.address, "refused", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT})
    outsider = StationRunner(engine.client, StationSetup("station-9", station_keys(2)[0], [cohort]))
    report = outsider.run(train.reference)
    assert "not on this train's route" in report.error
    second_first = runner(engine, 1, cohort).run(train.reference)
    assert "Earlier stations have not signed" in second_first.error
    wrong_key = StationRunner(engine.client, StationSetup("station-0", station_keys(2)[1], [cohort]))
    assert "cannot open" in wrong_key.run(train.reference).error
    # Nothing half-processed stays behind: no pre-run image, and the train's tag is the one pulled.
    assert not [i for i in engine.client.images.list() if any("pht-station-prerun" in t for t in i.tags)]
    with scratch_container(engine.client, train.reference) as container:
        untouched = TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json"))
    assert untouched.result_hash is None


def _change_a_file(config, files) -> None:
    files["entrypoint.sh"] = files["entrypoint.sh"] + b"wget -q http://127.0.0.1:9/exfiltrate\n"


def _forge_researcher_signature(config, files) -> None:
    signature = bytearray(bytes.fromhex(config.raw["signature"]))
    signature[10] ^= 1
    config.raw["signature"] = signature.hex()


@pytest.mark.parametrize(
    ("tamper", "says"),
    [(_change_a_file, "train_hash"), (_forge_researcher_signature, "researcher")],
)
def test_refuses_a_train_altered_after_signing(engine, registry, researcher, cohort, tamper, says) -> None:
    name = f"altered-{tamper.__name__.strip('_').replace('_', '-')}"
    train = build_train(
        engine, registry.address, name, researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}, tamper
    )
    lines: list[str] = []
    report = runner(engine, 0, cohort).run(train.reference, on_log=lines.append)
    assert "refused before running" in report.error and says in report.error
    assert lines == [] and report.exit_code is None  # the train's code never ran


def test_failing_train_and_network_attempt_keep_their_log(engine, registry, researcher, cohort) -> None:
    script = b"#!/bin/sh\necho trying\nwget -q -T 3 http://127.0.0.1:9/ || exit 9\n"
    train = build_train(engine, registry.address, "net-train", researcher, station_keys(2), {"entrypoint.sh": script})
    report = runner(engine, 0, cohort).run(train.reference)
    assert "exit code 9" in report.error and report.exit_code == 9 and report.log_tail[0] == "trying"
    assert {s.name: s.outcome for s in report.steps}["post-run"] == "pending"


def test_allowed_master_images(engine, registry, researcher, cohort) -> None:
    train = build_train(
        engine, registry.address, "mastered", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    other_master = f"{registry.address}/masters/other:1"
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        put_tree(container, "/etc", {"os-release": b"ID=other\n"})  # a layer the train does not have
        container.commit(repository=other_master.rsplit(":", 1)[0], tag="1", changes=['CMD ["true"]'])
    refused = runner(engine, 0, cohort, allowed_master_images=[other_master]).run(train.reference)
    assert "not built on an allowed master image" in refused.error
    accepted = runner(engine, 0, cohort, allowed_master_images=["localhost/pht-test/busybox:latest"])
    assert accepted.run(train.reference).succeeded


def test_cancel_during_the_run_leaves_the_train_as_it_was(engine, registry, researcher, cohort) -> None:
    script = b"#!/bin/sh\necho started\nsleep 60\n"
    train = build_train(engine, registry.address, "cancelled", researcher, station_keys(2), {"entrypoint.sh": script})
    token = CancelToken()
    report = runner(engine, 0, cohort).run(train.reference, on_log=lambda line: token.cancel(), cancel=token)
    assert report.cancelled and report.failed_step == "run" and "nothing was pushed" in report.error
    assert {s.name: s.outcome for s in report.steps}["run"] == "failed"
    with scratch_container(engine.client, train.reference) as container:
        assert TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json")).result_hash is None
    assert not [i for i in engine.client.images.list() if any("pht-station-prerun" in t for t in i.tags)]
