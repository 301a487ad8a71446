"""The stand-in FLAME hub's server: one loopback port, the demo hub's HTTP plumbing and faults."""

from __future__ import annotations

import tempfile
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

from desktop_app.demo_hub.faults import Faults
from desktop_app.demo_hub.flame.routes import find_route
from desktop_app.demo_hub.flame.state import LEGACY_VERSION, FlameState
from desktop_app.demo_hub.handler import HubRequestHandler


class FlameHub:
    """`start()`, `stop()`; `auth_url`, `core_url` and `storage_url` are what a profile needs.

    `version` picks the wire: "0.8.14" (snake_case, robot_credentials) or a current one such as
    "0.14.0" (camelCase, client_credentials)."""

    def __init__(
        self, version: str = LEGACY_VERSION, host: str = "127.0.0.1", port: int = 0, token_lifetime: int = 3600
    ) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="pht-demo-flame-")
        self.state = FlameState.seeded(version, Path(self._tmp.name), token_lifetime)
        self.faults = Faults()
        self.server = ThreadingHTTPServer((host, port), HubRequestHandler)
        address, bound_port = self.server.server_address[:2]
        own = frozenset(f"{name}:{bound_port}".lower() for name in (address, "localhost"))
        self.server.RequestHandlerClass = HubRequestHandler.for_hub(self.state, self.faults, own, find_route)
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def auth_url(self) -> str:
        return f"{self.base_url}/auth"

    @property
    def core_url(self) -> str:
        return f"{self.base_url}/core"

    @property
    def storage_url(self) -> str:
        return f"{self.base_url}/storage"

    def start(self) -> FlameHub:
        self._thread = threading.Thread(target=self.server.serve_forever, name="demo-flame-hub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._tmp.cleanup()
