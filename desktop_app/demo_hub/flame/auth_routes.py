"""authup's `POST /token` as the FLAME hub's auth service answers it (NETWORKS.md §2).

JSON or form bodies; without `grant_type` the grant is inferred from the fields. authup of hub
0.8.x knows `robot_credentials` (`id`, `secret`); the current one replaced it by
`client_credentials` (`client_id`, `client_secret`, or HTTP Basic). Robots get no refresh token.
"""

from __future__ import annotations

import base64
import binascii
import json

from desktop_app.demo_hub.exchange import HubError, Reply, Request
from desktop_app.demo_hub.flame.state import FLAME_ROBOT, FLAME_USER, FlameState


def _body(request: Request) -> dict[str, str]:
    if "json" in (request.headers.get("Content-Type") or ""):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            raise HubError(400, "The body is not JSON.") from None
        return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
    return request.form()


def _basic(request: Request) -> tuple[str, str] | None:
    header = request.headers.get("Authorization") or ""
    if not header.startswith("Basic "):
        return None
    try:
        user, _, secret = base64.b64decode(header[6:]).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    return user, secret


def _invalid(code: str, message: str) -> HubError:
    """authup's error: its own `code` plus the OAuth2 `error` and `error_description`."""
    return HubError(400, message, code, {"error": "invalid_request", "error_description": message})


def _inferred(body: dict[str, str]) -> str | None:
    if "username" in body and "password" in body:
        return "password"
    if "refresh_token" in body:
        return "refresh_token"
    if "id" in body and "secret" in body:
        return "robot_credentials"
    if "client_id" in body:
        return "client_credentials"
    return None


def token(state: FlameState, request: Request) -> Reply:
    body = _body(request)
    grant = body.get("grant_type") or _inferred(body)
    robot_grant = "client_credentials" if state.camel_case else "robot_credentials"
    if grant == "password":
        if body.get("username") != FLAME_USER["name"] or body.get("password") != FLAME_USER["password"]:
            raise _invalid("invalid_credentials", "The user credentials are invalid.")
        return Reply(200, state.issue_tokens(FLAME_USER["id"], with_refresh=True))
    if grant == "refresh_token":
        subject = state.take_refresh(body.get("refresh_token", ""))
        if subject is None:
            raise _invalid("invalid_token", "The refresh token is invalid or expired.")
        return Reply(200, state.issue_tokens(subject, with_refresh=True))
    if grant == robot_grant == "robot_credentials":
        given = (body.get("id"), body.get("secret"))
    elif grant == robot_grant == "client_credentials":
        given = _basic(request) or (body.get("client_id"), body.get("client_secret"))
    else:
        raise _invalid("unsupported_grant_type", f"The grant type {grant!r} is not supported.")
    if given != (FLAME_ROBOT["id"], FLAME_ROBOT["secret"]):
        raise _invalid("invalid_credentials", "The robot credentials are invalid.")
    return Reply(200, state.issue_tokens(FLAME_ROBOT["id"], with_refresh=False))
