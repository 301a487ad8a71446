"""packaging/check_sbom.py, the smoke test's judge of the SBOM: it passes a document that matches
the lock and fails one that misses a key package, names another version, or is no CycloneDX.

The script is run as the smoke test runs it (a subprocess), on SBOMs written here in the shape
cyclonedx-py gives (the real one is made and checked by `make package`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCK = """cryptography==50.0.2 \\
    --hash=sha256:00
httpx==0.28.1 \\
    --hash=sha256:00
keyring==25.7.0 \\
    --hash=sha256:00
pyside6-essentials==6.12.0 ; python_full_version >= '3.11' \\
    --hash=sha256:00
shiboken6==6.12.0 \\
    --hash=sha256:00
truststore==0.10.5 \\
    --hash=sha256:00
"""
COMPONENTS = {
    "PySide6_Essentials": "6.12.0",  # cyclonedx-py keeps the distribution's own spelling
    "shiboken6": "6.12.0",
    "cryptography": "50.0.2",
    "keyring": "25.7.0",
    "httpx": "0.28.1",
    "truststore": "0.10.5",
    "pip": "23.2.1",  # the venv's own pip: not in the lock, so not compared
}


def sbom(components: dict[str, str], main: str = "pht-desktop", version: str = "1.2.3") -> dict:
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "metadata": {"component": {"type": "application", "name": main, "version": version}},
        "components": [{"type": "library", "name": n, "version": v} for n, v in components.items()],
    }


def check(tmp_path: Path, document: object) -> subprocess.CompletedProcess:
    (tmp_path / "sbom.cdx.json").write_text(json.dumps(document))
    (tmp_path / "frozen.lock").write_text(LOCK)
    return subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_sbom.py"), "sbom.cdx.json", "frozen.lock", "1.2.3"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_an_sbom_of_the_locked_environment_passes(tmp_path: Path) -> None:
    done = check(tmp_path, sbom(COMPONENTS))
    assert done.returncode == 0, done.stderr
    assert "7 components, matches the lock" in done.stdout


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (sbom({k: v for k, v in COMPONENTS.items() if k != "keyring"}), "does not name keyring"),
        (sbom({k: v for k, v in COMPONENTS.items() if k != "PySide6_Essentials"}), "does not name PySide6-Essentials"),
        (sbom({**COMPONENTS, "httpx": "0.27.0"}), "names httpx 0.27.0, but the lock pins 0.28.1"),
        (sbom(COMPONENTS, version="1.2.4"), "not pht-desktop 1.2.3"),
        (sbom(COMPONENTS, main="something-else"), "not pht-desktop 1.2.3"),
        ({"spdxVersion": "SPDX-2.3"}, "not a CycloneDX JSON document"),
    ],
)
def test_a_wrong_sbom_fails_with_its_reason(tmp_path: Path, document: object, says: str) -> None:
    done = check(tmp_path, document)
    assert done.returncode == 1
    assert says in done.stderr


def test_a_file_that_is_not_json_fails(tmp_path: Path) -> None:
    (tmp_path / "sbom.cdx.json").write_text("<bom/>")
    (tmp_path / "frozen.lock").write_text(LOCK)
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_sbom.py"), "sbom.cdx.json", "frozen.lock", "1.2.3"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "cannot be read as JSON" in done.stderr
