"""The inbox's registry credentials go to the station's registry and nowhere else, also with
token auth (Harbor's way): a token service on the registry's host gets them, one on another
host, or a redirect to another host, does not.

docker-registry cannot hand out tokens without a token server this machine does not have, so
the registry here is a loopback stand-in that speaks the distribution API's token handshake
(401 with `WWW-Authenticate: Bearer realm=…`, then the realm's `{"token"}`); the other host is
the recording registry of the pull/push tests (tests/helpers/recording_registry.py)."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop_app.core.station.errors import StationError
from desktop_app.core.station.inbox import list_inbox
from desktop_app.core.station.registry import RegistryCredentials
from tests.helpers.recording_registry import RecordingRegistry

GOOD = "Basic " + base64.b64encode(b"station:s3cret").decode()


class TokenRegistry:
    """Asks for a Bearer token from `realm` (its own /token unless told), lists one empty repository."""

    def __init__(self, realm: str | None = None, redirect_to: str | None = None, harbor: bool = False) -> None:
        self.seen: list[tuple[str, str | None]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                auth = self.headers.get("Authorization")
                owner.seen.append((self.path, auth))
                if self.path.startswith("/token"):
                    if auth == GOOD:
                        return self._send(200, {"token": "t0ken"})
                    return self._send(401, {"errors": [{"code": "UNAUTHORIZED"}]})
                if harbor and self.path.startswith("/api/v2.0/projects/pht/repositories"):
                    # Harbor's project API, with basic auth (a robot account), two pages linked.
                    if auth != GOOD:
                        return self._send(401, {"errors": [{"code": "UNAUTHORIZED"}]})
                    if "page=1&" in self.path:
                        link = '</api/v2.0/projects/pht/repositories?page=2&page_size=100>; rel="next"'
                        return self._send(200, [{"name": "pht/a", "id": 1}], {"Link": link})
                    return self._send(200, [{"name": "pht/b", "id": 2}])
                if harbor and self.path.startswith("/v2/_catalog") and auth == "Bearer t0ken":
                    refusal = {"errors": [{"code": "UNAUTHORIZED", "message": "unauthorized to list catalog"}]}
                    return self._send(401, refusal)  # Harbor: the catalog is for administrators only
                if auth != "Bearer t0ken":
                    realm_url = realm or f"http://{owner.address}/token"
                    challenge = f'Bearer realm="{realm_url}",service="registry",scope="registry:catalog:*"'
                    return self._send(401, {"errors": []}, {"WWW-Authenticate": challenge})
                if redirect_to and self.path.startswith("/v2/_catalog"):
                    return self._send(307, {}, {"Location": f"http://{redirect_to}/v2/_catalog"})
                if self.path.startswith("/v2/_catalog"):
                    return self._send(200, {"repositories": ["pht/empty"]})
                return self._send(200, {"name": "pht/empty", "tags": None})

            def _send(self, status: int, body: object, headers: dict | None = None) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                for key, value in {"Content-Length": str(len(data)), **(headers or {})}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recorder(tmp_path):
    service = RecordingRegistry(tmp_path)
    yield service
    service.stop()


def test_a_token_service_on_the_registry_gets_the_credentials() -> None:
    registry = TokenRegistry()
    try:
        credentials = RegistryCredentials(registry.address, "station", "s3cret")
        inbox = list_inbox(f"{registry.address}/pht", "station-0", credentials)
        assert inbox.trains == []  # one repository whose tags were all deleted (`"tags": null`)
        assert ("/token?service=registry&scope=registry%3Acatalog%3A%2A", GOOD) in registry.seen
        with pytest.raises(StationError, match="asks for credentials"):
            list_inbox(f"{registry.address}/pht", "station-0")
    finally:
        registry.stop()


def test_a_token_service_or_a_redirect_elsewhere_gets_no_credentials(recorder) -> None:
    elsewhere = TokenRegistry(realm=f"http://{recorder.address}/token")
    redirecting = TokenRegistry(redirect_to=recorder.address)
    try:
        credentials = RegistryCredentials(elsewhere.address, "station", "s3cret")
        with pytest.raises(StationError, match="asks for credentials"):  # no token without them
            list_inbox(f"{elsewhere.address}/pht", "station-0", credentials)
        credentials = RegistryCredentials(redirecting.address, "station", "s3cret")
        with pytest.raises(StationError, match=f"sent /v2/_catalog on to {recorder.address}, which answered HTTP 401"):
            list_inbox(f"{redirecting.address}/pht", "station-0", credentials)
        assert len(recorder.requests) == 2  # the token request and the redirected catalog
        assert recorder.credentials() == []
    finally:
        elsewhere.stop()
        redirecting.stop()


def test_harbor_lists_a_project_through_its_api_when_the_catalog_is_for_administrators() -> None:
    from desktop_app.core.station.registry_api import RegistryAddress, RegistryAPI

    harbor = TokenRegistry(harbor=True)
    try:
        credentials = RegistryCredentials(harbor.address, "station", "s3cret")
        with RegistryAPI(RegistryAddress.parse(f"{harbor.address}/pht"), credentials) as api:
            assert api.repositories() == ["pht/a", "pht/b"]
        api_calls = [auth for path, auth in harbor.seen if path.startswith("/api/v2.0/")]
        assert api_calls == [GOOD, GOOD]
        with pytest.raises(StationError, match="refused the station's credentials for /v2/_catalog"):
            list_inbox(f"{harbor.address}/pht", "station-0", RegistryCredentials(harbor.address, "station", "no"))
    finally:
        harbor.stop()
