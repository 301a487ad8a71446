"""A client for the active (or named) server profile, its session kept in the key store."""

from __future__ import annotations

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.core.central.tokens import TokenStore
from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.keystore import KeyStore
from desktop_app.core.settings import Settings


def open_client(settings: Settings, store: KeyStore, profile_name: str | None = None, **options) -> CentralClient:
    profiles = ServerProfiles(settings)
    profile = profiles.get(profile_name) if profile_name else profiles.active()
    if profile.kind != ServerKind.PHT_CENTRAL:  # trains and user secrets are PHT central's alone
        raise UsageError(
            f"The server {profile.name} is not a PHT central server (its kind is {profile.kind}); this needs one.",
            remedy=Remedy.ADD_SERVER,
        )
    return CentralClient(profile, TokenStore(store, profile.name), **options)
