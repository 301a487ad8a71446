"""The station as the DAG's tasks see it: its id, key, engine, registry and limits, read through
`lookup(NAME)` — the DAG passes Airflow Variables (lower-case names) and then the environment.

| name                           | what                                                          |
| ------------------------------ | ------------------------------------------------------------- |
| PHT_STATION_ID                 | the station's id on the trains' routes                        |
| PHT_STATION_KEY_NAME           | its private key, held in PHT Desktop's key store (OS keyring) |
| PHT_STATION_KEY_PROFILE        | the key store's profile (default: "default")                  |
| PHT_STATION_KEY_FILE           | or: a PEM file that MUST be passphrase-protected              |
| PHT_STATION_KEY_PASSPHRASE     | the key's passphrase (Airflow masks a Variable of this name)  |
| PHT_ENGINE_URL                 | the Docker/Podman API (default: DOCKER_HOST or the local one)   |
| PHT_REGISTRY, _USER, _PASSWORD | the registry and its account (or the connection pht_registry) |
| PHT_STATION_DATA               | data folders every train gets, separated by ':'               |
| PHT_STATION_DATA_ROOTS         | folders a run's "volumes" may come from, separated by ':'     |
| PHT_STATION_WORK               | where a run keeps its work folder between steps               |
| PHT_STATION_WALL_CLOCK_SECONDS | the longest a train may run                                   |
| PHT_STATION_RUN_AS             | UID:GID the train runs as, or "image"                         |

The key is never written anywhere decrypted: it is read from the key store or its file into
memory for each task.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import docker
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Remedy
from desktop_app.core.keystore.store import KeyStore
from desktop_app.core.paths import DEFAULT_PROFILE, AppPaths
from desktop_app.core.settings import Settings
from desktop_app.core.station.container_run import RunLimits
from desktop_app.core.station.engine_faults import engine_call
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry import RegistryCredentials
from desktop_app.core.station.run_limits import DEFAULT_USER, parse_user
from desktop_app.core.station.runner import StationRunner, StationSetup
from desktop_app.station_airflow.conf import RunRequest

Lookup = Callable[[str], str | None]


def _required(lookup: Lookup, name: str) -> str:
    value = (lookup(name) or "").strip()
    if not value:
        raise StationError(
            f"The station setting {name} is not set (an Airflow Variable {name.lower()} or the environment)."
        )
    return value


def _folders(lookup: Lookup, name: str) -> list[Path]:
    return [Path(p) for p in (lookup(name) or "").split(os.pathsep) if p.strip()]


def station_key(path: Path, passphrase: str | None) -> rsa.RSAPrivateKey:
    """The station's RSA key from its passphrase-protected PEM file; an unprotected file is refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StationError(f"The station key file {path} cannot be read: {exc.strerror or exc}.") from exc
    if b"ENCRYPTED" not in data:
        raise StationError(
            f"The station key file {path} is not protected by a passphrase; a station key is kept "
            "encrypted (PKCS#8 with a passphrase), never in the clear.",
            remedy=Remedy.GIVE_PASSPHRASE,
        )
    if not passphrase:
        raise StationError(
            "The station key's passphrase is not set (PHT_STATION_KEY_PASSPHRASE).", remedy=Remedy.GIVE_PASSPHRASE
        )
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise StationError(
            f"The passphrase does not open the station key file {path}.", remedy=Remedy.GIVE_PASSPHRASE
        ) from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise StationError(f"The station key file {path} holds no RSA key; PHT stations sign with RSA.")
    return key


def station_key_from(lookup: Lookup) -> rsa.RSAPrivateKey:
    """The station's RSA key: from PHT Desktop's key store on this machine (PHT_STATION_KEY_NAME),
    else from a mounted, passphrase-protected PEM file (PHT_STATION_KEY_FILE)."""
    passphrase = lookup("PHT_STATION_KEY_PASSPHRASE")
    name = (lookup("PHT_STATION_KEY_NAME") or "").strip()
    if name:
        return stored_station_key(name, passphrase, (lookup("PHT_STATION_KEY_PROFILE") or DEFAULT_PROFILE).strip())
    if not (lookup("PHT_STATION_KEY_FILE") or "").strip():
        raise StationError(
            "The station key is not set: name a key of PHT Desktop's key store (PHT_STATION_KEY_NAME) "
            "or a passphrase-protected PEM file (PHT_STATION_KEY_FILE), as an Airflow Variable or in the environment."
        )
    return station_key(Path(_required(lookup, "PHT_STATION_KEY_FILE")), passphrase)


def stored_station_key(name: str, passphrase: str | None, profile: str) -> rsa.RSAPrivateKey:
    """Key `name` of the key store of `profile` (the OS keyring of the user the task runs as, or the
    profile's encrypted key file), opened with `passphrase` where it has one."""
    paths = AppPaths.for_profile(profile)
    key = KeyStore.open(paths, Settings(paths)).load_private_key(name, passphrase)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise StationError(f"The station key {name} is not an RSA key; PHT stations sign with RSA.")
    return key


def registry_credentials(lookup: Lookup, connection: tuple[str, str, str] | None) -> RegistryCredentials | None:
    """From the Airflow connection (host, login, password) if there is one, else from the settings."""
    if connection and connection[0] and connection[1]:
        return RegistryCredentials(*connection)
    registry, user, password = (lookup(n) or "" for n in ("PHT_REGISTRY", "PHT_REGISTRY_USER", "PHT_REGISTRY_PASSWORD"))
    return RegistryCredentials(registry, user, password) if registry and user and password else None


def limits(lookup: Lookup, request: RunRequest) -> RunLimits:
    user = (lookup("PHT_STATION_RUN_AS") or DEFAULT_USER).strip()
    try:
        parse_user(user)
    except ValueError as exc:
        raise StationError(f"PHT_STATION_RUN_AS is not UID:GID or image: {user!r}.") from exc
    wall = (lookup("PHT_STATION_WALL_CLOCK_SECONDS") or "").strip()
    if wall and not wall.isdecimal():
        raise StationError(f"PHT_STATION_WALL_CLOCK_SECONDS is not a whole number of seconds: {wall!r}.")
    base = RunLimits(user=user, environment=request.environment, binds=request.binds)
    return replace(base, wall_clock_seconds=int(wall)) if wall else base


def data_roots(lookup: Lookup) -> list[Path] | None:
    """The folders a run's volumes may come from; None when the station names none (any folder)."""
    return _folders(lookup, "PHT_STATION_DATA_ROOTS") or None


def work_root(lookup: Lookup) -> Path:
    return Path(lookup("PHT_STATION_WORK") or Path(tempfile.gettempdir()) / "pht-station-airflow")


def engine(lookup: Lookup) -> docker.DockerClient:
    url = (lookup("PHT_ENGINE_URL") or "").strip()
    with engine_call("Connecting to the container engine"):
        client = docker.DockerClient(base_url=url, timeout=300) if url else docker.from_env(timeout=300)
        client.ping()
    return client


def runner(lookup: Lookup, request: RunRequest, connection: tuple[str, str, str] | None = None) -> StationRunner:
    key = station_key_from(lookup)
    setup = StationSetup(
        station_id=_required(lookup, "PHT_STATION_ID"),
        station_key=key,
        data=_folders(lookup, "PHT_STATION_DATA"),
        limits=limits(lookup, request),
        credentials=registry_credentials(lookup, connection),
        log_folder=work_root(lookup) / "logs",
    )
    return StationRunner(engine(lookup), setup)
