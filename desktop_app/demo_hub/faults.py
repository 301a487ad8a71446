"""Fault injection for the tests: the demo hub is also the test suite's central server.

Every switch is off by default and `pht-desktop demo` never turns one on; a test sets them on
`DemoHub.faults` to make the server down, slow, broken or stingy, and the request handler
asks this object at the few points where a fault can strike.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.demo_hub.exchange import Request

GARBAGE_JSON = b"{this is not json"


@dataclass
class Faults:
    fail_next: list[int] = field(default_factory=list)  # statuses to answer next, one per request
    redirect_next: list[str] = field(default_factory=list)  # next requests get a 302 to these, one each
    json_errors: bool = True  # False: error bodies are plain text (HTML), as a proxy in front would send
    garbage_json: bool = False  # every JSON body becomes unparsable
    delay: float = 0.0  # seconds before every answer
    drop_download_after: int | None = None  # close the result stream after this many bytes (once)
    # PHT central ignores Range (a resumed download restarts). True makes the hub answer
    # `Range: bytes=N-` with a 206, as a server in front of it might, to test the client's resume path.
    honour_ranges: bool = False
    throttle_bytes_per_second: int | None = None
    # A hostile server's JSON: given each successful JSON answer's request and body, returns the
    # body to send instead (anything JSON-able, or bytes sent as they are).
    alter_json: Callable[[Request, Any], Any] | None = None
    # The next JSON answer is padded to this many bytes (valid JSON still), sent chunked or with
    # its Content-Length; `oversized_sent` counts what the client took before it hung up.
    oversized_json: int | None = None
    oversized_chunked: bool = True
    oversized_sent: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def before_answer(self) -> int | None:
        """Wait the delay; then the injected status this request gets instead of an answer, if any."""
        if self.delay:
            time.sleep(self.delay)
        return self.fail_next.pop(0) if self.fail_next else None

    def redirect(self) -> str | None:
        """Where this request is sent instead (a captive portal or a moved server would), if anywhere."""
        with self._lock:
            return self.redirect_next.pop(0) if self.redirect_next else None

    def altered(self, request: Request, body: Any) -> Any:
        return self.alter_json(request, body) if self.alter_json else body

    def claim_oversized(self) -> int | None:
        with self._lock:
            size, self.oversized_json = self.oversized_json, None
            return size

    def json_body(self, data: bytes) -> bytes:
        return GARBAGE_JSON if self.garbage_json else data

    def stream_chunk_size(self, normal: int) -> int:
        return normal if not self.throttle_bytes_per_second else 16384

    def claim_drop(self) -> int | None:
        """The drop point for a result stream that starts now, if one is armed.

        Claimed by one stream only, when it starts, so that the resumed download succeeds, and so
        that a stream still running from an earlier request (say, one the client cancelled)
        cannot take a drop that the test armed for the next download."""
        with self._lock:
            drop, self.drop_download_after = self.drop_download_after, None
            return drop

    def pace(self, chunk: int) -> None:
        if self.throttle_bytes_per_second:
            time.sleep(chunk / self.throttle_bytes_per_second)
