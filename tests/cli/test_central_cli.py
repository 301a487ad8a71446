"""The central API commands through the real entry point, against `pht-desktop demo --no-gui`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.demo_hub import DemoHub
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID
from tests.helpers.cli import ENTRY_POINT, run_cli

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase


@pytest.fixture
def demo(pht_home):
    process = subprocess.Popen(
        [str(ENTRY_POINT), "demo", "--no-gui"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ,
    )
    banner = process.stdout.readline()
    assert "LOCAL DEMO" in banner, process.stderr.read()
    yield banner
    process.terminate()
    process.wait(timeout=10)


def signed_in_with_a_key(hub: DemoHub) -> None:
    ok("server", "add", "hub", "--api", hub.api_url, "--auth", hub.auth_url)
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
    ok("keys", "register", "researcher")


def ok(*args: str, stdin: str = "") -> str:
    result = run_cli(*args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_demo_walkthrough(demo, tmp_path: Path) -> None:
    assert "local-demo (local demo)" in ok("server", "list")
    failed = run_cli("login", "--username", "demo", "--password-stdin", stdin="wrong\n")
    assert failed.returncode == 1 and "Signing in failed" in failed.stderr
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--passphrase-stdin", stdin=f"{PW}\n")
    assert "now registered" in ok("keys", "register", "researcher")
    assert "matches" in ok("keys", "register", "researcher")
    trains = json.loads(run_cli("trains", "list", "--json").stdout)
    assert {SIGNABLE_TRAIN_ID, FINISHED_TRAIN_ID} <= {t["id"] for t in trains}
    finished = json.loads(run_cli("trains", "list", "--json", "--status", "finished").stdout)
    assert all(t["result_status"] == "finished" for t in finished)
    assert "hash matches" in ok(
        "trains", "sign", SIGNABLE_TRAIN_ID, "--key", "researcher", "--passphrase-stdin", stdin=f"{PW}\n"
    )
    archive = tmp_path / "result.tar"
    ok("trains", "download", FINISHED_TRAIN_ID, "-o", str(archive))
    assert archive.stat().st_size > 3 << 20 and not Path(f"{archive}.part").exists()
    out = tmp_path / "results"
    text = ok("trains", "fetch-result", FINISHED_TRAIN_ID, "--out", str(out), "--passphrase-stdin", stdin=f"{PW}\n")
    assert "verified" in text and (out / "summary.csv").read_text().startswith("station,patients")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no download left behind
    ok("keys", "unregister", "researcher")
    ok("logout")
    after = run_cli("trains", "list")
    assert after.returncode == 1 and "not signed in" in after.stderr


def test_mismatching_key_is_reported_and_replaced_only_when_asked(demo) -> None:
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
    ok("keys", "register", "researcher")
    ok("keys", "delete", "researcher", "--yes")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
    refused = run_cli("keys", "register", "researcher")
    assert refused.returncode == 1 and "different key" in refused.stderr and "--replace" in refused.stderr
    assert "replaced" in ok("keys", "register", "researcher", "--replace")


def test_download_refuses_a_redirect_and_saves_nothing(hub, tmp_path: Path) -> None:
    signed_in_with_a_key(hub)
    hub.faults.redirect_next = ["https://portal.example/login"]
    archive = tmp_path / "result.tar"
    refused = run_cli("trains", "download", FINISHED_TRAIN_ID, "-o", str(archive))
    assert refused.returncode == 1, refused.stderr
    assert "redirected" in refused.stderr and "https://portal.example/login" in refused.stderr
    assert not archive.exists() and not Path(f"{archive}.part").exists()


def test_hostile_answers_are_one_sentence_and_exit_1(hub) -> None:
    signed_in_with_a_key(hub)

    def wrong_total(request, body):
        return {**body, "meta": {"total": {"$gt": 0}}} if request.path == "/api/trains" else body

    hub.faults.alter_json = wrong_total
    listed = run_cli("trains", "list")
    assert listed.returncode == 1 and "Traceback" not in listed.stderr
    assert listed.stderr.strip().splitlines() == [
        "pht-desktop: The central server's answer is malformed: meta.total of the list of trains is an object, "
        "not a count."
    ]
    hub.faults.alter_json = None
    hub.faults.oversized_json = 64 << 20
    huge = run_cli("trains", "list")
    assert huge.returncode == 1 and "larger than 16 MiB" in huge.stderr and "Traceback" not in huge.stderr


def test_impossible_token_lifetime_and_non_hex_session_id_are_sentences(hub) -> None:
    ok("server", "add", "hub", "--api", hub.api_url, "--auth", hub.auth_url)
    hub.faults.alter_json = lambda request, body: (
        {**body, "expires_in": "soon"} if request.path == "/auth/token" else body
    )
    login = run_cli("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    assert login.returncode == 1 and "Traceback" not in login.stderr
    assert login.stderr.strip().splitlines() == [
        "pht-desktop: The central server's answer is malformed: the sign-in answer gives expires_in as 'soon', "
        "not a number of seconds."
    ]
    hub.faults.alter_json = None
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
    hub.faults.alter_json = lambda request, body: (
        {**body, "session_id": "zz-not-hex"} if request.path == f"/api/trains/{SIGNABLE_TRAIN_ID}" else body
    )
    sign = run_cli("trains", "sign", SIGNABLE_TRAIN_ID, "--key", "researcher")
    assert sign.returncode == 4 and "Traceback" not in sign.stderr, sign.stderr
    assert sign.stderr.strip().splitlines()[-1] == (
        "pht-desktop: The server's session id of this train is not hexadecimal, so the train's hash cannot be "
        "recomputed; signing is refused."
    )
    assert hub.state.trains[SIGNABLE_TRAIN_ID].hash_signed is None


def test_register_recognises_a_key_registered_through_the_web_page(hub) -> None:
    ok("server", "add", "hub", "--api", hub.api_url, "--auth", hub.auth_url)
    ok("login", "--username", "demo", "--password-stdin", stdin="demo-password\n")
    ok("keys", "generate", "researcher", "--type", "rsa-2048", "--no-passphrase")
    public = serialization.load_pem_public_key(ok("keys", "export", "researcher", "--public").encode())
    pkcs1 = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1).decode()
    hub.state.add_secret("rsa_public_key", "rsa_public_key", pkcs1)  # the web page's upload, hex-encoded by the hub
    said = ok("keys", "register", "researcher")
    assert "already registered on the server, under the name rsa_public_key" in said
    assert len(hub.state.secrets) == 1


def test_server_profiles_and_bad_input(pht_home: Path) -> None:
    bad = run_cli("server", "add", "prod", "--api", "ftp://x", "--auth", "https://auth")
    assert bad.returncode == 2 and "not an http(s) URL" in bad.stderr
    missing_ca = run_cli(
        "server", "add", "prod", "--api", "https://a/api", "--auth", "https://a/auth", "--ca-bundle", "nope.pem"
    )
    assert missing_ca.returncode == 2 and "does not exist" in missing_ca.stderr
    none = run_cli("trains", "list")
    assert none.returncode == 2 and "No central server is configured" in none.stderr
    ok("server", "add", "prod", "--api", "https://pht.example.org/api", "--auth", "https://auth.example.org")
    ok("server", "add", "test", "--api", "https://test.example.org/api", "--auth", "https://auth.example.org")
    ok("server", "use", "test")
    listing = ok("server", "list")
    assert "* test" in listing and "  prod" in listing
    assert "secret" not in (pht_home / "config" / "default" / "settings.json").read_text()


def test_plain_http_is_refused_except_for_loopback_or_with_insecure(pht_home: Path) -> None:
    refused = run_cli("server", "add", "prod", "--api", "http://pht.example.org/api", "--auth", "https://a.example")
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "pht-desktop: The API URL http://pht.example.org/api uses plain http: passwords and tokens would travel "
        "unencrypted; use its https:// address, or, only on a network you trust, add --insecure."
    ]
    refused_auth = run_cli("server", "add", "prod", "--api", "https://a.example/api", "--auth", "http://10.0.0.7/auth")
    assert refused_auth.returncode == 2 and "The auth URL http://10.0.0.7/auth uses plain http" in refused_auth.stderr
    assert "prod" not in ok("server", "list")  # nothing added
    for loopback in ("http://127.0.0.1:8080/api", "http://localhost:3010", "http://[::1]:3010", "http://127.8.9.1"):
        quiet = run_cli("server", "add", "local", "--api", loopback, "--auth", loopback)
        assert quiet.returncode == 0 and "warning" not in quiet.stderr, quiet.stderr
    warned = run_cli(
        "server", "add", "lab", "--api", "http://pht.lab.example/api", "--auth", "http://pht.lab.example", "--insecure"
    )
    assert warned.returncode == 0, warned.stderr
    assert "warning: server lab uses plain http" in warned.stderr
    assert "lab" in ok("server", "list") and "plain http" in ok("server", "list")


def test_demo_opens_the_main_window_through_the_entry_point(pht_home: Path) -> None:
    """`pht-desktop demo` opens the real window (offscreen Qt), handed to the CLI by the entry
    point; SIGTERM closes it and stops the hub."""
    process = subprocess.Popen(
        [str(ENTRY_POINT), "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PHT_DESKTOP_LOG": "info"},
    )
    try:
        assert "LOCAL DEMO" in process.stdout.readline()
        seen = []
        for line in process.stderr:  # the GUI logs this once its event loop shows the window
            seen.append(line)
            if "main window shown" in line or "serving until Ctrl+C" in line:
                break
        assert "main window shown" in seen[-1], "".join(seen)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        process.communicate()
