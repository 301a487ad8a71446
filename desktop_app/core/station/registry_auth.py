"""The registry's sign-in, as the distribution spec has it: a 401 names its scheme in
`WWW-Authenticate`; `Basic` is answered with the station's credentials, `Bearer` with a token
from the named token service (Harbor's way). Shared by the inbox listing and the push."""

from __future__ import annotations

import base64
import re
from typing import Any

_CHALLENGE_PARAM = re.compile(r'(\w+)="([^"]*)"')


def parse_challenge(header: str) -> tuple[str, dict[str, str]]:
    """`Bearer realm="…",service="…"` → ("bearer", {"realm": …, "service": …})."""
    scheme, _space, rest = header.strip().partition(" ")
    return scheme.lower(), dict(_CHALLENGE_PARAM.findall(rest))


def basic_authorization(credentials: dict[str, str]) -> str:
    pair = f"{credentials['username']}:{credentials['password']}".encode()
    return "Basic " + base64.b64encode(pair).decode()


def bearer_authorization(document: Any) -> str | None:
    """The header a token service's JSON answer gives (`token`, or OAuth's `access_token`), if any."""
    if not isinstance(document, dict):
        return None
    token = document.get("token") or document.get("access_token")
    return f"Bearer {token}" if isinstance(token, str) and token else None
