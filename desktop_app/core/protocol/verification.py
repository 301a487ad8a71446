"""Checking results against the stations' signatures (PROTOCOL.md "The result archive", step 3).

Each check has a name, an outcome and a sentence, so reports can say exactly which one failed.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.errors import PHTError
from desktop_app.core.protocol.hashing import route_digest
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.signatures import verify_digest
from desktop_app.core.protocol.train_config import TrainConfig


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str

    def to_json(self) -> dict:
        return {"check": self.name, "passed": self.passed, "detail": self.detail}


def check_results(config: TrainConfig, computed_result_hash: bytes) -> list[Check]:
    """Every check of a result set: hash, result signature, route signatures, last digest."""
    checks: list[Check] = []
    stated = config.result_hash
    if stated is None:
        checks.append(Check("result_hash", False, "The archive carries no result_hash."))
    else:
        same = stated == computed_result_hash
        checks.append(
            Check(
                "result_hash",
                same,
                "The result files hash to the stated result_hash."
                if same
                else "The result files do not hash to the stated result_hash: they were altered, "
                "reordered, or belong to another train.",
            )
        )

    signed = config.signed_stops()
    unsigned = [stop.station for stop in config.route if stop.signature is None]
    checks.append(
        Check(
            "route_complete",
            not unsigned and bool(config.route),
            "Every station on the route signed its results."
            if not unsigned and config.route
            else f"Stations without a signature: {', '.join(unsigned) or 'no route'}.",
        )
    )
    if not signed:
        checks.append(Check("result_signature", False, "No station signed the results."))
        return checks

    last = signed[-1]
    try:
        last_key = load_hex_pem_public_key(last.rsa_public_key, f"public key of station {last.station}")
        signature = config.result_signature
        ok = signature is not None and verify_digest(last_key, signature, stated or computed_result_hash)
        detail = (
            f"The result_signature is valid for station {last.station}, the last to sign."
            if ok
            else f"The result_signature is not valid for station {last.station}'s key."
        )
    except PHTError as exc:
        ok, detail = False, str(exc)
    checks.append(Check("result_signature", ok, detail))

    earlier_digests: list[bytes] = []
    for stop in signed:
        digest, signature = stop.signature  # type: ignore[misc]
        name = f"route_signature[{stop.index}]"
        try:
            key = load_hex_pem_public_key(stop.rsa_public_key, f"public key of station {stop.station}")
            ok = verify_digest(key, signature, digest)
            detail = (
                f"Station {stop.station} signed its route digest."
                if ok
                else f"The route signature of station {stop.station} does not match its key."
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
                    f"Station {stop.station}'s digest covers these results and the earlier stops."
                    if same
                    else f"Station {stop.station}'s route digest does not match these results and "
                    "the earlier stops' digests.",
                )
            )
        earlier_digests.append(digest)
    return checks


def all_passed(checks: list[Check]) -> bool:
    return bool(checks) and all(check.passed for check in checks)
