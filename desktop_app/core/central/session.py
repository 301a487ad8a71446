"""A client for the active (or named) server profile, its session kept in the key store."""

from __future__ import annotations

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.central.tokens import TokenStore
from desktop_app.core.keystore import KeyStore
from desktop_app.core.settings import Settings


def open_client(settings: Settings, store: KeyStore, profile_name: str | None = None, **options) -> CentralClient:
    profiles = ServerProfiles(settings)
    profile = profiles.get(profile_name) if profile_name else profiles.active()
    return CentralClient(profile, TokenStore(store, profile.name), **options)
