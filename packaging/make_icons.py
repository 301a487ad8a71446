"""Render the app icon (desktop_app/resources/pht-desktop.svg) into the Windows .ico and the
macOS .icns the installers need. Run after changing the SVG; the outputs are committed.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "desktop_app" / "resources" / "pht-desktop.svg"


def render(size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - Qt's image classes need an application
    big = render(1024)
    big.save(ROOT / "resources" / "pht-desktop.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(ROOT / "resources" / "pht-desktop.icns")
    render(256).save(ROOT / "resources" / "pht-desktop.png")


if __name__ == "__main__":
    main()
