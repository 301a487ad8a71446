"""The demo hub's server: auth under `/auth`, the API under `/api`, on one loopback port."""

from __future__ import annotations

import ssl
import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from desktop_app.demo_hub.faults import Faults
from desktop_app.demo_hub.handler import HubRequestHandler
from desktop_app.demo_hub.state import HubState


class DemoHub:
    """Start with `start()`, stop with `stop()`; `api_url` and `auth_url` are what a profile needs.

    `state` is what the hub holds (tests may change it between requests); `faults` are the
    test-only switches of `faults.py`, all off unless a test turns them on."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: int = 3600,
        tls: tuple[Path, Path] | None = None,
        work_dir: Path | None = None,
    ) -> None:
        self._tmp = None if work_dir else tempfile.TemporaryDirectory(prefix="pht-demo-hub-")
        self.state = HubState.seeded(work_dir or Path(self._tmp.name), token_lifetime)
        self.faults = Faults()
        self.server = ThreadingHTTPServer((host, port), HubRequestHandler)
        self.server.RequestHandlerClass = HubRequestHandler.for_hub(self.state, self.faults, self._own_hosts())
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self._thread: threading.Thread | None = None

    def _own_hosts(self) -> frozenset[str]:
        """`Host` values meaning this hub: its address and `localhost`, with the bound port."""
        address, port = self.server.server_address[:2]
        address = f"[{address}]" if ":" in address else address
        return frozenset(f"{name}:{port}".lower() for name in (address, "localhost"))

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api"

    @property
    def auth_url(self) -> str:
        return f"{self.base_url}/auth"

    def start(self) -> DemoHub:
        self._thread = threading.Thread(target=self.server.serve_forever, name="demo-hub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        if self._tmp:
            self._tmp.cleanup()
