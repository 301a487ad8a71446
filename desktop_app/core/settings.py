"""Per-profile settings: a small JSON document, written atomically. Never holds a secret."""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from desktop_app.core.errors import PHTError
from desktop_app.core.paths import AppPaths


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


class Settings:
    """Dotted-key access to the profile's settings file (`"station.registry_url"`)."""

    def __init__(self, paths: AppPaths) -> None:
        self._file = paths.settings_file
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        try:
            return json.loads(self._file.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SettingsError(f"The settings file {self._file} cannot be read: {exc}") from exc

    def get(self, key: str, default: Any = None) -> Any:
        node: Any = self._load()
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, key: str, value: Any) -> None:
        with self._lock:
            data = self._load()
            node = data
            *parents, last = key.split(".")
            for part in parents:
                node = node.setdefault(part, {})
            if value is None:
                node.pop(last, None)
            else:
                node[last] = value
            try:
                write_atomically(self._file, json.dumps(data, indent=2, sort_keys=True).encode())
            except OSError as exc:
                raise SettingsError(f"The settings could not be saved to {self._file}: {exc}") from exc
