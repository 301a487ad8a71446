"""A registry stand-in on loopback that speaks the distribution API's token handshake (401 with
`WWW-Authenticate: Bearer realm=…`, then the realm's `{"token"}`), as Harbor's registry does:
docker-registry cannot hand out tokens without a token server this machine does not have."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = "Basic " + base64.b64encode(b"station:s3cret").decode()


class TokenRegistry:
    """Asks for a Bearer token from `realm` (its own /token unless told), lists one empty repository."""

    def __init__(
        self,
        realm: str | None = None,
        redirect_to: str | None = None,
        harbor: bool = False,
        token_answer: bytes | None = None,
    ) -> None:
        self.seen: list[tuple[str, str | None]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                auth = self.headers.get("Authorization")
                owner.seen.append((self.path, auth))
                if self.path.startswith("/token"):
                    if token_answer is not None:  # a token service gone wrong, whoever asks
                        return self._send(200, token_answer)
                    if auth == GOOD:
                        return self._send(200, {"token": "t0ken"})
                    return self._send(401, {"errors": [{"code": "UNAUTHORIZED"}]})
                if harbor and self.path.startswith("/api/v2.0/projects/pht/repositories"):
                    # Harbor's project API, with basic auth (a robot account), two pages linked.
                    if auth != GOOD:
                        return self._send(401, {"errors": [{"code": "UNAUTHORIZED"}]})
                    if "page=1&" in self.path:
                        link = '</api/v2.0/projects/pht/repositories?page=2&page_size=100>; rel="next"'
                        return self._send(200, [{"name": "pht/a", "id": 1}], {"Link": link})
                    return self._send(200, [{"name": "pht/b", "id": 2}])
                if harbor and self.path.startswith("/v2/_catalog") and auth == "Bearer t0ken":
                    refusal = {"errors": [{"code": "UNAUTHORIZED", "message": "unauthorized to list catalog"}]}
                    return self._send(401, refusal)  # Harbor: the catalog is for administrators only
                if auth != "Bearer t0ken":
                    realm_url = realm or f"http://{owner.address}/token"
                    challenge = f'Bearer realm="{realm_url}",service="registry",scope="registry:catalog:*"'
                    return self._send(401, {"errors": []}, {"WWW-Authenticate": challenge})
                if redirect_to and self.path.startswith("/v2/_catalog"):
                    return self._send(307, {}, {"Location": f"http://{redirect_to}/v2/_catalog"})
                if self.path.startswith("/v2/_catalog"):
                    return self._send(200, {"repositories": ["pht/empty"]})
                return self._send(200, {"name": "pht/empty", "tags": None})

            def _send(self, status: int, body: object, headers: dict | None = None) -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                for key, value in {"Content-Length": str(len(data)), **(headers or {})}.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
