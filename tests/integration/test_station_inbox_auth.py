"""The inbox's registry credentials go to the station's registry and nowhere else, also with
token auth (Harbor's way): a token service on the registry's host gets them, one on another
host, or a redirect to another host, does not.

docker-registry cannot hand out tokens without a token server this machine does not have, so
the registry here is a loopback stand-in that speaks the distribution API's token handshake
(401 with `WWW-Authenticate: Bearer realm=…`, then the realm's `{"token"}`); the other host is
the recording registry of the pull/push tests (tests/helpers/recording_registry.py)."""

from __future__ import annotations

import pytest

from desktop_app.core.station.errors import StationError
from desktop_app.core.station.inbox import list_inbox
from desktop_app.core.station.registry import RegistryCredentials
from tests.helpers.recording_registry import RecordingRegistry
from tests.helpers.token_registry import GOOD, TokenRegistry


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
