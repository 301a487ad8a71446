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
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop_app.core.central.client import ssl_context
from desktop_app.core.central.profiles import ServerKind, ServerProfile
from desktop_app.core.central.tokens import Credentials
from desktop_app.core.central.wording import printable, sentence
from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.federated_node.errors import NodeError, NodeNotSignedIn
from desktop_app.core.federated_node.session import MAX_TOKEN_CHARS, NodeToken, NodeTokenStore

MAX_JSON_BYTES = 16 << 20  # a task record or a page of logs; results are streamed, not capped here
RETRY_STATUSES = {502, 503, 504}
IDEMPOTENT = {"GET", "HEAD"}
FRAMING_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}
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
            raise UsageError(f"The server profile {profile.name} is a {profile.kind} server, not a Federated Node.")
        profile.check_transport()
        self.profile = profile
        self.tokens = tokens
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=ssl_context(profile),
            trust_env=True,
            follow_redirects=False,  # a token must not travel to wherever a server points
        )

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
                raise UsageError("A Federated Node has no robot accounts: sign in with a user name and password.")
            username, password = username.identity, username.secret
        response = self._send("POST", "login", data={"username": username, "password": password}, retry=False)
        if response.status_code == 401:
            message = error_message(response)
            if message.startswith(TEMPORARY_PASSWORD):
                raise NodeNotSignedIn(
                    f"Signing in to {self.profile.label} failed: your password is still the temporary one. The "
                    "node requires it to be changed first; ask the node's administrators how to set your own.",
                    remedy=Remedy.NONE,
                )
            raise NodeNotSignedIn(
                f"Signing in to {self.profile.label} failed: the user name or password was not accepted.",
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
            raise NodeNotSignedIn(f"Your session with {self.profile.label} has expired.")
        fresh = self._token_from(self._checked(response), "renewal")
        if self.tokens:
            self.tokens.save(fresh)
        return fresh

    def _token_from(self, response: httpx.Response, what: str) -> NodeToken:
        body = self._json(response)
        token = body.get("token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_CHARS or not token.isascii():
            raise NodeError(f"The node {self.host} answered the {what} without a usable token.")
        if any(c in token for c in " \t\r\n"):
            raise NodeError(f"The node {self.host} answered the {what} with a token that cannot be sent back.")
        return NodeToken.issued(token)

    def _token(self, force_renew: bool = False) -> str:
        current = self.tokens.load() if self.tokens else None
        if current is None:
            raise NodeNotSignedIn(f"You are not signed in to {self.profile.label}.")
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
        raise NodeNotSignedIn(f"Your session with {self.profile.label} has expired.")

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
                raise NodeNotSignedIn(f"{self.profile.label} refused the session.")
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
                    raise NodeNotSignedIn(f"{self.profile.label} refused the session.")
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
        attempts = self.retries if (method in IDEMPOTENT if retry is None else retry) else 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._call(lambda: self._exchange(method, self.url(path), headers, kwargs))
            except _Transient:
                if last:
                    raise
            else:
                if response.status_code not in RETRY_STATUSES or last:
                    return response
            time.sleep(self.backoff * (2**attempt))
        raise AssertionError("unreachable")

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
                    f"The TLS certificate of {self.host} is not trusted.", remedy=Remedy.CHECK_CA_BUNDLE
                ) from exc
            raise _Transient(f"The node at {self.host} cannot be reached.") from exc
        except httpx.TimeoutException as exc:
            raise _Transient(f"The node at {self.host} did not answer within {self.timeout:.0f} s.") from exc
        except httpx.HTTPError as exc:
            raise _Transient(f"The connection to the node at {self.host} failed.") from exc

    def _checked(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status < 300:
            return response
        if status < 400:
            raise NodeError(
                f"The node at {self.host} redirected the request ({status}); redirects are not followed. "
                "Check the server's address in its profile."
            )
        message = error_message(response) or "no details given"
        if status == 401:
            raise NodeNotSignedIn(f"{self.profile.label} refused the session.")
        if status == 403:
            hint = "" if self.profile.project else (
                " If you are not one of its administrators, the server profile needs your project "
                "(the approved data-access request)."
            )  # fmt: skip
            raise NodeError(sentence(f"The node refused this: you lack the permission ({message})") + hint)
        if status == 404:
            raise NodeError(sentence(f"Not found on the node: {message}"))
        if status >= 500:
            raise NodeError(sentence(f"The node failed ({status}): {message}"))
        raise NodeError(sentence(f"The node refused the request ({status}): {message}"))

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except RecursionError:
            raise NodeError(f"The answer of the node at {self.host} is nested too deeply to be read.") from None
        except ValueError:
            kind = printable(response.headers.get("content-type", "no content type"), 80)
            raise NodeError(
                f"The node at {self.host} answered something that is not JSON (status {response.status_code}, {kind})."
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


def _buffered(response: httpx.Response, host: str, limit: int = MAX_JSON_BYTES) -> httpx.Response:
    """The streamed `response` with its body read, refused beyond `limit` decoded bytes."""
    declared = response.headers.get("content-length", "")
    too_large = NodeError(f"The answer of the node at {host} is larger than {limit >> 20} MiB; it was not read.")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise too_large
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in FRAMING_HEADERS]
    return httpx.Response(response.status_code, headers=headers, content=bytes(body), request=response.request)
