"""A `run_train` run's `conf`, as the reference station's UI and scripts send it:

    {"repository": "harbor.example/station_1/5f1c…", "tag": "latest",
     "env": {"NAME": "value"}, "volumes": {"/host/folder": {"bind": "/opt/train_data", "mode": "ro"}}}

Read into what the runner takes, every value checked: a mount is read-only (a train never
writes to station data), never onto the train's own folders, and, when the station names
folders that may be mounted (`data_roots`), only from inside one of them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from desktop_app.core.station.errors import StationError

ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# The train's folders, which the pre-run and post-run read and write: no mount may cover them.
TRAIN_FOLDERS = ("/opt/pht_train", "/opt/pht_results", "/opt/train_config.json", "/opt/user_sym_key.key")


@dataclass(frozen=True)
class RunRequest:
    reference: str
    environment: tuple[tuple[str, str], ...] = ()
    binds: tuple[tuple[str, str], ...] = ()


class ConfRefused(StationError):
    """The run's conf cannot be run as it is: trying again will not help."""


def _refuse(sentence: str) -> ConfRefused:
    return ConfRefused(f"The run's conf was refused: {sentence}")


def read_conf(conf: dict | None, data_roots: list[Path] | None = None) -> RunRequest:
    conf = conf or {}
    if not isinstance(conf, dict):
        raise _refuse("it is not a JSON object.")
    repository, tag = conf.get("repository"), conf.get("tag") or "latest"
    if not isinstance(repository, str) or not repository.strip():
        raise _refuse('it names no "repository" (the train image, without its tag).')
    if not isinstance(tag, str) or not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}", tag):
        raise _refuse(f'"tag" is not an image tag: {tag!r}.')
    repository = repository.strip()
    if ":" in repository.rpartition("/")[2] or "@" in repository:
        raise _refuse(f'"repository" must not carry a tag or digest ({repository}); "tag" gives it.')
    return RunRequest(f"{repository}:{tag}", _environment(conf.get("env")), _binds(conf.get("volumes"), data_roots))


def _environment(raw) -> tuple[tuple[str, str], ...]:
    if raw in (None, {}, []):
        return ()
    if not isinstance(raw, dict):
        raise _refuse('"env" is not an object of NAME: value.')
    pairs = []
    for name, value in raw.items():
        if not ENV_NAME.fullmatch(name):
            raise _refuse(f'"env" has a name that is not an environment variable name: {name!r}.')
        if isinstance(value, dict | list):
            raise _refuse(f'"env" gives {name} a value that is not text or a number.')
        pairs.append((name, "" if value is None else str(value)))
    return tuple(pairs)


def _binds(raw, data_roots: list[Path] | None) -> tuple[tuple[str, str], ...]:
    if raw in (None, {}, []):
        return ()
    if not isinstance(raw, dict):
        raise _refuse('"volumes" is not an object of host folder: {"bind": path, "mode": "ro"}.')
    pairs = []
    for host, spec in raw.items():
        bind, mode = (spec.get("bind"), spec.get("mode", "ro")) if isinstance(spec, dict) else (spec, "ro")
        if mode != "ro":
            raise _refuse(f"{host} would be mounted {mode!r}; station data is only ever mounted read-only (ro).")
        pairs.append((_host_path(host, data_roots), _bind_path(host, bind)))
    return tuple(pairs)


def _host_path(host, data_roots: list[Path] | None) -> str:
    if not isinstance(host, str) or not host.startswith("/"):
        raise _refuse(f"the volume {host!r} is not an absolute path on the station.")
    path = Path(host).resolve()
    if not path.exists():
        raise _refuse(f"the volume {host} does not exist on the station.")
    if data_roots is not None and not any(path.is_relative_to(root.resolve()) for root in data_roots):
        allowed = ", ".join(str(r) for r in data_roots) or "none"
        raise _refuse(f"{host} is outside the folders this station lets a train read ({allowed}).")
    return str(path)


def _bind_path(host: str, bind) -> str:
    if not isinstance(bind, str) or not bind.startswith("/"):
        raise _refuse(f'the volume {host} has no absolute "bind" path inside the train.')
    inside = posixpath.normpath(bind)
    for folder in TRAIN_FOLDERS:
        if PurePosixPath(inside).is_relative_to(folder) or PurePosixPath(folder).is_relative_to(inside):
            raise _refuse(f"the volume {host} would be mounted over the train's own {folder}.")
    return inside
