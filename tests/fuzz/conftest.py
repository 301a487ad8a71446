"""Prints how many inputs each fuzz harness ran, after the tests."""

from __future__ import annotations

import pytest

from tests.fuzz.harness import FUZZ_SECONDS, TALLIES


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLIES:
        return
    mode = f"{FUZZ_SECONDS:g} s per harness" if FUZZ_SECONDS else "fixed seed"
    terminalreporter.section(f"fuzz harnesses ({mode})")
    for name, tally in TALLIES.items():
        terminalreporter.write_line(
            f"{name:<36} {tally.executions:>9,} executions  {tally.rounds:>4} rounds  {tally.seconds:7.1f} s"
        )
