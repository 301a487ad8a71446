"""The welcome page: the first hour in three steps, each with its state and one click into the
right dialog — create (or import) your key, back it up, connect to your PHT server or try the
demo. The window opens here on a first start; Help → Welcome brings it back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.context import AppContext

BACKED_UP = "keys.backed_up"  # names of keys with an encrypted backup made from this window
MARK_DONE, MARK_OPEN = "✔", "○"


@dataclass(frozen=True)
class WelcomeActions:
    create_key: Callable[[], object]
    import_key: Callable[[], object]
    back_up: Callable[[str], object]
    add_server: Callable[[], object]
    try_demo: Callable[[], object]


def no_backup_sentence(names: list[str]) -> str:
    """ "lab has no backup yet" / "lab, home have no backup yet"."""
    return QCoreApplication.translate("WelcomeTab", "{names} has no backup yet", "", len(names)).format(
        names=", ".join(names)
    )


def keys_without_backup(context: AppContext) -> list[str]:
    backed_up = set(context.settings.get(BACKED_UP) or [])
    return [info.name for info in context.keys if info.name not in backed_up]


class _Step(QGroupBox):
    def __init__(self, number: int, title: str) -> None:
        super().__init__()
        self.title_text = f"{number}. {title}"
        self.state = QLabel(wordWrap=True)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(self.buttons)
        self.buttons.addStretch(1)

    def button(self, text: str, accessible: str, action: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(action)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        return button

    def show_state(self, done: bool, text: str) -> None:
        self.setTitle(f"{MARK_DONE if done else MARK_OPEN} {self.title_text}")
        self.state.setText(text)


class WelcomeTab(QWidget):
    def __init__(self, context: AppContext, actions: WelcomeActions) -> None:
        super().__init__()
        self.context = context
        heading = QLabel(self.tr("Welcome to PHT Desktop"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        intro = QLabel(
            self.tr(
                "Analyses (trains) travel to the hospitals; their results come back encrypted for your key. "
                "Three steps get you ready:"
            ),
            wordWrap=True,
        )
        self.key_step = _Step(1, self.tr("Create your key"))
        self.create_button = self.key_step.button(
            self.tr("&Create a key…"), self.tr("Create a key"), actions.create_key
        )
        self.import_button = self.key_step.button(
            self.tr("&Import a key…"), self.tr("Import a key, also from the old PHT desktop app"), actions.import_key
        )
        self.backup_step = _Step(2, self.tr("Back it up"))
        self.backup_button = self.backup_step.button(
            self.tr("&Back up…"), self.tr("Back up your key"), lambda: actions.back_up(self._first_unsaved())
        )
        self.server_step = _Step(3, self.tr("Connect to your PHT server"))
        self.server_button = self.server_step.button(
            self.tr("Add your PHT &server…"), self.tr("Add your PHT server"), actions.add_server
        )
        self.demo_button = self.server_step.button(self.tr("Try the &demo"), self.tr("Try the demo"), actions.try_demo)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        for step in (self.key_step, self.backup_step, self.server_step):
            layout.addWidget(step)
        layout.addStretch(1)
        context.keys_changed.connect(self.refresh)
        context.session_changed.connect(self.refresh)
        self.refresh()

    def _first_unsaved(self) -> str:
        unsaved = keys_without_backup(self.context)
        return unsaved[0] if unsaved else ""

    def refresh(self) -> None:
        keys = self.context.keys
        if keys:
            names = ", ".join(info.name for info in keys)
            self.key_step.show_state(
                True, self.tr("Your keys: {names}. Create or import more in the Keys tab.").format(names=names)
            )
        else:
            self.key_step.show_state(
                False,
                self.tr(
                    "Your key pair receives results and signs trains. Create one, or import the one you "
                    "already have (the old PHT desktop app's files work too)."
                ),
            )
        unsaved = keys_without_backup(self.context)
        if not keys:
            self.backup_step.show_state(
                False, self.tr("Once you have a key, keep an encrypted backup of it in a safe place.")
            )
        elif unsaved:
            self.backup_step.show_state(
                False,
                self.tr(
                    "{no_backup}. A lost key means results encrypted for it can "
                    "never be read: write an encrypted backup file and keep it somewhere safe."
                ).format(no_backup=no_backup_sentence(unsaved)),
            )
        else:
            self.backup_step.show_state(True, self.tr("Every key has an encrypted backup."))
        self.backup_button.setEnabled(bool(unsaved))
        server = self.context.active_server
        if server and self.context.signed_in.get(server):
            self.server_step.show_state(
                True, self.tr("Signed in to {server}. Your trains are in the Trains tab.").format(server=server)
            )
        elif server:
            self.server_step.show_state(
                False, self.tr("Server {server} is set up; sign in in the Trains tab.").format(server=server)
            )
        else:
            self.server_step.show_state(
                False,
                self.tr(
                    "Add the server your PHT administrator gave you, or try every step first on a local demo "
                    "(nothing leaves this computer)."
                ),
            )

    def is_first_start(self) -> bool:
        return not self.context.keys and not self.context.active_server
