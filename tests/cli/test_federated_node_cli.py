"""The Federated Node journey through the real entry point: login, tasks, results, logout, and
`pht-desktop demo --kind federated-node`."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop_app.demo_hub.federated_node import FederatedNodeStandIn
from desktop_app.demo_hub.federated_node.state import DEMO_NODE_USER, DEMO_PROJECT, DEMO_RESULTS, TEMPORARY_USER
from tests.helpers.cli import ENTRY_POINT, run_cli

pytestmark = pytest.mark.keyring  # the node's token lives in the real Secret Service

LOGIN = ("login", "--username", DEMO_NODE_USER["username"], "--password-stdin")
PASSWORD = DEMO_NODE_USER["password"] + "\n"


@pytest.fixture
def node(pht_home):
    server = FederatedNodeStandIn().start()
    yield server
    server.stop()


def ok(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_node_journey(node, tmp_path: Path) -> None:
    ok("server", "add", "node", "--kind", "federated-node", "--api", node.url, "--project", DEMO_PROJECT)
    wrong = run_cli(*LOGIN, stdin="wrong\n")
    assert wrong.returncode == 1 and "user name or password was not accepted" in wrong.stderr
    temporary = run_cli(
        "login", "--username", TEMPORARY_USER["username"], "--password-stdin", stdin="temporary-password\n"
    )
    assert temporary.returncode == 1 and "temporary" in temporary.stderr
    not_yet = run_cli("tasks", "add", "1")
    assert not_yet.returncode == 1 and "sign in again with `pht-desktop login`" in not_yet.stderr
    ok(*LOGIN, stdin=PASSWORD)
    assert "No tasks known" in ok("tasks", "list")
    assert "Finished (exit code 0" in ok("tasks", "add", "1")
    ok("tasks", "add", "2")
    listed = json.loads(run_cli("tasks", "list", "--json").stdout)
    assert [item["id"] for item in listed] == [1, 2] and listed[1]["review_status"] == "Pending Review"
    rows = json.loads(run_cli("results", "list", "--json").stdout)
    assert [(row["id"], row["result"], row["review_status"]) for row in rows] == [
        ("1", True, "Approved Release"), ("2", False, "Pending Review")]  # fmt: skip

    keyed = run_cli("results", "fetch", "1", "--out", str(tmp_path / "keyed"), "--key", "mine")
    assert keyed.returncode == 2 and "not encrypted by the network" in keyed.stderr
    fetched = ok("results", "fetch", "1", "--out", str(tmp_path / "results"))
    assert "Not encrypted or signed by the network" in fetched and "summary.csv" in fetched
    for name, data in DEMO_RESULTS.items():
        assert (tmp_path / "results" / name).read_bytes() == data

    held = run_cli("results", "fetch", "2", "--out", str(tmp_path / "held"))
    assert held.returncode == 75, held.stderr
    assert "waiting for the node's review" in held.stderr and "{" not in held.stderr
    assert not (tmp_path / "held").exists()

    assert "Done" in ok("tasks", "logs", "1")
    submitted = ok(
        "tasks", "submit", "--name", "mine", "--image", "analysis:1", "--dataset-id", "1", "--command", "run", "x"
    )
    new_id = submitted.split()[0]
    assert new_id in ok("tasks", "list")
    bad_id = run_cli("tasks", "add", "../1")
    assert bad_id.returncode == 2 and "is not a task id" in bad_id.stderr

    ok("logout")
    after = run_cli("results", "fetch", "1", "--out", str(tmp_path / "again"))
    assert after.returncode == 1 and "not signed in" in after.stderr


def test_tasks_refuse_a_server_of_another_kind(pht_home) -> None:
    ok("server", "add", "central", "--api", "http://127.0.0.1:1/api", "--auth", "http://127.0.0.1:1/auth")
    other = run_cli("tasks", "list")
    assert other.returncode == 2 and "belong to a Federated Node" in other.stderr


def test_demo_serves_the_node_stand_in(pht_home, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [str(ENTRY_POINT), "demo", "--kind", "federated-node", "--no-gui"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    try:
        banner = process.stdout.readline()
        assert "LOCAL DEMO Federated Node" in banner, process.stderr.read()
        assert "local-demo-node (local demo)" in ok("server", "list")
        ok(*LOGIN, stdin=PASSWORD)
        ok("tasks", "add", "1")
        ok("results", "fetch", "1", "--out", str(tmp_path / "demo-results"))
        assert (tmp_path / "demo-results" / "summary.csv").read_bytes() == DEMO_RESULTS["summary.csv"]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_node_journey_leaves_no_secret_and_private_files_are_owner_only(node, tmp_path: Path) -> None:
    """As tests/integration/test_no_secret_left.py does for PHT central: every node command with
    PHT_DESKTOP_LOG=debug and TMPDIR in the test; the password and every token the node issued
    are searched for in the output, the profile's folders and the temp folder."""
    from tests.integration.test_no_secret_left import find_secrets, loose_modes, profile_folders

    temp = tmp_path / "temp"
    temp.mkdir()
    env = {"PHT_DESKTOP_LOG": "debug", "TMPDIR": str(temp)}
    said: dict[str, bytes] = {}

    def run(*args: str, stdin: str = "") -> None:
        result = run_cli(*args, stdin=stdin, env=env)
        said[f"output of {' '.join(args)!r}"] = (result.stdout + result.stderr).encode()
        assert result.returncode in (0, 75), result.stderr

    run("server", "add", "node", "--kind", "federated-node", "--api", node.url, "--project", DEMO_PROJECT)
    run(*LOGIN, "--remember", stdin=PASSWORD)
    run("tasks", "add", "1")
    run("tasks", "add", "2")
    run("tasks", "list", "--json")
    run("tasks", "logs", "1")
    node.state.expire_all_tokens()  # the next command renews by signing in again (remembered)
    run("results", "fetch", "1", "--out", str(tmp_path / "fetched"))
    run("results", "fetch", "2", "--out", str(tmp_path / "held"))
    run("logout")
    tokens = list(node.state.tokens)
    assert len(tokens) >= 2
    secrets = {"the node password": PASSWORD.strip().encode(), **{f"token {t[-8:]}": t.encode() for t in tokens}}
    profiles = profile_folders()
    assert find_secrets(secrets, said, [*profiles, temp]) == []
    assert "\n".join(loose_modes(*profiles)) == ""
    assert "\n".join(loose_modes(tmp_path / "fetched")) == ""
