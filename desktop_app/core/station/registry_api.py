"""The station's registry over the OCI distribution API: the repositories of its project, their
tags, manifests and blobs, read directly over HTTP (no engine, no pull) for the inbox.

The registry is the one in the station's settings (`host[:port][/project]`, or with `https://` /
`http://`); a bare loopback host is spoken to over plain HTTP (as the engines treat loopback
registries as insecure), any other bare host over HTTPS. The station's registry credentials go
only to that host (the same rule as pulls and pushes, `RegistryCredentials.for_reference`):
a redirect to another host, or a token service on another host, is sent none.

Every answer is size-capped and read as far as needed; a registry that does not answer, or
answers what no registry answers, is one sentence (`StationError`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import httpx

from desktop_app.core.i18n import _
from desktop_app.core.net import is_loopback, os_trust_store
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry import RegistryCredentials
from desktop_app.core.station.registry_auth import basic_authorization, bearer_authorization, parse_challenge

MAX_JSON_BYTES = 4 << 20  # a page of the catalog, a tag list, a manifest: real ones are a few KiB
MAX_REDIRECTS = 5
PAGE_SIZE = 100
MANIFEST_TYPES = ", ".join(
    (
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
    )
)
_NEXT_LINK = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')


class RegistryRefused(StationError):
    """The registry answered 401 or 403: no credentials, wrong ones, or not allowed to."""


class RegistryMissing(StationError):
    """The registry has no such repository, tag or blob (HTTP 404): deleted, or never pushed."""


@dataclass(frozen=True)
class RegistryAddress:
    """The station's registry setting, split: where to speak to it and which project is its inbox."""

    base_url: str  # scheme://host[:port]
    host: str  # host[:port], as image references name it
    project: str  # the path after the host ("" = the whole registry)

    @classmethod
    def parse(cls, setting: str) -> RegistryAddress:
        text = setting.strip()
        if not text:
            raise StationError(_("No registry is set in the station's settings, so there is no inbox to list."))
        scheme = ""
        for prefix in ("https://", "http://"):
            if text.lower().startswith(prefix):
                scheme, text = prefix[:-3], text[len(prefix) :]
        host, _slash, project = text.partition("/")
        if not host or "://" in text or any(c in host for c in "@?# "):
            raise StationError(_("The station's registry setting {value!r} names no registry.").format(value=setting))
        if not scheme:
            scheme = "http" if is_loopback(host) else "https"
        return cls(f"{scheme}://{host}", host, project.strip("/"))


