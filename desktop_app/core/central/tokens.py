"""Sign-in tokens (and a password only if the user ticked "remember"), kept in the OS keyring
through the key store's generic secrets — never in settings or logs."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass

from desktop_app.core.keystore import KeyStore

REFRESH_MARGIN = 60  # refresh this many seconds before the access token expires


@dataclass
class TokenSet:
    access_token: str
    refresh_token: str | None
    expires_at: float
    token_type: str = "Bearer"

    @classmethod
    def from_response(cls, body: dict) -> TokenSet:
        return cls(
            body["access_token"],
            body.get("refresh_token"),
            time.time() + float(body.get("expires_in") or 3600),
            body.get("token_type") or "Bearer",
        )

    @property
    def expiring(self) -> bool:
        return time.time() > self.expires_at - REFRESH_MARGIN


@dataclass(frozen=True)
class Credentials:
    grant: str  # "password" or "robot_credentials"
    identity: str  # username or robot id
    secret: str
    realm: str | None = None


class TokenStore:
    """One server profile's session in the keyring."""

    def __init__(self, store: KeyStore, profile: str) -> None:
        self.store = store
        self.profile = profile

    def _name(self, what: str) -> str:
        return f"central.{what}.{self.profile}"

    def load(self) -> TokenSet | None:
        raw = self.store.get_secret(self._name("tokens"))
        return TokenSet(**json.loads(raw)) if raw else None

    def save(self, tokens: TokenSet) -> None:
        self.store.set_secret(self._name("tokens"), json.dumps(asdict(tokens)))

    def remembered(self) -> Credentials | None:
        raw = self.store.get_secret(self._name("credentials"))
        return Credentials(**json.loads(raw)) if raw else None

    def remember(self, credentials: Credentials) -> None:
        self.store.set_secret(self._name("credentials"), json.dumps(asdict(credentials)))

    def forget(self) -> None:
        self.store.delete_secret(self._name("tokens"))
        self.store.delete_secret(self._name("credentials"))
