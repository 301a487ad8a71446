"""The DAG run_train's inputs without Airflow: the reference station's run conf, checked value by
value, and the station's key, which must come passphrase-protected."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from desktop_app.core.errors import PHTError
from desktop_app.core.station.errors import StationError
from desktop_app.station_airflow import station
from desktop_app.station_airflow.conf import ConfRefused, RunRequest, read_conf
from tests.helpers.airflow import pem_file
from tests.helpers.result_archives import station_keys


def test_the_reference_stations_conf_reads_as_a_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conf = {
        "repository": "harbor.example/station_1/train-1",
        "tag": "latest",
        "env": {"FHIR_SERVER": "http://fhir", "COUNT": 3},
        "volumes": {str(data): {"bind": "/opt/train_data", "mode": "ro"}},
    }
    assert read_conf(conf, [tmp_path]) == RunRequest(
        "harbor.example/station_1/train-1:latest",
        (("FHIR_SERVER", "http://fhir"), ("COUNT", "3")),
        ((str(data.resolve()), "/opt/train_data"),),
    )
    assert read_conf({"repository": "r.example/p/t"}).reference == "r.example/p/t:latest"


@pytest.mark.parametrize(
    ("conf", "says"),
    [
        (None, 'names no "repository"'),
        ({"repository": "r.example/p/t:1.0"}, "must not carry a tag"),
        ({"repository": "r.example/p/t", "tag": "a b"}, "is not an image tag"),
        ({"repository": "r.example/p/t", "env": {"1A": "x"}}, "not an environment variable name"),
        ({"repository": "r.example/p/t", "env": {"A": {"b": 1}}}, "not text or a number"),
        ({"repository": "r.example/p/t", "volumes": {"DATA": "/opt/x"}}, "not an absolute path"),
        ({"repository": "r.example/p/t", "volumes": {"/nonexistent-pht": "/opt/x"}}, "does not exist"),
    ],
)
def test_a_bad_conf_is_refused_with_a_sentence(conf, says: str) -> None:
    with pytest.raises(ConfRefused, match=says):
        read_conf(conf)


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ({"bind": "/opt/train_data", "mode": "rw"}, "only ever mounted read-only"),
        ({"bind": "/opt/pht_results"}, "over the train's own /opt/pht_results"),
        ({"bind": "/opt"}, "over the train's own /opt/pht_train"),
        ({"bind": "data"}, 'no absolute "bind"'),
    ],
)
def test_a_mount_never_writes_station_data_or_covers_the_train(tmp_path: Path, spec, says: str) -> None:
    with pytest.raises(ConfRefused, match=says):
        read_conf({"repository": "r.example/p/t", "volumes": {str(tmp_path): spec}})


def test_a_mount_outside_the_stations_data_roots_is_refused(tmp_path: Path) -> None:
    (tmp_path / "allowed").mkdir()
    with pytest.raises(ConfRefused, match="outside the folders this station lets a train read"):
        read_conf({"repository": "r.example/p/t", "volumes": {"/etc": "/opt/train_data"}}, [tmp_path / "allowed"])


def test_the_station_key_must_be_passphrase_protected(tmp_path: Path) -> None:
    key = station_keys(1)[0]
    plain = pem_file(key, tmp_path / "plain.pem", None)
    with pytest.raises(StationError, match="not protected by a passphrase"):
        station.station_key(plain, "anything")
    locked = pem_file(key, tmp_path / "locked.pem", "right passphrase")
    with pytest.raises(StationError, match="does not open"):
        station.station_key(locked, "wrong passphrase")
    with pytest.raises(StationError, match="passphrase is not set"):
        station.station_key(locked, None)
    assert station.station_key(locked, "right passphrase").private_numbers() == key.private_numbers()
    with pytest.raises(StationError, match="cannot be read"):
        station.station_key(tmp_path / "missing.pem", "x")


def test_an_ec_station_key_is_refused(tmp_path: Path) -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    path = pem_file(ec_key, tmp_path / "ec.pem", "pass")  # type: ignore[arg-type]
    with pytest.raises(StationError, match="holds no RSA key"):
        station.station_key(path, "pass")


def test_missing_settings_are_named() -> None:
    settings = {"PHT_STATION_KEY_FILE": "/nonexistent.pem"}
    with pytest.raises(StationError, match="PHT_STATION_ID is not set"):
        station._required(settings.get, "PHT_STATION_ID")
    with pytest.raises(StationError, match="not a whole number"):
        station.limits({"PHT_STATION_WALL_CLOCK_SECONDS": "ten"}.get, RunRequest("r/t:1"))
    with pytest.raises(StationError, match="not UID:GID"):
        station.limits({"PHT_STATION_RUN_AS": "root"}.get, RunRequest("r/t:1"))
    assert station.limits({"PHT_STATION_WALL_CLOCK_SECONDS": "60"}.get, RunRequest("r/t:1")).wall_clock_seconds == 60
    connection = ("registry.example", "robot", "secret")
    assert station.registry_credentials({}.get, connection).username == "robot"
    assert station.registry_credentials({}.get, None) is None


@pytest.mark.keyring
def test_the_station_key_can_come_from_the_key_store_in_the_os_keyring(pht_home: Path, tmp_path: Path) -> None:
    from desktop_app.core.keys.types import KeyType
    from desktop_app.core.keystore.store import KeyStore
    from desktop_app.core.paths import AppPaths
    from desktop_app.core.settings import Settings

    paths = AppPaths.for_profile("station")
    store = KeyStore.open(paths, Settings(paths))
    store.generate("station-key", KeyType.RSA_2048, "right passphrase 7")
    store.generate("flame-key", KeyType.EC_P256, "right passphrase 7")
    wanted = store.load_private_key("station-key", "right passphrase 7").private_numbers()
    settings = {"PHT_STATION_KEY_NAME": "station-key", "PHT_STATION_KEY_PROFILE": "station"}

    key = station.station_key_from({**settings, "PHT_STATION_KEY_PASSPHRASE": "right passphrase 7"}.get)
    assert key.private_numbers() == wanted
    # The store's name wins over a file; each refusal is the key store's or the station's sentence.
    also_a_file = {**settings, "PHT_STATION_KEY_FILE": str(tmp_path / "missing.pem")}
    assert station.station_key_from({**also_a_file, "PHT_STATION_KEY_PASSPHRASE": "right passphrase 7"}.get)
    with pytest.raises(PHTError, match="passphrase") as wrong:
        station.station_key_from({**settings, "PHT_STATION_KEY_PASSPHRASE": "wrong"}.get)
    assert "Traceback" not in str(wrong.value)
    with pytest.raises(PHTError, match="passphrase"):
        station.station_key_from(settings.get)
    with pytest.raises(PHTError, match="missing-key"):
        station.station_key_from({**settings, "PHT_STATION_KEY_NAME": "missing-key"}.get)
    with pytest.raises(StationError, match="not an RSA key"):
        station.station_key_from(
            {**settings, "PHT_STATION_KEY_NAME": "flame-key", "PHT_STATION_KEY_PASSPHRASE": "right passphrase 7"}.get
        )
    with pytest.raises(StationError, match="PHT_STATION_KEY_NAME.*PHT_STATION_KEY_FILE"):
        station.station_key_from({}.get)
