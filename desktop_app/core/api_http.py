"""The HTTP plumbing the app's API clients share (PHT central and FLAME, the Federated Node).

One `httpx.Client` per server that trusts what the OS trusts (or the profile's CA bundle), takes
proxies from the environment and never follows a redirect (a token must not travel to wherever
a server points); every answer read whole only within a size cap; and an idempotent request
tried again, with growing pauses, after a transient failure or a 502/503/504.
Each client words its own sentences: the failures here are the caller's to build.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable

import httpx

from desktop_app.core.central.profiles import ServerProfile
from desktop_app.core.errors import PHTError
from desktop_app.core.net import os_trust_store

RETRY_STATUSES = {502, 503, 504}
# Headers describing the body's framing on the wire; they do not hold for the body once read.
FRAMING_HEADERS = {"content-encoding", "content-length", "transfer-encoding"}


def ssl_context(profile: ServerProfile) -> ssl.SSLContext:
    """The profile's CA bundle if it has one, else the operating system's trust store."""
    if profile.ca_bundle:
        return ssl.create_default_context(cafile=profile.ca_bundle)
    return os_trust_store()


def api_client(profile: ServerProfile, timeout: float) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        verify=ssl_context(profile),
        trust_env=True,  # proxies from the environment
        follow_redirects=False,
    )


def read_whole(response: httpx.Response, limit: int, too_large: Callable[[], Exception]) -> httpx.Response:
    """The streamed `response` with its body read, as a plain response; `too_large()` is raised
    past `limit` bytes. The limit counts decoded bytes, so a compressed answer cannot get round
    it; a declared Content-Length over it is refused before any of the body is read."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large()
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise too_large()
    headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in FRAMING_HEADERS]
    return httpx.Response(response.status_code, headers=headers, content=bytes(body), request=response.request)


def with_retries(
    exchange: Callable[[], httpx.Response], attempts: int, backoff: float, transient: Callable[[PHTError], bool]
) -> httpx.Response:
    """`exchange()` up to `attempts` times while it fails `transient`ly or answers 502/503/504;
    the last failure or answer is the caller's."""
    for attempt in range(attempts):
        last = attempt == attempts - 1
        try:
            response = exchange()
        except PHTError as exc:
            if last or not transient(exc):
                raise
        else:
            if response.status_code not in RETRY_STATUSES or last:
                return response
        time.sleep(backoff * (2**attempt))
    raise AssertionError("unreachable")
