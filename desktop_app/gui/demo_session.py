"""Try the demo from the window: the local demo hub runs inside the app, the "(local demo)"
profile is added and signed in with the demo account, and stopping the demo (or quitting)
stops its server and forgets the profile."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.central.session import open_client
from desktop_app.core.central.tokens import Credentials
from desktop_app.gui.context import AppContext
from desktop_app.gui.operations import run_operation

PROFILE = "local-demo"


class DemoSession(QObject):
    changed = Signal()  # started, signed in, or stopped

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.hub = None
        self.starting = False
        self.credentials: tuple[str, str] | None = None  # shown in the window while the demo runs

    @property
    def running(self) -> bool:
        return self.hub is not None

    def start(self) -> None:
        if self.running or self.starting:
            return
        self.starting = True
        self.changed.emit()

        def work(progress, cancel):
            from desktop_app.demo_hub import DemoHub  # the demo hub loads only when someone tries it

            hub = DemoHub().start()
            if cancel.cancelled:  # quit (or cancelled) while starting: no server may outlive it
                hub.stop()
                cancel.raise_if_cancelled()
            return hub

        run_operation(
            None, self.tr("Starting the local demo"), work, self._started, self._not_started, self._not_started
        )

    def _not_started(self, _outcome) -> None:
        self.starting = False
        self.changed.emit()

    def _started(self, hub) -> None:
        from desktop_app.demo_hub.state import DEMO_USER

        self.hub, self.starting = hub, False
        self.credentials = (DEMO_USER["name"], DEMO_USER["password"])
        profiles = ServerProfiles(self.context.settings)
        profiles.add(PROFILE, hub.api_url, hub.auth_url, demo=True)
        profiles.use(PROFILE)
        self.changed.emit()
        settings, store = self.context.settings, self.context.keystore
        if store is None:
            return
        login = Credentials("password", *self.credentials)

        def sign_in(progress, cancel):
            with open_client(settings, store, PROFILE) as client:
                client.sign_in(login)

        signed_in = lambda _: self.context.set_signed_in(PROFILE, True)  # noqa: E731
        run_operation(None, self.tr("Signing in to the local demo"), sign_in, signed_in)

    def stop(self, *, quitting: bool = False) -> None:
        """Stop the server and forget its profile and session; when quitting, at once."""
        if self.hub is None:
            return
        hub, self.hub, self.credentials = self.hub, None, None
        ServerProfiles(self.context.settings).remove(PROFILE)
        self.context.signed_in.pop(PROFILE, None)
        store = self.context.keystore

        def work(progress, cancel) -> None:
            hub.stop()  # waits for the server loop to notice (up to half a second)
            if store is not None:  # its session is worth nothing once the server is gone
                _forget_tokens(store)

        if quitting:
            work(None, None)
        else:
            run_operation(None, self.tr("Stopping the local demo"), work, cancellable=False)
        self.changed.emit()


def _forget_tokens(store) -> None:
    from desktop_app.core.central.tokens import TokenStore

    TokenStore(store, PROFILE).forget()
