"""Server profiles: a name, the kind of network, its URLs and an optional CA bundle. Several may
exist (production, test, the local demo), one is active. Kept in settings; never a secret.

The kinds (see NETWORKS.md): PHT central (API + auth URL), a FLAME hub (core = `api_url`, auth,
and `storage_url`) and a PHEMS Federated Node (one URL; `project` is sent as the `project-name`
header by users who are not admins).

Plain `http://` sends passwords and tokens in clear: it is accepted for loopback addresses (a
server on this computer, the demo hub) and otherwise only when the profile says `insecure`,
which the user must ask for. The client checks this again, as settings can be edited by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.i18n import _
from desktop_app.core.keys.names import validate_key_name
from desktop_app.core.net import is_loopback
from desktop_app.core.settings import (
    Settings,
    fields_value,
    flag_value,
    optional_text_value,
    text_value,
)

SERVERS, ACTIVE = "central.servers", "central.active"


class ServerKind(StrEnum):
    PHT_CENTRAL = "pht-central"
    FLAME = "flame"
    FEDERATED_NODE = "federated-node"


@dataclass(frozen=True)
class ServerProfile:
    name: str
    api_url: str
    auth_url: str
    ca_bundle: str | None = None
    demo: bool = False
    insecure: bool = False  # plain http to a host that is not loopback was knowingly accepted
    kind: ServerKind = ServerKind.PHT_CENTRAL
    storage_url: str | None = None  # FLAME only
    project: str | None = None  # Federated Node only: the approved data-access request

    @property
    def urls(self) -> tuple[str, ...]:
        return tuple(url for url in (self.api_url, self.auth_url, self.storage_url) if url)

    @property
    def label(self) -> str:
        return _("{name} (local demo)").format(name=self.name) if self.demo else self.name

    @property
    def in_clear(self) -> bool:
        """Whether passwords and tokens travel unencrypted to another computer."""
        return any(_in_clear(url) for url in self.urls)

    def check_transport(self) -> None:
        """Refuse plain http to another computer unless the profile knowingly accepts it."""
        if not self.insecure:
            _check_transport(self.api_url, _("API URL"))
            _check_transport(self.auth_url, _("auth URL"))
            if self.storage_url:
                _check_transport(self.storage_url, _("storage URL"))

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, raw: dict) -> ServerProfile:
        """From settings; fields a newer version may have added are left out."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        values["kind"] = ServerKind(values.get("kind") or ServerKind.PHT_CENTRAL)
        return cls(**values)


def _kind_value(value: Any) -> str | None:
    if value in (None, *ServerKind.__members__.values()):
        return None
    return _("has an unknown kind {value!r}").format(value=value)


_profile_value = fields_value(
    {
        "name": text_value,
        "api_url": text_value,
        "auth_url": text_value,
        "ca_bundle": optional_text_value,
        "demo": flag_value,
        "insecure": flag_value,
        "kind": _kind_value,
        "storage_url": optional_text_value,
        "project": optional_text_value,
    },
    required=("name", "api_url", "auth_url"),
)


def _servers_value(value: Any) -> str | None:
    """The shape `central.servers` must have in settings: profile name → profile."""
    if not isinstance(value, dict):
        return _("is not a table of server profiles")
    for raw in value.values():
        problem = _profile_value(raw)
        if problem:
            return _("holds a server profile that {problem}").format(problem=problem)
    return None


def _check_url(url: str, what: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(_("The {what} {url!r} is not an http(s) URL.").format(what=what, url=url))
    return url.rstrip("/")


def _in_clear(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "http" and not is_loopback(parts.hostname)


def _check_transport(url: str, what: str) -> None:
    if _in_clear(url):
        raise UsageError(
            _("The {what} {url} uses plain http: passwords and tokens would travel unencrypted.").format(
                what=what, url=url
            ),
            remedy=Remedy.USE_HTTPS,
        )


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
            known = ", ".join(p.name for p in self.all()) or _("none")
            raise UsageError(
                _("There is no server profile {name!r} (profiles: {known}).").format(name=name, known=known)
            )
        return ServerProfile.from_json(raw)

    def add(
        self,
        name: str,
        api_url: str,
        auth_url: str,
        ca_bundle: str | None = None,
        demo: bool = False,
        insecure: bool = False,
        kind: ServerKind = ServerKind.PHT_CENTRAL,
        storage_url: str | None = None,
        project: str | None = None,
    ) -> ServerProfile:
        """Add (or replace) a profile; plain http to another computer only with `insecure`.
        A Federated Node has one URL: its auth URL is its API URL."""
        validate_key_name(name)
        if ca_bundle and not Path(ca_bundle).is_file():
            raise UsageError(_("The CA bundle {ca_bundle} does not exist.").format(ca_bundle=ca_bundle))
        if kind == ServerKind.FLAME and not storage_url:
            raise UsageError(_("A FLAME hub needs its storage URL as well."))
        profile = ServerProfile(
            name,
            _check_url(api_url, _("API URL")),
            _check_url(auth_url, _("auth URL")),
            str(Path(ca_bundle).resolve()) if ca_bundle else None,
            demo,
            kind=ServerKind(kind),
            storage_url=_check_url(storage_url, _("storage URL")) if storage_url else None,
            project=project or None,
        )
        if not insecure:
            profile.check_transport()
        # Kept only where it matters: a profile over https or to loopback is not marked insecure.
        profile = replace(profile, insecure=insecure and profile.in_clear)
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
            raise UsageError(_("No central server is configured yet."), remedy=Remedy.ADD_SERVER)
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
