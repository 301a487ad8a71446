"""The demo hub itself, spoken to with raw HTTP over loopback: it answers only for its own
address (DNS rebinding), and it is never kinder than the real PHT central (shared/NETWORKS.md)."""

from __future__ import annotations

import http.client
import json

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.protocol.hexpem import public_key_to_hex_pem
from desktop_app.demo_hub import DemoHub
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID


def token(hub: DemoHub) -> dict[str, str]:
    return {"Authorization": f"Bearer {hub.state.issue_tokens('demo-user-0001')['access_token']}"}


def own_host(hub: DemoHub) -> str:
    address, port = hub.server.server_address[:2]
    return f"{address}:{port}"


def get_json(hub: DemoHub, path: str) -> dict:
    status, _, body = raw_get(hub, path, own_host(hub), token(hub))
    assert status == 200, body
    return json.loads(body)


def raw_get(hub: DemoHub, path: str, host: str | None, headers: dict[str, str] | None = None):
    """A GET with exactly the Host header given (none at all when `host` is None)."""
    address, port = hub.server.server_address[:2]
    connection = http.client.HTTPConnection(address, port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_answers_only_for_its_own_host(hub) -> None:
    port = hub.server.server_address[1]
    # A page on evil.example whose name was rebound to 127.0.0.1 sends its own name as Host.
    for foreign in ("evil.example", f"evil.example:{port}", f"127.0.0.1:{port + 1}", "127.0.0.1"):
        status, _, body = raw_get(hub, "/api/trains", foreign)
        assert status == 421, foreign
        assert "answers only for" in json.loads(body)["message"]
    status, _, _ = raw_get(hub, "/api/trains", None)
    assert status == 400
    for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        status, _, _ = raw_get(hub, "/api/trains", own)
        assert status == 401, own  # reached the route: it wants a token


def test_trains_filters_only_as_the_real_server_does(hub) -> None:
    everything = len(hub.state.trains)
    ignored = get_json(hub, "/api/trains?filter[result_status]=finished&page[limit]=50")
    assert ignored["meta"]["total"] == everything and len(ignored["data"]) == everything
    assert {t["result_status"] for t in ignored["data"]} > {"finished"}
    named = get_json(hub, "/api/trains?filter[name]=demo-finished")
    assert [t["name"] for t in named["data"]] == ["demo-finished"]
    capped = get_json(hub, "/api/trains?page[limit]=500")
    assert len(capped["data"]) == min(50, everything) and capped["meta"]["limit"] == 50


def test_holds_a_key_as_the_web_page_registers_it(hub) -> None:
    """RSA content that is not hex is hex-encoded by the server, as the real one does."""
    pem = "-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA\n-----END RSA PUBLIC KEY-----\n"
    secret = hub.state.add_secret("rsa_public_key", "rsa_public_key", pem)
    assert secret["content"] == pem.encode().hex()
    assert (
        hub.state.add_secret("rsa_public_key-2", "rsa_public_key", pem.encode().hex())["content"] == pem.encode().hex()
    )
    listed = get_json(hub, "/api/user-secrets?filter[type]=rsa_public_key&filter[key]=rsa_public_key")
    assert [s["id"] for s in listed["data"]] == [secret["id"]]


def test_streams_a_result_as_the_real_server_does(hub) -> None:
    """Chunked, named as an attachment, no Content-Length, and a Range request gets all of it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    hub.state.add_secret("researcher", "rsa_public_key", public_key_to_hex_pem(key))
    path = f"/api/trains/{FINISHED_TRAIN_ID}/result/download"
    status, headers, whole = raw_get(hub, path, own_host(hub), token(hub))
    assert status == 200 and len(whole) > 3 << 20
    assert "Content-Length" not in headers and headers["Transfer-Encoding"] == "chunked"
    assert headers["Content-Disposition"] == f'attachment; filename="{FINISHED_TRAIN_ID}.tar"'
    assert "Accept-Ranges" not in headers
    status, headers, again = raw_get(hub, path, own_host(hub), {**token(hub), "Range": "bytes=1000-"})
    assert status == 200 and "Content-Range" not in headers and again == whole
