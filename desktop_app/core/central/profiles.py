"""Server profiles: a name, the API URL, the auth URL and an optional CA bundle. Several may
exist (production, test, the local demo), one is active. Kept in settings; never a secret."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.keys.names import validate_key_name
from desktop_app.core.settings import (
    Settings,
    fields_value,
    flag_value,
    optional_text_value,
    text_value,
)

SERVERS, ACTIVE = "central.servers", "central.active"


@dataclass(frozen=True)
class ServerProfile:
    name: str
    api_url: str
    auth_url: str
    ca_bundle: str | None = None
    demo: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} (local demo)" if self.demo else self.name

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict) -> ServerProfile:
        """From settings; fields a newer version may have added are left out."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})


_profile_value = fields_value(
    {
        "name": text_value,
        "api_url": text_value,
        "auth_url": text_value,
        "ca_bundle": optional_text_value,
        "demo": flag_value,
    },
    required=("name", "api_url", "auth_url"),
)


def _servers_value(value: Any) -> str | None:
    """The shape `central.servers` must have in settings: profile name → profile."""
    if not isinstance(value, dict):
        return "is not a table of server profiles"
    for raw in value.values():
        problem = _profile_value(raw)
        if problem:
            return f"holds a server profile that {problem}"
    return None


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"The {what} {url!r} is not an http(s) URL.")
    return url.rstrip("/")


class ServerProfiles:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def _servers(self) -> dict[str, dict]:
        return self.settings.get(SERVERS, check=_servers_value) or {}

    def all(self) -> list[ServerProfile]:
        return [ServerProfile.from_json(raw) for raw in self._servers().values()]

    def get(self, name: str) -> ServerProfile:
        raw = self._servers().get(name)
        if raw is None:
            known = ", ".join(p.name for p in self.all()) or "none"
            raise UsageError(f"There is no server profile {name!r} (profiles: {known}).")
        return ServerProfile.from_json(raw)

    def add(
        self, name: str, api_url: str, auth_url: str, ca_bundle: str | None = None, demo: bool = False
    ) -> ServerProfile:
        validate_key_name(name)
        if ca_bundle and not Path(ca_bundle).is_file():
            raise UsageError(f"The CA bundle {ca_bundle} does not exist.")
        profile = ServerProfile(
            name,
            _check_url(api_url, "API URL"),
            _check_url(auth_url, "auth URL"),
            str(Path(ca_bundle).resolve()) if ca_bundle else None,
            demo,
        )
        servers = dict(self._servers())
        servers[name] = profile.to_json()
        self.settings.set(SERVERS, servers)
        if not self.settings.get(ACTIVE, check=text_value):
            self.settings.set(ACTIVE, name)
        return profile

    def use(self, name: str) -> ServerProfile:
        profile = self.get(name)
        self.settings.set(ACTIVE, name)
        return profile

    def active(self) -> ServerProfile:
        name = self.settings.get(ACTIVE, check=text_value)
        if not name:
            raise UsageError("No central server is configured yet.", remedy=Remedy.ADD_SERVER)
        return self.get(name)

    def remove(self, name: str) -> None:
        """Forget a profile (its session in the keyring is the caller's to forget); if it was
        active, another one (or none) becomes active."""
        servers = dict(self._servers())
        if servers.pop(name, None) is None:
            return
        self.settings.set(SERVERS, servers)
        if self.settings.get(ACTIVE, check=text_value) == name:
            self.settings.set(ACTIVE, next(iter(servers), None))
