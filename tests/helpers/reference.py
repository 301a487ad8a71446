"""The reference station library (train_lib 2.0.5) as an oracle, run in its own venv.

It pins pydantic 1, so it never shares our interpreter: a snippet runs in
`$PHT_REFERENCE_PYTHON` with a JSON document on stdin and prints a JSON answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path
from typing import Any

from tests.conftest import require

DEFAULT_REFERENCE_PYTHON = Path(__file__).resolve().parents[2] / ".refvenv" / "bin" / "python"


def reference_python() -> Path:
    path = Path(os.environ.get("PHT_REFERENCE_PYTHON", DEFAULT_REFERENCE_PYTHON))
    require(path.exists(), f"the reference library's venv is missing ({path}); run `make test`")
    return path


def run_reference(snippet: str, payload: Any = None, timeout: float = 300, env: dict | None = None) -> Any:
    """Run `snippet` (which reads `data` and sets `result`) under the reference library."""
    program = (
        "import json, sys\n"
        "data = json.load(sys.stdin)\n"
        "result = None\n" + textwrap.dedent(snippet) + "\nprint('@@RESULT@@' + json.dumps(result))\n"
    )
    completed = subprocess.run(
        [str(reference_python()), "-c", program],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "LOGURU_LEVEL": "WARNING", **(env or {})},
        check=False,
    )
    if completed.returncode != 0:
        raise AssertionError(f"reference snippet failed:\n{completed.stderr[-3000:]}")
    marker = completed.stdout.rsplit("@@RESULT@@", 1)[-1]
    return json.loads(marker)
