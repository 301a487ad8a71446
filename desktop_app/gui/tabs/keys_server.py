"""The Keys tab's view of the active central server: whether it holds each key, and
register / unregister with explicit confirmation before replacing a different key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.core.central.errors import KeyMismatch
from desktop_app.core.central.registration import ABSENT, ServerKeyStatus, key_status, register_key, unregister_key
from desktop_app.core.central.session import open_client
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.keystore import KeyInfo
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, run_operation


def shown_state(status: ServerKeyStatus, name: str) -> str:
    """The state as the Keys tab shows it; a key registered under another name (through central's
    web page, say) says that name."""
    if status.server_name and status.server_name != name:
        return QCoreApplication.translate("KeyServerActions", "{state} (as {name})").format(
            state=_(status.state), name=printable(status.server_name)
        )
    return _(status.state)


class KeyServerActions:
    """The server side of the Keys tab; `statuses` maps key name → state on the active server."""

    def __init__(self, tab: QWidget, context: AppContext, on_change: Callable[[], None]) -> None:
        self.tab, self.context, self.on_change = tab, context, on_change
        self.statuses: dict[str, str] = {}
        self.prompt: QMessageBox | None = None

    def _run(self, label: str, work, on_success) -> None:
        settings, store = self.context.settings, self.context.keystore

        def with_client(progress, cancel):
            with open_client(settings, store) as client:  # type: ignore[arg-type]
                return work(client, cancel)

        def done(result) -> None:
            on_success(result)
            self.on_change()

        run_operation(self.tab, label, with_client, done, self._failed, self._cancelled)

    def _failed(self, error: PHTError) -> None:
        if isinstance(error, KeyMismatch):
            self._confirm_replace(error)
        else:
            self.context.status_message.emit(error_text(error))
        self.on_change()

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self.context.status_message.emit(outcome.sentence)
        if outcome.committed:  # the server changed anyway: show what it holds now
            self.check(list(self.context.keys))
        self.on_change()

    def check(self, keys: list[KeyInfo]) -> None:
        candidates = [k for k in keys if not k.type.is_ec]

        def work(client, cancel):
            return {k.name: shown_state(key_status(client, k), k.name) for k in candidates}

        self._run(
            QCoreApplication.translate("KeyServerActions", "Checking the server's keys"), work, self.statuses.update
        )

    def register(self, info: KeyInfo, replace: bool = False) -> None:
        self._pending = info

        def done(message: str) -> None:
            self.context.status_message.emit(message)
            self.check([info])

        label = QCoreApplication.translate("KeyServerActions", "Registering {name}").format(name=info.name)
        self._run(label, lambda client, cancel: register_key(client, info, replace, cancel), done)

    def _confirm_replace(self, error: PHTError) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("KeyServerActions", "A different key is registered"),
            "",
            parent=self.tab,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(error_text(error))
        replace = box.addButton(
            QCoreApplication.translate("KeyServerActions", "&Replace the server's key"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        replace.clicked.connect(lambda: self.register(self._pending, replace=True))
        box.open()
        self.prompt = box

    def unregister(self, info: KeyInfo) -> None:
        def done(message: str) -> None:
            self.context.status_message.emit(message)
            self.statuses[info.name] = _(ABSENT)

        label = QCoreApplication.translate("KeyServerActions", "Unregistering {name}").format(name=info.name)
        self._run(label, lambda client, cancel: unregister_key(client, info.name, cancel), done)
