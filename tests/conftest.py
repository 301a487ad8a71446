"""Test-wide fixtures: every test gets its own PHT_DESKTOP_HOME, never a real profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"


def require(condition: bool, reason: str) -> None:
    """Skip on a developer's laptop, fail loudly in CI, when a real component is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required test component missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def pht_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "pht-home"
    home.mkdir()
    monkeypatch.setenv("PHT_DESKTOP_HOME", str(home))
    return home


# -- the real container engine and registries, shared by the station tests -----------------


@pytest.fixture(scope="session")
def registry(tmp_path_factory):
    from tests.helpers.engine import LocalRegistry

    service = LocalRegistry(tmp_path_factory.mktemp("registry"))
    yield service
    service.stop()


@pytest.fixture(scope="session")
def locked_registry(tmp_path_factory):
    from tests.helpers.engine import LocalRegistry

    service = LocalRegistry(tmp_path_factory.mktemp("locked-registry"), "station", "s3cret")
    yield service
    service.stop()


@pytest.fixture(scope="session")
def engine(tmp_path_factory, registry, locked_registry):
    """Podman's Docker-API service, allowed to use both loopback registries, with busybox imported."""
    from tests.helpers.engine import PodmanService

    service = PodmanService(tmp_path_factory.mktemp("engine"), registry, [locked_registry])
    service.import_busybox()
    yield service
    service.stop()
