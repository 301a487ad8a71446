"""`train_config.json`: typed access over the JSON document, keeping every unknown field.

The reference library's pydantic model rewrites the whole config; stations of other
ecosystems add fields of their own, so ours edits the parsed dict in place and writes it
back whole.

API: `TrainConfig.from_json_bytes(data)` (errors -> `TrainConfigError`, a PHTError with exit
code 5), `.to_json_bytes()`, `.raw` (the dict). Typed fields: `train_id`, `creator_id`,
`creator_public_key` (hex PEM), `creator_paillier_public_key`, `creator_encrypted_key`,
`build_signature`, `build_public_key`, `session_id` (bytes), `route` (`RouteStop`s sorted by
index: `station`, `eco_system`, `rsa_public_key`, `index`, `signature` = (digest, signature)
bytes, `encrypted_key` bytes), `file_list`, `train_hash`, `train_signature`, `result_hash`,
`result_signature` (bytes; setters write hex). `stop_for(station)`, `signed_stops()`.

The config comes from a server or an archive, so every shape is checked where it is read: a
field of the wrong type, a document nested deeper than `MAX_DEPTH`, or a route that cannot be
read raises `TrainConfigError` with a sentence, never a bare TypeError or RecursionError.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _


class TrainConfigError(PHTError):
    """The train configuration is missing, not JSON, or lacks a required field."""

    exit_code = 5


# Real configs are four levels deep; json's C parser stops near 1,000 with RecursionError, and
# code that walks the tree later (json.dumps with indent) stops sooner.
MAX_DEPTH = 64


def _depth_exceeds(document: Any, limit: int) -> bool:
    """Whether `document` nests deeper than `limit` (iterative: no recursion on hostile input)."""
    pending = [(document, 1)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in children)
    return False


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise TrainConfigError(_("train_config.json: {field} is not a string.").format(field=field))
    return value


def _object(value: Any, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TrainConfigError(_("train_config.json: {field} is not an object.").format(field=field))
    return value


def _hex_bytes(value: Any, field: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except (TypeError, ValueError) as exc:
        raise TrainConfigError(_("train_config.json: {field} is not a hex string.").format(field=field)) from exc


@dataclass
class RouteStop:
    """One stop of the route; a view onto the config's dict (changes write through)."""

    raw: dict[str, Any]

    @property
    def station(self) -> str:
        return str(self.raw["station"])

    @property
    def index(self) -> int:
        value = self.raw["index"]
        if isinstance(value, bool) or not isinstance(value, int):
            raise TrainConfigError(
                _("train_config.json: a route stop's index ({value!r:.40}) is not an integer.").format(value=value)
            )
        return value

    @property
    def eco_system(self) -> str:
        return str(self.raw.get("eco_system", ""))

    @property
    def rsa_public_key(self) -> str:
        return _text(self.raw["rsa_public_key"], f"route[{self.index}].rsa_public_key")

    @property
    def signature(self) -> tuple[bytes, bytes] | None:
        """(digest, signature) once the station has signed, else None."""
        sig = self.raw.get("signature")
        if not sig:
            return None
        where = f"route[{self.index}].signature"
        sig = _object(sig, where)
        return _hex_bytes(sig.get("digest"), f"{where}.digest"), _hex_bytes(sig.get("signature"), where)

    @signature.setter
    def signature(self, value: tuple[bytes, bytes]) -> None:
        self.raw["signature"] = {"digest": value[0].hex(), "signature": value[1].hex()}

    @property
    def encrypted_key(self) -> bytes | None:
        value = self.raw.get("encrypted_key")
        return _hex_bytes(value, f"route[{self.index}].encrypted_key") if value else None

    @encrypted_key.setter
    def encrypted_key(self, value: bytes) -> None:
        self.raw["encrypted_key"] = value.hex()


