"""`/api/user-secrets`: the public keys a user registers (RSA for results, Paillier)."""

from __future__ import annotations

from desktop_app.demo_hub.exchange import HubError, Reply, Request, collection, filtered
from desktop_app.demo_hub.state import HubState, secret_fields

SECRET_FILTERS = ("id", "type", "user_id", "key")  # what the real route filters by


def list_secrets(state: HubState, request: Request) -> Reply:
    request.signed_in_user(state)
    return Reply(200, collection(filtered(list(state.secrets.values()), request.query, SECRET_FILTERS), request.query))


def add_secret(state: HubState, request: Request) -> Reply:
    request.signed_in_user(state)
    secret = _validated_secret(request.json())
    if any(s["key"] == secret["key"] for s in state.secrets.values()):
        raise HubError(409, f"A secret named {secret['key']!r} exists already.")
    return Reply(201, state.add_secret(secret["key"], secret["type"], secret["content"]))


def show_secret(state: HubState, request: Request, secret_id: str) -> Reply:
    return Reply(200, _existing(state, request, secret_id))


def update_secret(state: HubState, request: Request, secret_id: str) -> Reply:
    secret = _existing(state, request, secret_id)
    secret.update(_validated_secret(request.json()))
    return Reply(200, secret)


def delete_secret(state: HubState, request: Request, secret_id: str) -> Reply:
    _existing(state, request, secret_id)
    return Reply(202, state.secrets.pop(secret_id))


def _existing(state: HubState, request: Request, secret_id: str) -> dict:
    request.signed_in_user(state)
    if secret_id not in state.secrets:
        raise HubError(404, "No such user secret.")
    return state.secrets[secret_id]


def _validated_secret(body: dict) -> dict:
    key, kind, content = body.get("key"), body.get("type"), body.get("content")
    if not isinstance(key, str) or not 3 <= len(key) <= 128:
        raise HubError(400, "key must be 3–128 characters.")
    if kind not in ("rsa_public_key", "paillier_public_key"):
        raise HubError(400, "type must be rsa_public_key or paillier_public_key.")
    if not isinstance(content, str) or not 3 <= len(content) <= 8192:
        raise HubError(400, "content must be 3–8192 characters.")
    return secret_fields(key, kind, content)
