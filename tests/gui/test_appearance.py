"""Light and dark: in a dark palette every text of the welcome page and the tabs keeps a legible
contrast against what it is drawn on, and coloured verdicts change colour with the palette.

Contrast is computed, not looked at: the text colour a widget actually uses (its tone's style
sheet, else its palette's foreground role) against its palette's background role, with WCAG 2's
formula. Deterministic: no pixels are read, so fonts and antialiasing play no part.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.gui.appearance import (
    ERROR,
    MIN_CONTRAST,
    OK,
    TONES,
    WARNING,
    apply_appearance,
    contrast,
    dark_palette,
    set_tone,
    tone_color,
)
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle

COLOR_RULE = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")
TAG = re.compile(r"<[^>]+>")
# Disabled controls are exempt from WCAG's minimum; they must still be readable.
MIN_DISABLED_CONTRAST = 3.0


def light_palette() -> QPalette:
    app = QApplication.instance()
    return app.style().standardPalette()


@pytest.fixture
def dark(qapp):
    """The application in Fusion's dark palette, as PHT_DESKTOP_THEME=dark sets it; restored after."""
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setPalette(before)


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return TAG.sub("", widget.text()).strip()
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QLineEdit):
        return widget.text() or widget.placeholderText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText() or widget.placeholderText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def _colors(widget: QWidget) -> tuple[QColor, QColor]:
    """(text, background) as the widget paints them."""
    palette = widget.palette()
    group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
    rule = COLOR_RULE.search(widget.styleSheet())
    empty_field = isinstance(widget, QLineEdit) and not widget.text()
    if empty_field or (isinstance(widget, QPlainTextEdit) and not widget.toPlainText()):
        text = palette.color(group, QPalette.ColorRole.PlaceholderText)
    elif rule:
        text = QColor(rule.group(1))
    else:
        text = palette.color(group, widget.foregroundRole())
    return text, palette.color(group, widget.backgroundRole())


def low_contrast(root: QWidget) -> list[str]:
    """Every visible text under `root` whose contrast is below the minimum, as a readable line."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        text = _text(widget)
        if not text or not widget.isVisibleTo(root.window()):
            continue
        fg, bg = _colors(widget)
        least = MIN_CONTRAST if widget.isEnabled() else MIN_DISABLED_CONTRAST
        if contrast(fg, bg) < least:
            found.append(f"{type(widget).__name__} {text[:50]!r}: {fg.name()} on {bg.name()} = {contrast(fg, bg):.2f}")
    return found


@pytest.mark.parametrize("tone", [ERROR, OK, WARNING])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_tone_is_legible_on_window_and_fields(qapp, tone: str, scheme: str) -> None:
    palette = dark_palette() if scheme == "dark" else light_palette()
    color = tone_color(tone, palette)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        background = palette.color(role)
        assert contrast(color, background) >= MIN_CONTRAST, f"{tone} {color.name()} on {background.name()}"
    assert color.name() == TONES[tone][scheme == "dark"]


def test_a_toned_label_changes_colour_with_the_palette(qtbot, qapp) -> None:
    apply_appearance(qapp)  # as create_application does: follow palette changes
    label = QLabel("Do not sign")
    qtbot.addWidget(label)
    before = QPalette(qapp.palette())
    set_tone(label, ERROR)
    assert TONES[ERROR][0] in label.styleSheet()
    try:
        qapp.setPalette(dark_palette())  # what Qt does when the OS switches to dark
        assert TONES[ERROR][1] in label.styleSheet()
    finally:
        qapp.setPalette(before)
    assert TONES[ERROR][0] in label.styleSheet()
    set_tone(label, None)
    assert label.styleSheet() == ""


@pytest.mark.keyring  # the window's key store is the real Secret Service
def test_the_welcome_page_and_every_tab_are_legible_in_a_dark_palette(qtbot, dark, window: MainWindow) -> None:
    # A state with coloured text on screen: the Sign tab's hash field holding a wrong hash.
    sign = window.tab("Sign")
    sign.hash_input.setPlainText("not a hash")
    wait_idle(qtbot)
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        problems += [f"{window.tabs.tabText(index)}: {line}" for line in low_contrast(page)]
    bar = window.tabs.tabBar()
    tab_text = bar.palette().color(QPalette.ColorRole.WindowText)
    assert contrast(tab_text, bar.palette().color(QPalette.ColorRole.Window)) >= MIN_CONTRAST
    assert sign.hash_status.property("phtTone") == ERROR  # the toned state was really shown
    assert problems == [], "\n".join(problems)


def test_no_gui_module_but_appearance_writes_a_colour() -> None:
    """A colour written into a tab is fixed for one palette: tones are chosen in gui/appearance.py."""
    from pathlib import Path

    import desktop_app.gui

    root = Path(desktop_app.gui.__file__).parent
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\s*[\"']|Qt\.GlobalColor\.")
    found = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "appearance.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert found == [], "\n".join(found)


@pytest.mark.keyring  # the window's key store is the real Secret Service
def test_no_wrapped_text_is_cut_off(qtbot, window: MainWindow) -> None:
    """In a low window every word-wrapped label still gets the height its lines need: the tabs'
    columns scroll rather than squeeze a sentence (the screenshots once showed the Station tab's
    environment check cut off after two lines, taken before its layout had settled)."""
    from desktop_app.core.keys.types import KeyType

    window.context.keystore.generate("lab-laptop", KeyType.RSA_2048, "violet-harbor-71-quietly")
    window.context.reload_keys()  # with a station key, the Station tab's column is full
    wait_idle(qtbot)
    window.resize(1180, 420)  # lower than the README's 560: the tabs' columns must scroll, not squeeze
    cut = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        wait_idle(qtbot)
        qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
        QApplication.processEvents()  # the layout settles after the last job's text
        for label in window.tabs.currentWidget().findChildren(QLabel):
            if label.wordWrap() and label.text() and label.isVisibleTo(window):
                needed = label.heightForWidth(label.width())
                if label.height() < needed:
                    cut.append(f"{window.tabs.tabText(index)}: {label.text()[:40]!r} {label.height()} < {needed} px")
    assert cut == [], "\n".join(cut)
