"""The HTTP client of a PHEMS Federated Node (NETWORKS.md §3): sign-in, renewal, errors as sentences.

- `POST /login` takes a *form* (`username`, `password`) and answers `{"token": …}`: a Keycloak
  refresh token that is then sent as `Authorization: Bearer …` on every call.
- `POST /refresh_token` with that Bearer answers a new `{"token": …}`; it is called shortly
  before the token expires and once after a 401, and its failure means signing in again.
- Users who are not admins send `project-name: <approved data-access request>` on task routes;
  it comes from the server profile's `project`.
- Errors are `{"error": "…"}` with a 4xx/5xx status; JSON answers are read within a size cap.
Idempotent requests are retried on connection failures and 502/503/504, as with PHT central.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop_app.core.api_http import api_client, read_whole, with_retries
from desktop_app.core.central.profiles import ServerKind, ServerProfile
from desktop_app.core.central.tokens import Credentials
from desktop_app.core.central.wording import printable, sentence
from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.federated_node.errors import NodeError, NodeNotSignedIn
from desktop_app.core.federated_node.session import MAX_TOKEN_CHARS, NodeToken, NodeTokenStore
from desktop_app.core.i18n import _

MAX_JSON_BYTES = 16 << 20  # a task record or a page of logs; results are streamed, not capped here
IDEMPOTENT = {"GET", "HEAD"}
TEMPORARY_PASSWORD = "Temporary password must be changed before logging in"


class NodeClient:
    def __init__(
        self,
        profile: ServerProfile,
        tokens: NodeTokenStore | None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
    ) -> None:
        if profile.kind != ServerKind.FEDERATED_NODE:
            raise UsageError(
                _("The server profile {name} is a {kind} server, not a Federated Node.").format(
                    name=profile.name, kind=profile.kind
                )
            )
        profile.check_transport()
        self.profile = profile
        self.tokens = tokens
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.http = api_client(profile, timeout)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> NodeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def host(self) -> str:
        return printable(urlsplit(self.profile.api_url).netloc)

    def url(self, path: str) -> str:
        return f"{self.profile.api_url.rstrip('/')}/{path.lstrip('/')}"

    # -- session ---------------------------------------------------------------------------------

    def sign_in(self, username: str | Credentials, password: str = "", remember: bool = False) -> NodeToken:
        """Sign in with the node's form login; `remember` also keeps the password in the keyring,
        to sign in again by itself once the token can no longer be renewed. A `Credentials` (as
        PHT central's client takes) may stand for the user name and password."""
        if isinstance(username, Credentials):
            if username.grant != "password":
                raise UsageError(_("A Federated Node has no robot accounts: sign in with a user name and password."))
            username, password = username.identity, username.secret
        response = self._send("POST", "login", data={"username": username, "password": password}, retry=False)
        if response.status_code == 401:
            message = error_message(response)
            if message.startswith(TEMPORARY_PASSWORD):
                raise NodeNotSignedIn(
                    _(
                        "Signing in to {label} failed: your password is still the temporary one. The "
                        "node requires it to be changed first; ask the node's administrators how to set your own."
                    ).format(label=self.profile.label),
                    remedy=Remedy.NONE,
                )
            raise NodeNotSignedIn(
                _("Signing in to {label} failed: the user name or password was not accepted.").format(
                    label=self.profile.label
                ),
                remedy=Remedy.NONE,
            )
        token = self._token_from(self._checked(response), "sign-in")
        if self.tokens:
            self.tokens.save(token)
            if remember:
                self.tokens.remember(username, password)
        return token

    def sign_out(self) -> None:
        """Forget the token here. The node has no sign-out route: the token lapses at its expiry."""
        if self.tokens:
            self.tokens.forget()

    def renew(self, current: NodeToken) -> NodeToken:
        response = self._send("POST", "refresh_token", token=current.token, retry=False)
        if response.status_code in (400, 401, 403):
            raise NodeNotSignedIn(_("Your session with {label} has expired.").format(label=self.profile.label))
        fresh = self._token_from(self._checked(response), "renewal")
        if self.tokens:
            self.tokens.save(fresh)
        return fresh

    def _token_from(self, response: httpx.Response, what: str) -> NodeToken:
        body = self._json(response)
        token = body.get("token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS or not token.isascii():
            raise NodeError(
                _("The node {host} answered the {what} without a usable token.").format(host=self.host, what=what)
            )
        if any(c in token for c in " \t\r\n"):
            raise NodeError(
                _("The node {host} answered the {what} with a token that cannot be sent back.").format(
                    host=self.host, what=what
                )
            )
        return NodeToken.issued(token)

    def _token(self, force_renew: bool = False) -> str:
        current = self.tokens.load() if self.tokens else None
        if current is None:
            raise NodeNotSignedIn(_("You are not signed in to {label}.").format(label=self.profile.label))
        if force_renew or current.expiring or current.expired:
            current = self._renewed(current)
        return current.token

    def _renewed(self, current: NodeToken) -> NodeToken:
        """A fresh token: renewed while the old one lives, else by signing in again with a
        remembered password; NodeNotSignedIn when neither works."""
        if not current.expired:
            with contextlib.suppress(NodeNotSignedIn):
                return self.renew(current)
        remembered = self.tokens.remembered() if self.tokens else None
        if remembered:
            with contextlib.suppress(NodeNotSignedIn):
                return self.sign_in(*remembered)
        raise NodeNotSignedIn(_("Your session with {label} has expired.").format(label=self.profile.label))

    # -- requests --------------------------------------------------------------------------------

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """An authenticated call on a task route; returns the parsed JSON answer."""
        return self._json(self._checked(self._authorized(method, path, **kwargs)))

    def task_headers(self) -> dict[str, str]:
        return {"project-name": self.profile.project} if self.profile.project else {}

    def _authorized(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.task_headers(), **kwargs.pop("headers", {})}
        response = self._send(method, path, token=self._token(), headers=headers, **kwargs)
        if response.status_code == 401:  # perhaps expired since we looked: renew once and retry
            response = self._send(method, path, token=self._token(force_renew=True), headers=headers, **kwargs)
            if response.status_code == 401:
                raise NodeNotSignedIn(_("{label} refused the session.").format(label=self.profile.label))
        return response

    @contextlib.contextmanager
    def stream(self, path: str) -> Iterator[httpx.Response]:
        """An authenticated streamed GET. A status of 400 or more is handed over with its body
        read (within the cap) for the caller to word; a 401 is renewed once; a 3xx is refused."""
        for attempt in (0, 1):
            headers = {**self.task_headers(), "Authorization": f"Bearer {self._token(force_renew=attempt == 1)}"}
            request = self.http.build_request("GET", self.url(path), headers=headers)
            response = self._call(lambda r=request: self.http.send(r, stream=True))
            try:
                if response.status_code == 401 and attempt == 0:
                    continue
                if response.status_code == 401:
                    raise NodeNotSignedIn(_("{label} refused the session.").format(label=self.profile.label))
                if response.status_code >= 400:
                    yield self._call(lambda r=response: _buffered(r, self.host))
                    return
                if response.status_code >= 300:
                    self._checked(response)
                yield response
                return
            finally:
                response.close()

    def _send(
        self, method: str, path: str, token: str | None = None, retry: bool | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return with_retries(
            lambda: self._call(lambda: self._exchange(method, self.url(path), headers, kwargs)),
            self.retries if (method in IDEMPOTENT if retry is None else retry) else 1,
            self.backoff,
            lambda exc: isinstance(exc, _Transient),
        )

    def _exchange(self, method: str, url: str, headers: dict[str, str], kwargs: dict[str, Any]) -> httpx.Response:
        response = self.http.send(self.http.build_request(method, url, headers=headers, **kwargs), stream=True)
        try:
            return _buffered(response, self.host)
        finally:
            response.close()

    def _call(self, action) -> httpx.Response:
        """One HTTP exchange, transport failures turned into sentences (transient ones retried)."""
        try:
            return action()
        except httpx.ConnectError as exc:
            if "CERTIFICATE_VERIFY_FAILED" in repr(exc.__context__ or exc):
                raise NodeError(
                    _("The TLS certificate of {host} is not trusted.").format(host=self.host),
                    remedy=Remedy.CHECK_CA_BUNDLE,
                ) from exc
            raise _Transient(_("The node at {host} cannot be reached.").format(host=self.host)) from exc
        except httpx.TimeoutException as exc:
            raise _Transient(
                _("The node at {host} did not answer within {timeout:.0f} s.").format(
                    host=self.host, timeout=self.timeout
                )
            ) from exc
        except httpx.HTTPError as exc:
            raise _Transient(_("The connection to the node at {host} failed.").format(host=self.host)) from exc

    def _checked(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status < 300:
            return response
        if status < 400:
            raise NodeError(
                _(
                    "The node at {host} redirected the request ({status}); redirects are not followed. "
                    "Check the server's address in its profile."
                ).format(host=self.host, status=status)
            )
        message = error_message(response) or _("no details given")
        if status == 401:
            raise NodeNotSignedIn(_("{label} refused the session.").format(label=self.profile.label))
        if status == 403:
            hint = "" if self.profile.project else (
                _(" If you are not one of its administrators, the server profile needs your project "
                "(the approved data-access request).")
            )  # fmt: skip
            raise NodeError(
                sentence(_("The node refused this: you lack the permission ({message})").format(message=message)) + hint
            )
        if status == 404:
            raise NodeError(sentence(_("Not found on the node: {message}").format(message=message)))
        if status >= 500:
            raise NodeError(sentence(_("The node failed ({status}): {message}").format(status=status, message=message)))
        raise NodeError(
            sentence(_("The node refused the request ({status}): {message}").format(status=status, message=message))
        )

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except RecursionError:
            raise NodeError(
                _("The answer of the node at {host} is nested too deeply to be read.").format(host=self.host)
            ) from None
        except ValueError:
            kind = printable(response.headers.get("content-type", _("no content type")), 80)
            raise NodeError(
                _("The node at {host} answered something that is not JSON (status {status_code}, {kind}).").format(
                    host=self.host, status_code=response.status_code, kind=kind
                )
            ) from None


class _Transient(NodeError):
    """A failure worth retrying for an idempotent request (connection, timeout); a sentence all the same."""


def error_message(response: httpx.Response) -> str:
    """The `error` of a `{"error": "…"}` answer, shown safely; "" when there is none."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return ""
    message = body.get("error") if isinstance(body, dict) else None
    return printable(message) if isinstance(message, str) else ""


def _buffered(response: httpx.Response, host: str) -> httpx.Response:
    """The streamed `response` with its body read, refused beyond MAX_JSON_BYTES decoded bytes."""

    def too_large() -> NodeError:
        return NodeError(
            _("The answer of the node at {host} is larger than {mib} MiB; it was not read.").format(
                host=host, mib=MAX_JSON_BYTES >> 20
            )
        )

    return read_whole(response, MAX_JSON_BYTES, too_large)