class TrainConfig:
    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        missing = [field for field in ("creator", "route", "session_id") if field not in raw]
        if not missing and not (isinstance(raw["creator"], dict) and "rsa_public_key" in raw["creator"]):
            missing.append("creator.rsa_public_key")
        if missing:
            raise TrainConfigError(
                _("train_config.json lacks required fields: {missing}.").format(missing=", ".join(missing))
            )
        if not isinstance(raw["route"], list) or not all(isinstance(stop, dict) for stop in raw["route"]):
            raise TrainConfigError(_("train_config.json has a malformed route (not a list of stops)."))
        try:
            self.route = sorted((RouteStop(stop) for stop in raw["route"]), key=lambda s: s.index)
            for stop in self.route:  # fail now, not halfway through a run
                stop.station, stop.rsa_public_key, stop.signature, stop.encrypted_key  # noqa: B018
        except KeyError as exc:
            raise TrainConfigError(
                _("train_config.json has a malformed route (a stop lacks {exc}).").format(exc=exc)
            ) from exc
        _text(self.creator["rsa_public_key"], "creator.rsa_public_key")
        self.file_list  # noqa: B018 - the same for the fields every station reads
        self.build  # noqa: B018

    @classmethod
    def from_json_bytes(cls, data: bytes) -> TrainConfig:
        try:
            raw = json.loads(data)
        except RecursionError as exc:
            raise TrainConfigError(
                _("train_config.json is nested more than {max_depth} levels deep.").format(max_depth=MAX_DEPTH)
            ) from exc
        except (ValueError, UnicodeDecodeError) as exc:  # also numbers past int's 4,300 digits
            raise TrainConfigError(_("train_config.json is not valid JSON.")) from exc
        if not isinstance(raw, dict):
            raise TrainConfigError(_("train_config.json is not a JSON object."))
        if _depth_exceeds(raw, MAX_DEPTH):
            raise TrainConfigError(
                _("train_config.json is nested more than {max_depth} levels deep.").format(max_depth=MAX_DEPTH)
            )
        return cls(raw)

    def to_json_bytes(self) -> bytes:
        return json.dumps(self.raw, indent=2).encode("utf-8")

    # -- fields --------------------------------------------------------------------------

    @property
    def train_id(self) -> str:
        return str(self.raw.get("@id", ""))

    @property
    def creator(self) -> dict[str, Any]:
        return self.raw["creator"]

    @property
    def creator_id(self) -> str:
        return str(self.creator.get("id", ""))

    @property
    def creator_public_key(self) -> str:
        return _text(self.creator["rsa_public_key"], "creator.rsa_public_key")

    @property
    def creator_paillier_public_key(self) -> object | None:
        """As the config holds it: a JSON text, its hex, a dict or a number (forms seen in the field)."""
        return self.creator.get("paillier_public_key")

    @property
    def creator_encrypted_key(self) -> bytes | None:
        value = self.creator.get("encrypted_key")
        return _hex_bytes(value, "creator.encrypted_key") if value else None

    @creator_encrypted_key.setter
    def creator_encrypted_key(self, value: bytes) -> None:
        self.creator["encrypted_key"] = value.hex()

    @property
    def session_id(self) -> bytes:
        return _hex_bytes(self.raw["session_id"], "session_id")

    @property
    def file_list(self) -> list[str]:
        files = self.raw.get("file_list", [])
        if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
            raise TrainConfigError(_("train_config.json: file_list is not a list of file names."))
        return list(files)

    def _hex_field(self, field: str) -> bytes | None:
        value = self.raw.get(field)
        return _hex_bytes(value, field) if value else None

    @property
    def train_hash(self) -> bytes | None:
        return self._hex_field("hash")

    @property
    def train_signature(self) -> bytes | None:
        return self._hex_field("signature")

    @property
    def build(self) -> dict[str, Any]:
        return _object(self.raw.get("build") or {}, "build")

    @property
    def build_signature(self) -> bytes | None:
        value = self.build.get("signature")
        return _hex_bytes(value, "build.signature") if value else None

    @property
    def build_public_key(self) -> str | None:
        value = self.build.get("rsa_public_key")
        return _text(value, "build.rsa_public_key") if value else None

    @property
    def result_hash(self) -> bytes | None:
        return self._hex_field("result_hash")

    @result_hash.setter
    def result_hash(self, value: bytes) -> None:
        self.raw["result_hash"] = value.hex()

    @property
    def result_signature(self) -> bytes | None:
        return self._hex_field("result_signature")

    @result_signature.setter
    def result_signature(self, value: bytes) -> None:
        self.raw["result_signature"] = value.hex()

    def stop_for(self, station: str) -> RouteStop | None:
        return next((stop for stop in self.route if stop.station == str(station)), None)

    def signed_stops(self) -> list[RouteStop]:
        return [stop for stop in self.route if stop.signature is not None]
