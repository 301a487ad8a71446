"""Fault injection for the tests: the demo hub is also the test suite's central server.

Every switch is off by default and `pht-desktop demo` never turns one on; a test sets them on
`DemoHub.faults` to make the server down, slow, broken or stingy, and the request handler
asks this object at the few points where a fault can strike.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

GARBAGE_JSON = b"{this is not json"


@dataclass
class Faults:
    fail_next: list[int] = field(default_factory=list)  # statuses to answer next, one per request
    json_errors: bool = True  # False: error bodies are plain text (HTML), as a proxy in front would send
    garbage_json: bool = False  # every JSON body becomes unparsable
    delay: float = 0.0  # seconds before every answer
    drop_download_after: int | None = None  # close the result stream after this many bytes (once)
    ranges: bool = True  # honour Range requests
    throttle_bytes_per_second: int | None = None

    def before_answer(self) -> int | None:
        """Wait the delay; then the injected status this request gets instead of an answer, if any."""
        if self.delay:
            time.sleep(self.delay)
        return self.fail_next.pop(0) if self.fail_next else None

    def json_body(self, data: bytes) -> bytes:
        return GARBAGE_JSON if self.garbage_json else data

    def stream_chunk_size(self, normal: int) -> int:
        return normal if not self.throttle_bytes_per_second else 16384

    def bytes_before_drop(self, sent: int, chunk: int) -> int | None:
        """How much of the next chunk goes out before the connection drops; None: all of it.

        The drop happens once, then the switch resets, so that a resumed download succeeds."""
        if self.drop_download_after is None or sent + chunk <= self.drop_download_after:
            return None
        keep = self.drop_download_after - sent
        self.drop_download_after = None
        return keep

    def pace(self, chunk: int) -> None:
        if self.throttle_bytes_per_second:
            time.sleep(chunk / self.throttle_bytes_per_second)
