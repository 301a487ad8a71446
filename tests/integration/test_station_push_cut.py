"""The registry's connection breaking half-way through the push of a processed train.

A small TCP proxy stands in front of the real loopback registry: it passes everything through,
except that a blob upload (`PATCH`/`PUT .../blobs/uploads/...`) has its connection cut after a
few KiB, on every attempt. The station engine is a second real Podman service sharing the main
one's storage, allowed plain HTTP to the proxy. The run must be recorded as failed at the push,
with a sentence, the train's tag back on the image it was pulled as, the registry's train
unchanged, and no container left.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.image_files import read_file, scratch_container
from desktop_app.core.station.records import RunRecords
from desktop_app.core.station.registry import pull
from desktop_app.core.station.runner import StationRunner, StationSetup
from tests.helpers.engine import PodmanService
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = pytest.mark.engine

UPLOAD = re.compile(rb"(PATCH|PUT) /v2/[^ ]*/blobs/uploads/")
CUT_AFTER = 8 << 10  # bytes of an upload request passed on before the connection is cut


class CuttingProxy:
    """Forwards loopback TCP to `upstream`; cuts any connection `CUT_AFTER` bytes into a blob upload."""

    def __init__(self, upstream: str, folder: Path) -> None:
        host, port = upstream.rsplit(":", 1)
        self.upstream = (host, int(port))
        self.server = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.server.getsockname()[1]}"
        self.cuts = 0
        self.registries_conf = folder / "proxy-registries.conf"  # what PodmanService reads from a registry
        self.registries_conf.write_text(f'[[registry]]\nlocation = "{self.address}"\ninsecure = true\n')
        self._open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):  # the listening socket closed: the proxy stops
            while True:
                client, _ = self.server.accept()
                upstream = socket.create_connection(self.upstream)
                self._open += [client, upstream]
                threading.Thread(target=self._client_to_registry, args=(client, upstream), daemon=True).start()
                threading.Thread(target=self._pipe, args=(upstream, client), daemon=True).start()

    def _client_to_registry(self, client: socket.socket, upstream: socket.socket) -> None:
        uploading = None  # bytes of the current upload request passed on so far
        with contextlib.suppress(OSError):
            while data := client.recv(65536):
                if uploading is None and UPLOAD.search(data):
                    uploading = 0
                if uploading is not None:
                    room = CUT_AFTER - uploading
                    if len(data) >= room:
                        upstream.sendall(data[:room])
                        self.cuts += 1
                        break
                    uploading += len(data)
                upstream.sendall(data)
        self._close(client, upstream)

    def _pipe(self, source: socket.socket, target: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        self._close(source, target)

    @staticmethod
    def _close(*sockets: socket.socket) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def stop(self) -> None:
        self.server.close()
        self._close(*self._open)


@pytest.fixture(scope="module")
def proxied(engine, registry, tmp_path_factory):
    folder = tmp_path_factory.mktemp("push-cut")
    proxy = CuttingProxy(registry.address, folder)
    station_engine = PodmanService(
        folder, registry, [SimpleNamespace(registries_conf=proxy.registries_conf)], storage=engine.storage
    )
    yield proxy, station_engine
    station_engine.stop()
    proxy.stop()


def test_a_push_cut_half_way_fails_the_run_and_keeps_the_train(engine, registry, proxied, tmp_path) -> None:
    proxy, station_engine = proxied
    # Results of 256 KiB of noise: the new layer cannot fit in the bytes the proxy lets through.
    script = b"#!/bin/sh\necho noisy\nhead -c 262144 /dev/urandom > /opt/pht_results/noise.bin\n"
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(engine, registry.address, "push-cut", researcher, station_keys(2), {"entrypoint.sh": script})
    reference = train.reference.replace(registry.address, proxy.address)
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "patients.csv").write_text("id\n1\n")
    containers_before = {c.id for c in station_engine.client.containers.list(all=True)}

    setup = StationSetup(
        "station-0", station_keys(2)[0], [cohort], RunLimits(wall_clock_seconds=600), log_folder=tmp_path / "logs"
    )
    report = StationRunner(station_engine.client, setup).run(reference)

    assert proxy.cuts >= 1, "the push never reached a blob upload"
    assert report.failed_step == "push" and not report.succeeded, report.error
    assert report.error.startswith(f"Pushing {reference} failed") and "\n" not in report.error
    assert "Traceback" not in report.error and len(report.error) < 600
    # The reason survives the length cap: the upload URL's long `?_state=` query is dropped.
    assert "_state" not in report.error and re.search(r"connection|reset|broken pipe|EOF", report.error)
    # The train's tag is back on the image that was pulled, and the processed one is gone.
    assert report.digest_out and report.digest_out != report.digest_in
    assert station_engine.client.images.get(reference).id == report.digest_in
    assert {c.id for c in station_engine.client.containers.list(all=True)} == containers_before
    # The registry still has the train as it was before the run.
    station_engine.client.images.remove(reference, force=True)
    pull(engine.client, train.reference)
    with scratch_container(engine.client, train.reference) as container:
        assert TrainConfig.from_json_bytes(read_file(container, "/opt/train_config.json")).result_hash is None
    records = RunRecords(tmp_path / "data")
    run = records.get(records.add(report))
    assert run is not None and run["failed_step"] == "push" and run["error"] == report.error
