"""Add (or edit) a server profile: its network (PHT central, a FLAME hub, a PHEMS Federated
Node), a name, the URLs that network needs, and an optional CA bundle."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.central.profiles import ServerKind, ServerProfile, ServerProfiles
from desktop_app.core.errors import PHTError
from desktop_app.core.settings import Settings
from desktop_app.gui.appearance import ERROR, set_tone
from desktop_app.gui.error_display import error_text

KINDS = (
    (ServerKind.PHT_CENTRAL, QT_TRANSLATE_NOOP("AddServerDialog", "PHT central")),
    (ServerKind.FLAME, QT_TRANSLATE_NOOP("AddServerDialog", "FLAME hub")),
    (ServerKind.FEDERATED_NODE, QT_TRANSLATE_NOOP("AddServerDialog", "PHEMS Federated Node")),
)


def kind_name(kind: ServerKind) -> str:
    return QCoreApplication.translate("AddServerDialog", dict(KINDS)[kind])


class AddServerDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.profile: ServerProfile | None = None
        self.setWindowTitle(self.tr("Add your PHT server"))
        self.kind = QComboBox()
        for kind, label in KINDS:
            self.kind.addItem(QCoreApplication.translate("AddServerDialog", label), kind.value)
        self.kind.setAccessibleName(self.tr("Network"))
        self.name = QLineEdit(placeholderText=self.tr("e.g. pht-central"))
        self.api_url = QLineEdit(placeholderText="https://central.example.org/api")
        self.auth_url = QLineEdit(placeholderText="https://central.example.org/auth")
        self.storage_url = QLineEdit(placeholderText="https://storage.example.org")
        self.project = QLineEdit(placeholderText=self.tr("your approved project, if you are not an admin"))
        self.ca_bundle = QLineEdit(placeholderText=self.tr("only if your network inspects TLS"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a CA bundle file"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.problem = QLabel(wordWrap=True)
        set_tone(self.problem, ERROR)
        self.form = form = QFormLayout()
        form.addRow(self.tr("Ne&twork:"), self.kind)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&API URL:"), self.api_url)
        form.addRow(self.tr("A&uth URL:"), self.auth_url)
        form.addRow(self.tr("&Storage URL:"), self.storage_url)
        form.addRow(self.tr("&Project:"), self.project)
        form.addRow(self.tr("&CA bundle:"), ca_row)
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("API URL"), self.api_url),
            (self.tr("Auth URL"), self.auth_url),
            (self.tr("Storage URL"), self.storage_url),
            (self.tr("Project"), self.project),
        ):
            field.setAccessibleName(label)
        self.ca_bundle.setAccessibleName(self.tr("CA bundle"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("A&dd server"))
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Your PHT administrator gives you these addresses."), wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for field in (self.name, self.api_url, self.auth_url, self.storage_url):
            field.textChanged.connect(self._validate)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def chosen_kind(self) -> ServerKind:
        return ServerKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        """Only the fields the chosen network needs: FLAME has a storage URL, a Federated Node one
        URL (it signs in there) and perhaps a project."""
        kind = self.chosen_kind()
        self.form.setRowVisible(self.auth_url, kind != ServerKind.FEDERATED_NODE)
        self.form.setRowVisible(self.storage_url, kind == ServerKind.FLAME)
        self.form.setRowVisible(self.project, kind == ServerKind.FEDERATED_NODE)
        self.form.labelForField(self.api_url).setText(
            self.tr("Core &URL:") if kind == ServerKind.FLAME else self.tr("&API URL:")
        )
        self._validate()

    def edit(self, profile: ServerProfile) -> None:
        """Change an existing profile: its name stays (sign-ins are kept under it)."""
        self.setWindowTitle(self.tr("Edit {name}").format(name=profile.name))
        self.name.setText(profile.name)
        self.name.setReadOnly(True)
        self.kind.setCurrentIndex(self.kind.findData(profile.kind.value))
        self.api_url.setText(profile.api_url)
        self.auth_url.setText(profile.auth_url)
        self.storage_url.setText(profile.storage_url or "")
        self.project.setText(profile.project or "")
        self.ca_bundle.setText(profile.ca_bundle or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CA bundle"), "", self.tr("Certificates (*.pem *.crt);;All (*)")
        )
        if chosen:
            self.ca_bundle.setText(chosen)

    def _needed(self) -> tuple[QLineEdit, ...]:
        kind = self.chosen_kind()
        if kind == ServerKind.FEDERATED_NODE:
            return (self.name, self.api_url)
        if kind == ServerKind.FLAME:
            return (self.name, self.api_url, self.auth_url, self.storage_url)
        return (self.name, self.api_url, self.auth_url)

    def _validate(self) -> None:
        ready = all(field.text().strip() for field in self._needed())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _add(self) -> None:
        profiles, kind = ServerProfiles(self.settings), self.chosen_kind()
        api_url = self.api_url.text().strip()
        try:
            self.profile = profiles.add(
                self.name.text().strip(),
                api_url,
                api_url if kind == ServerKind.FEDERATED_NODE else self.auth_url.text().strip(),
                self.ca_bundle.text().strip() or None,
                kind=kind,
                storage_url=self.storage_url.text().strip() if kind == ServerKind.FLAME else None,
                project=self.project.text().strip() if kind == ServerKind.FEDERATED_NODE else None,
            )
            profiles.use(self.profile.name)
        except PHTError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
