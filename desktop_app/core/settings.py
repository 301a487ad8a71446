"""Per-profile settings: a small JSON document, written atomically. Never holds a secret.

A settings file that cannot be used (not JSON, not an object, a section of the wrong shape) is
moved aside by `core.state_files` and the settings start again from defaults; each reader
states the shape it expects with `get(key, check=...)` (see the `*_value` checks below).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop_app.core import state_files
from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.paths import AppPaths

Check = Callable[[Any], str | None]  # why a value is unusable ("is not text"), or None


class SettingsError(PHTError):
    """The settings file cannot be read or written."""


def write_atomically(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    A crash or a full disk leaves the previous file intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- checks of a setting's shape, for `Settings.get(key, check=...)` ----------------------


def text_value(value: Any) -> str | None:
    return None if isinstance(value, str) else _("is not text")


def optional_text_value(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else _("is not text")


def flag_value(value: Any) -> str | None:
    return None if isinstance(value, bool) else _("is not true or false")


def whole_number_value(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else _("is not a whole number")


def optional_whole_number_value(value: Any) -> str | None:
    return None if value is None else whole_number_value(value)


def optional_number_value(value: Any) -> str | None:
    ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    return None if ok else _("is not a number")


def text_list_value(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return None if ok else _("is not a list of texts")


def fields_value(fields: Mapping[str, Check], required: tuple[str, ...] = ()) -> Check:
    """A check for an object whose known fields have these checks (unknown fields are allowed)."""

    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return _("is not an object")
        for name in required:
            if name not in value:
                return _("lacks {name}").format(name=name)
        for name, field_check in fields.items():
            problem = field_check(value[name]) if name in value else None
            if problem:
                return _("has a {name} that {problem}").format(name=name, problem=problem)
        return None

    return check


def _settings_document(document: Any) -> str | None:
    return None if isinstance(document, dict) else _("not a JSON object")


def _section(data: dict[str, Any], parents: list[str]) -> dict[str, Any] | str:
    """The object at `parents` inside `data`, created where missing; or the dotted key of a
    value on the way that is not an object."""
    node = data
    for depth, part in enumerate(parents, 1):
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            return ".".join(parents[:depth])
        node = child
    return node


class Settings:
    """Dotted-key access to the profile's settings file (`"station.registry_url"`)."""

    def __init__(self, paths: AppPaths) -> None:
        self._file = paths.settings_file
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        document = state_files.load_json_or_recover(
            self._file, _settings_document, outcome=_("the settings start again from defaults")
        )
        return document if document is not None else {}

    def get(self, key: str, default: Any = None, *, check: Check | None = None) -> Any:
        """The value at `key`, or `default`; a value failing `check` means the file is damaged:
        it is moved aside (see `core.state_files`) and `default` is returned."""
        node: Any = self._load()
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        problem = check(node) if check is not None else None
        if problem:
            state_files.move_aside(self._file, f"{key} {problem}", outcome=_("the settings start again from defaults"))
            return default
        return node

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            data = self._load()
            *parents, last = key.split(".")
            node = _section(data, parents)
            if isinstance(node, str):  # a section on the way is not an object: the file is damaged
                state_files.move_aside(
                    self._file,
                    _("{node} is not an object").format(node=node),
                    outcome=_("the settings start again from defaults"),
                )
                data = {}
                node = _section(data, parents)
                assert isinstance(node, dict)
            if value is None:
                node.pop(last, None)
            else:
                node[last] = value
            try:
                write_atomically(self._file, json.dumps(data, indent=2, sort_keys=True).encode())
            except OSError as exc:
                raise SettingsError(
                    _("The settings could not be saved to {file}: {exc}").format(file=self._file, exc=exc)
                ) from exc
