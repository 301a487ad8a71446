"""Running a fuzz harness: briefly and reproducibly in `make test`, for as long as asked in `make fuzz`.

A harness is a hypothesis strategy and a `check(example)` that must hold for every input. In
`make test` each runs a fixed number of examples, derandomized (the same inputs on every run
and machine). With `FUZZ_SECONDS` set (`make fuzz FUZZ_SECONDS=600`), each harness instead
runs round after round with fresh random seeds until its time is up. Every execution is
counted; the counts are printed at the end of the pytest run (see conftest.py).

Why hypothesis rather than atheris: the inputs have a grammar (tar blocks, JSON trees, PEM
armour) that hypothesis builds and shrinks into a readable counterexample, which then becomes
a regression test as it stands.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "0") or 0)
# `make fuzz` may pass a seed to replay a round; otherwise rounds are numbered from the clock.
FUZZ_SEED = int(os.environ.get("FUZZ_SEED", "0") or 0) or int(time.time())


@dataclass
class Tally:
    executions: int = 0
    rounds: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


TALLIES: dict[str, Tally] = {}


def run_harness(name: str, strategy: st.SearchStrategy, check: Callable[[Any], None], examples: int) -> None:
    tally = TALLIES.setdefault(name, Tally())
    started = time.monotonic()

    def counted(example: Any) -> None:
        tally.executions += 1
        check(example)

    common = {
        "deadline": None,  # the machine is shared: time is not a property
        "database": None,  # nothing is written to .hypothesis/; failures are printed
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    }
    try:
        if not FUZZ_SECONDS:
            settings(max_examples=examples, derandomize=True, **common)(given(strategy)(counted))()
            tally.rounds += 1
            return
        end = started + FUZZ_SECONDS
        round_seed = FUZZ_SEED
        while time.monotonic() < end:
            test = settings(max_examples=examples, **common)(given(strategy)(counted))
            seed(round_seed)(test)()
            tally.rounds += 1
            round_seed += 1
    finally:
        tally.seconds += time.monotonic() - started
