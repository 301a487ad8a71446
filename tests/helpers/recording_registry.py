"""A loopback HTTP server that poses as a registry asking for a password, and records every
`Authorization` header it is sent: where the station's registry credentials must never go.

It answers every request with 401 and a Basic challenge, as a registry with basic auth does, so
an engine holding credentials for it would send them at once; it never serves an image.
"""

from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class RecordingRegistry:
    def __init__(self, folder: Path) -> None:
        self.requests: list[tuple[str, str, str | None]] = []  # (method, path, Authorization)
        recorded = self.requests

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorded.append((self.command, self.path, self.headers.get("Authorization")))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                body = b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="recorder"')
                self.send_header("Docker-Distribution-API-Version", "registry/2.0")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, name="recording-registry", daemon=True)
        self.thread.start()
        # For PodmanService: the engine may talk plain HTTP to it, as to the loopback registries.
        self.registries_conf = folder / "recorder-registries.conf"
        self.registries_conf.write_text(f'[[registry]]\nlocation = "{self.address}"\ninsecure = true\n')

    def credentials(self) -> list[str]:
        """Each `user:password` it was sent. Podman sends `Basic Og==` (an empty `:`) when it has
        none to give, which carries nothing and is left out; any other header is kept as it came."""
        seen = []
        for _, _, auth in self.requests:
            if not auth:
                continue
            scheme, _, value = auth.partition(" ")
            try:
                decoded = base64.b64decode(value, validate=True).decode() if scheme == "Basic" else auth
            except ValueError:
                decoded = auth
            if decoded != ":":
                seen.append(decoded)
        return seen

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()
