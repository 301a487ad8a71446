"""Where settings and data live.

`PHT_DESKTOP_HOME` moves everything (tests and portable installs use it); otherwise the
platform's user directories from `platformdirs`. Each profile has its own folder so that
its keys, index and settings are kept apart.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_app.core.errors import UsageError
from desktop_app.core.i18n import _

HOME_ENV = "PHT_DESKTOP_HOME"
DEFAULT_PROFILE = "default"
_PROFILE_RE = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


@dataclass(frozen=True)
class AppPaths:
    """The folders of one profile."""

    profile: str
    config_dir: Path
    data_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @classmethod
    def for_profile(cls, profile: str = DEFAULT_PROFILE) -> AppPaths:
        if not _PROFILE_RE.match(profile) or profile in {".", ".."}:
            raise UsageError(
                _("Profile name {profile!r} is not valid: use 1–64 letters, digits, '-', '_' or '.'.").format(
                    profile=profile
                )
            )
        home = os.environ.get(HOME_ENV)
        if home:
            root = Path(home).expanduser()
            config_root, data_root = root / "config", root / "data"
        else:
            config_root = Path(platformdirs.user_config_dir("pht-desktop", appauthor=False))
            data_root = Path(platformdirs.user_data_dir("pht-desktop", appauthor=False))
        return cls(profile, config_root / profile, data_root / profile)

    def ensure(self) -> AppPaths:
        """Create the folders (owner-only on POSIX) and return self."""
        for folder in (self.config_dir, self.data_dir):
            folder.mkdir(parents=True, exist_ok=True)
            if os.name == "posix":
                folder.chmod(0o700)
        return self


def safe_file_name(value: str, fallback: str = "download") -> str:
    """A value from outside (a server's train id, say) reduced to one harmless file name:
    letters, digits, '-', '_' and inner dots only, so it can never leave its folder."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", value).strip("._-")[:100]
    return name or fallback
