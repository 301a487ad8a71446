"""The station's settings (under `station.*`; the registry password lives in the keyring)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.i18n import _
from desktop_app.core.settings import (
    Settings,
    fields_value,
    optional_number_value,
    optional_whole_number_value,
    text_list_value,
    text_value,
    whole_number_value,
)
from desktop_app.core.station.run_limits import (
    DEFAULT_DISK_MIB,
    DEFAULT_MEMORY_MIB,
    DEFAULT_PIDS,
    DEFAULT_RESULTS_MIB,
    DEFAULT_USER,
    RunLimits,
    parse_user,
)

if TYPE_CHECKING:  # the engine's SDK loads with the runner, not with the settings
    from desktop_app.core.keystore import KeyStore
    from desktop_app.core.station.registry import RegistryCredentials

REGISTRY_SECRET = "station.registry-password"


@dataclass
class StationSettings:
    station_id: str = ""
    key_name: str = ""
    engine: str = ""
    registry: str = ""
    registry_user: str = ""
    data: list[str] = field(default_factory=list)
    # What a train may use (run_limits.py); for the numbers, 0 or None means no limit.
    memory_mib: int | None = DEFAULT_MEMORY_MIB
    cpus: float | None = None
    wall_clock_seconds: int = 3600
    pids_limit: int = DEFAULT_PIDS
    disk_mib: int = DEFAULT_DISK_MIB
    results_mib: int = DEFAULT_RESULTS_MIB
    run_as_user: str = DEFAULT_USER  # "UID:GID", or "image" for the image's own user
    allowed_master_images: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, settings: Settings) -> StationSettings:
        raw = settings.get("station", check=_station_value) or {}
        return cls(**{k: v for k, v in raw.items() if k in cls.__dataclass_fields__})

    def save(self, settings: Settings) -> None:
        # An empty value is left out, unless its default is not empty: a memory limit switched
        # off (None) must not come back as the default limit on the next load.
        settings.set("station", {k: v for k, v in self.__dict__.items() if not _left_out(k, v)})

    def limits(self) -> RunLimits:
        return RunLimits(
            memory_mib=_limit(self.memory_mib),
            cpus=self.cpus or None,
            wall_clock_seconds=self.wall_clock_seconds,
            pids=_limit(self.pids_limit),
            disk_mib=_limit(self.disk_mib),
            results_mib=_limit(self.results_mib),
            user=self.run_as_user,
        )

    def data_folders(self) -> list[Path]:
        return [Path(p) for p in self.data]

    def credentials(self, store: KeyStore) -> RegistryCredentials | None:
        from desktop_app.core.station.registry import RegistryCredentials

        password = store.get_secret(REGISTRY_SECRET) if self.registry_user else None
        # Tied to the configured registry: a reference to any other host gets no credentials.
        return RegistryCredentials(self.registry, self.registry_user, password) if password else None


def _limit(value: int | None) -> int | None:
    return value if value and value > 0 else None


def _left_out(name: str, value: Any) -> bool:
    default = StationSettings.__dataclass_fields__[name].default
    default = [] if default is MISSING else default  # the lists' default_factory
    return value in (None, "", []) and default in (None, "", [])


def _user_value(value: Any) -> str | None:
    if not isinstance(value, str):
        return _("is not text")
    try:
        parse_user(value)
    except ValueError:
        return _("is not UID:GID or image")
    return None


# The shape `station` must have in settings; a value of another type means the file is damaged.
_station_value = fields_value(
    {
        **dict.fromkeys(("station_id", "key_name", "engine", "registry", "registry_user"), text_value),
        "data": text_list_value,
        "allowed_master_images": text_list_value,
        "memory_mib": optional_whole_number_value,
        "cpus": optional_number_value,
        "wall_clock_seconds": whole_number_value,
        **dict.fromkeys(("pids_limit", "disk_mib", "results_mib"), whole_number_value),
        "run_as_user": _user_value,
    }
)
