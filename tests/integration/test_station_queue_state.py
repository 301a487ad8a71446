"""The station's queue file and the inbox's registry answers, without the engine: a run cut off
with its process is shown interrupted and never re-run on its own, a damaged queue file is moved
aside, and a registry that is down or answers nonsense (a real loopback web server) is a sentence."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from desktop_app.core.station.errors import StationError
from desktop_app.core.station.inbox import list_inbox
from desktop_app.core.station.queue import INTERRUPTED, QUEUED, RUNNING, TrainQueue, run_queue

TAKE_AND_DIE = """
import sys
from pathlib import Path
from desktop_app.core.station.queue import TrainQueue
queue = TrainQueue(Path(sys.argv[1]))
with queue.run_lock.held():
    print(queue._take_next().id, flush=True)
    if sys.argv[2] == "wait":
        sys.stdin.read()
"""


def test_a_run_cut_off_with_its_process_is_shown_interrupted_and_not_rerun(tmp_path) -> None:
    queue = TrainQueue(tmp_path)
    queue.add(["127.0.0.1:9/pht/a:latest", "127.0.0.1:9/pht/b:latest"])
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    # A process running the queue: its entry shows as running while it lives...
    holder = subprocess.Popen(
        [sys.executable, "-c", TAKE_AND_DIE, str(tmp_path), "wait"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None
        taken = int(holder.stdout.readline())
        assert [e.state for e in TrainQueue(tmp_path).entries()] == [RUNNING, QUEUED]
        with pytest.raises(StationError, match="already being run"):
            run_queue(TrainQueue(tmp_path), lambda r, t: None, lambda r, a, b: 0)
    finally:
        holder.kill()  # ...and is cut off as a crash or a power cut would
        holder.wait()
    entries = TrainQueue(tmp_path).entries()
    assert (entries[0].id, entries[0].state) == (taken, INTERRUPTED) and "interrupted" in entries[0].error
    ran: list[str] = []

    class Report:
        succeeded, cancelled, train_id = True, False, ""

        def failure(self, run_id):
            return None

    run_queue(TrainQueue(tmp_path), lambda r, t: ran.append(r) or Report(), lambda r, a, b: 1)
    assert ran == ["127.0.0.1:9/pht/b:latest"]  # the interrupted one is not run again on its own


def test_a_damaged_queue_file_is_moved_aside(tmp_path) -> None:
    (tmp_path / "station").mkdir()
    (tmp_path / "station" / "queue.json").write_text('{"entries": [{"id": "one"}]}')
    assert TrainQueue(tmp_path).entries() == []
    assert [p.name.startswith("queue.json.damaged-") for p in (tmp_path / "station").iterdir()].count(True) == 1


class _Nonsense(BaseHTTPRequestHandler):
    """A web server where a registry should be: it answers an HTML page, or a catalog of numbers."""

    def do_GET(self) -> None:
        body = b'{"repositories": [1, 2]}' if "numbers" in self.server.mode else b"<html>Welcome</html>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize("mode", ["html", "numbers"])
def test_a_registry_that_answers_nonsense_is_a_sentence(mode) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Nonsense)
    server.mode = mode  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        address = f"127.0.0.1:{server.server_address[1]}"
        with pytest.raises(StationError) as refused:
            list_inbox(f"{address}/pht", "station-0")
    finally:
        server.shutdown()
        server.server_close()
    why = "is not JSON" if mode == "html" else "is not a list of names"
    assert str(refused.value).startswith(f"The registry at {address} answered something no registry answers")
    assert why in str(refused.value)


def test_a_registry_that_is_down_is_a_sentence() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StationError, match=rf"^The registry at 127.0.0.1:{port} cannot be reached \("):
        list_inbox(f"127.0.0.1:{port}/pht", "station-0")
    with pytest.raises(StationError, match="No registry is set"):
        list_inbox("", "station-0")


class _Deleting(BaseHTTPRequestHandler):
    """A registry whose catalog still names what was deleted: `pht/gone` (no tags any more) and
    `pht/half:1` (listed, its manifest gone), as docker-registry answers after a deletion."""

    def do_GET(self) -> None:
        answers = {
            "/v2/_catalog?n=100": (200, {"repositories": ["pht/gone", "pht/half"]}),
            "/v2/pht/half/tags/list?n=100": (200, {"name": "pht/half", "tags": ["1"]}),
        }
        status, body = answers.get(self.path, (404, {"errors": [{"code": "NAME_UNKNOWN"}]}))
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_what_was_deleted_since_the_catalog_is_listed_as_unreadable_and_the_rest_still_lists() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Deleting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"127.0.0.1:{server.server_address[1]}"
        inbox = list_inbox(f"{address}/pht", "station-0")
    finally:
        server.shutdown()
        server.server_close()
    assert [(t.reference, t.status) for t in inbox.trains] == [
        (f"{address}/pht/gone", "unreadable"),
        (f"{address}/pht/half:1", "unreadable"),
    ]
    assert inbox.trains[0].detail == f"The registry at {address} has no /v2/pht/gone/tags/list."
    assert inbox.trains[1].detail == f"The registry at {address} has no /v2/pht/half/manifests/1."
