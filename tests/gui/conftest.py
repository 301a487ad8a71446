"""GUI fixtures: a real main window over the real key store (Secret Service) in a fresh home."""

from __future__ import annotations

import pytest

from desktop_app.gui.context import AppContext
from desktop_app.gui.language import apply_language
from desktop_app.gui.main_window import MainWindow
from desktop_app.gui.operations import registry


@pytest.fixture(autouse=True)
def english(qapp) -> None:
    """The window in English, as `pht-desktop` starts it for an English user (our catalogue gives
    the English plurals); a test that wants German asks for it (tests/gui/test_german.py)."""
    apply_language("en")


@pytest.fixture
def context(qtbot, pht_home) -> AppContext:
    context = AppContext.for_profile("default")
    qtbot.waitUntil(lambda: context.keys_loaded, timeout=30_000)
    return context


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    wait_idle(qtbot)
    yield main
    registry().cancel_all()
    qtbot.waitUntil(lambda: not registry().running(), timeout=60_000)


def wait_idle(qtbot, widget=None) -> None:
    """Wait until every operation of the app has ended, callbacks included (and the operations
    those callbacks started, such as reading the key list again)."""
    qtbot.waitUntil(lambda: not registry().running(), timeout=60_000)


def open_every_dialog(qtbot, window: MainWindow) -> list:
    """A key in the profile, then every dialog the tabs and menus open (for walking their widgets)."""
    from desktop_app.core.keys.types import KeyType

    keys, trains = window.tab("Keys"), window.tab("Trains")
    window.context.keystore.generate("researcher", KeyType.RSA_2048, "violet-harbor-71-quietly")
    window.context.reload_keys()
    wait_idle(qtbot)
    keys.select_key("researcher")
    return [
        keys.open_generate(),
        keys.open_import(),
        keys.open_export("private-backup"),
        keys.open_delete(),
        keys.opt_in_file_store(),
        trains.open_add_server(),
        window.open_preferences(),
        window.show_about(),
    ]
