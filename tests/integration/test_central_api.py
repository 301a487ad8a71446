"""The central API client against the demo hub over real loopback HTTP: sign-in, tokens,
keys, trains, sign-knowingly, downloads, and a server that is down, slow or answers nonsense."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.central import api
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.download import download_result, part_path
from desktop_app.core.central.errors import CentralError, HashMismatch, KeyMismatch, NotSignedIn
from desktop_app.core.central.registration import ABSENT, MATCHES, key_status, register_key, unregister_key
from desktop_app.core.central.tokens import Credentials
from desktop_app.core.central.train_review import review_train, sign_reviewed
from desktop_app.core.errors import Cancelled, Remedy
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.signatures import verify_train_hash
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.settings import Settings
from desktop_app.demo_hub import DemoHub
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID, SIGNABLE_TRAIN_ID
from tests.helpers.central import DEMO_LOGIN, client_for, self_signed_certificate

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PW = "lantern-oyster-gravel-19"  # rates 4 of 4: new keys need a strong passphrase


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


@pytest.fixture
def client(hub, store) -> CentralClient:
    with client_for(hub, store) as signed_in:
        signed_in.sign_in(DEMO_LOGIN)
        yield signed_in


@pytest.fixture
def researcher(store) -> str:
    store.generate("researcher", KeyType.RSA_2048, PW)
    return "researcher"


def test_both_grants_and_sign_out(hub, store) -> None:
    with client_for(hub, store) as client:
        with pytest.raises(NotSignedIn, match="not signed in"):
            api.list_trains(client)
        with pytest.raises(NotSignedIn, match="Signing in failed: The credentials are not valid.$"):
            client.sign_in(Credentials("password", "demo", "wrong"))
        client.sign_in(Credentials("robot_credentials", "demo-robot-0001", "demo-robot-secret"))
        assert api.get_train(client, SIGNABLE_TRAIN_ID).name == "demo-signable"
        client.sign_in(DEMO_LOGIN)
        assert store.get_secret("central.tokens.test-hub")  # in the OS keyring, nowhere else
        client.sign_out()
        assert store.get_secret("central.tokens.test-hub") is None
        with pytest.raises(NotSignedIn):
            api.list_trains(client)


def test_refresh_before_expiry_and_once_on_401(hub, store) -> None:
    hub.state.token_lifetime = 30  # inside the refresh margin: every call refreshes first
    with client_for(hub, store) as client:
        client.sign_in(DEMO_LOGIN)
        first = store.get_secret("central.tokens.test-hub")
        api.get_train(client, SIGNABLE_TRAIN_ID)
        assert store.get_secret("central.tokens.test-hub") != first
        hub.state.token_lifetime = 3600
        client.sign_in(DEMO_LOGIN)
        hub.state.expire_all_access_tokens()  # the server forgets the token: 401, then refresh
        assert api.get_train(client, SIGNABLE_TRAIN_ID).id == SIGNABLE_TRAIN_ID
        hub.state.expire_all_access_tokens()
        hub.state.refresh_tokens.clear()  # refresh fails too: the user must sign in again
        with pytest.raises(NotSignedIn, match="has expired") as expired:
            api.get_train(client, SIGNABLE_TRAIN_ID)
        assert expired.value.remedy == Remedy.SIGN_IN_AGAIN


def test_remembered_password_signs_in_again(hub, store) -> None:
    with client_for(hub, store) as client:
        client.sign_in(DEMO_LOGIN, remember=True)
        hub.state.expire_all_access_tokens()
        hub.state.refresh_tokens.clear()
        assert api.get_train(client, SIGNABLE_TRAIN_ID).id == SIGNABLE_TRAIN_ID


def test_register_detect_mismatch_replace_unregister(client, store, researcher) -> None:
    info = store.get(researcher)
    assert "now registered" in register_key(client, info)
    assert key_status(client, info).state == MATCHES
    assert "matches" in register_key(client, info)
    store.delete(researcher)
    other = store.generate(researcher, KeyType.RSA_2048, PW)
    with pytest.raises(KeyMismatch, match="different key") as refused:
        register_key(client, other)
    assert info.grouped_fingerprint in str(refused.value) and other.grouped_fingerprint in str(refused.value)
    assert "replaced" in register_key(client, other, replace=True)
    assert key_status(client, other).state == MATCHES
    assert "Removed the server's copy" in unregister_key(client, researcher)
    assert store.get(researcher).fingerprint == other.fingerprint  # the local key stays
    with pytest.raises(CentralError, match="holds no key"):
        unregister_key(client, researcher)


def pkcs1_hex(info) -> str:
    """The key as central's web page uploads it (the old app's way): PKCS#1 PEM, hex-encoded."""
    key = serialization.load_pem_public_key(info.public_pem)
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.PKCS1).hex()


