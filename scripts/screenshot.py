"""Take the README's screenshot of the real main window, with demo keys in a throwaway home.

Run: scripts/with-test-services env -u QT_QPA_PLATFORM xvfb-run -a .venv/bin/python \
     scripts/screenshot.py OUT.png
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ["PHT_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="pht-screenshot-")

from PySide6.QtCore import QTimer

from desktop_app.core.keys.types import KeyType
from desktop_app.gui.app import create_application
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow


def main(target: str) -> None:
    app = create_application()
    context = AppContext.for_profile("default")
    assert context.keystore is not None, context.keystore_error
    for name, key_type in (
        ("researcher-2026", KeyType.RSA_4096),
        ("lab-laptop", KeyType.RSA_2048),
        ("homomorphic-sum", KeyType.PAILLIER_2048),
        ("flame-ecdh", KeyType.EC_P256),
    ):
        context.keystore.generate(name, key_type, "screenshot passphrase")
    window = MainWindow(context)
    window.resize(1180, 420)
    window.show()
    window.tab("Keys").select_key("researcher-2026")

    def shoot() -> None:
        window.grab().save(target)
        app.quit()

    QTimer.singleShot(800, shoot)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
