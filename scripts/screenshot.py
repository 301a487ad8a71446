"""The README's and the docs' pictures, taken of the real main window (`make screenshots`).

Run: scripts/with-test-services env -u QT_QPA_PLATFORM xvfb-run -a .venv/bin/python \
     scripts/screenshot.py FOLDER

With only FOLDER, every set is made, each in a process of its own (a Qt application's scale,
palette and language are fixed when it starts):
  FOLDER/screenshot-welcome.png, screenshot-<tab>.png   English, the default light palette
  FOLDER/screenshot-dark-welcome.png                   a dark palette (PHT_DESKTOP_THEME=dark)
  FOLDER/screenshot-scale2-welcome.png                 200 % scaling (QT_SCALE_FACTOR=2)
  FOLDER/de/screenshot-welcome.png, screenshot-<tab>.png   German
One set alone: --language de|en, --theme dark|light, --scale N, --only welcome, --prefix NAME-.
Demo keys are generated in a throwaway home, so a change of the window changes the pictures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSPHRASE = "screenshot-harbor-71-quietly"
TABS = ("keys", "sign", "trains", "results", "station")
# Each set: (options, subfolder). The dark and scaled ones show the welcome page, where a
# first-time user looks; the German set is the whole English one again.
# Every set names its language: a run with options makes one set, never all of them again.
SETS: list[tuple[list[str], str]] = [
    (["--language", "en"], ""),
    (["--language", "en", "--theme", "dark", "--only", "welcome", "--prefix", "screenshot-dark-"], ""),
    (["--language", "en", "--scale", "2", "--only", "welcome", "--prefix", "screenshot-scale2-"], ""),
    (["--language", "de"], "de"),
]


def options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", choices=("en", "de"))
    parser.add_argument("--theme", choices=("dark", "light"))
    parser.add_argument("--scale", type=float)
    parser.add_argument("--only", choices=("welcome", *TABS), action="append")
    parser.add_argument("--prefix", default="screenshot-")
    return parser.parse_args(argv)


def every_set(folder: Path) -> None:
    for extra, subfolder in SETS:
        target = folder / subfolder
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, __file__, str(target), *extra], check=True)


def environment(args: argparse.Namespace) -> None:
    """What must be set before Qt starts: home, scale, palette and language."""
    os.environ["PHT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="pht-screenshot-")
    if args.scale:
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    if args.theme:
        os.environ["PHT_DESKTOP_THEME"] = args.theme
    if args.language:
        # Both ways the app may learn its language: the OS locale and the profile's setting.
        locale = {"de": "de_DE.UTF-8", "en": "en_US.UTF-8"}[args.language]
        os.environ.update(LANG=locale, LC_ALL=locale, LANGUAGE=args.language)
        from desktop_app.core.paths import AppPaths
        from desktop_app.core.settings import Settings

        Settings(AppPaths.for_profile("default").ensure()).set("ui.language", args.language)


def shoot(args: argparse.Namespace) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.core.keys.types import KeyType
    from desktop_app.gui.app import create_application
    from desktop_app.gui.context import AppContext
    from desktop_app.gui.language import start_language
    from desktop_app.gui.main_window import MainWindow
    from desktop_app.gui.operations import registry
    from desktop_app.gui.tabs.keys_tab import KeysTab
    from desktop_app.gui.tabs.results_tab import ResultsTab
    from desktop_app.gui.tabs.sign_tab import SignTab
    from desktop_app.gui.tabs.station_tab import StationTab
    from desktop_app.gui.tabs.trains_tab import TrainsTab

    wanted = args.only or ["welcome", *TABS]
    app = create_application()

    def settle() -> None:
        """Let every job end and the window repaint (no fixed wait: until nothing runs)."""
        loop = QEventLoop()
        timer = QTimer(interval=50)
        timer.timeout.connect(lambda: None if registry().running() else loop.quit())
        timer.start()
        loop.exec()
        timer.stop()
        # A job's last text sets off a chain of layout requests (label → column → splitter → scroll
        # area), one event-loop pass each: let the chain run out before the picture is taken.
        for _ in range(10):
            app.sendPostedEvents()
            app.processEvents()

    def picture(page, name: str) -> None:
        window.tabs.setCurrentWidget(page)
        settle()
        target = args.folder / f"{args.prefix}{name}.png"
        window.grab().save(str(target))
        print(target)

    context = AppContext.for_profile("default")
    assert context.keystore is not None, context.keystore_error
    start_language(context.settings)  # as run_gui does: the profile's language, before any widget is built
    window = MainWindow(context)
    window.resize(1180, 560)  # logical pixels: at --scale 2 the picture is twice as large
    window.show()
    settle()
    if "welcome" in wanted:
        picture(window.welcome, "welcome")
    if not set(wanted) & set(TABS):
        window.close()
        return
    for name, key_type in (
        ("researcher-2026", KeyType.RSA_4096),
        ("lab-laptop", KeyType.RSA_2048),
        ("homomorphic-sum", KeyType.PAILLIER_2048),
        ("flame-ecdh", KeyType.EC_P256),
    ):
        context.keystore.generate(name, key_type, PASSPHRASE)
    context.reload_keys()
    settle()
    # Tabs by their class, not their title, which is translated.
    pages = {window.tabs.widget(i).__class__: window.tabs.widget(i) for i in range(window.tabs.count())}
    keys = pages[KeysTab]
    keys.select_key("researcher-2026")  # type: ignore[attr-defined]
    for name, kind in zip(TABS, (KeysTab, SignTab, TrainsTab, ResultsTab, StationTab), strict=True):
        if name in wanted:
            picture(pages[kind], name)
    window.close()


def main(argv: list[str]) -> None:
    args = options(argv)
    if len(argv) == 1:
        every_set(args.folder)
        return
    environment(args)
    shoot(args)


if __name__ == "__main__":
    main(sys.argv[1:])