def test_a_key_registered_through_the_web_ui_is_recognised_by_its_content(
    client, store, researcher, hub, tmp_path: Path
) -> None:
    info = store.get(researcher)
    api.create_secret(client, "rsa_public_key", "rsa_public_key", pkcs1_hex(info))  # as the web page does
    status = key_status(client, info)
    assert status.state == MATCHES and status.server_name == "rsa_public_key"
    said = register_key(client, info)
    assert "already registered" in said and "rsa_public_key" in said
    assert [s["key"] for s in hub.state.secrets.values()] == ["rsa_public_key"]  # no second secret
    # and the results the hub makes for that secret decrypt with the local key
    download_result(client, FINISHED_TRAIN_ID, tmp_path / "result.tar")
    with ResultArchive(tmp_path / "result.tar") as archive:
        assert archive.config.train_id == FINISHED_TRAIN_ID
    # A different key of the same kind registered on the web page is not taken for this one.
    hub.state.secrets.clear()
    other = store.generate("other", KeyType.RSA_2048, PW)
    api.create_secret(client, "rsa_public_key", "rsa_public_key", pkcs1_hex(other))
    assert key_status(client, info).state == ABSENT
    assert "now registered" in register_key(client, info)


def test_paging_and_filter(client, hub) -> None:
    trains = api.list_trains(client)
    assert len(trains) == len(hub.state.trains)
    assert len({t.id for t in trains}) == len(trains)
    queries: list[dict] = []
    hub.faults.alter_json = lambda request, body: queries.append(request.query) or body
    finished = api.list_trains(client, "finished")
    # The hub, like the real server, ignores filter[result_status]: the client filters too.
    assert {t.id for t in finished} == {t.id for t in hub.state.trains.values() if t.result_status == "finished"}
    assert queries and all(q.get("filter[result_status]") == "finished" for q in queries)  # still sent


def test_paging_follows_meta_total(client, hub, monkeypatch) -> None:
    monkeypatch.setattr(api, "PAGE_SIZE", 4)
    assert len(api.list_trains(client)) == len(hub.state.trains)


def test_sign_knowingly_match_and_mismatch(client, store, researcher, hub) -> None:
    review = review_train(client, SIGNABLE_TRAIN_ID)
    assert review.matches and [p for p, _ in review.files] == ["entrypoint.py", "requirements.txt", "model/config.json"]
    key = store.load_private_key(researcher, PW)
    signed = sign_reviewed(client, review, key)
    signature = bytes.fromhex(signed.raw["hash_signed"])
    assert verify_train_hash(key.public_key(), signature, bytes.fromhex(review.server_hash))

    train = hub.state.trains[SIGNABLE_TRAIN_ID]
    train.files[1] = ("requirements.txt", b"pandas==2.2.3\nrequests\n")  # changed after hashing
    train.hash_signed = None
    tampered = review_train(client, SIGNABLE_TRAIN_ID)
    assert not tampered.matches
    with pytest.raises(HashMismatch, match="signing is refused"):
        sign_reviewed(client, tampered, key)
    assert hub.state.trains[SIGNABLE_TRAIN_ID].hash_signed is None


