""" "Register as FLAME node key…": pick one of the hub's nodes and make the selected key its
public key — compared first, read back after, and a different key replaced only on confirmation.

The node list and the registration run through `run_operation` (never on the GUI thread); the
core (`core/flame/nodes.py`) does the comparing. Every visible string goes through `self.tr`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central.errors import KeyMismatch, NotSignedIn
from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.central.wording import printable
from desktop_app.core.errors import PHTError
from desktop_app.core.flame.nodes import UNREADABLE, Node, list_nodes, register_node_key
from desktop_app.core.keys.fingerprint import group_fingerprint
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyInfo
from desktop_app.core.log_file import remember_secret
from desktop_app.core.sessions import open_session
from desktop_app.gui.context import AppContext
from desktop_app.gui.error_display import error_text
from desktop_app.gui.operations import CancelOutcome, run_operation
from desktop_app.gui.widgets.sign_in_box import SignInBox


class FlameNodeKeyDialog(QDialog):
    def __init__(self, context: AppContext, info: KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.info = context, info
        self.nodes: list[Node] = []
        self.prompt: QMessageBox | None = None
        self.setWindowTitle(self.tr("Register as FLAME node key"))
        intro = QLabel(
            self.tr(
                "Key {name} ({fingerprint}) becomes the public key of the node you pick. The hub's key is "
                "compared first and read back after; a different key is replaced only if you confirm."
            ).format(name=info.name, fingerprint=info.grouped_fingerprint[:39] + "…"),
            wordWrap=True,
        )
        self.node = QComboBox()
        self.node.setAccessibleName(self.tr("FLAME node"))
        self.node.setEnabled(False)
        self.message = QLabel(self.tr("Reading the hub's nodes…"), wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Node key status"))
        form = QFormLayout()
        form.addRow(self.tr("&Node:"), self.node)
        # Shown when the hub wants a session first: FLAME has no Trains tab to sign in from.
        self.sign_in_box = SignInBox(self)
        self.sign_in_box.setVisible(False)
        self.sign_in_box.submitted.connect(self.sign_in)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.register_button = self.buttons.addButton(self.tr("&Register"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.register_button.setAccessibleName(self.tr("Register the key for the chosen node"))
        self.register_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        self.register_button.clicked.connect(lambda: self.register(replace=False))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.sign_in_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._load_nodes()

    # -- off the GUI thread ----------------------------------------------------------------------

    def _with_client(self, work):
        settings, store = self.context.settings, self.context.keystore

        def run(progress, cancel):
            with open_session(settings, store) as client:  # type: ignore[arg-type]
                return work(client, cancel)

        return run

    def _load_nodes(self) -> None:
        run_operation(
            self,
            self.tr("Reading the hub's nodes"),
            self._with_client(lambda client, cancel: list_nodes(client)),
            self._nodes_read,
            self._failed,
        )

    def sign_in(self, credentials, remember: bool) -> None:
        remember_secret(credentials.secret)  # never in the log
        profile = self.context.active_server

        def signed_in(_) -> None:
            if profile:
                self.context.set_signed_in(profile, True)
            self.sign_in_box.setVisible(False)
            self._load_nodes()

        run_operation(
            self,
            self.tr("Signing in"),
            self._with_client(lambda client, cancel: client.sign_in(credentials, remember)),
            signed_in,
            self._failed,
        )

    def register(self, replace: bool) -> None:
        node = self.chosen_node()
        if node is None:
            return
        self.register_button.setEnabled(False)
        self.message.setText(self.tr("Registering key {name}…").format(name=self.info.name))
        run_operation(
            self,
            self.tr("Registering a FLAME node key"),
            self._with_client(lambda client, cancel: register_node_key(client, self.info, node.id, replace, cancel)),
            self._registered,
            self._failed,
            self._cancelled,
        )

    # -- on the GUI thread -----------------------------------------------------------------------

    def _label(self, node: Node) -> str:
        if not node.public_key:
            key = self.tr("no key yet")
        elif node.key_fingerprint == UNREADABLE:
            key = self.tr("an unreadable key")
        elif node.key_fingerprint == self.info.fingerprint:
            key = self.tr("this key")
        else:
            key = self.tr("another key ({fingerprint}…)").format(
                fingerprint=group_fingerprint(node.key_fingerprint or "")[:19]
            )
        return f"{printable(node.name or node.id, 60)} — {key}"

    def _nodes_read(self, nodes: list[Node]) -> None:
        first, chosen = not self.nodes, self.node.currentData()
        self.nodes = nodes
        self.node.clear()
        for node in nodes:
            self.node.addItem(self._label(node), node.id)
        if chosen is not None and self.node.findData(chosen) >= 0:  # a reload after registering
            self.node.setCurrentIndex(self.node.findData(chosen))
        self.node.setEnabled(bool(nodes))
        self.register_button.setEnabled(bool(nodes))
        if first:  # later reloads keep the outcome shown
            self.message.setText(self.tr("Choose the node.") if nodes else self.tr("The hub shows you no node."))

    def chosen_node(self) -> Node | None:
        wanted = self.node.currentData()
        return next((node for node in self.nodes if node.id == wanted), None)

    def _registered(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.context.status_message.emit(sentence)
        self._load_nodes()  # show what the hub holds now

    def _failed(self, error: PHTError) -> None:
        self.register_button.setEnabled(bool(self.nodes))
        if isinstance(error, KeyMismatch):
            self._confirm_replace(error)
            return
        if isinstance(error, NotSignedIn):  # sign in here, then go on
            self.sign_in_box.setVisible(True)
            self.sign_in_box.message.setText(error.message)
            self.message.setText(self.tr("Sign in to the hub first."))
            return
        self.message.setText(error_text(error))

    def _cancelled(self, outcome: CancelOutcome) -> None:
        self.message.setText(outcome.sentence)
        self.register_button.setEnabled(bool(self.nodes))

    def _confirm_replace(self, error: PHTError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The node has a different key"), "", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the node's name is the hub's text
        box.setText(error_text(error))
        replace = box.addButton(self.tr("&Replace the node's key"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setAccessibleName(self.tr("Replace the node's key"))
        box.addButton(QMessageBox.StandardButton.Cancel)
        replace.clicked.connect(lambda: self.register(replace=True))
        box.open()
        self.prompt = box
        self.message.setText(error_text(error))


def active_is_flame(settings) -> bool:
    """Whether the active server profile is a FLAME hub (the Keys tab then offers node keys)."""
    try:
        return ServerProfiles(settings).active().kind == ServerKind.FLAME
    except PHTError:
        return False


def fits_a_node(info: KeyInfo) -> bool:
    """EC P-256 (every hub) or RSA 2048 (hub 0.8.x); the core says which the hub takes."""
    return info.type in (KeyType.EC_P256, KeyType.RSA_2048)
