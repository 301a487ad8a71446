"""The one HTTP client of the central API: timeouts, retries, tokens, and errors as sentences.

Idempotent requests (GET, DELETE) are retried with backoff on connection errors and on
502/503/504. The access token is refreshed shortly before it expires and once on a 401;
when that fails (and no remembered credentials can sign in again) the caller gets
`NotSignedIn`. Nothing here runs on the GUI thread: the GUI calls it from its workers.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop_app.core.api_http import api_client, read_whole, with_retries
from desktop_app.core.central.errors import CentralError, NotSignedIn
from desktop_app.core.central.profiles import ServerProfile
from desktop_app.core.central.tokens import Credentials, TokenSet, TokenStore
from desktop_app.core.central.wording import printable, sentence
from desktop_app.core.errors import Remedy
from desktop_app.core.i18n import N_, _

# A JSON answer (or an error body) larger than this is refused, read no further: the largest real
# answer, a page of 50 trains, is a few tens of KiB. Downloads stream to disk and are not capped here.
MAX_JSON_BYTES = 16 << 20
IDEMPOTENT = {"GET", "HEAD", "DELETE"}


class CentralClient:
    # How sentences name the server: subclasses for other networks (a FLAME hub) say their own;
    # marked for the catalogue here, translated where a sentence says it.
    noun = N_("central server")

    def __init__(
        self,
        profile: ServerProfile,
        tokens: TokenStore | None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
    ) -> None:
        profile.check_transport()  # settings may have been edited by hand: no clear text unasked
        self.profile = profile
        self.tokens = tokens
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.http = api_client(profile, timeout)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CentralClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sign in ---------------------------------------------------------------------------------

    def sign_in(self, credentials: Credentials, remember: bool = False) -> TokenSet:
        tokens = self._token_request(self._grant_form(credentials))
        if self.tokens:
            self.tokens.save(tokens)
            if remember:
                self.tokens.remember(credentials)
        return tokens

    def _grant_form(self, credentials: Credentials) -> dict[str, str]:
        """The token request's form for these credentials (a network may spell robots otherwise)."""
        if credentials.grant == "password":
            form = {"grant_type": "password", "username": credentials.identity, "password": credentials.secret}
            if credentials.realm:
                form["realm_id"] = credentials.realm
            return form
        return {"grant_type": "robot_credentials", "id": credentials.identity, "secret": credentials.secret}

    def sign_out(self) -> None:
        if self.tokens:
            self.tokens.forget()

    def _token_request(self, form: dict[str, str]) -> TokenSet:
        response = self._send("POST", f"{self.profile.auth_url}/token", data=form, retry=False)
        if response.status_code in (400, 401):
            reason = _message(response) or _("the credentials were refused")
            raise NotSignedIn(sentence(_("Signing in failed: {reason}").format(reason=reason)), remedy=Remedy.NONE)
        body = self._json(self._checked(response))
        if not isinstance(body, dict) or "access_token" not in body:
            raise CentralError(_("The sign-in server answered without an access token."))
        return TokenSet.from_response(body)  # every field checked there

    def _refresh(self, tokens: TokenSet) -> TokenSet | None:
        with contextlib.suppress(NotSignedIn):
            if tokens.refresh_token:
                fresh = self._token_request({"grant_type": "refresh_token", "refresh_token": tokens.refresh_token})
                self.tokens.save(fresh)  # type: ignore[union-attr]
                return fresh
        remembered = self.tokens.remembered() if self.tokens else None
        if remembered:
            with contextlib.suppress(NotSignedIn):
                return self.sign_in(remembered)
        return None

    def _access_token(self, force_refresh: bool = False) -> str:
        tokens = self.tokens.load() if self.tokens else None
        if tokens is None:
            raise NotSignedIn(_("You are not signed in to {label}.").format(label=self.profile.label))
        if force_refresh or tokens.expiring:
            tokens = self._refresh(tokens)
            if tokens is None:
                raise NotSignedIn(_("Your session with {label} has expired.").format(label=self.profile.label))
        return tokens.access_token

    # -- requests --------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"{self.profile.api_url}/{path.lstrip('/')}"

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """An authenticated API call; returns the parsed JSON body."""
        return self._json(self._checked(self._authorized(method, path, **kwargs)))

    def _authorized(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self._send(method, self.url(path), token=self._access_token(), **kwargs)
        if response.status_code == 401:
            response = self._send(method, self.url(path), token=self._access_token(force_refresh=True), **kwargs)
            if response.status_code == 401:
                raise NotSignedIn(_("{label} refused the session.").format(label=self.profile.label))
        return response

    @contextlib.contextmanager
    def stream(self, path: str, headers: dict[str, str] | None = None) -> Iterator[httpx.Response]:
        """An authenticated streamed GET (downloads); the response is checked before use."""
        for attempt in (0, 1):
            token = self._access_token(force_refresh=attempt == 1)
            request = self.http.build_request(
                "GET", self.url(path), headers={**(headers or {}), "Authorization": f"Bearer {token}"}
            )
            response = self._call(lambda r=request: self.http.send(r, stream=True), request.url)
            try:
                if response.status_code == 401 and attempt == 0:
                    continue
                if response.status_code >= 400:  # read the error's message, within the cap
                    self._checked(self._call(lambda r=response: _buffered(r), request.url))
                if response.status_code >= 300:
                    self._checked(response)
                try:
                    yield response
                except httpx.HTTPError as exc:  # raised while the caller read the body
                    host = printable(request.url.netloc.decode(errors="replace"))
                    raise CentralError(
                        _("The answer of the server at {host} broke off or could not be decoded ({reason}).").format(
                            host=host, reason=_reason(exc)
                        )
                    ) from exc
                return
            finally:
                response.close()
        raise NotSignedIn(_("{label} refused the session.").format(label=self.profile.label))

    def _send(
        self, method: str, url: str, token: str | None = None, retry: bool | None = None, **kwargs: Any
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        retry = method in IDEMPOTENT if retry is None else retry
        return with_retries(
            lambda: self._call(lambda: self._exchange(method, url, headers, kwargs), url),
            self.retries if retry else 1,
            self.backoff,
            lambda exc: self._retryable_error,
        )

    def _exchange(self, method: str, url: str, headers: dict[str, str], kwargs: dict[str, Any]) -> httpx.Response:
        """One request whose answer is read whole, but never beyond MAX_JSON_BYTES."""
        request = self.http.build_request(method, url, headers=headers, **kwargs)
        response = self.http.send(request, stream=True)
        try:
            return _buffered(response)
        finally:
            response.close()

    _retryable_error = False

    def _call(self, action, url) -> httpx.Response:
        """Run one HTTP exchange, turning transport failures into sentences."""
        host = urlsplit(str(url)).netloc
        self._retryable_error = False
        try:
            return action()
        except httpx.ConnectError as exc:
            if _is_tls_failure(exc):
                setting = (
                    _("the CA bundle {ca_bundle}").format(ca_bundle=self.profile.ca_bundle)
                    if self.profile.ca_bundle
                    else _("the system's trust store")
                )
                raise CentralError(
                    _("The TLS certificate of {host} is not trusted (checked against {setting}).").format(
                        host=host, setting=setting
                    ),
                    remedy=Remedy.CHECK_CA_BUNDLE,
                ) from exc
            self._retryable_error = True
            raise CentralError(
                _("The {noun} at {host} cannot be reached ({reason}).").format(
                    noun=_(self.noun), host=host, reason=_reason(exc)
                )
            ) from exc
        except httpx.TimeoutException as exc:
            self._retryable_error = True
            raise CentralError(
                _("The {noun} at {host} did not answer within {timeout:.0f} s.").format(
                    noun=_(self.noun), host=host, timeout=self.timeout
                )
            ) from exc
        except httpx.HTTPError as exc:
            self._retryable_error = True
            raise CentralError(
                _("The connection to {host} failed ({reason}).").format(host=host, reason=_reason(exc))
            ) from exc

    def _checked(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if 300 <= status < 400:
            # Redirects are not followed (a token must not travel to wherever a server points),
            # and a 3xx body is a portal's or proxy's page, never the answer asked for.
            location = response.headers.get("location")
            where = _("to {location}").format(location=printable(location)) if location else _("without saying where")
            host = response.request.url.netloc.decode(errors="replace")
            raise CentralError(
                _(
                    "The server at {host} redirected the request ({status}) {where}; redirects are not "
                    "followed and the answer was not used. Check the server's address in its profile."
                ).format(host=printable(host), status=status, where=where)
            )
        if status < 400:
            return response
        message = _message(response)
        if status == 401:
            raise NotSignedIn(_("{label} refused the session.").format(label=self.profile.label))
        if status == 403:
            raise CentralError(
                sentence(
                    _("The server refused this: you lack the permission ({message})").format(
                        message=message or _("no details given")
                    )
                )
            )
        if status == 404:
            raise CentralError(
                sentence(_("Not found on the server: {message}").format(message=message or response.request.url.path))
            )
        if status >= 500:
            raise CentralError(
                sentence(
                    _("The {noun} failed ({status}): {message}").format(
                        noun=_(self.noun), status=status, message=message or _("it gave no details")
                    )
                )
            )
        raise CentralError(
            sentence(
                _("The {noun} refused the request ({status}): {message}").format(
                    noun=_(self.noun), status=status, message=message or _("no details given")
                )
            )
        )

    def _json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except RecursionError:
            raise CentralError(
                _("The {noun}'s answer is nested too deeply to be read.").format(noun=_(self.noun))
            ) from None
        except ValueError:
            kind = response.headers.get("content-type", _("no content type"))
            raise CentralError(
                _("The {noun} answered something that is not JSON (status {status_code}, {kind}).").format(
                    noun=_(self.noun), status_code=response.status_code, kind=kind
                )
            ) from None


def _buffered(response: httpx.Response) -> httpx.Response:
    return read_whole(response, MAX_JSON_BYTES, lambda: _too_large(response, MAX_JSON_BYTES))


def _too_large(response: httpx.Response, limit: int) -> CentralError:
    host = printable(response.request.url.netloc.decode(errors="replace"))
    return CentralError(
        _(
            "The answer of the server at {host} is larger than {size} MiB, more than any answer of "
            "the central API; it was not read."
        ).format(host=host, size=limit >> 20)
    )


def _message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return ""
    message = body.get("message") if isinstance(body, dict) else None
    return printable(message) if isinstance(message, str) else ""


def _reason(exc: Exception) -> str:
    cause = exc.__cause__ or exc.__context__
    text = str(cause or exc) or type(exc).__name__
    return text.split("] ")[-1][:120]


def _is_tls_failure(exc: Exception) -> bool:
    chain: BaseException | None = exc
    while chain is not None:
        if isinstance(chain, ssl.SSLError) or "CERTIFICATE_VERIFY_FAILED" in str(chain):
            return True
        chain = chain.__cause__ or chain.__context__
    return False