def recording_streams(client) -> list[tuple[str, int]]:
    """(Range asked, status answered) of every download the client starts from now on."""
    asked: list[tuple[str, int]] = []
    original = client.stream

    @contextlib.contextmanager
    def recording_stream(path, headers=None):
        with original(path, headers) as response:
            asked.append(((headers or {}).get("Range", ""), response.status_code))
            yield response

    client.stream = recording_stream
    return asked


def test_download_progress_cancel_and_resume(client, store, researcher, hub, tmp_path: Path) -> None:
    """As the real server streams a result: no Content-Length, Range ignored. Progress shows bytes
    and rate without a total; a dropped download is asked again from where it stopped, gets the
    whole file (200) and restarts cleanly."""
    register_key(client, store.get(researcher))
    target = tmp_path / "result.tar"
    seen = []
    download_result(client, FINISHED_TRAIN_ID, target, seen.append)
    assert seen[-1].done == target.stat().st_size and seen[-1].total == 0  # no total is known
    assert all("MiB/s" in p.label for p in seen) and [p.done for p in seen] == sorted(p.done for p in seen)
    with ResultArchive(target) as archive:
        assert archive.config.train_id == FINISHED_TRAIN_ID
    full = target.read_bytes()

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        download_result(client, FINISHED_TRAIN_ID, tmp_path / "cancelled.tar", cancel=token)
    assert not (tmp_path / "cancelled.tar").exists()  # only the .part, never a finished-looking file

    hub.faults.drop_download_after = len(full) // 2
    asked = recording_streams(client)
    restarted = download_result(client, FINISHED_TRAIN_ID, tmp_path / "restarted.tar")
    assert restarted.read_bytes() == full
    assert asked[0] == ("", 200)
    resumed_from = int(asked[1][0].removeprefix("bytes=").rstrip("-"))  # what had arrived before the drop
    assert 0 < resumed_from <= len(full) // 2 and asked[1][1] == 200  # asked to resume, sent everything
    assert not part_path(restarted).exists()


def test_download_resumes_where_a_server_honours_ranges(client, store, researcher, hub, tmp_path: Path) -> None:
    """PHT central does not, but the client resumes with a 206 where a server does."""
    register_key(client, store.get(researcher))
    full = download_result(client, FINISHED_TRAIN_ID, tmp_path / "full.tar").read_bytes()
    hub.faults.honour_ranges = True
    hub.faults.drop_download_after = len(full) // 2
    asked = recording_streams(client)
    seen = []
    resumed = download_result(client, FINISHED_TRAIN_ID, tmp_path / "resumed.tar", seen.append)
    assert resumed.read_bytes() == full and asked[1][1] == 206
    assert seen[-1].done == seen[-1].total == len(full)  # the 206 told the whole size


def test_download_restarts_cleanly_without_range_support(client, store, researcher, hub, tmp_path: Path) -> None:
    register_key(client, store.get(researcher))
    target = tmp_path / "result.tar"
    part_path(target).write_bytes(b"stale partial bytes")
    download_result(client, FINISHED_TRAIN_ID, target)
    with ResultArchive(target):
        pass


def test_a_redirect_is_refused_naming_where_it_pointed_and_nothing_is_saved(
    client, store, researcher, hub, tmp_path: Path
) -> None:
    """Redirects are not followed, and a 3xx is no success: its body is not the answer."""
    register_key(client, store.get(researcher))
    target = tmp_path / "result.tar"
    hub.faults.redirect_next = ["https://portal.example/login?next=result"]
    with pytest.raises(CentralError, match=r"redirected .*\(302\) to https://portal\.example/login\?next=result"):
        download_result(client, FINISHED_TRAIN_ID, target)
    assert not target.exists() and not part_path(target).exists()
    hub.faults.redirect_next = ["https://portal.example/login"]
    with pytest.raises(CentralError, match=r"\(302\) to https://portal\.example/login"):
        api.get_train(client, SIGNABLE_TRAIN_ID)
    hub.faults.redirect_next = ["https://portal.example/login"]
    with pytest.raises(CentralError, match=r"\(302\) to https://portal\.example/login"):
        client.sign_in(DEMO_LOGIN)


