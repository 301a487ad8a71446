"""The node's sign-in token, kept in the OS keyring like a PHT central session.

The node's `POST /login` returns a Keycloak *refresh* token, which the client sends as its
Bearer (NETWORKS.md §3). It is usually a JWT; when it is, its `exp` claim (read, not verified:
only the node can verify it) tells when to renew it through `POST /refresh_token` and when it
is certainly too late. A token that is not a JWT is kept as it is, with no known expiry.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from dataclasses import asdict, dataclass

from desktop_app.core.central.profiles import ServerProfiles
from desktop_app.core.keystore import KeyStore
from desktop_app.core.settings import Settings

RENEW_MARGIN = 60  # renew this many seconds before the token expires
MAX_TOKEN_CHARS = 16 << 10  # a Keycloak refresh token is about 1 KiB; far more is no token


@dataclass
class NodeToken:
    token: str
    expires_at: float | None  # from the JWT's `exp`, if it has one

    @classmethod
    def issued(cls, token: str) -> NodeToken:
        return cls(token, jwt_expiry(token))

    @property
    def expired(self) -> bool:
        return self.expires_at is not None and time.time() >= self.expires_at

    @property
    def expiring(self) -> bool:
        return self.expires_at is not None and time.time() > self.expires_at - RENEW_MARGIN


def jwt_expiry(token: str) -> float | None:
    """The `exp` claim of a JWT, unverified; None when the token is not a JWT or has none."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (ValueError, binascii.Error, RecursionError):
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    if isinstance(exp, bool) or not isinstance(exp, int | float) or not 0 < exp < 1e11:
        return None
    return float(exp)


class NodeTokenStore:
    """One server profile's node token in the keyring (never in settings or logs)."""

    def __init__(self, store: KeyStore, profile: str) -> None:
        self.store = store
        self.profile = profile

    @property
    def _name(self) -> str:
        return f"federated-node.token.{self.profile}"

    @property
    def _credentials(self) -> str:
        return f"federated-node.credentials.{self.profile}"

    def load(self) -> NodeToken | None:
        raw = self.store.get_secret(self._name)
        if not raw:
            return None
        try:
            fields = json.loads(raw)
            return NodeToken(str(fields["token"]), fields.get("expires_at"))
        except (ValueError, KeyError, TypeError):
            return None  # a damaged entry is no session: the user signs in again

    def save(self, token: NodeToken) -> None:
        self.store.set_secret(self._name, json.dumps(asdict(token)))

    def remember(self, username: str, password: str) -> None:
        """Only when the user asked: the password in the keyring, to sign in again unattended."""
        self.store.set_secret(self._credentials, json.dumps([username, password]))

    def remembered(self) -> tuple[str, str] | None:
        raw = self.store.get_secret(self._credentials)
        try:
            username, password = json.loads(raw) if raw else (None, None)
        except (ValueError, TypeError):
            return None
        return (username, password) if isinstance(username, str) and isinstance(password, str) else None

    def forget(self) -> None:
        self.store.delete_secret(self._name)
        self.store.delete_secret(self._credentials)


def open_node_client(settings: Settings, store: KeyStore, profile_name: str | None = None, **options):
    """A client for the active (or named) profile, which must be a Federated Node."""
    from desktop_app.core.federated_node.client import NodeClient

    profiles = ServerProfiles(settings)
    profile = profiles.get(profile_name) if profile_name else profiles.active()
    return NodeClient(profile, NodeTokenStore(store, profile.name), **options)
