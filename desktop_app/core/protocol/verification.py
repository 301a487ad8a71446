"""Checking a train against its signatures (PROTOCOL.md "The result archive" step 3, "pre-run").

Each check has a name, an outcome and a sentence, so reports can say exactly which one failed.

- `check_results(config, computed_result_hash)`: a finished train's results (decryption):
  result_hash, every stop signed, result_signature with the last signing stop's key, every
  route signature, the last stop's digest recomputed.
- `check_previous_results(config, computed_result_hash, station_id)`: the same at a station's
  pre-run, over the stops before it (all of which must have signed).
- `check_train(config, computed_train_hash)`: the train hash, the researcher's signature of it
  and the builder's signature (pre-run).
- `all_passed(checks)`; `first_failure(checks)`.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.protocol.hashing import route_digest
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.signatures import verify_digest, verify_train_hash
from desktop_app.core.protocol.train_config import TrainConfig


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str

    def to_json(self) -> dict:
        return {"check": self.name, "passed": self.passed, "detail": self.detail}


def check_previous_results(config: TrainConfig, computed_result_hash: bytes, station_id: str) -> list[Check]:
    """A station's pre-run check of what the stops before it did."""
    stop = config.stop_for(station_id)
    if stop is None:
        return [
            Check(
                "on_route", False, _("Station {station_id} is not on this train's route.").format(station_id=station_id)
            )
        ]
    return check_results(config, computed_result_hash, before_index=stop.index)


def check_results(
    config: TrainConfig, computed_result_hash: bytes, before_index: int | None = None
) -> list[Check]:
    """Every check of a result set: hash, result signature, route signatures, last digest.

    With `before_index`, only the stops before that index count (a station's pre-run).
    """
    checks: list[Check] = []
    route = [s for s in config.route if before_index is None or s.index < before_index]
    stated = config.result_hash
    if stated is None:
        checks.append(Check("result_hash", False, _("The archive carries no result_hash.")))
    else:
        same = stated == computed_result_hash
        checks.append(
            Check(
                "result_hash",
                same,
                _("The result files hash to the stated result_hash.")
                if same
                else _(
                    "The result files do not hash to the stated result_hash: they were altered, "
                    "reordered, or belong to another train."
                ),
            )
        )

    signed = [stop for stop in route if stop.signature is not None]
    unsigned = [stop.station for stop in route if stop.signature is None]
    checks.append(
        Check(
            "route_complete",
            not unsigned and bool(route),
            (
                _("Every station before this one on the route signed its results.")
                if before_index is not None
                else _("Every station on the route signed its results.")
            )
            if not unsigned and route
            else _("Stations without a signature: {unsigned}.").format(unsigned=", ".join(unsigned) or _("no route")),
        )
    )
    if not signed:
        checks.append(Check("result_signature", False, _("No station signed the results.")))
        return checks

    last = signed[-1]
    try:
        last_key = load_hex_pem_public_key(
            last.rsa_public_key, _("public key of station {station}").format(station=last.station)
        )
        signature = config.result_signature
        ok = signature is not None and verify_digest(last_key, signature, stated or computed_result_hash)
        detail = (
            _("The result_signature is valid for station {station}, the last to sign.").format(station=last.station)
            if ok
            else _("The result_signature is not valid for station {station}'s key.").format(station=last.station)
        )
    except PHTError as exc:
        ok, detail = False, str(exc)
    checks.append(Check("result_signature", ok, detail))

    earlier_digests: list[bytes] = []
    for stop in signed:
        digest, signature = stop.signature  # type: ignore[misc]
        name = f"route_signature[{stop.index}]"
        try:
            key = load_hex_pem_public_key(
                stop.rsa_public_key, _("public key of station {station}").format(station=stop.station)
            )
            ok = verify_digest(key, signature, digest)
            detail = (
                _("Station {station} signed its route digest.").format(station=stop.station)
                if ok
                else _("The route signature of station {station} does not match its key.").format(station=stop.station)
            )
        except PHTError as exc:
            ok, detail = False, str(exc)
        checks.append(Check(name, ok, detail))
        if stop is last:
            expected = route_digest(config.session_id, earlier_digests, computed_result_hash, stop.index)
            same = expected == digest
            checks.append(
                Check(
                    "last_route_digest",
                    same,
                    _("Station {station}'s digest covers these results and the earlier stops.").format(
                        station=stop.station
                    )
                    if same
                    else _(
                        "Station {station}'s route digest does not match these results and the earlier stops' digests."
                    ).format(station=stop.station),
                )
            )
        earlier_digests.append(digest)
    return checks


def check_train(config: TrainConfig, computed_train_hash: bytes) -> list[Check]:
    """The train files' hash, the researcher's signature of it, and the builder's signature."""
    stated = config.train_hash
    same = stated == computed_train_hash
    checks = [
        Check(
            "train_hash",
            same,
            _("The train files hash to the stated hash.")
            if same
            else _("The train files do not hash to the stated hash: they were altered or belong to another train."),
        )
    ]
    signature = config.train_signature
    try:
        creator_key = load_hex_pem_public_key(config.creator_public_key, _("researcher's public key"))
        ok = signature is not None and verify_train_hash(creator_key, signature, computed_train_hash)
        detail = (
            _("Researcher {creator_id} signed this train hash.").format(creator_id=config.creator_id)
            if ok
            else _("The train signature is not researcher {creator_id}'s signature of these files.").format(
                creator_id=config.creator_id
            )
        )
    except PHTError as exc:
        ok, detail = False, str(exc)
    checks.append(Check("train_signature", ok, detail))
    build_key, build_signature = config.build_public_key, config.build_signature
    try:
        if build_key is None or build_signature is None or signature is None:
            ok, detail = False, _("The train carries no build signature.")
        else:
            # The builder signed bytes.fromhex(hash_hex + signature_hex), i.e. hash || signature.
            builder = load_hex_pem_public_key(build_key, _("builder's key"))
            ok = verify_train_hash(builder, build_signature, computed_train_hash + signature)
            detail = (
                _("The builder signed this train hash and the researcher's signature.")
                if ok
                else _("The build signature does not match this train hash and signature.")
            )
    except PHTError as exc:
        ok, detail = False, str(exc)
    checks.append(Check("build_signature", ok, detail))
    return checks


def all_passed(checks: list[Check]) -> bool:
    return bool(checks) and all(check.passed for check in checks)


def first_failure(checks: list[Check]) -> Check | None:
    return next((check for check in checks if not check.passed), None)
