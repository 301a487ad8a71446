"""The station's settings (under `station.*`; the registry password lives in the keyring)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.settings import (
    Settings,
    fields_value,
    optional_number_value,
    optional_whole_number_value,
    text_list_value,
    text_value,
    whole_number_value,
)

if TYPE_CHECKING:  # the engine's SDK loads with the runner, not with the settings
    from desktop_app.core.keystore import KeyStore
    from desktop_app.core.station.container_run import RunLimits
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
    memory_mib: int | None = None
    cpus: float | None = None
    wall_clock_seconds: int = 3600
    allowed_master_images: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, settings: Settings) -> StationSettings:
        raw = settings.get("station", check=_station_value) or {}
        return cls(**{k: v for k, v in raw.items() if k in cls.__dataclass_fields__})

    def save(self, settings: Settings) -> None:
        settings.set("station", {k: v for k, v in self.__dict__.items() if v not in (None, "", [])})

    def limits(self) -> RunLimits:
        from desktop_app.core.station.container_run import RunLimits

        return RunLimits(self.memory_mib, self.cpus, self.wall_clock_seconds)

    def data_folders(self) -> list[Path]:
        return [Path(p) for p in self.data]

    def credentials(self, store: KeyStore) -> RegistryCredentials | None:
        from desktop_app.core.station.registry import RegistryCredentials

        password = store.get_secret(REGISTRY_SECRET) if self.registry_user else None
        # Tied to the configured registry: a reference to any other host gets no credentials.
        return RegistryCredentials(self.registry, self.registry_user, password) if password else None


# The shape `station` must have in settings; a value of another type means the file is damaged.
_station_value = fields_value(
    {
        **dict.fromkeys(("station_id", "key_name", "engine", "registry", "registry_user"), text_value),
        "data": text_list_value,
        "allowed_master_images": text_list_value,
        "memory_mib": optional_whole_number_value,
        "cpus": optional_number_value,
        "wall_clock_seconds": whole_number_value,
    }
)
