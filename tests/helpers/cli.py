"""Running the real `pht-desktop` entry point in a subprocess, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ENTRY_POINT = Path(sys.executable).parent / "pht-desktop"


def run_cli(*args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120):
    """Run `pht-desktop ARGS` with the test's PHT_DESKTOP_HOME; returns the CompletedProcess."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [str(ENTRY_POINT), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )
