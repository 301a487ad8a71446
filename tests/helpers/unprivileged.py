"""Running a snippet of core code where file permissions really apply.

Tests may run as root, and root reads and renames whatever the modes say (chmod 000 does not
stop it): its capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH bypass them. As root, the
snippet therefore runs in a subprocess under util-linux `setpriv` with those two capabilities
dropped, so the modes bind it like any user; as anyone else it simply runs in a subprocess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import require

DROP = "-dac_override,-dac_read_search"


def run_without_override(code: str, home: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        require(setpriv is not None, "util-linux setpriv is needed to test permissions as root")
        command = [str(setpriv), "--bounding-set", DROP, "--inh-caps", DROP, *command]
    return subprocess.run(
        command,
        env={**os.environ, "PHT_DESKTOP_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=home,
    )
