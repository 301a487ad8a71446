"""A local stand-in for a PHEMS Federated Node (NETWORKS.md §3), on loopback HTTP.

`pht-desktop demo --kind federated-node` serves it so the task journey can be tried without an
account, and the tests talk to it over real HTTP. It is clearly a demo: nothing it holds is real.
"""

from __future__ import annotations

import threading
from http.server import ThreadingHTTPServer

from desktop_app.demo_hub.federated_node.handler import NodeRequestHandler
from desktop_app.demo_hub.federated_node.state import NodeState


class FederatedNodeStandIn:
    """Start with `start()`, stop with `stop()`; `url` is the profile's API URL (= auth URL)."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, token_lifetime: int = 1800) -> None:
        self.state = NodeState.seeded(token_lifetime)
        self.server = ThreadingHTTPServer((host, port), NodeRequestHandler)
        address, bound = self.server.server_address[:2]
        hosts = frozenset(f"{name}:{bound}".lower() for name in (address, "localhost"))
        self.server.RequestHandlerClass = NodeRequestHandler.for_node(self.state, hosts)
        self.server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FederatedNodeStandIn:
        self._thread = threading.Thread(target=self.server.serve_forever, name="demo-federated-node", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


__all__ = ["FederatedNodeStandIn", "NodeState"]
