"""Sign-in tokens (and a password only if the user ticked "remember"), kept in the OS keyring
through the key store's generic secrets — never in settings or logs."""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass

from desktop_app.core.central import shapes
from desktop_app.core.central.wording import printable
from desktop_app.core.i18n import _
from desktop_app.core.keystore import KeyStore

REFRESH_MARGIN = 60  # refresh this many seconds before the access token expires
DEFAULT_LIFETIME = 3600.0  # what PHT central and authup give
MAX_LIFETIME = 366 * 86400  # longer is no token lifetime but a broken (or hostile) answer


@dataclass
class TokenSet:
    access_token: str
    refresh_token: str | None
    expires_at: float
    token_type: str = "Bearer"

    @classmethod
    def from_response(cls, body: dict) -> TokenSet:
        """The sign-in server's answer, each field checked: a wrong one is a sentence, not a traceback."""
        what = _("the sign-in answer")
        access = _token(body, "access_token", HEADER_SAFE)
        if not access:
            raise shapes.malformed(what, _("holds no access token"))
        return cls(
            access,
            _token(body, "refresh_token", FORM_SAFE) or None,
            time.time() + _lifetime(body.get("expires_in")),
            _token(body, "token_type", HEADER_SAFE) or "Bearer",
        )

    @property
    def expiring(self) -> bool:
        return time.time() > self.expires_at - REFRESH_MARGIN


# The access token travels in an `Authorization` header, the refresh token in a form: OAuth 2
# (RFC 6749, appendix A) allows printable ASCII only. Anything else (a letter such as "ü", a lone
# surrogate, a line break that would start a header of its own) is refused on arrival, not
# found out by every later request.
HEADER_SAFE = re.compile(r"[\x21-\x7e]+")
FORM_SAFE = re.compile(r"[\x20-\x7e]+")


def _token(body: dict, key: str, allowed: re.Pattern[str]) -> str | None:
    value = shapes.optional_text(body, key, _("the sign-in answer"))
    if value and not allowed.fullmatch(value):
        raise shapes.malformed(
            _("field {key!r} of the sign-in answer").format(key=key), _("holds characters a token cannot hold")
        )
    return value


def _lifetime(value: object) -> float:
    """`expires_in` in seconds: a number from 1 s to a year (3600 when the server gives none)."""
    if value is None:
        return DEFAULT_LIFETIME
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_LIFETIME:
        shown = printable(repr(value), 40)
        raise shapes.malformed(
            _("the sign-in answer"), _("gives expires_in as {shown}, not a number of seconds").format(shown=shown)
        )
    return float(value)


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
