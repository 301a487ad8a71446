"""Test-wide fixtures: every test gets its own PHT_DESKTOP_HOME, never a real profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"


def require(condition: bool, reason: str) -> None:
    """Skip on a developer's laptop, fail loudly in CI, when a real component is missing."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required test component missing in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def pht_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "pht-home"
    home.mkdir()
    monkeypatch.setenv("PHT_DESKTOP_HOME", str(home))
    return home
