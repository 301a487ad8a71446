"""The FLAME hub's wire: which field names a hub version speaks, and its answers checked.

Hub 0.8.x writes snake_case (`public_key`, `external_id`, `filter[analysis_id]`), the current hub
camelCase (`publicKey`, `externalId`, `filter[analysisId]`). The version comes from `GET {CORE}/`;
names are sent in the hub's own spelling and read in either (a hub in between may mix them).
A hub may be broken or hostile: every field used is type-checked and a wrong one is a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.core.central.shapes import ID, kind_of
from desktop_app.core.central.wording import printable
from desktop_app.core.flame.errors import FlameError

if TYPE_CHECKING:
    from desktop_app.core.flame.client import FlameClient

# The rename to camelCase came after the 0.8 series (NETWORKS.md: 0.8.14 snake, 0.14 camel).
FIRST_CAMEL = (0, 9)
PAGE_SIZE = 50
MAX_PAGES = 1000  # a hub whose `meta.total` never ends must not keep us reading forever
VERSION = re.compile(r"v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?")


def camel(snake: str) -> str:
    head, *rest = snake.split("_")
    return head + "".join(part.capitalize() for part in rest)


@dataclass(frozen=True)
class Dialect:
    version: str
    camel_case: bool

    @classmethod
    def for_version(cls, version: str) -> Dialect:
        found = VERSION.fullmatch(version.strip())
        if not found:
            raise FlameError(
                f"The FLAME hub gives its version as {printable(version, 40)!r}, which is not a version number; "
                "its field names cannot be told."
            )
        major, minor = int(found.group(1)), int(found.group(2))
        return cls(version.strip(), (major, minor) >= FIRST_CAMEL)

    def name(self, snake: str) -> str:
        """The field's name as this hub writes it."""
        return camel(snake) if self.camel_case else snake

    def get(self, record: dict, snake: str) -> Any:
        """A field in the hub's spelling, else in the other one."""
        own, other = self.name(snake), (snake if self.camel_case else camel(snake))
        return record[own] if own in record else record.get(other)

    def filter(self, snake: str) -> str:
        return f"filter[{self.name(snake)}]"


def malformed(what: str, problem: str) -> FlameError:
    return FlameError(f"The FLAME hub's answer is malformed: {what} {problem}.")


def an_object(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise malformed(what, f"is {kind_of(value)}, not an object")
    return value


def text(dialect: Dialect, record: dict, snake: str, what: str) -> str | None:
    value = dialect.get(record, snake)
    if value is not None and not isinstance(value, str):
        raise malformed(f"field {dialect.name(snake)!r} of {what}", f"is {kind_of(value)}, not text")
    return value


def identifier(dialect: Dialect, record: dict, snake: str, what: str) -> str:
    """An id used in a URL path or a file name: letters, digits, '-' and '_' only (hub ids are UUIDs)."""
    value = dialect.get(record, snake)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise malformed(f"field {dialect.name(snake)!r} of {what}", f"is {kind_of(value)}, not an id")
    if not ID.fullmatch(value):
        raise malformed(f"field {dialect.name(snake)!r} of {what}", f"is {printable(value, 80)!r}, not an id")
    return value


def optional_identifier(dialect: Dialect, record: dict, snake: str, what: str) -> str | None:
    return None if dialect.get(record, snake) is None else identifier(dialect, record, snake, what)


def check_id(value: str, what: str) -> str:
    """An id the user typed, before it goes into a URL path."""
    if not ID.fullmatch(value):
        raise FlameError(f"{printable(value, 80)!r} is not a {what} id (letters, digits, '-' and '_').")
    return value


def _page(body: Any, what: str) -> tuple[list[dict], int | None]:
    if not isinstance(body, dict) or not isinstance(body.get("data"), list):
        raise malformed(f"the list of {what}", "is not a {data, meta} collection")
    items = [an_object(item, f"an item of the list of {what}") for item in body["data"]]
    meta = body.get("meta")
    total = an_object(meta, f"the list of {what}'s meta").get("total") if meta is not None else None
    if total is not None and (isinstance(total, bool) or not isinstance(total, int) or total < 0):
        raise malformed(f"meta.total of the list of {what}", f"is {kind_of(total)}, not a count")
    return items, total


def paged(client: FlameClient, path: str, params: dict[str, str], what: str) -> Iterator[dict]:
    """Every item of a core collection, page by page (`page[limit]`, `page[offset]`), within bounds."""
    offset, seen = 0, set()
    for _ in range(MAX_PAGES):
        query = {**params, "page[limit]": str(PAGE_SIZE), "page[offset]": str(offset)}
        items, total = _page(client.request("GET", path, params=query), what)
        new = [item for item in items if repr(item.get("id")) not in seen]
        seen.update(repr(item.get("id")) for item in new)
        yield from new
        offset += len(items)
        if not new or total is None or offset >= total:
            return
    raise FlameError(f"The FLAME hub kept sending new pages of {what} (more than {MAX_PAGES}); stopped reading them.")
