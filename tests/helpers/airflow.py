"""A real Airflow 3 for the tests (ARCHITECTURE.md's recipe): `airflow standalone` from its own
venv (`make test` builds .airflowvenv; PHT_AIRFLOW_BIN points at its bin folder), with
AIRFLOW_HOME and a SQLite database in a scratch folder, the simple auth manager with one user
whose password we choose, and the project's DAG folder. Readiness is Airflow's own word: its
health route says the scheduler, DAG processor and triggerer are up, and the DAG list has
`run_train` without import errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.conftest import require
from tests.helpers.result_archives import station_keys

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "desktop_app" / "station_airflow" / "dags"
PASSPHRASE = "station key passphrase for the test"
START_DEADLINE = 300  # s; a cold start on a loaded 2-core machine takes about a minute (docs/station.md)


def airflow_bin() -> Path | None:
    folder = os.environ.get("PHT_AIRFLOW_BIN") or str(REPO / ".airflowvenv" / "bin")
    return Path(folder) if (Path(folder) / "airflow").exists() else None


class AirflowService:
    """`airflow standalone` on a free loopback port; `env` reaches the DAG's tasks (the station)."""

    user = "station-admin"

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        found = airflow_bin()
        require(found is not None, "the Airflow venv is missing: `make test` builds .airflowvenv")
        assert found is not None
        self.folder = folder
        self.password = secrets.token_urlsafe(16)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        passwords = folder / "passwords.json"
        passwords.write_text(json.dumps({self.user: self.password}))
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")},
            **env,
            "PATH": f"{found}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "AIRFLOW_HOME": str(folder / "home"),
            "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "False",
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__PARALLELISM": "4",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{folder / 'airflow.db'}",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": f"{self.user}:admin",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE": str(passwords),
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API__BASE_URL": self.url,
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"{self.url}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(32),
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC": "1",
        }
        self.log = folder / "airflow.log"
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(found / "airflow"), "standalone"],
            env=self.env,
            cwd=folder,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends all that it started
        )
        try:
            self._wait_ready(time.monotonic() + START_DEADLINE)
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - started
        print(f"Airflow standalone ready in {self.start_seconds:.0f} s")

    def _wait_ready(self, deadline: float) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as http:
            while True:
                problem = self._not_ready(http)
                if not problem:
                    return
                if self.process.poll() is not None:
                    require(False, f"airflow standalone exited: {self.log.read_text()[-1500:]}")
                if time.monotonic() > deadline:
                    require(False, f"Airflow was not ready in {START_DEADLINE} s ({problem}): {self.tail()}")
                time.sleep(1)

    def _not_ready(self, http: httpx.Client) -> str:
        try:
            health = http.get("/api/v2/monitor/health").json()
        except (httpx.HTTPError, ValueError):
            return "the API server does not answer"
        for part in ("metadatabase", "scheduler", "dag_processor"):
            if (health.get(part) or {}).get("status") != "healthy":
                return f"{part} is not healthy"
        token = http.post("/auth/token", json={"username": self.user, "password": self.password})
        if not token.is_success:
            return f"no token ({token.status_code})"
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        errors = http.get("/api/v2/importErrors", headers=headers).json()
        if errors.get("import_errors"):
            require(False, f"the DAG did not import: {errors['import_errors'][0].get('stack_trace', '')[-1500:]}")
        if http.get("/api/v2/dags/run_train", headers=headers).status_code != 200:
            return "the DAG run_train is not listed yet"
        return ""

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-1500:]

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=30)
        # What standalone started may outlive it for a moment: the group goes, by its id.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


# -- fixtures (tests/conftest.py offers them to every test) ----------------------------------


def pem_file(key: rsa.RSAPrivateKey, path: Path, passphrase: str | None) -> Path:
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode()) if passphrase else serialization.NoEncryption()
    )
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption))
    return path


@pytest.fixture(scope="session")
def station_data(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("station-data")
    root.chmod(0o755)
    folder = root / "cohort"
    folder.mkdir()
    (folder / "patients.csv").write_text("id\n1\n2\n3\n")
    (root / "gate").mkdir()
    return folder


def stored_station_key(home: Path, profile: str, key: rsa.RSAPrivateKey) -> str:
    """`key` put into PHT Desktop's key store of `profile` under `home` (the tests' Secret Service),
    as station staff would with `pht-desktop keys import`; returns its name there."""
    from desktop_app.core.keys.material import KeyMaterial, key_type_of
    from desktop_app.core.keystore.store import KeyStore
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.settings import Settings

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PHT_DESKTOP_HOME", str(home))
        paths = AppPaths.for_profile(profile)
        KeyStore.open(paths, Settings(paths)).add("station-0", KeyMaterial(key_type_of(key), key), PASSPHRASE)
    return "station-0"


@pytest.fixture(scope="session")
def airflow(tmp_path_factory, engine, station_data):
    folder = tmp_path_factory.mktemp("airflow")
    # The station key from the key store in the OS keyring (the tests' Secret Service, which the
    # tasks reach through the session's D-Bus); the PEM-file way is tested without Airflow.
    name = stored_station_key(folder / "pht-home", "station", station_keys(2)[0])
    station = {
        "PHT_ENGINE_URL": engine.url,
        "PHT_STATION_KEY_NAME": name,
        "PHT_STATION_KEY_PROFILE": "station",
        # As Airflow Variables (AIRFLOW_VAR_*): the DAG reads Variables before the environment.
        "AIRFLOW_VAR_PHT_STATION_ID": "station-0",
        "AIRFLOW_VAR_PHT_STATION_KEY_PASSPHRASE": PASSPHRASE,
        "PHT_STATION_WORK": str(folder / "work"),
        "PHT_STATION_DATA_ROOTS": str(station_data.parent),
        "PHT_STATION_WALL_CLOCK_SECONDS": "120",
        "PHT_DESKTOP_HOME": str(folder / "pht-home"),
    }
    service = AirflowService(folder, station)
    yield service
    service.stop()
