"""The station's registry setting, read as the inbox speaks to it: where, over what, which project."""

from __future__ import annotations

import pytest

from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry_api import RegistryAddress


@pytest.mark.parametrize(
    ("setting", "base_url", "host", "project"),
    [
        ("127.0.0.1:5000/pht", "http://127.0.0.1:5000", "127.0.0.1:5000", "pht"),
        ("localhost:5000", "http://localhost:5000", "localhost:5000", ""),
        ("[::1]:5000/a", "http://[::1]:5000", "[::1]:5000", "a"),
        ("harbor.example.org/station-7", "https://harbor.example.org", "harbor.example.org", "station-7"),
        (
            "  https://harbor.example.org:8443/a/b/ ",
            "https://harbor.example.org:8443",
            "harbor.example.org:8443",
            "a/b",
        ),
        ("http://registry.lan/p", "http://registry.lan", "registry.lan", "p"),  # plain HTTP only when written
    ],
)
def test_settings_are_read_as_written(setting: str, base_url: str, host: str, project: str) -> None:
    assert RegistryAddress.parse(setting) == RegistryAddress(base_url, host, project)


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ("", "No registry is set"),
        ("   ", "No registry is set"),
        ("ftp://registry.lan/p", "names no registry"),
        ("user@registry.lan/p", "names no registry"),
        ("https:///p", "names no registry"),
    ],
)
def test_settings_that_name_no_registry_are_a_sentence(setting: str, says: str) -> None:
    with pytest.raises(StationError, match=says):
        RegistryAddress.parse(setting)
