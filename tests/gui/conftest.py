"""GUI fixtures: a real main window over the real key store (Secret Service) in a fresh home."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow


@pytest.fixture
def context(pht_home) -> AppContext:
    return AppContext.for_profile("default")


@pytest.fixture
def window(qtbot, context: AppContext) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    yield main
    QThreadPool.globalInstance().waitForDone(30_000)


def wait_idle(qtbot, widget) -> None:
    """Wait until the widget's background task (if any) has finished."""
    qtbot.waitUntil(lambda: widget.task is None, timeout=60_000)
