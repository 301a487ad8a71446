"""Compile the translations: Qt's `.ts` sources (the GUI's words) into `.qm` with
pyside6-lrelease, and gettext `.po` catalogues (the core's sentences) into `.mo` with Babel.
The compiled files are build products (not in git): `make test`, `make run` and the
installer build run this first.

Usage: python scripts/build_translations.py [--update]
  --update  first refresh the sources from the code (pyside6-lupdate for the GUI, Babel's
            extractor for `_()` in core) so new strings appear, untranslated, in them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages import frontend

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "desktop_app" / "locale"
DOMAIN = "pht_desktop"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        sys.exit(f"build_translations: {name} not found (it comes with PySide6)")
    return found


def update_sources() -> None:
    gui_sources = sorted(str(p) for p in (ROOT / "desktop_app" / "gui").rglob("*.py"))
    for ts in sorted(LOCALE.glob("*.ts")):
        # No <location> lines: they change with every edit elsewhere and make merges conflict.
        lupdate = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
        subprocess.run([*lupdate, *gui_sources, "-ts", str(ts)], check=True)
    template = LOCALE / f"{DOMAIN}.pot"
    frontend.CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-k",
            "_",
            "-k",
            "N_",
            "--no-location",
            "-o",
            str(template),
            str(ROOT / "desktop_app" / "core"),
        ]
    )
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        language = po.parent.parent.name
        frontend.CommandLineInterface().run(
            [
                "pybabel",
                "-q",
                "update",
                "--no-fuzzy-matching",
                "-i",
                str(template),
                "-d",
                str(LOCALE),
                "-D",
                DOMAIN,
                "-l",
                language,
            ]
        )


def compile_all() -> None:
    for ts in sorted(LOCALE.glob("*.ts")):
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    for po in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        frontend.CommandLineInterface().run(
            ["pybabel", "-q", "compile", "-i", str(po), "-o", str(po.with_suffix(".mo"))]
        )


if __name__ == "__main__":
    if "--update" in sys.argv[1:]:
        update_sources()
    compile_all()
