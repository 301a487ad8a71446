"""A client for the active (or named) server profile, whatever network it is: the one place
that maps a profile's kind to its client, for what every network has (sign in, sign out).

Kinds without a client here yet are refused with a sentence; a network's own jobs (trains,
analyses, tasks) open their own client type and check the kind themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import ServerKind, ServerProfile, ServerProfiles
from desktop_app.core.central.tokens import TokenStore
from desktop_app.core.errors import UsageError
from desktop_app.core.keystore import KeyStore
from desktop_app.core.settings import Settings


def _flame(profile: ServerProfile, tokens: TokenStore, **options) -> CentralClient:
    from desktop_app.core.flame.client import FlameClient

    return FlameClient(profile, tokens, **options)


def _federated_node(profile: ServerProfile, tokens: TokenStore, **options):
    """The node's own client: its token (a Keycloak refresh token) has a keyring entry of its own,
    and `sign_in(credentials, remember)` / `sign_out()` are spoken as by the others."""
    from desktop_app.core.federated_node.client import NodeClient
    from desktop_app.core.federated_node.session import NodeTokenStore

    return NodeClient(profile, NodeTokenStore(tokens.store, profile.name), **options)


ClientFactory = Callable[..., CentralClient]
CLIENTS: dict[ServerKind, ClientFactory] = {
    ServerKind.PHT_CENTRAL: CentralClient,
    ServerKind.FLAME: _flame,
    ServerKind.FEDERATED_NODE: _federated_node,
}


def profile_for(settings: Settings, profile_name: str | None = None) -> ServerProfile:
    profiles = ServerProfiles(settings)
    return profiles.get(profile_name) if profile_name else profiles.active()


def open_session(settings: Settings, store: KeyStore, profile_name: str | None = None, **options) -> CentralClient:
    profile = profile_for(settings, profile_name)
    factory = CLIENTS.get(profile.kind)
    if factory is None:
        raise UsageError(f"PHT Desktop cannot sign in to a {profile.kind} server ({profile.name}) yet.")
    return factory(profile, TokenStore(store, profile.name), **options)


def require_kind(profile: ServerProfile, kind: ServerKind, what: str) -> None:
    """Refuse a network's own job on a server of another kind, in words."""
    if profile.kind != kind:
        raise UsageError(
            f"The active server {profile.name} is of kind {profile.kind}; {what} need a server of kind {kind}."
        )