def test_result_needs_a_registered_key(client, tmp_path: Path) -> None:
    with pytest.raises(CentralError, match="Register an RSA public key"):
        download_result(client, FINISHED_TRAIN_ID, tmp_path / "r.tar")
    assert not (tmp_path / "r.tar").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_down(store) -> None:
    class Down:
        api_url = auth_url = f"http://127.0.0.1:{_free_port()}"

    with client_for(Down, store) as client, pytest.raises(CentralError, match="cannot be reached"):
        client.sign_in(DEMO_LOGIN)


def test_slow_server_times_out(hub, store) -> None:
    hub.faults.delay = 2.0
    with client_for(hub, store, timeout=0.5, retries=1) as client:
        start = time.monotonic()
        with pytest.raises(CentralError, match=r"did not answer within 0 s|did not answer"):
            client.sign_in(DEMO_LOGIN)
        assert time.monotonic() - start < 2.0


def test_retries_idempotent_requests_on_503(client, hub) -> None:
    hub.faults.fail_next = [503, 502]
    assert api.get_train(client, SIGNABLE_TRAIN_ID).id == SIGNABLE_TRAIN_ID
    hub.faults.fail_next = [503]  # not retried: a POST is not idempotent
    with pytest.raises(CentralError, match=r"failed \(503\)"):
        api.submit_signature(client, SIGNABLE_TRAIN_ID, "ab" * 64)


def test_500_with_and_without_json_and_garbage_json(client, hub) -> None:
    hub.faults.fail_next = [500]
    with pytest.raises(CentralError, match=r"failed \(500\): Injected failure 500"):
        api.get_train(client, SIGNABLE_TRAIN_ID)
    hub.faults.json_errors = False
    hub.faults.fail_next = [500]
    with pytest.raises(CentralError, match=r"failed \(500\): it gave no details"):
        api.get_train(client, SIGNABLE_TRAIN_ID)
    hub.faults.json_errors = True
    hub.faults.garbage_json = True
    with pytest.raises(CentralError, match="not JSON"):
        api.get_train(client, SIGNABLE_TRAIN_ID)


def test_403_and_404_name_the_problem(client, hub) -> None:
    hub.faults.fail_next = [403]
    with pytest.raises(CentralError, match="lack the permission"):
        api.get_train(client, SIGNABLE_TRAIN_ID)
    with pytest.raises(CentralError, match="Not found on the server: No train nope"):
        api.get_train(client, "nope")


def test_a_server_message_ending_in_a_full_stop_gets_no_second_one(client, hub, tmp_path: Path) -> None:
    with pytest.raises(CentralError) as missing:
        api.get_train(client, "nope")
    assert str(missing.value) == "Not found on the server: No train nope."
    # As the real server: a train without a result is a 404 whatever its result status says.
    unfinished = next(t for t in hub.state.trains.values() if t.result_status != "finished")
    with pytest.raises(CentralError) as no_result:
        download_result(client, unfinished.id, tmp_path / "r.tar")
    assert str(no_result.value) == "Not found on the server: The train result does not exist in the storage."
    hub.faults.fail_next = [500]
    with pytest.raises(CentralError) as failed:
        api.get_train(client, SIGNABLE_TRAIN_ID)
    assert str(failed.value) == "The central server failed (500): Injected failure 500."


def test_tls_self_signed_rejected_by_default_accepted_with_ca_bundle(store, tmp_path: Path) -> None:
    cert, key = self_signed_certificate(tmp_path)
    hub = DemoHub(tls=(cert, key)).start()
    try:
        with client_for(hub, store) as client, pytest.raises(CentralError, match="not trusted") as untrusted:
            client.sign_in(DEMO_LOGIN)
        assert untrusted.value.remedy == Remedy.CHECK_CA_BUNDLE
        with client_for(hub, store, ca_bundle=str(cert)) as client:
            client.sign_in(DEMO_LOGIN)
            assert api.get_train(client, SIGNABLE_TRAIN_ID).id == SIGNABLE_TRAIN_ID
    finally:
        hub.stop()
