"""The Keys tab's view of the active central server: whether it holds each key, and
register / unregister with explicit confirmation before replacing a different key."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.central.errors import KeyMismatch
from desktop_app.core.central.registration import key_status, register_key, unregister_key
from desktop_app.core.central.session import open_client
from desktop_app.core.keystore import KeyInfo
from desktop_app.gui.context import AppContext
from desktop_app.gui.workers import run_in_background


class KeyServerActions:
    """Runs the server side of the Keys tab off the GUI thread; `statuses` maps key name → state."""

    def __init__(self, tab: QWidget, context: AppContext, on_change) -> None:
        self.tab, self.context, self.on_change = tab, context, on_change
        self.statuses: dict[str, str] = {}
        self.task = None
        self.prompt: QMessageBox | None = None

    def _run(self, work, on_success) -> None:
        settings, store = self.context.settings, self.context.keystore

        def with_client(progress, cancel):
            with open_client(settings, store) as client:  # type: ignore[arg-type]
                return work(client)

        def done(result) -> None:
            self.task = None
            on_success(result)
            self.on_change()

        def failed(message: str) -> None:
            error = self.task.error if self.task else None
            self.task = None
            if isinstance(error, KeyMismatch):
                self._confirm_replace(message)
            else:
                self.context.status_message.emit(message)
            self.on_change()

        self.task = run_in_background(with_client, done, failed, parent=self.tab)
        self.on_change()

    def check(self, keys: list[KeyInfo]) -> None:
        candidates = [k for k in keys if not k.type.is_ec]

        def work(client):
            return {k.name: key_status(client, k).state for k in candidates}

        self._run(work, self.statuses.update)

    def register(self, info: KeyInfo, replace: bool = False) -> None:
        self._pending = info

        def done(message: str) -> None:
            self.context.status_message.emit(message)
            self.check([info])

        self._run(lambda client: register_key(client, info, replace), done)

    def _confirm_replace(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "A different key is registered", message, parent=self.tab)
        replace = box.addButton("Replace the server's key", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        replace.clicked.connect(lambda: self.register(self._pending, replace=True))
        box.open()
        self.prompt = box

    def unregister(self, info: KeyInfo) -> None:
        def done(message: str) -> None:
            self.context.status_message.emit(message)
            self.statuses[info.name] = "not registered"

        self._run(lambda client: unregister_key(client, info.name), done)
