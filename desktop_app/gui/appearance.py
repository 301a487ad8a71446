"""Light and dark: the window follows the OS palette, and the few coloured words stay legible on it.

Qt (6.5+) gives the window the OS's light or dark palette by itself and changes it when the user
switches (`QStyleHints.colorScheme()`). What Qt cannot adapt are colours the app chooses: the
red, green and amber of a verdict. Those are never written as fixed colours in a tab: a widget
is given a *tone* (`set_tone(label, ERROR)`), and the tone's colour is chosen for the palette in
use — a dark red on a light window, a light red on a dark one — and chosen again when the
palette changes. Each tone colour keeps a WCAG contrast of at least 4.5:1 against the window
and field backgrounds of Qt's light and dark palettes (tests/gui/test_appearance.py).

`PHT_DESKTOP_THEME=dark` (or `light`) forces Fusion with a dark (light) palette: for a desktop
whose theme Qt cannot read, and for the dark screenshots under Xvfb, which has no OS theme.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger("pht_desktop.gui")

ERROR, OK, WARNING = "error", "ok", "warning"
# (on a light background, on a dark background)
TONES: dict[str, tuple[str, str]] = {
    ERROR: ("#b00020", "#ff8a80"),
    OK: ("#146c35", "#7bd88f"),
    WARNING: ("#8a5300", "#ffc46b"),
}
TONE_PROPERTY = "phtTone"
THEME_VARIABLE = "PHT_DESKTOP_THEME"
MIN_CONTRAST = 4.5  # WCAG 2 level AA for normal text


def relative_luminance(color: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return relative_luminance(palette.color(QPalette.ColorRole.Window)) < 0.2


def tone_color(tone: str, palette: QPalette | None = None) -> QColor:
    light, dark = TONES[tone]
    return QColor(dark if is_dark(palette) else light)


def tone_style(tone: str | None, palette: QPalette | None = None) -> str:
    """A style sheet giving a widget's text the tone's colour ("" for no tone)."""
    return f"color: {tone_color(tone, palette).name()};" if tone else ""


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Colour `widget`'s text as `tone` (ERROR, OK, WARNING; None: the palette's own colour),
    now and whenever the palette changes."""
    widget.setProperty(TONE_PROPERTY, tone or "")
    widget.setStyleSheet(tone_style(tone, widget.palette()))


def dark_palette() -> QPalette:
    """A dark palette for Fusion, in the greys and blue of common dark desktop themes."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e8e8e8"), (roles.Base, "#1e1e1e"),
        (roles.AlternateBase, "#303030"), (roles.ToolTipBase, "#3c3c3c"), (roles.ToolTipText, "#e8e8e8"),
        (roles.PlaceholderText, "#a0a0a0"), (roles.Text, "#e8e8e8"), (roles.Button, "#3a3a3a"),
        (roles.ButtonText, "#e8e8e8"), (roles.BrightText, "#ff8a80"), (roles.Light, "#505050"),
        (roles.Midlight, "#444444"), (roles.Mid, "#333333"), (roles.Dark, "#1a1a1a"), (roles.Shadow, "#000000"),
        (roles.Highlight, "#3d7bd9"), (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
        (roles.LinkVisited, "#c58af9"),
    ):  # fmt: skip
        palette.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#8a8a8a"))
    return palette


class _ToneRefresher(QObject):
    """Gives every toned widget its tone's colour again when the application's palette changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QApplication.instance():
            for widget in QApplication.allWidgets():
                tone = widget.property(TONE_PROPERTY)
                if tone:
                    widget.setStyleSheet(tone_style(tone, QApplication.palette()))
        return False


def apply_appearance(app: QApplication, theme: str | None = None) -> None:
    """Follow the OS's colour scheme, or the one `PHT_DESKTOP_THEME` (or `theme`) forces."""
    theme = (theme or os.environ.get(THEME_VARIABLE, "")).strip().lower()
    if theme in ("dark", "light"):
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    if not app.property("phtToneRefresher"):
        refresher = _ToneRefresher(app)
        app.installEventFilter(refresher)
        app.setProperty("phtToneRefresher", True)
    scheme = app.styleHints().colorScheme()
    log.info("colour scheme: %s%s", scheme.name, f" (forced {theme})" if theme else "")
