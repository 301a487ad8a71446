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
from desktop_app.core.central.tokens import Credentials, TokenStore
from desktop_app.core.central.wording import printable
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.wire import Dialect
from desktop_app.core.i18n import _


class FlameClient(CentralClient):
    noun = "FLAME hub"

    def __init__(self, profile: ServerProfile, tokens: TokenStore | None, **options) -> None:
        if profile.kind != ServerKind.FLAME or not profile.storage_url:
            raise FlameError(
                _("The server profile {name} is not a FLAME hub with a storage URL.").format(name=profile.name)
            )
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
                    _(
                        "The server at {api_url} does not say which FLAME hub version it is "
                        "(no version at its root); check the core URL in the server profile."
                    ).format(api_url=printable(self.profile.api_url))
                )
            self._dialect = Dialect.for_version(version)
        return self._dialect

    def _grant_form(self, credentials: Credentials) -> dict[str, str]:
        # The version first, whatever the grant: a core URL that is no FLAME hub is found out
        # before a password is sent anywhere.
        dialect = self.dialect
        if credentials.grant == "password" or not dialect.camel_case:
            return super()._grant_form(credentials)  # robots: `robot_credentials` up to hub 0.8.x
        return {
            "grant_type": "client_credentials",
            "client_id": credentials.identity,
            "client_secret": credentials.secret,
        }
