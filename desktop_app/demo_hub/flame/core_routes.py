"""The FLAME hub's core routes a desktop client uses: version, nodes, analyses, buckets, files.

Lists are `{data, meta:{total, limit, offset}}` pages of at most 50; a filter the route does not
know, or one spelled in the other version's case, is dropped without a word (every item comes
back), as the real hub's query parser does. Updating a node takes only `public_key` (current:
`publicKey`); other fields are dropped, the key is stored as hex of its text, and the answer is 202.
"""

from __future__ import annotations

import re
import time

from desktop_app.demo_hub.exchange import HubError, Reply, Request, collection
from desktop_app.demo_hub.flame.state import DEMO_REALM, FlameState

HEX = re.compile(r"[0-9a-fA-F]+")


def _signed_in(state: FlameState, request: Request) -> str:
    return request.signed_in_user(state)


def _filtered(state: FlameState, items: list[dict], request: Request, allowed: tuple[str, ...]) -> list[dict]:
    for snake in allowed:
        wanted = request.query.get(f"filter[{state.field(snake)}]")
        if wanted is not None:
            items = [item for item in items if str(item.get(snake)) == wanted]
    return items


def _page(state: FlameState, items: list[dict], request: Request) -> Reply:
    page = collection(items, request.query)
    page["data"] = [state.out(item) for item in page["data"]]
    return Reply(200, page)


def version(state: FlameState, request: Request) -> Reply:
    return Reply(200, {"version": state.version, "timestamp": int(time.time() * 1000)})


def list_nodes(state: FlameState, request: Request) -> Reply:
    _signed_in(state, request)
    nodes = _filtered(state, list(state.nodes.values()), request, ("id", "name", "realm_id"))
    return _page(state, nodes, request)


def _node(state: FlameState, node_id: str) -> dict:
    node = state.nodes.get(node_id)
    if node is None:
        raise HubError(404, "The node was not found.")
    return node


def show_node(state: FlameState, request: Request, node_id: str) -> Reply:
    _signed_in(state, request)
    return Reply(200, state.out(_node(state, node_id)))


def update_node(state: FlameState, request: Request, node_id: str) -> Reply:
    _signed_in(state, request)
    node = _node(state, node_id)
    if node["realm_id"] != DEMO_REALM:  # node_update with write access to the node's realm
        raise HubError(403, "You don't have the permission to update this node.", "FORBIDDEN")
    body = request.json()
    name = state.field("public_key")
    if name in body:
        value = body[name]
        if value is not None and (not isinstance(value, str) or not 5 <= len(value) <= 4096):
            raise HubError(
                400,
                "The attribute public_key is invalid.",
                "BAD_REQUEST",
                {
                    "children": [{"attribute": name, "message": "The length must be between 5 and 4096."}],
                    "attributes": [name],
                },
            )
        with state.lock:
            node["public_key"] = value if value is None or HEX.fullmatch(value) else value.encode().hex()
    return Reply(202, state.out(node))


def list_analyses(state: FlameState, request: Request) -> Reply:
    _signed_in(state, request)
    return _page(state, _filtered(state, state.analyses, request, ("id", "project_id", "realm_id")), request)


def list_buckets(state: FlameState, request: Request) -> Reply:
    _signed_in(state, request)
    buckets = _filtered(state, state.buckets, request, ("id", "type", "analysis_id", "realm_id"))
    return _page(state, buckets, request)


def list_bucket_files(state: FlameState, request: Request) -> Reply:
    _signed_in(state, request)
    files = _filtered(state, state.bucket_files, request, ("id", "bucket_id", "analysis_id", "realm_id"))
    return _page(state, files, request)
