"""The stand-in FLAME hub as the tests' hub (real HTTP on loopback), and clients for it."""

from __future__ import annotations

from desktop_app.core.central.profiles import ServerKind, ServerProfile
from desktop_app.core.central.tokens import Credentials, TokenStore
from desktop_app.core.flame.client import FlameClient
from desktop_app.core.keystore import KeyStore
from desktop_app.demo_hub.flame.state import FLAME_ROBOT, FLAME_USER

USER_LOGIN = Credentials("password", FLAME_USER["name"], FLAME_USER["password"])
ROBOT_LOGIN = Credentials("robot_credentials", FLAME_ROBOT["id"], FLAME_ROBOT["secret"])
PROFILE = "test-flame"


def flame_profile(hub) -> ServerProfile:
    return ServerProfile(PROFILE, hub.core_url, hub.auth_url, kind=ServerKind.FLAME, storage_url=hub.storage_url)


def flame_client(hub, store: KeyStore, **options) -> FlameClient:
    options = {"timeout": 5.0, "backoff": 0.01, **options}
    return FlameClient(flame_profile(hub), TokenStore(store, PROFILE), **options)
