"""The README's and the docs' pictures, taken of the real main window (`make screenshots`).

Run: scripts/with-test-services env -u QT_QPA_PLATFORM xvfb-run -a .venv/bin/python \
     scripts/screenshot.py FOLDER

Writes screenshot-welcome.png (a first start) and screenshot-<tab>.png for each tab (demo keys
in a throwaway home), so that a change of the window changes the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["PHT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="pht-screenshot-")

from PySide6.QtCore import QEventLoop, QTimer

from desktop_app.core.keys.types import KeyType
from desktop_app.gui.app import create_application
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import registry

PASSPHRASE = "screenshot-harbor-71-quietly"
KEYS = (
    ("researcher-2026", KeyType.RSA_4096),
    ("lab-laptop", KeyType.RSA_2048),
    ("homomorphic-sum", KeyType.PAILLIER_2048),
    ("flame-ecdh", KeyType.EC_P256),
)


def settle(app) -> None:
    """Let every job end and the window repaint (no fixed wait: until nothing runs)."""
    loop = QEventLoop()
    timer = QTimer(interval=50)
    timer.timeout.connect(lambda: None if registry().running() else loop.quit())
    timer.start()
    loop.exec()
    timer.stop()
    app.processEvents()


def shoot(window: MainWindow, tab, target: Path, app) -> None:
    window.tabs.setCurrentWidget(tab)
    settle(app)
    window.grab().save(str(target))
    print(target)


def main(folder: Path) -> None:
    app = create_application()
    context = AppContext.for_profile("default")
    assert context.keystore is not None, context.keystore_error
    window = MainWindow(context)
    window.resize(1180, 560)
    window.show()
    settle(app)
    shoot(window, window.welcome, folder / "screenshot-welcome.png", app)

    for name, key_type in KEYS:
        context.keystore.generate(name, key_type, PASSPHRASE)
    context.reload_keys()
    settle(app)
    window.tab("Keys").select_key("researcher-2026")
    for title in ("Keys", "Sign", "Trains", "Results", "Station"):
        shoot(window, window.tab(title), folder / f"screenshot-{title.lower()}.png", app)
    window.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
