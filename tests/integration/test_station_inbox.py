"""The station's inbox and queue on the real registry (Debian's docker-registry) and the real
Podman service: trains pushed as the builder pushes them are listed with their ids and route
positions, the queue outlives its process, runs its trains one at a time and links each run to
the image digests; a registry that is down or talks nonsense is a sentence."""

from __future__ import annotations

import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.inbox import DONE, LATER, UNREADABLE, WAITING, digest_lookup, list_inbox
from desktop_app.core.station.queue import CANCELLED, QUEUED, TrainQueue, recorder, run_queue
from desktop_app.core.station.records import RunRecords
from desktop_app.core.station.registry import RegistryCredentials, push
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = pytest.mark.engine
ENTRYPOINT = b"#!/bin/sh\necho run > /opt/pht_results/out.txt\n"
BUSYBOX = "localhost/pht-test/busybox:latest"


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def project() -> str:
    """A project of its own for each test: the registry is shared by the whole session."""
    return f"inbox-{uuid.uuid4().hex[:8]}"


def push_trains(engine, registry, researcher, name: str, count: int, script: bytes = ENTRYPOINT):
    files = {"entrypoint.sh": script}
    return [
        build_train(engine, registry.address, f"{name}/t{i}", researcher, station_keys(2), files) for i in range(count)
    ]


def runner(engine, index: int = 0) -> StationRunner:
    setup = StationSetup(f"station-{index}", station_keys(2)[index], [], RunLimits(wall_clock_seconds=60))
    return StationRunner(engine.client, setup)


def test_the_inbox_lists_trains_with_their_ids_and_route_positions(engine, registry, researcher) -> None:
    name = project()
    trains = push_trains(engine, registry, researcher, name, 2)
    plain = f"{registry.address}/pht/{name}/plain"  # an image of the project that is no train
    engine.client.images.get(BUSYBOX).tag(plain, tag="1")
    push(engine.client, f"{plain}:1")

    inbox = list_inbox(f"{registry.address}/pht/{name}", "station-0")
    by_reference = {train.reference: train for train in inbox.trains}
    assert sorted(by_reference) == sorted([t.reference for t in trains] + [f"{plain}:1"])  # no :base
    for built in trains:
        listed = by_reference[built.reference]
        assert (listed.status, listed.train_id, listed.position) == (WAITING, built.config.train_id, 0)
        assert listed.route == ("station-0", "station-1") and listed.digest.startswith("sha256:")
    assert by_reference[f"{plain}:1"].status == UNREADABLE
    assert "has no /opt/train_config.json" in by_reference[f"{plain}:1"].detail
    assert [t.status for t in inbox.trains][:2] == [WAITING, WAITING]  # waiting trains first

    second = {t.reference: t for t in list_inbox(f"http://{registry.address}/pht/{name}/", "station-1").trains}
    assert second[trains[0].reference].status == LATER and second[trains[0].reference].position == 1
    assert "station-0" in second[trains[0].reference].detail


def test_the_queue_runs_its_trains_in_turn_and_links_the_digests(engine, registry, researcher, tmp_path) -> None:
    name = project()
    setting = f"{registry.address}/pht/{name}"
    trains = push_trains(engine, registry, researcher, name, 2)
    queue = TrainQueue(tmp_path)
    inbox = list_inbox(setting, "station-0")
    listed = {t.reference: (t.train_id, t.digest) for t in inbox.waiting}
    queue.add([t.reference for t in trains], listed)

    # Another "process" (a new queue object over the same folder) sees the same queue.
    assert [(e.reference, e.state) for e in TrainQueue(tmp_path).entries()] == [(t.reference, QUEUED) for t in trains]

    records = RunRecords(tmp_path)
    seen: list[tuple[int, str]] = []
    outcome = run_queue(
        TrainQueue(tmp_path),
        lambda reference, token: runner(engine).run(reference, cancel=token),
        recorder(records),
        digest_lookup(setting, None),
        lambda entry: seen.append((entry.id, entry.state)),
    )
    ids = [e.id for e in outcome.ran]
    assert seen == [(ids[0], "running"), (ids[0], "done"), (ids[1], "running"), (ids[1], "done")]  # one at a time
    history = {run["id"]: run for run in records.history()}
    for entry, built in zip(outcome.ran, trains, strict=True):
        run = history[entry.run_id]
        assert run["train_id"] == built.config.train_id and run["succeeded"]
        assert run["manifest_in"] == listed[built.reference][1]  # what the inbox saw is what was pulled
        assert run["manifest_out"].startswith("sha256:") and run["manifest_out"] != run["manifest_in"]
        assert run["digest_in"] and run["digest_out"]
    assert all(e.state == "done" for e in TrainQueue(tmp_path).entries())
    # The registry now holds the processed trains: done here, the next station's turn.
    assert {t.status for t in list_inbox(setting, "station-0").trains} == {DONE}
    assert {t.status for t in list_inbox(setting, "station-1").trains} == {WAITING}


def test_a_stop_cancels_the_current_run_and_keeps_the_rest_queued(engine, registry, researcher, tmp_path) -> None:
    name = project()
    trains = push_trains(engine, registry, researcher, name, 2, b"#!/bin/sh\necho started\nsleep 300\n")
    queue = TrainQueue(tmp_path)
    queue.add([t.reference for t in trains])
    token = CancelToken()

    def run_one(reference, inner):
        return runner(engine).run(reference, on_log=lambda line: token.cancel(), cancel=inner)

    with pytest.raises(Cancelled) as stopped:
        run_queue(queue, run_one, recorder(RunRecords(tmp_path)), cancel=token)
    assert "was cancelled" in str(stopped.value) and "nothing was pushed" in str(stopped.value)
    assert "1 train(s) stay queued" in str(stopped.value)
    states = [e.state for e in queue.entries()]
    assert states == [CANCELLED, QUEUED]
    assert RunRecords(tmp_path).history()[0]["cancelled"]


def test_a_registry_with_a_password_lists_with_the_station_credentials(engine, locked_registry) -> None:
    name = project()
    reference = f"{locked_registry.address}/pht/{name}/plain:1"
    credentials = RegistryCredentials(locked_registry.address, "station", "s3cret")
    engine.client.images.get(BUSYBOX).tag(reference.rsplit(":", 1)[0], tag="1")
    push(engine.client, reference, credentials)
    setting = f"{locked_registry.address}/pht/{name}"
    with pytest.raises(StationError, match="asks for credentials .* none were sent"):
        list_inbox(setting, "station-0")
    wrong = RegistryCredentials(locked_registry.address, "station", "wrong")
    with pytest.raises(StationError, match="refused the station's credentials"):
        list_inbox(setting, "station-0", wrong)
    inbox = list_inbox(setting, "station-0", credentials)
    assert [(t.reference, t.status) for t in inbox.trains] == [(reference, UNREADABLE)]


def test_the_catalog_is_followed_page_by_page(engine, registry, researcher) -> None:
    """docker-registry's own `Link` pages, one repository a page: the same list as in one page."""
    from desktop_app.core.station.registry_api import RegistryAddress, RegistryAPI

    name = project()
    push_trains(engine, registry, researcher, name, 2)
    with RegistryAPI(RegistryAddress.parse(f"{registry.address}/pht/{name}")) as api:
        one_by_one = api.repositories(page_size=1)
        assert one_by_one == api.repositories() == [f"pht/{name}/t0", f"pht/{name}/t1"]
