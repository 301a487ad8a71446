"""Checks the CycloneDX SBOM that `make package` writes next to the installers.

Usage: python3 packaging/check_sbom.py dist/pht-desktop-<version>-sbom.cdx.json requirements/frozen.lock VERSION

The SBOM must be a CycloneDX JSON document whose main component is pht-desktop at VERSION, must
name the packages the app cannot run without (the GUI toolkit, the cryptography, the keyring,
the HTTP client), and every component it names that the lock pins must carry the locked version:
an SBOM of some other environment than the one frozen from the lock fails here. Only the
standard library is used, so the smoke test can run it with any Python 3.11+.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

KEY_PACKAGES = ("PySide6-Essentials", "shiboken6", "cryptography", "keyring", "httpx", "truststore")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def normalized(name: str) -> str:
    """The package name as PyPI compares names (PEP 503): case and runs of -_. do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock_text: str) -> dict[str, str]:
    return {normalized(name): version for name, version in PIN.findall(lock_text)}


def problems(sbom: object, lock_text: str, version: str) -> list[str]:
    """Everything wrong with `sbom`, one sentence each; empty when it is fine."""
    if not isinstance(sbom, dict) or sbom.get("bomFormat") != "CycloneDX":
        return ["the file is not a CycloneDX JSON document"]
    found: list[str] = []
    main = (sbom.get("metadata") or {}).get("component") or {}
    if normalized(str(main.get("name", ""))) != "pht-desktop" or main.get("version") != version:
        found.append(f"its main component is {main.get('name')!r} {main.get('version')!r}, not pht-desktop {version}")
    components = {
        normalized(str(c.get("name", ""))): str(c.get("version", ""))
        for c in sbom.get("components") or []
        if isinstance(c, dict)
    }
    for name in KEY_PACKAGES:
        if normalized(name) not in components:
            found.append(f"it does not name {name}")
    pins = locked_versions(lock_text)
    for name, got in sorted(components.items()):
        if name in pins and pins[name] != got:
            found.append(f"it names {name} {got}, but the lock pins {pins[name]}")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    sbom_path, lock_path, version = Path(argv[0]), Path(argv[1]), argv[2]
    try:
        sbom = json.loads(sbom_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{sbom_path}: cannot be read as JSON ({exc})", file=sys.stderr)
        return 1
    found = problems(sbom, lock_path.read_text(encoding="utf-8"), version)
    for problem in found:
        print(f"{sbom_path}: {problem}", file=sys.stderr)
    if not found:
        count = len(sbom.get("components") or [])
        print(f"{sbom_path.name}: CycloneDX {sbom.get('specVersion')}, {count} components, matches the lock")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
