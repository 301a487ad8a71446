"""The central API's resources a desktop client uses: user secrets and trains (PROTOCOL.md)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError

PAGE_SIZE = 50
from desktop_app.core.central.statuses import RESULT_STATUSES  # noqa: E402,F401 - re-exported


def _data(body: Any, what: str) -> list[dict]:
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise CentralError(f"The central server's list of {what} is not a {{data, meta}} collection.")
    return body["data"]


def paged(
    client: CentralClient, path: str, params: dict[str, str] | None = None, what: str = "items"
) -> Iterator[dict]:
    """Every item of a collection, following `meta.total` page by page."""
    offset = 0
    while True:
        body = client.request(
            "GET", path, params={**(params or {}), "page[limit]": str(PAGE_SIZE), "page[offset]": str(offset)}
        )
        items = _data(body, what)
        yield from items
        total = int((body.get("meta") or {}).get("total") or 0)
        offset += len(items)
        if not items or offset >= total:
            return


@dataclass(frozen=True)
class Train:
    raw: dict

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
    params = {"filter[result_status]": result_status} if result_status else None
    return [Train(raw) for raw in paged(client, "trains", params, "trains")]


def get_train(client: CentralClient, train_id: str) -> Train:
    return Train(client.request("GET", f"trains/{train_id}"))


def submit_signature(client: CentralClient, train_id: str, signature_hex: str) -> Train:
    return Train(client.request("POST", f"trains/{train_id}", json={"hash_signed": signature_hex}))


def train_files(client: CentralClient, train_id: str) -> list[dict]:
    """The train's files in the order the server hashes them."""
    return list(paged(client, "train-files", {"filter[train_id]": train_id}, "train files"))


# -- user secrets ---------------------------------------------------------------------------------


def find_secret(client: CentralClient, key: str) -> dict | None:
    return next(
        (s for s in paged(client, "user-secrets", {"filter[key]": key}, "user secrets") if s.get("key") == key), None
    )


def create_secret(client: CentralClient, key: str, kind: str, content: str) -> dict:
    return client.request("POST", "user-secrets", json={"key": key, "type": kind, "content": content})


def replace_secret(client: CentralClient, secret_id: str, key: str, kind: str, content: str) -> dict:
    return client.request("POST", f"user-secrets/{secret_id}", json={"key": key, "type": kind, "content": content})


def delete_secret(client: CentralClient, secret_id: str) -> None:
    client.request("DELETE", f"user-secrets/{secret_id}")
