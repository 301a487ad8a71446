"""What every tab shares: the profile's paths, settings, key store, and app-wide signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.keystore import KeyringUnavailable, KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings


class AppContext(QObject):
    keys_changed = Signal()
    status_message = Signal(str)

    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.keystore: KeyStore | None = None
        self.keystore_error = ""
        self.reopen_keystore()

    @classmethod
    def for_profile(cls, profile: str) -> AppContext:
        paths = AppPaths.for_profile(profile).ensure()
        return cls(paths, Settings(paths))

    def reopen_keystore(self) -> None:
        """Open the key store; when no keyring works, keep the sentence for the tabs to show."""
        try:
            self.keystore = KeyStore.open(self.paths, self.settings)
            self.keystore_error = ""
        except KeyringUnavailable as exc:
            self.keystore, self.keystore_error = None, str(exc)
        self.keys_changed.emit()
