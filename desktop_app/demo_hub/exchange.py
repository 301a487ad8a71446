"""What a demo hub route is given and what it gives back: the request, a reply, an error.

The routes are plain functions of (hub state, request); they never touch the socket. The
request handler (`handler.py`) turns their replies and errors into HTTP.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from desktop_app.demo_hub.state import HubState


class HubError(Exception):
    """An error answer: `status` with the API's error body around `message`."""

    def __init__(self, status: int, message: str, code: str | None = None, extra: dict | None = None) -> None:
        super().__init__(message)
        self.status, self.message = status, message
        self.code, self.extra = code, extra or {}  # a server's own `code` and further fields (authup's `error`)


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, str]  # the last value of each parameter, as the real API reads them
    headers: Message
    body: bytes

    def json(self) -> dict:
        try:
            data = json.loads(self.body or b"{}")
        except ValueError:
            raise HubError(400, "The body is not JSON.") from None
        if not isinstance(data, dict):
            raise HubError(400, "The body must be a JSON object.")
        return data

    def form(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.body.decode()).items()}

    def signed_in_user(self, state: HubState) -> str:
        """The user of the request's bearer token; 401 without a valid one."""
        auth = self.headers.get("Authorization", "")
        user = state.user_for(auth.removeprefix("Bearer ").strip()) if auth.startswith("Bearer ") else None
        if user is None:
            raise HubError(401, "The access token is missing, invalid or expired.")
        return user


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any  # JSON-able; bytes are sent as they are, with `content_type`
    content_type: str = "application/json"


@dataclass(frozen=True)
class FileReply:
    """A file streamed from disk in chunks: result archives are too large to hold in memory."""

    path: Path
    content_type: str
    filename: str | None = None  # sent as `Content-Disposition: attachment; filename="..."`
    encoding: str | None = None  # sent as `Content-Encoding` (the file is stored encoded so)


MAX_PAGE = 50  # the real server's largest page, whatever `page[limit]` asks


def filtered(items: list[dict], query: dict[str, str], allowed: tuple[str, ...]) -> list[dict]:
    """`items` matching the `filter[field]` parameters the real route accepts; as the real server,
    any other filter is silently dropped (and the client must not rely on it)."""
    for name in allowed:
        wanted = query.get(f"filter[{name}]")
        if wanted is not None:
            items = [item for item in items if str(item.get(name)) == wanted]
    return items


def collection(items: list, query: dict[str, str]) -> dict:
    """One page of a `{data, meta}` list, paged by `page[limit]` and `page[offset]`."""
    limit = max(1, min(int(query.get("page[limit]", 10)), MAX_PAGE))
    offset = max(0, int(query.get("page[offset]", 0)))
    return {
        "data": items[offset : offset + limit],
        "meta": {"total": len(items), "limit": limit, "offset": offset},
    }
