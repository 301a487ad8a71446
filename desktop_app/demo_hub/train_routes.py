"""`/api/trains`, `/api/train-files` and the two downloads: a train's files and its result."""

from __future__ import annotations

import re
import secrets

from desktop_app.demo_hub.exchange import FileReply, HubError, Reply, Request, collection, filtered
from desktop_app.demo_hub.state import DEMO_USER, HubState, Train

# The only filters the real `GET /trains` applies: `filter[result_status]` and any other is
# silently dropped, every train coming back (shared/NETWORKS.md).
TRAIN_FILTERS = ("id", "name", "proposal_id", "realm_id")


def list_trains(state: HubState, request: Request) -> Reply:
    request.signed_in_user(state)
    items = [_train_json(state, t) for t in sorted(state.trains.values(), key=lambda t: t.created)]
    return Reply(200, collection(filtered(items, request.query, TRAIN_FILTERS), request.query))


def show_train(state: HubState, request: Request, train_id: str) -> Reply:
    request.signed_in_user(state)
    return Reply(200, _train_json(state, _train(state, train_id)))


def edit_train(state: HubState, request: Request, train_id: str) -> Reply:
    """Only `hash_signed` is kept: the researcher's signature of the train's hash."""
    request.signed_in_user(state)
    train = _train(state, train_id)
    body = request.json()
    if "hash_signed" in body:
        if not re.fullmatch(r"[0-9a-f]{64,2048}", str(body["hash_signed"])):
            raise HubError(400, "hash_signed must be a hex signature.")
        train.hash_signed = body["hash_signed"]
    return Reply(200, _train_json(state, train))


def train_command(state: HubState, request: Request, train_id: str) -> Reply:
    request.signed_in_user(state)
    train = _train(state, train_id)
    if request.json().get("command") == "generateHash":
        train.hash = train.server_hash(DEMO_USER["id"])
    return Reply(200, _train_json(state, train))


def list_train_files(state: HubState, request: Request) -> Reply:
    """All files of `filter[train_id]`, in the order the server hashes them, on one page."""
    request.signed_in_user(state)
    train = _train(state, request.query.get("filter[train_id]", ""))
    items = [
        {
            "id": f"{train.id}-{i}",
            "name": name.rsplit("/", 1)[-1],
            "directory": name.rpartition("/")[0] or ".",
            "path": name,
            "size": len(data),
            "hash": secrets.token_hex(8),
            "train_id": train.id,
        }
        for i, (name, data) in enumerate(train.files)
    ]
    # As the real route: no pagination (every file on one answer) and meta.total.
    return Reply(200, {"data": items, "meta": {"total": len(items)}})


def download_train_files(state: HubState, request: Request, train_id: str) -> Reply:
    request.signed_in_user(state)
    return Reply(200, state.train_files_tar(_train(state, train_id)), "application/x-tar")


def download_result(state: HubState, request: Request, train_id: str) -> FileReply:
    request.signed_in_user(state)
    train = _train(state, train_id)
    if train.result_status != "finished":  # as the real server: no result object, whatever the status
        raise HubError(404, "The train result does not exist in the storage.")
    try:
        archive = state.result_archive(train)
    except LookupError as exc:
        raise HubError(400, str(exc)) from None
    # As the real API: a plain tar with a gzip content type, named after the train.
    return FileReply(archive, "application/gzip", f"{train.id}.tar")


def _train(state: HubState, train_id: str) -> Train:
    train = state.trains.get(train_id)
    if train is None:
        raise HubError(404, f"No train {train_id}.")
    return train


def _train_json(state: HubState, train: Train) -> dict:
    return train.to_json(DEMO_USER, state.rsa_secret_id())
