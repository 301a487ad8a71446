"""The smoke test of a built bundle for Windows and macOS runners (Linux uses smoke_test.sh,
which also waits for the real X window). Same steps: version, a key in the platform's own
keyring, decrypting and verifying an archive made by the tests' code, and the GUI started
offscreen until it logs that its main window is shown, then closed.

    python packaging/smoke_test_portable.py BUNDLE_DIR
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run(exe: Path, *args: str, stdin: str = "", env: dict | None = None) -> str:
    done = subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )
    if done.returncode != 0:
        raise SystemExit(f"pht-desktop {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def main(bundle: Path) -> None:
    exe = bundle / ("pht-desktop.exe" if os.name == "nt" else "pht-desktop")
    work = Path(tempfile.mkdtemp(prefix="pht-smoke-"))
    env = {**os.environ, "PHT_DESKTOP_HOME": str(work / "home"), "PHT_DESKTOP_LOG": "info"}

    assert run(exe, "--version", env=env).strip() == f"pht-desktop {version('pht-desktop')}"
    run(
        exe,
        "keys",
        "generate",
        "smoke-key",
        "--type",
        "rsa-2048",
        "--passphrase-stdin",
        stdin="smoke lantern gravel 19\n",
        env=env,
    )
    assert json.loads(run(exe, "keys", "list", "--json", env=env))[0]["name"] == "smoke-key"
    assert "OS keyring" in run(exe, "keys", "storage", env=env)

    from cryptography.hazmat.primitives import serialization

    from tests.helpers.result_archives import build_archive

    public = serialization.load_pem_public_key(
        run(exe, "keys", "export", "smoke-key", "--public", env=env).encode()
    )
    built = build_archive(work / "archive", public, {"table.csv": b"site,n\nA,1\n"}, 2)
    report = work / "report.json"
    run(
        exe,
        "decrypt",
        str(built.path),
        "--out",
        str(work / "out"),
        "--passphrase-stdin",
        "--report",
        str(report),
        stdin="smoke lantern gravel 19\n",
        env=env,
    )
    assert json.loads(report.read_text())["status"] == "verified"

    start = time.monotonic()
    gui = subprocess.Popen(
        [str(exe)], env={**env, "QT_QPA_PLATFORM": "offscreen"}, stderr=subprocess.PIPE, text=True
    )
    assert gui.stderr is not None
    for line in gui.stderr:
        if "main window shown" in line:
            print(f"main window after {time.monotonic() - start:.2f} s")
            break
    else:
        raise SystemExit("the GUI exited before showing its main window")
    gui.terminate()
    gui.wait(timeout=30)
    print("smoke test passed")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
