"""The FLAME journeys through the real entry point: `demo --kind flame`, login (user and robot),
`flame nodes`, `keys register --node`, `keys export --private --unencrypted`, and the `results`
verb; plus the kind dispatch (trains on a FLAME hub, results on a PHT central demo)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop_app.demo_hub.flame import FlameHub
from desktop_app.demo_hub.flame.state import (
    CURRENT_VERSION,
    DEMO_NODE_ID,
    DEMO_RESULT_FILES,
    FINISHED_ANALYSIS_ID,
    FLAME_ROBOT,
    LEGACY_VERSION,
    OTHER_NODE_ID,
    RESULT_STORAGE_BUCKET,
)
from tests.helpers import hostile_archives as hostile
from tests.helpers.cli import ENTRY_POINT, run_cli

pytestmark = pytest.mark.keyring  # keys and tokens live in the real Secret Service


def ok(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def stdout_json(*args: str):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def fails(code: int, *args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == code, (result.stdout, result.stderr)
    return result.stderr


@pytest.fixture(params=[LEGACY_VERSION, CURRENT_VERSION])
def hub(request, pht_home):
    server = FlameHub(request.param).start()
    ok(
        "server", "add", "flame", "--kind", "flame", "--api", server.core_url,
        "--auth", server.auth_url, "--storage", server.storage_url,
    )  # fmt: skip
    yield server
    server.stop()


def test_demo_kind_flame_walkthrough(pht_home, tmp_path: Path) -> None:
    process = subprocess.Popen(
        [str(ENTRY_POINT), "demo", "--kind", "flame", "--flame-version", "current", "--no-gui"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    try:
        banner = process.stdout.readline()
        assert "LOCAL DEMO FLAME hub 0.14.0" in banner, process.stderr.read()
        ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
        listed = stdout_json("results", "list", "--json")
        finished = next(row for row in listed if row["id"] == FINISHED_ANALYSIS_ID)
        assert finished["result"] and finished["network"] == "flame"
        said = ok("results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(tmp_path / "out"))
        assert "not encrypted by the network; integrity not verifiable" in said
        assert (tmp_path / "out" / "summary.csv").read_bytes() == DEMO_RESULT_FILES["summary.csv"]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_user_and_robot_login_and_the_failures(hub) -> None:
    assert "Signed in" in ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    err = fails(1, "login", "--username", "demo", "--password-stdin", stdin="wrong\n")
    assert "Signing in failed: The user credentials are invalid." in err
    assert "Signed in" in ok(
        "login", "--robot-id", FLAME_ROBOT["id"], "--robot-secret-stdin", stdin="demo-robot-secret\n"
    )
    nodes = stdout_json("flame", "nodes", "--json")
    assert [n["id"] for n in nodes] == [DEMO_NODE_ID, OTHER_NODE_ID]
    assert "tokens removed" in ok("logout")
    assert "sign in again" in fails(1, "flame", "nodes")


def test_node_key_register_replace_and_private_export(hub, tmp_path: Path) -> None:
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "node-a", "--type", "ec-p256", "--no-passphrase")
    ok("keys", "generate", "node-b", "--type", "ec-p256", "--no-passphrase")
    assert "is now the public key of node demo-node" in ok("keys", "register", "node-a", "--node", DEMO_NODE_ID)
    err = fails(1, "keys", "register", "node-b", "--node", DEMO_NODE_ID)
    assert "holds a different public key" in err and "(--replace)" in err
    assert "replaced" in ok("keys", "register", "node-b", "--node", DEMO_NODE_ID, "--replace")
    assert "lack the permission" in fails(1, "keys", "register", "node-b", "--node", OTHER_NODE_ID, "--replace")

    target = tmp_path / "node-private.pem"
    said = ok("keys", "export", "node-b", "--private", "--unencrypted", "-o", str(target))
    assert "warning" in said and "WITHOUT a passphrase" in said
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    assert "exists already" in fails(2, "keys", "export", "node-b", "--private", "--unencrypted", "-o", str(target))
    assert "goes with --private" in fails(2, "keys", "export", "node-b", "--public", "--unencrypted")


def test_results_list_fetch_and_a_refused_archive(hub, tmp_path: Path) -> None:
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    listing = ok("results", "list")
    assert FINISHED_ANALYSIS_ID in listing and "no result yet" in listing
    report = json.loads(
        run_cli("results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(tmp_path / "a"), "--json").stdout
    )
    assert report["protection"] == "not encrypted by the network; integrity not verifiable"
    assert sorted(f["path"] for f in report["files"]) == sorted(DEMO_RESULT_FILES)
    ok("results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(tmp_path / "b"), "--file", "README.txt")
    assert [p.name for p in (tmp_path / "b").iterdir()] == ["README.txt"]
    assert "no key is used" in fails(
        2, "results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(tmp_path / "c"), "--key", "k"
    )

    hub.state.put_stream(RESULT_STORAGE_BUCKET, hostile.plain_tar([hostile.member("../escape.txt", b"x")]))
    err = fails(5, "results", "fetch", FINISHED_ANALYSIS_ID, "--out", str(tmp_path / "d"))
    assert "leaves its folder" in err
    assert not (tmp_path / "d").exists() and not (tmp_path / "escape.txt").exists()


def test_each_kind_keeps_to_its_own_jobs(hub) -> None:
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    assert "not a PHT central server" in fails(2, "trains", "list")
    ok("server", "add", "pht", "--api", "http://127.0.0.1:9/api", "--auth", "http://127.0.0.1:9/auth")
    ok("server", "use", "pht")
    assert "need a server of kind flame" in fails(2, "flame", "nodes")
    assert "need a server of kind flame" in fails(2, "keys", "register", "any", "--node", DEMO_NODE_ID)


def test_results_verb_on_pht_central_takes_the_trains_path(pht_home, tmp_path: Path) -> None:
    """The same verb on the PHT demo hub: finished trains, fetched, decrypted and verified."""
    from desktop_app.demo_hub import DemoHub
    from desktop_app.demo_hub.state import FINISHED_TRAIN_ID

    central = DemoHub().start()
    try:
        ok("server", "add", "central", "--api", central.api_url, "--auth", central.auth_url)
        ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
        ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
        ok("keys", "register", "researcher")
        rows = stdout_json("results", "list", "--json")
        assert FINISHED_TRAIN_ID in [row["id"] for row in rows]
        assert {row["network"] for row in rows} == {"pht-central"} and all(row["result"] for row in rows)
        out = tmp_path / "results"
        assert "verified" in ok("results", "fetch", FINISHED_TRAIN_ID, "--out", str(out))
        assert (out / "summary.csv").exists()
        assert "for FLAME results" in fails(2, "results", "fetch", FINISHED_TRAIN_ID, "--out", str(out), "--file", "x")
    finally:
        central.stop()
