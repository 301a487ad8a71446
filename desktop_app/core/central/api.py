"""The central API's resources a desktop client uses: user secrets and trains (PROTOCOL.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.core.central import shapes
from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError
from desktop_app.core.central.statuses import RESULT_STATUSES  # noqa: F401 - re-exported
from desktop_app.core.i18n import _

PAGE_SIZE = 50
# A server whose `meta.total` never ends (or that invents new items on every page) must not
# keep us reading forever: at most this many pages, and a page that adds nothing new ends it.
MAX_PAGES = 1000


def _page(body: Any, what: str) -> tuple[list[dict], int | None]:
    """The items of one `{data, meta}` page, each an object, and `meta.total` if given."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise shapes.malformed(_("the list of {what}").format(what=what), _("is not a {data, meta} collection"))
    items = [shapes.an_object(item, _("an item of the list of {what}").format(what=what)) for item in body["data"]]
    meta = body.get("meta")
    if meta is None:
        return items, None
    total = shapes.an_object(meta, _("the list of {what}'s meta").format(what=what)).get("total")
    return items, None if total is None else shapes.count(
        total, _("meta.total of the list of {what}").format(what=what)
    )


def _identity(item: dict) -> str:
    return str(item["id"]) if "id" in item else json.dumps(item, sort_keys=True)


def paged(
    client: CentralClient, path: str, params: dict[str, str] | None = None, what: str = "items"
) -> Iterator[dict]:
    """Every item of a collection, following `meta.total` page by page, within bounds."""
    offset, seen = 0, set()
    for _page_number in range(MAX_PAGES):
        body = client.request(
            "GET", path, params={**(params or {}), "page[limit]": str(PAGE_SIZE), "page[offset]": str(offset)}
        )
        items, total = _page(body, what)
        new = [item for item in items if _identity(item) not in seen]
        seen.update(_identity(item) for item in new)
        yield from new
        offset += len(items)
        if not new or total is None or offset >= total:
            return
    raise CentralError(
        _(
            "The central server kept sending new pages of {what} (more than {max_pages} pages); stopped reading them."
        ).format(what=what, max_pages=MAX_PAGES)
    )


TRAIN_TEXT_FIELDS = (
    "name",
    "hash",
    "hash_signed",
    "session_id",
    "query",
    "user_id",
    "proposal_id",
    "created_at",
    "updated_at",
    *(f"{kind}_status" for kind in ("configuration", "build", "run", "result")),
)


@dataclass(frozen=True)
class Train:
    """A train as the server describes it; the fields this app reads are checked on arrival."""

    raw: dict

    def __post_init__(self) -> None:
        shapes.an_object(self.raw, _("a train"))
        shapes.identifier(self.raw, "id", _("a train"))
        for key in TRAIN_TEXT_FIELDS:
            shapes.optional_text(self.raw, key, _("train {id}").format(id=self.raw["id"]))

    @property
    def id(self) -> str:
        return str(self.raw["id"])

    @property
    def name(self) -> str:
        return str(self.raw.get("name") or "")

    def status(self, kind: str) -> str:
        return str(self.raw.get(f"{kind}_status") or "—")

    @property
    def awaits_signature(self) -> bool:
        return bool(self.raw.get("hash")) and not self.raw.get("hash_signed")

    @property
    def result_ready(self) -> bool:
        return self.raw.get("result_status") == "finished"


def list_trains(client: CentralClient, result_status: str | None = None) -> list[Train]:
    """The user's trains, only those with `result_status` if given.

    The real server drops `filter[result_status]` silently and sends every train; the filter is
    still sent (a server that applies it sends less) and applied here as well."""
    params = {"filter[result_status]": result_status} if result_status else None
    trains = [Train(raw) for raw in paged(client, "trains", params, _("trains"))]
    return [t for t in trains if t.raw.get("result_status") == result_status] if result_status else trains


def get_train(client: CentralClient, train_id: str) -> Train:
    return Train(client.request("GET", f"trains/{train_id}"))


def submit_signature(client: CentralClient, train_id: str, signature_hex: str) -> Train:
    return Train(client.request("POST", f"trains/{train_id}", json={"hash_signed": signature_hex}))


def train_files(client: CentralClient, train_id: str) -> list[dict]:
    """The train's files in the order the server hashes them."""
    return list(paged(client, "train-files", {"filter[train_id]": train_id}, _("train files")))


# -- user secrets ---------------------------------------------------------------------------------


def _secret(raw: dict) -> dict:
    """A user secret with the fields this app reads checked: id, key, type and content."""
    shapes.identifier(raw, "id", _("a user secret"))
    for field in ("key", "type", "content"):
        shapes.optional_text(raw, field, _("user secret {id}").format(id=raw["id"]))
    return raw


def find_secret(client: CentralClient, key: str) -> dict | None:
    """The user's secret named `key` (the server's filter is checked, not trusted)."""
    found = paged(client, "user-secrets", {"filter[key]": key}, _("user secrets"))
    return next((_secret(s) for s in found if s.get("key") == key), None)


def secrets_of_type(client: CentralClient, kind: str) -> Iterator[dict]:
    """The user's secrets of one type (`rsa_public_key` or `paillier_public_key`), whatever their name."""
    found = paged(client, "user-secrets", {"filter[type]": kind}, _("user secrets"))
    return (_secret(s) for s in found if s.get("type") == kind)


def create_secret(client: CentralClient, key: str, kind: str, content: str) -> dict:
    return client.request("POST", "user-secrets", json={"key": key, "type": kind, "content": content})


def replace_secret(client: CentralClient, secret_id: str, key: str, kind: str, content: str) -> dict:
    return client.request("POST", f"user-secrets/{secret_id}", json={"key": key, "type": kind, "content": content})


def delete_secret(client: CentralClient, secret_id: str) -> None:
    client.request("DELETE", f"user-secrets/{secret_id}")
