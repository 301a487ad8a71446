"""The FLAME hub client: the central client's transport (timeouts, retries, size caps, tokens in
the keyring, errors as sentences) with authup's grants and the hub's three base URLs.

Sign-in goes to `{AUTH}/token`: the password grant (access + refresh token), or a robot's
credentials — `robot_credentials` (`id`, `secret`) on hub 0.8.x, whose authup still has it, and
`client_credentials` (`client_id`, `client_secret`) on the current hub, where robots became
clients. A robot gets no refresh token: when its token expires, remembered credentials sign in
again or the user is asked to. Core calls go to `{CORE}/…`; a full URL is accepted only under
the profile's storage URL (the result streams), so a token never travels anywhere else.
"""

from __future__ import annotations

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import ServerKind, ServerProfile
from desktop_app.core.central.tokens import Credentials, TokenSet, TokenStore
from desktop_app.core.central.wording import printable
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.wire import Dialect


class FlameClient(CentralClient):
    noun = "FLAME hub"

    def __init__(self, profile: ServerProfile, tokens: TokenStore | None, **options) -> None:
        if profile.kind != ServerKind.FLAME or not profile.storage_url:
            raise FlameError(f"The server profile {profile.name} is not a FLAME hub with a storage URL.")
        super().__init__(profile, tokens, **options)
        self._dialect: Dialect | None = None

    @property
    def storage_url(self) -> str:
        return self.profile.storage_url or ""

    def url(self, path: str) -> str:
        if path.startswith(f"{self.storage_url}/"):
            return path
        return super().url(path)

    def storage(self, path: str) -> str:
        return f"{self.storage_url}/{path.lstrip('/')}"

    @property
    def dialect(self) -> Dialect:
        """The hub's version from `GET {CORE}/` (no sign-in needed), read once per client."""
        if self._dialect is None:
            body = self._json(self._checked(self._send("GET", f"{self.profile.api_url}/")))
            version = body.get("version") if isinstance(body, dict) else None
            if not isinstance(version, str):
                raise FlameError(
                    f"The server at {printable(self.profile.api_url)} does not say which FLAME hub version it is "
                    "(no version at its root); check the core URL in the server profile."
                )
            self._dialect = Dialect.for_version(version)
        return self._dialect

    def sign_in(self, credentials: Credentials, remember: bool = False) -> TokenSet:
        # The version first, whatever the grant: a core URL that is no FLAME hub is found out
        # before a password is sent anywhere.
        dialect = self.dialect
        if credentials.grant == "password":
            form = {"grant_type": "password", "username": credentials.identity, "password": credentials.secret}
            if credentials.realm:
                form["realm_id"] = credentials.realm
        elif dialect.camel_case:
            form = {
                "grant_type": "client_credentials",
                "client_id": credentials.identity,
                "client_secret": credentials.secret,
            }
        else:
            form = {"grant_type": "robot_credentials", "id": credentials.identity, "secret": credentials.secret}
        tokens = self._token_request(form)
        if self.tokens:
            self.tokens.save(tokens)
            if remember:
                self.tokens.remember(credentials)
        return tokens
