"""Add a central server profile: a name, the API and auth URLs, and an optional CA bundle."""

from __future__ import annotations

from PySide6.QtWidgets import (
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

from desktop_app.core.central.profiles import ServerProfile, ServerProfiles
from desktop_app.core.errors import PHTError
from desktop_app.core.settings import Settings
from desktop_app.gui.appearance import ERROR, set_tone
from desktop_app.gui.error_display import error_text


class AddServerDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.profile: ServerProfile | None = None
        self.setWindowTitle(self.tr("Add your PHT server"))
        self.name = QLineEdit(placeholderText=self.tr("e.g. pht-central"))
        self.api_url = QLineEdit(placeholderText="https://central.example.org/api")
        self.auth_url = QLineEdit(placeholderText="https://central.example.org/auth")
        self.ca_bundle = QLineEdit(placeholderText=self.tr("only if your network inspects TLS"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a CA bundle file"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.problem = QLabel(wordWrap=True)
        set_tone(self.problem, ERROR)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&API URL:"), self.api_url)
        form.addRow(self.tr("A&uth URL:"), self.auth_url)
        form.addRow(self.tr("&CA bundle:"), ca_row)
        for label, field in (
            (self.tr("Name"), self.name),
            (self.tr("API URL"), self.api_url),
            (self.tr("Auth URL"), self.auth_url),
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
        for field in (self.name, self.api_url, self.auth_url):
            field.textChanged.connect(self._validate)
        self._validate()

    def edit(self, profile: ServerProfile) -> None:
        """Change an existing profile: its name stays (sign-ins are kept under it)."""
        self.setWindowTitle(self.tr("Edit {name}").format(name=profile.name))
        self.name.setText(profile.name)
        self.name.setReadOnly(True)
        self.api_url.setText(profile.api_url)
        self.auth_url.setText(profile.auth_url)
        self.ca_bundle.setText(profile.ca_bundle or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a CA bundle"), "", self.tr("Certificates (*.pem *.crt);;All (*)")
        )
        if chosen:
            self.ca_bundle.setText(chosen)

    def _validate(self) -> None:
        ready = all(field.text().strip() for field in (self.name, self.api_url, self.auth_url))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _add(self) -> None:
        profiles = ServerProfiles(self.settings)
        try:
            self.profile = profiles.add(
                self.name.text().strip(),
                self.api_url.text().strip(),
                self.auth_url.text().strip(),
                self.ca_bundle.text().strip() or None,
            )
            profiles.use(self.profile.name)
        except PHTError as exc:
            self.problem.setText(error_text(exc))
            return
        self.accept()