class RegistryAPI:
    def __init__(
        self, address: RegistryAddress, credentials: RegistryCredentials | None = None, timeout: float = 30.0
    ) -> None:
        self.address = address
        self.credentials = credentials
        self.http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            verify=os_trust_store(),
            trust_env=True,
            follow_redirects=False,  # followed by hand: credentials must not go along to another host
        )
        self._authorization: str | None = None  # once a challenge was answered, sent up front
        self._offered = False  # the credentials went to the registry or its token service

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RegistryAPI:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what the inbox asks -------------------------------------------------------------------

    def repositories(self, limit: int = 10_000, page_size: int = PAGE_SIZE) -> list[str]:
        """The repositories of the station's project (all of them if it has none), following pages."""
        prefix = f"{self.address.project}/" if self.address.project else ""
        try:
            names = self._paged(f"/v2/_catalog?n={page_size}", "repositories", limit)
        except RegistryRefused as refused:
            if not self.address.project:
                raise
            names = self._harbor_repositories(limit, refused)
        return [name for name in names if name.startswith(prefix)]

    def _harbor_repositories(self, limit: int, refused: RegistryRefused) -> list[str]:
        """Harbor answers `_catalog` to its administrators only; a project's own accounts (a
        station's robot account) list the project's repositories through Harbor's API instead."""
        project = quote(self.address.project.split("/")[0], safe="")
        auth = self.credentials.for_reference(f"{self.address.host}/inbox:probe") if self.credentials else None
        headers = {"Authorization": basic_authorization(auth)} if auth else {}
        names: list[str] = []
        seen: set[str] = set()
        path: str | None = f"/api/v2.0/projects/{project}/repositories?page=1&page_size={PAGE_SIZE}"
        while path and path not in seen and len(names) < limit:
            seen.add(path)
            try:
                with self._get(path, headers, own_auth=False) as response:
                    body = self._read_capped(response, _("Harbor's list of repositories"))
                    link = response.headers.get("Link", "")
            except StationError:
                raise refused from None  # no Harbor, or not allowed there either: the catalog's refusal says it
            document = self._json(body, _("Harbor's list of repositories"))
            if not isinstance(document, list) or not all(
                isinstance(r, dict) and isinstance(r.get("name"), str) for r in document
            ):
                raise self._nonsense(_("Harbor's list of repositories is not a list of named repositories"))
            names.extend(r["name"] for r in document)
            path = self._next_page(link)
        return names[:limit]

    def tags(self, repository: str, limit: int = 10_000) -> list[str]:
        return self._paged(f"/v2/{repository}/tags/list?n={PAGE_SIZE}", "tags", limit)

    def manifest(self, repository: str, reference: str) -> tuple[bytes, str, str]:
        """(body, media type, digest) of a manifest or index, the digest as the registry names it."""
        with self._get(f"/v2/{repository}/manifests/{reference}", {"Accept": MANIFEST_TYPES}) as response:
            body = self._read_capped(
                response,
                _("the manifest of {repository}:{reference}").format(repository=repository, reference=reference),
            )
            media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
            digest = response.headers.get("Docker-Content-Digest", "")
        return body, media_type, digest

    def manifest_digest(self, repository: str, reference: str) -> str:
        body, _type, digest = self.manifest(repository, reference)
        return digest or f"sha256:{hashlib.sha256(body).hexdigest()}"

    @contextmanager
    def blob_stream(self, repository: str, digest: str) -> Iterator[Iterator[bytes]]:
        """The blob's bytes as they arrive; the caller stops reading when it has what it needs."""
        with self._get(f"/v2/{repository}/blobs/{digest}") as response:
            yield response.iter_raw()

    # -- HTTP ----------------------------------------------------------------------------------

    def _paged(self, path: str, field: str, limit: int) -> list[str]:
        found: list[str] = []
        seen_pages: set[str] = set()
        next_path: str | None = path
        while next_path and len(found) < limit:
            if next_path in seen_pages:  # a registry pointing back at a page it gave: stop, not loop
                break
            seen_pages.add(next_path)
            with self._get(next_path) as response:
                what = _("the registry's list of {field}").format(field=field)
                document = self._json(self._read_capped(response, what), what)
                link = response.headers.get("Link", "")
            values = document.get(field) if isinstance(document, dict) else None
            if values is None and isinstance(document, dict) and field in document:
                values = []  # a repository whose tags were all deleted answers `"tags": null`
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise self._nonsense(_("{what} is not a list of names").format(what=what))
            found.extend(values)
            next_path = self._next_page(link)
        return found[:limit]

    def _next_page(self, link: str) -> str | None:
        match = _NEXT_LINK.search(link)
        if not match:
            return None
        target = urljoin(self.address.base_url + "/", match.group(1))
        parts = urlsplit(target)
        if f"{parts.scheme}://{parts.netloc}" != self.address.base_url:
            raise self._nonsense(_("its next page is on another host"))
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @contextmanager
    def _get(self, path: str, headers: dict[str, str] | None = None, own_auth: bool = True) -> Iterator[httpx.Response]:
        """GET on the registry, answering its auth challenge once (`own_auth`; else `headers` carry
        the caller's), following redirects without credentials to other hosts."""
        url = self.address.base_url + path
        answered = False  # one new answer to a challenge per request: a token may expire mid-listing
        for _attempt in range(MAX_REDIRECTS + 2):
            same_host = url.startswith(self.address.base_url + "/")
            sent = dict(headers or {})
            if not same_host:
                sent.pop("Authorization", None)
            elif own_auth and self._authorization:
                sent["Authorization"] = self._authorization
            with self._send(url, sent) as response:
                if response.status_code == 401 and same_host and own_auth and not answered:
                    answered = True
                    self._authorization = self._answer_challenge(response, path)
                    if self._authorization:
                        continue
                if response.status_code in (301, 302, 303, 307, 308) and "Location" in response.headers:
                    url = urljoin(url, response.headers["Location"])
                    continue
                self._raise_for_status(response, path)
                yield response
                return
        raise self._nonsense(_("it redirected too often"))

    @contextmanager
    def _send(self, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
        try:
            with self.http.stream("GET", url, headers=headers) as response:
                yield response
        except httpx.TimeoutException as exc:
            raise StationError(
                _("The registry at {host} did not answer in time.").format(host=self.address.host)
            ) from exc
        except httpx.HTTPError as exc:  # refused, reset, TLS, DNS: the registry is not there to talk to
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            raise StationError(
                _("The registry at {host} cannot be reached ({reason}).").format(host=self.address.host, reason=reason)
            ) from exc

    def _answer_challenge(self, response: httpx.Response, path: str) -> str | None:
        """The Authorization header that answers the registry's 401, or None when there is none to give."""
        response.read()
        scheme, params = parse_challenge(response.headers.get("WWW-Authenticate", ""))
        auth = self.credentials.for_reference(f"{self.address.host}/inbox:probe") if self.credentials else None
        if scheme == "basic":
            if auth is None:
                return None
            self._offered = True
            return basic_authorization(auth)
        if scheme != "bearer":
            return None
        realm = params.pop("realm", "")
        if not realm.startswith(("https://", "http://")):
            return None
        realm_host = urlsplit(realm).netloc
        # A token service elsewhere gets no password: an anonymous token, if it hands one out.
        if self.credentials is None or self.credentials.for_reference(f"{realm_host}/inbox:probe") is None:
            auth = None
        self._offered = self._offered or auth is not None
        try:
            token_response = self.http.get(
                realm,
                params=params,
                auth=(auth["username"], auth["password"]) if auth else None,
            )
        except httpx.HTTPError as exc:
            raise StationError(
                _("The registry's token service at {host} cannot be reached.").format(host=realm_host)
            ) from exc
        if token_response.status_code != 200:
            return None
        document = self._json(token_response.content[:MAX_JSON_BYTES], _("its token service's answer"))
        return bearer_authorization(document)

    def _raise_for_status(self, response: httpx.Response, path: str) -> None:
        status = response.status_code
        if status < 300:
            return
        host = self.address.host
        answered_by = f"{response.url.host}:{response.url.port}" if response.url.port else response.url.host
        if not str(response.url).startswith(self.address.base_url + "/"):  # after a redirect elsewhere
            raise StationError(
                _("The registry at {host} sent {path} on to {other}, which answered HTTP {status}.").format(
                    host=host, path=path.split("?")[0], other=answered_by, status=status
                )
            )
        if status in (401, 403):
            message = _("The registry at {host} refused the station's credentials for {path} (HTTP {status}).")
            if not self._offered:
                message = _("The registry at {host} asks for credentials for {path} (HTTP {status}); none were sent.")
            raise RegistryRefused(message.format(host=host, path=path.split("?")[0], status=status))
        if status == 404:
            raise RegistryMissing(_("The registry at {host} has no {path}.").format(host=host, path=path.split("?")[0]))
        raise StationError(
            _("The registry at {host} answered {path} with HTTP {status}.").format(
                host=host, path=path.split("?")[0], status=status
            )
        )

    def _read_capped(self, response: httpx.Response, what: str) -> bytes:
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_JSON_BYTES:
                raise self._nonsense(
                    _("{what} is larger than {mib} MiB").format(what=what, mib=MAX_JSON_BYTES >> 20)
                )
            chunks.append(chunk)
        return b"".join(chunks)

    def _json(self, body: bytes, what: str) -> Any:
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise self._nonsense(_("{what} is not JSON").format(what=what)) from exc

    def _nonsense(self, why: str) -> StationError:
        return StationError(
            _("The registry at {host} answered something no registry answers ({why}).").format(
                host=self.address.host, why=why
            )
        )
