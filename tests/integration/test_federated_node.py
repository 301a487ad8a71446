"""The Federated Node client against its stand-in over real loopback HTTP, the token in the real
Secret Service: sign-in and its failures, renewal, the project header, tasks, logs, results with
their review states, hostile zips from the server, cancel, and the known-task list."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from desktop_app.core import state_files
from desktop_app.core.central.profiles import ServerKind, ServerProfile
from desktop_app.core.central.tokens import Credentials
from desktop_app.core.errors import Cancelled, Remedy, UsageError
from desktop_app.core.federated_node import tasks
from desktop_app.core.federated_node.client import NodeClient
from desktop_app.core.federated_node.errors import NodeError, NodeNotSignedIn, ResultsNotReleased, UnsafeZip
from desktop_app.core.federated_node.results import NOT_PROTECTED, fetch_result, list_results, part_path
from desktop_app.core.federated_node.safe_zip import ZipLimits
from desktop_app.core.federated_node.session import NodeToken, NodeTokenStore
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.progress import CancelToken
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.federated_node.state import (
    BLOCKED_TASK_ID,
    DEMO_NODE_ADMIN,
    DEMO_NODE_USER,
    DEMO_PROJECT,
    DEMO_RESULTS,
    FINISHED_TASK_ID,
    PENDING_TASK_ID,
    RUNNING_TASK_ID,
    TEMPORARY_USER,
)
from tests.helpers.hostile_zips import Entry, build

pytestmark = pytest.mark.keyring  # the node's token lives in the real Secret Service

USER, PASSWORD = DEMO_NODE_USER["username"], DEMO_NODE_USER["password"]


@pytest.fixture
def paths(pht_home) -> AppPaths:
    return AppPaths.for_profile("default").ensure()


@pytest.fixture
def store(paths) -> KeyStore:
    return KeyStore.open(paths, Settings(paths))


def client_for(node, store: KeyStore, project: str | None = DEMO_PROJECT) -> NodeClient:
    profile = ServerProfile("node", node.url, node.url, kind=ServerKind.FEDERATED_NODE, project=project)
    return NodeClient(profile, NodeTokenStore(store, "node"), timeout=5.0, backoff=0.01)


@pytest.fixture
def client(node, store):
    with client_for(node, store) as signed_in:
        signed_in.sign_in(USER, PASSWORD)
        yield signed_in


def test_sign_in_keeps_the_refresh_token_in_the_keyring_and_sends_it_as_bearer(node, store) -> None:
    with client_for(node, store) as client:
        with pytest.raises(NodeNotSignedIn, match="not signed in") as missing:
            tasks.get_task(client, FINISHED_TASK_ID)
        assert missing.value.remedy == Remedy.SIGN_IN_AGAIN
        token = client.sign_in(USER, PASSWORD)
        kept = json.loads(store.get_secret("federated-node.token.node"))
        assert kept["token"] == token.token and node.state.user_of(token.token) == USER
        assert token.expires_at is not None  # read from the JWT's exp
        assert tasks.get_task(client, FINISHED_TASK_ID).name == "demo-descriptive-statistics"
        client.sign_out()
        assert store.get_secret("federated-node.token.node") is None
        with pytest.raises(NodeNotSignedIn):
            tasks.get_task(client, FINISHED_TASK_ID)


def test_bad_login_and_temporary_password_are_sentences(node, store) -> None:
    with client_for(node, store) as client:
        with pytest.raises(NodeNotSignedIn, match="user name or password was not accepted") as bad:
            client.sign_in(USER, "wrong")
        assert bad.value.remedy == Remedy.NONE  # signing in again with the same password would not help
        with pytest.raises(NodeNotSignedIn, match="still the temporary one"):
            client.sign_in(TEMPORARY_USER["username"], TEMPORARY_USER["password"])
        assert store.get_secret("federated-node.token.node") is None


def test_the_stand_in_reads_a_form_only_as_the_real_node(node) -> None:
    """A JSON body is a failed login on the real node (it reads `request.form`): so here too."""
    answer = httpx.post(f"{node.url}/login", json={"username": USER, "password": PASSWORD})
    assert answer.status_code == 401 and answer.json() == {"error": "Failed to login"}
    answer = httpx.get(f"{node.url}/tasks/1")
    assert answer.status_code == 401 and answer.json() == {"error": "Unauthenticated"}


def test_a_token_close_to_expiry_is_renewed_through_refresh_token(node, store, client) -> None:
    short = node.state.issue_token(USER, lifetime=30)  # inside the renewal margin
    NodeTokenStore(store, "node").save(NodeToken.issued(short))
    tasks.get_task(client, FINISHED_TASK_ID)
    assert ("POST", "/refresh_token") in node.state.calls
    renewed = NodeTokenStore(store, "node").load()
    assert renewed.token != short and node.state.user_of(renewed.token) == USER


def test_an_expired_or_unknown_token_asks_to_sign_in_again(node, store, client) -> None:
    node.state.expire_all_tokens()  # the node expired it; our copy still looks valid
    with pytest.raises(NodeNotSignedIn, match="expired") as expired:
        tasks.get_task(client, FINISHED_TASK_ID)
    assert expired.value.remedy == Remedy.SIGN_IN_AGAIN
    assert node.state.calls.count(("POST", "/refresh_token")) == 1  # one renewal tried, then given up
    NodeTokenStore(store, "node").save(NodeToken("not-a-token", None))
    with pytest.raises(NodeNotSignedIn):
        tasks.get_task(client, FINISHED_TASK_ID)
    past = node.state.issue_token(USER, lifetime=-10)  # our own copy says it is over: no request made
    NodeTokenStore(store, "node").save(NodeToken.issued(past))
    calls = len(node.state.calls)
    with pytest.raises(NodeNotSignedIn, match="has expired"):
        tasks.get_task(client, FINISHED_TASK_ID)
    assert len(node.state.calls) == calls


def test_the_project_header_is_needed_by_users_but_not_admins(node, store) -> None:
    with client_for(node, store, project=None) as client:
        client.sign_in(USER, PASSWORD)
        with pytest.raises(NodeError, match="lack the permission.*needs your project"):
            tasks.get_task(client, FINISHED_TASK_ID)
        client.sign_in(DEMO_NODE_ADMIN["username"], DEMO_NODE_ADMIN["password"])
        assert tasks.get_task(client, FINISHED_TASK_ID).id == FINISHED_TASK_ID
    with client_for(node, store, project="someone-elses") as client:
        client.sign_in(USER, PASSWORD)
        with pytest.raises(NodeError, match="User is not authorized"):
            tasks.get_task(client, FINISHED_TASK_ID)


def test_the_all_tasks_list_is_for_admins_only(node, client) -> None:
    with pytest.raises(NodeError, match="lack the permission"):
        client.request("GET", "tasks")


def test_status_strings_and_pod_states_in_words(node, client) -> None:
    assert (
        tasks.get_task(client, FINISHED_TASK_ID).status == "Finished (exit code 0, Completed) at 2026-11-30T09:12:00."
    )
    assert tasks.get_task(client, RUNNING_TASK_ID).status == "Running since 2026-11-30T09:30:00."
    node.state.tasks[RUNNING_TASK_ID].status = {"waiting": {"reason": "ImagePullBackOff"}}
    assert tasks.get_task(client, RUNNING_TASK_ID).status == "Waiting (ImagePullBackOff)."
    node.state.tasks[RUNNING_TASK_ID].status = {"terminated": {"exit_code": 2, "reason": "Error"}}
    assert tasks.get_task(client, RUNNING_TASK_ID).status == "Failed (exit code 2, Error)."
    node.state.tasks[RUNNING_TASK_ID].status = "cancelled"
    record = tasks.get_task(client, RUNNING_TASK_ID)
    assert (record.status, record.finished) == ("Cancelled.", True)
    node.state.tasks[RUNNING_TASK_ID].status = ["\x1b[31m"]
    assert tasks.get_task(client, RUNNING_TASK_ID).status.startswith("Unknown status")
    with pytest.raises(NodeError, match="Not found on the node: Task with id 99 does not exist."):
        tasks.get_task(client, 99)


def test_submit_logs_and_the_known_task_list(node, client, paths) -> None:
    known = tasks.KnownTasks(paths, "node")
    spec = {"name": "mine", "executors": [{"image": "registry/analysis:2", "command": ["run"]}],
            "tags": {"dataset_name": "demo"}}  # fmt: skip
    new = tasks.submit_task(client, spec)
    known.add(new, "submitted", "mine")
    tasks.fetch_and_remember(client, known, FINISHED_TASK_ID)
    assert known.ids() == [FINISHED_TASK_ID, new]
    assert tasks.task_logs(client, FINISHED_TASK_ID)[-1] == "Done"
    with pytest.raises(NodeError, match="executors must be a list"):  # the node's own words, passed on
        tasks.submit_task(client, {**spec, "executors": {"image": "x"}})
    node.state.tasks.pop(new)  # the node forgot it: listed with why, the others still read
    listing = {item.id: item for item in list_results(client, known)}
    assert listing[FINISHED_TASK_ID].task.name == "demo-descriptive-statistics"
    assert "does not exist" in listing[new].problem


def test_a_damaged_task_list_is_moved_aside_and_starts_empty(paths) -> None:
    known = tasks.KnownTasks(paths, "node")
    known.add(1, "added")
    known.path.write_text('{"tasks": ["not", "a", "map"]}')
    state_files.take_recoveries()
    assert known.ids() == []
    (recovery,) = state_files.take_recoveries()
    assert recovery.moved_to.exists() and "task list of node" in recovery.sentence


@pytest.mark.parametrize("with_length", [True, False])
def test_results_are_downloaded_and_extracted(node, client, paths, tmp_path: Path, with_length: bool) -> None:
    node.state.send_length = with_length
    seen = []
    known = tasks.KnownTasks(paths, "node")
    report = fetch_result(client, FINISHED_TASK_ID, tmp_path / "out", seen.append, known=known)
    for name, data in DEMO_RESULTS.items():
        assert (tmp_path / "out" / name).read_bytes() == data
    downloads = [p for p in seen if p.label.startswith("Downloading")]
    assert {p.total for p in downloads} == ({len(node.state.tasks[1].results)} if with_length else {0})
    assert report.served_name == f"{node.url.removeprefix('http://')}-{FINISHED_TASK_ID}-results.zip"
    assert report.verified == NOT_PROTECTED and "Not encrypted or signed" in report.verified
    assert known.ids() == [FINISHED_TASK_ID]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "pht-home"]  # no .part, no staging


@pytest.mark.parametrize(
    ("task", "review"), [(PENDING_TASK_ID, "Pending Review"), (BLOCKED_TASK_ID, "Blocked Release")]
)
def test_results_held_by_review_are_a_sentence(node, client, tmp_path: Path, task: int, review: str) -> None:
    with pytest.raises(ResultsNotReleased) as held:
        fetch_result(client, task, tmp_path / "out")
    assert held.value.review == review and held.value.exit_code == 75
    assert "{" not in str(held.value) and ("review" in str(held.value) or "blocked" in str(held.value))
    assert not (tmp_path / "out").exists() and not part_path(tmp_path / "out", task).exists()


@pytest.mark.parametrize(
    "hostile",
    [
        build([Entry(b"../../escape.txt", b"x")]),
        build([Entry(b"/tmp/absolute.txt", b"x")]),
        build([Entry(b"a.txt", b"1"), Entry(b"a.txt", b"2")]),
        build([Entry(b"zeros", bytes(20 << 20), method=8)]),
        b"PK\x03\x04 this is no zip",
    ],
)
def test_a_hostile_zip_from_the_node_is_refused_and_nothing_written(node, client, tmp_path: Path, hostile) -> None:
    node.state.tasks[FINISHED_TASK_ID].results = hostile
    with pytest.raises(UnsafeZip, match="refused, nothing was written"):
        fetch_result(client, FINISHED_TASK_ID, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pht-home"]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_cancel_during_the_download_keeps_nothing(node, client, tmp_path: Path) -> None:
    cancel = CancelToken()
    with pytest.raises(Cancelled, match="nothing was kept"):
        fetch_result(client, FINISHED_TASK_ID, tmp_path / "out", lambda progress: cancel.cancel(), cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pht-home"]


def test_a_full_output_folder_is_refused_before_downloading(node, client, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "mine.txt").write_text("keep me")
    calls = len(node.state.calls)
    with pytest.raises(NodeError, match="not an empty folder"):
        fetch_result(client, FINISHED_TASK_ID, tmp_path / "out")
    assert (tmp_path / "out" / "mine.txt").read_text() == "keep me" and len(node.state.calls) == calls


def test_a_server_that_is_down_is_a_sentence(store) -> None:
    profile = ServerProfile("gone", "http://127.0.0.1:9", "http://127.0.0.1:9", kind=ServerKind.FEDERATED_NODE)
    client = NodeClient(profile, NodeTokenStore(store, "gone"), timeout=2.0, retries=1)
    with client, pytest.raises(NodeError, match="cannot be reached"):
        client.sign_in(USER, PASSWORD)


@pytest.mark.parametrize("with_length", [True, False])
def test_a_download_larger_than_any_result_zip_is_stopped(node, client, tmp_path: Path, with_length: bool) -> None:
    node.state.send_length = with_length  # without a length, the count of bytes received stops it
    with pytest.raises(NodeError, match="larger than"):
        fetch_result(client, FINISHED_TASK_ID, tmp_path / "out", limits=ZipLimits(max_total_bytes=100))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pht-home"]


def test_a_redirect_is_refused_and_the_token_goes_nowhere_else(store, tmp_path: Path) -> None:
    """A node behind a portal that redirects (real loopback server): neither the sign-in nor a
    result download follows it, and the place it points to is never asked."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked = []

    class Redirecting(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._redirect()

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._redirect()

        def _redirect(self) -> None:
            asked.append(self.path)
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirecting)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        profile = ServerProfile("portal", url, url, kind=ServerKind.FEDERATED_NODE)
        with NodeClient(profile, NodeTokenStore(store, "portal"), timeout=5.0) as client:
            with pytest.raises(NodeError, match="redirected"):
                client.sign_in(USER, PASSWORD)
            NodeTokenStore(store, "portal").save(NodeToken("a-token", None))
            with pytest.raises(NodeError, match="redirected"):
                fetch_result(client, 1, tmp_path / "out")
        assert asked == ["/login", "/tasks/1/results"]
        assert sorted(p.name for p in tmp_path.iterdir()) == ["pht-home"]
    finally:
        server.shutdown()
        server.server_close()


def test_a_remembered_password_signs_in_again_when_renewal_fails(node, store) -> None:
    with client_for(node, store) as client:
        client.sign_in(Credentials("password", USER, PASSWORD), remember=True)  # central's shape works too
        node.state.expire_all_tokens()
        assert tasks.get_task(client, FINISHED_TASK_ID).id == FINISHED_TASK_ID
        assert node.state.calls.count(("POST", "/login")) == 2  # renewal refused, then signed in again
        client.sign_out()
        assert store.get_secret("federated-node.credentials.node") is None
        with pytest.raises(UsageError, match="no robot accounts"):
            client.sign_in(Credentials("robot_credentials", "robot", "secret"))


def test_a_remembered_password_that_no_longer_works_asks_to_sign_in(node, store) -> None:
    with client_for(node, store) as client:
        client.sign_in(USER, PASSWORD, remember=True)
        node.state.users[USER].password = "changed-on-the-node"
        node.state.expire_all_tokens()
        with pytest.raises(NodeNotSignedIn, match="has expired") as expired:
            tasks.get_task(client, FINISHED_TASK_ID)
        assert expired.value.remedy == Remedy.SIGN_IN_AGAIN
