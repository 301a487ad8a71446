"""Test-wide fixtures: every test gets its own PHT_DESKTOP_HOME, never a real profile.

A test that needs a real service says so with a marker (`keyring`; `engine` and `interop` get
theirs from their fixtures and helpers); when the service is missing it is skipped with the
reason on a developer's machine and fails under CI (`CI=true`), through `require()`.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"
# Set by scripts/with-test-services: a private D-Bus session with a fresh, unlocked gnome-keyring.
WITH_TEST_SERVICES = os.environ.get("PHT_TEST_SERVICES") == "1"

if not WITH_TEST_SERVICES:
    # Outside the private session the only Secret Service is the user's own keyring: no test may
    # write to it. keyring's `fail` backend (this process and every `pht-desktop` it starts) makes
    # a test that needs the keyring but lacks the `keyring` marker fail at once, never touch it.
    os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

# Qt's offscreen platform needs no display server; without it, a machine with no display ends
# the whole pytest process with a Qt abort instead of running the GUI tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def require(condition: bool, reason: str) -> None:
    """Skip on a developer's laptop, fail loudly in CI, when a real component is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required test component missing in CI: {reason}")
    pytest.skip(reason)


@functools.cache
def secret_service_missing() -> str:
    """Why the tests' Secret Service cannot be used, or "" when it can."""
    if not WITH_TEST_SERVICES:
        return "needs the private Secret Service: run the tests inside scripts/with-test-services"
    import keyring

    chain = getattr(keyring.get_keyring(), "backends", [keyring.get_keyring()])
    if not any("SecretService" in type(b).__module__ for b in chain):
        return f"the Secret Service is not the active keyring (got {[type(b).__name__ for b in chain]})"
    return ""


@pytest.fixture
def secret_service() -> None:
    """For fixtures that use the OS keyring; a test that does says so with `@pytest.mark.keyring`."""
    reason = secret_service_missing()
    require(not reason, reason)


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("keyring"):
        reason = secret_service_missing()
        require(not reason, reason)


@pytest.fixture(autouse=True)
def pht_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "pht-home"
    home.mkdir()
    monkeypatch.setenv("PHT_DESKTOP_HOME", str(home))
    return home


# -- the real container engine and registries, shared by the station tests -----------------


@pytest.fixture
def hub():
    """The demo hub in this process, over real loopback HTTP: the tests' PHT central server (a
    test can turn its faults on between requests)."""
    from desktop_app.demo_hub import DemoHub

    server = DemoHub().start()
    yield server
    server.stop()


@pytest.fixture
def flame_hub():
    """The stand-in FLAME hub (authup, core and storage routes) over real loopback HTTP."""
    from desktop_app.demo_hub.flame import FlameHub

    server = FlameHub().start()
    yield server
    server.stop()


@pytest.fixture
def node():
    """The stand-in PHEMS Federated Node over real loopback HTTP."""
    from desktop_app.demo_hub.federated_node import FederatedNodeStandIn

    server = FederatedNodeStandIn().start()
    yield server
    server.stop()


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


# The real Airflow 3 (its own venv) with the DAG run_train, for the tests marked `airflow`.
from tests.helpers.airflow import airflow, station_data  # noqa: E402, F401
