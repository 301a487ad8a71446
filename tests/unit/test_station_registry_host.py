"""Which host an image reference names, and whether it is the station's configured registry."""

from __future__ import annotations

import pytest

from desktop_app.core.station.registry import RegistryCredentials
from desktop_app.core.station.registry_host import RegistryHost, configured_registry, reference_registry

CREDENTIALS = {"username": "station", "password": "pw"}


@pytest.mark.parametrize(
    ("configured", "reference"),
    [
        ("harbor.example.org", "harbor.example.org/station/train:latest"),
        ("harbor.example.org", "HARBOR.example.org.:443/station/train:latest"),
        ("https://harbor.example.org/", "harbor.example.org/station/train:1"),
        ("https://harbor.example.org:443/project", "harbor.example.org/station/train:1"),
        ("http://harbor.example.org", "harbor.example.org/station/train:1"),
        ("http://harbor.example.org", "harbor.example.org:80/station/train:1"),
        ("127.0.0.1:5000", "127.0.0.1:5000/pht/train:1"),
        ("[::1]:5000", "[::1]:5000/pht/train:1"),
        ("localhost:5000", "localhost:5000/pht/train@sha256:" + "0" * 64),
        ("docker.io", "library/busybox:1"),
        ("index.docker.io", "busybox:1"),
        ("https://index.docker.io/v1/", "registry-1.docker.io/library/busybox:1"),
    ],
)
def test_the_configured_registry_gets_the_credentials(configured: str, reference: str) -> None:
    assert RegistryCredentials(configured, "station", "pw").for_reference(reference) == CREDENTIALS


@pytest.mark.parametrize(
    ("configured", "reference"),
    [
        ("harbor.example.org", "evil.example.org/station/train:latest"),
        ("harbor.example.org", "harbor.example.org.evil.net/station/train:latest"),
        ("harbor.example.org", "harbor.example.org:5000/station/train:latest"),
        ("harbor.example.org", "harbor.example.org:80/station/train:latest"),  # HTTPS only was configured
        ("harbor.example.org", "library/busybox:1"),  # Docker Hub
        ("harbor.example.org", "harbor/station/train:1"),  # no dot: a Docker Hub user named harbor
        ("127.0.0.1:5000", "127.0.0.1:5001/pht/train:1"),
        ("127.0.0.1:5000", "127.0.0.1/pht/train:1"),
        ("docker.io", "quay.io/x/y:1"),
        ("", "harbor.example.org/station/train:1"),  # no registry set: no credentials anywhere
        ("not a host", "not a host/x:1"),
        ("harbor.example.org", "harbor.example.org:0x1bb/x:1"),
    ],
)
def test_any_other_host_gets_none(configured: str, reference: str) -> None:
    assert RegistryCredentials(configured, "station", "pw").for_reference(reference) is None


def test_a_reference_is_reduced_to_its_host() -> None:
    assert reference_registry("Harbor.Example.org:443/a/b:1") == RegistryHost("harbor.example.org", None)
    assert reference_registry("ubuntu:22.04") == RegistryHost("docker.io", None)
    assert str(reference_registry("[::1]:5000/a:1")) == "[::1]:5000"
    assert reference_registry("bad_host.example:5000/a:1") is None


@pytest.mark.parametrize("value", ["", "ftp://harbor", "harbor:http", "harbor:70000", "[::1", "exa mple.org"])
def test_a_registry_setting_that_names_no_host_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        configured_registry(value)


def test_the_password_is_not_in_the_credentials_repr() -> None:
    assert "pw" not in repr(RegistryCredentials("harbor.example.org", "station", "pw"))
