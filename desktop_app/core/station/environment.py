"""Is this computer ready to run trains? One line per thing a run needs, each with what to do.

The Station tab shows these before the first run, so that a missing engine or an unreadable
data folder is found by a look, not by a failed run."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.i18n import _
from desktop_app.core.station.settings import StationSettings


@dataclass(frozen=True)
class EnvironmentCheck:
    what: str  # "Container engine", "Registry", …
    ok: bool
    detail: str  # what was found, or what is wrong
    fix: str = ""  # what to do about it, in words for any front
    remedy: Remedy = Remedy.NONE


def check_engine(settings: StationSettings) -> EnvironmentCheck:
    from desktop_app.core.station.engine import connect  # the engine's SDK loads only here

    try:
        client = connect(settings.engine or None, timeout=10)
    except PHTError as exc:
        return EnvironmentCheck(
            _("Container engine"),
            False,
            str(exc),
            _("Start Docker, or Podman's Docker-API service."),
            Remedy.START_ENGINE,
        )
    try:
        version = client.version()
        name = next((c.get("Name", "") for c in version.get("Components", []) if "Engine" in c.get("Name", "")), "")
        found = _("{name} {version} at {url}").format(
            name=name or _("engine"), version=version.get("Version", ""), url=client.pht_url
        )
    finally:
        client.close()
    return EnvironmentCheck(_("Container engine"), True, found)


def check_registry(settings: StationSettings) -> EnvironmentCheck:
    if not settings.registry:
        return EnvironmentCheck(_("Registry"), True, _("none set: images are named with their registry in full"))
    host = settings.registry.split("/", 1)[0]
    for scheme in ("https", "http"):
        try:
            answer = httpx.get(f"{scheme}://{host}/v2/", timeout=5, follow_redirects=False)
        except httpx.HTTPError:
            continue
        if answer.status_code in (200, 401):  # 401: it is a registry, and it wants the credentials
            return EnvironmentCheck(
                _("Registry"),
                True,
                _("{host} answers ({scheme}, status {status_code})").format(
                    host=host, scheme=scheme, status_code=answer.status_code
                ),
            )
    return EnvironmentCheck(
        _("Registry"),
        False,
        _("{host} does not answer as a container registry").format(host=host),
        _("Check the registry's address."),
    )


def check_key(settings: StationSettings, key_names: set[str]) -> EnvironmentCheck:
    if not settings.key_name:
        return EnvironmentCheck(_("Station key"), False, _("no station key chosen"), _("Choose the station's RSA key."))
    if settings.key_name not in key_names:
        return EnvironmentCheck(
            _("Station key"),
            False,
            _("the key {key_name} is not in this profile").format(key_name=settings.key_name),
            _("Import the station's key."),
        )
    return EnvironmentCheck(_("Station key"), True, settings.key_name)


def check_data(settings: StationSettings) -> EnvironmentCheck:
    problems = []
    for folder in settings.data_folders():
        if not folder.is_dir():
            problems.append(_("{folder} does not exist").format(folder=folder))
        elif not os.access(folder, os.R_OK | os.X_OK):
            problems.append(_("{folder} is not readable").format(folder=folder))
    if problems:
        return EnvironmentCheck(_("Data folders"), False, "; ".join(problems), _("Fix the folders, or the setting."))
    if not settings.data:
        return EnvironmentCheck(_("Data folders"), True, _("none: trains get no data mounted"))
    return EnvironmentCheck(_("Data folders"), True, ", ".join(str(Path(p)) for p in settings.data))


def check_environment(settings: StationSettings, key_names: set[str]) -> list[EnvironmentCheck]:
    """Every check, in the order a run needs them; none raises."""
    return [check_engine(settings), check_registry(settings), check_key(settings, key_names), check_data(settings)]
