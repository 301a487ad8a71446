"""What every tab shares: the profile's paths, settings, key store, and app-wide signals.

The tabs draw from snapshots kept here (`keys`, `signed_in`), refreshed by operations off the
GUI thread, so that no keyring or disk read ever blocks a repaint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.central.profiles import ACTIVE
from desktop_app.core.keystore import KeyInfo, KeyringUnavailable, KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.gui.operations import run_operation

TOKENS_SECRET = "central.tokens.{}"


class AppContext(QObject):
    keys_changed = Signal()  # `keys` holds a fresh list
    session_changed = Signal()  # `signed_in` changed for some server profile
    servers_changed = Signal()  # a server profile was added, edited, removed or chosen
    preferences_changed = Signal()  # the Preferences dialog saved
    status_message = Signal(str)

    def __init__(self, paths: AppPaths, settings: Settings) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.keystore: KeyStore | None = None
        self.keystore_error = ""
        self.keys: list[KeyInfo] = []
        self.keys_loaded = False
        self.signed_in: dict[str, bool] = {}  # server profile → has a session; absent = not yet known
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
        self.reload_keys()

    def reload_keys(self) -> None:
        """Read the key list off the GUI thread; `keys_changed` fires when it is in."""
        store = self.keystore
        if store is None:
            self._keys_read([])
            return
        run_operation(None, self.tr("Reading your keys"), lambda progress, cancel: store.list_keys(), self._keys_read)

    def _keys_read(self, keys: list[KeyInfo]) -> None:
        self.keys, self.keys_loaded = keys, True
        self.keys_changed.emit()

    def key(self, name: str | None) -> KeyInfo | None:
        return next((info for info in self.keys if info.name == name), None)

    # -- sessions with central servers ---------------------------------------------------------

    @property
    def active_server(self) -> str | None:
        return self.settings.get(ACTIVE)

    def check_session(self, profile: str | None = None) -> None:
        """Find out off the GUI thread whether a session is kept for the profile (a keyring read)."""
        name, store = profile or self.active_server, self.keystore
        if not name:
            return
        if store is None:
            self.set_signed_in(name, False)
            return
        run_operation(
            None,
            self.tr("Checking the session"),
            lambda progress, cancel: bool(store.get_secret(TOKENS_SECRET.format(name))),
            lambda present: self.set_signed_in(name, present),
        )

    def set_signed_in(self, profile: str, signed_in: bool) -> None:
        self.signed_in[profile] = signed_in
        self.session_changed.emit()
