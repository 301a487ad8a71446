"""A result download against a server (the demo hub over loopback) that misbehaves mid-stream,
and a disk that fills under it: the download ends in a sentence, within the client's timeout,
and leaves either a resumable `.part` with bytes in it or nothing at all, never a finished-looking
file. (A single drop that resumes is in test_central_api.py.)"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from types import SimpleNamespace

import pytest

from desktop_app.core.central.download import download_result, part_path
from desktop_app.core.central.errors import CentralError
from desktop_app.core.central.registration import register_key
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID
from tests.helpers.central import DEMO_LOGIN, client_for
from tests.helpers.full_disk import small_filesystem

pytestmark = pytest.mark.keyring  # the key store and tokens live in the real Secret Service

PW = "lantern-oyster-gravel-19"


@pytest.fixture
def client(hub, pht_home):
    paths = AppPaths.for_profile("default")
    store = KeyStore.open(paths, Settings(paths))
    with client_for(hub, store, timeout=1.0) as signed_in:
        signed_in.sign_in(DEMO_LOGIN)
        register_key(signed_in, store.generate("researcher", KeyType.RSA_2048, PW))
        yield signed_in


def test_a_server_that_drops_every_attempt_ends_in_a_sentence_with_the_part_kept(client, hub, tmp_path) -> None:
    hub.faults.claim_drop = lambda: 1_500_000  # every stream, not only the first, is cut here
    target = tmp_path / "result.tar"
    with pytest.raises(CentralError, match=r"The download was interrupted after \d\.\d MiB; run it again"):
        download_result(client, FINISHED_TRAIN_ID, target)
    assert not target.exists() and 0 < part_path(target).stat().st_size <= 1_500_000


def test_a_server_that_hangs_after_the_headers_is_given_up_within_the_timeout(client, hub, tmp_path) -> None:
    release = threading.Event()

    def stall(normal: int) -> int:  # called after the headers went out, before the first byte
        release.wait(60)
        return normal

    hub.faults.stream_chunk_size = stall
    target = tmp_path / "result.tar"
    started = time.monotonic()
    try:
        with pytest.raises(CentralError, match=r"The server sent nothing for 1 s; nothing was received") as caught:
            download_result(client, FINISHED_TRAIN_ID, target)
    finally:
        release.set()
    # Three attempts, each given up after the 1 s read timeout: bounded, and far below the stall.
    assert time.monotonic() - started < 30
    assert "Traceback" not in str(caught.value)
    assert not target.exists() and not part_path(target).exists()  # an empty .part is no resume point


def test_a_disk_that_fills_while_downloading_keeps_nothing(client, hub, tmp_path) -> None:
    with small_filesystem(tmp_path / "small", size_kib=512) as disk:
        target = disk / "downloads" / "result.tar"
        with pytest.raises(CentralError, match=r"No space left on device.*the partial download was removed"):
            download_result(client, FINISHED_TRAIN_ID, target)
        assert list((disk / "downloads").iterdir()) == []


def test_a_huge_body_is_bounded_by_the_free_space(client, hub, tmp_path) -> None:
    """The server streams 64 GiB (a sparse file, so it costs nothing here) for a result: the
    client has no size to hold it to, so the disk's free space is the bound, and it is handed back."""
    download_result(client, FINISHED_TRAIN_ID, tmp_path / "first.tar")  # the hub builds its archive
    os.truncate(hub.state.trains[FINISHED_TRAIN_ID].result_archive, 64 << 30)
    with small_filesystem(tmp_path / "small", size_kib=4096) as disk:
        with pytest.raises(CentralError, match="No space left on device"):
            download_result(client, FINISHED_TRAIN_ID, disk / "result.tar")
        assert list(disk.iterdir()) == []


# -- the same faults on a JSON answer: a raw loopback server, since the hub always answers whole --


@pytest.fixture
def raw_server():
    """Answers every request with `answer` (headers and part of a body), then hangs or hangs up."""
    server = socket.create_server(("127.0.0.1", 0))
    settings = {"answer": b"", "hang": False}
    release = threading.Event()

    def serve() -> None:
        with contextlib.suppress(OSError):
            while True:
                connection, _ = server.accept()
                with connection:
                    _read_request(connection)  # all of it: closing on unread bytes would reset the connection
                    connection.sendall(settings["answer"])
                    if settings["hang"]:
                        release.wait(60)

    threading.Thread(target=serve, daemon=True).start()
    yield SimpleNamespace(api_url=f"http://127.0.0.1:{server.getsockname()[1]}", settings=settings)
    release.set()
    server.close()


def _read_request(connection: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")),
        0,
    )
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk


HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"


@pytest.mark.parametrize("hang", [False, True], ids=["dropped-mid-body", "hangs-after-headers"])
def test_a_json_answer_cut_or_stalled_after_its_headers_is_a_sentence(raw_server, pht_home, hang: bool) -> None:
    raw_server.auth_url = raw_server.api_url
    raw_server.settings.update(answer=HEADERS + b'{"access_token": "abc', hang=hang)
    paths = AppPaths.for_profile("default")
    store = KeyStore.open(paths, Settings(paths))
    started = time.monotonic()
    with client_for(raw_server, store, timeout=1.0, retries=1) as client, pytest.raises(CentralError) as caught:
        client.sign_in(DEMO_LOGIN)
    said = str(caught.value)
    assert "Traceback" not in said and "\n" not in said
    if hang:
        assert "did not answer within 1 s" in said and time.monotonic() - started < 30
    else:
        assert "failed (peer closed connection without sending complete message body" in said
    assert store.get_secret("central.tokens.test-hub") is None  # half an answer keeps no token
