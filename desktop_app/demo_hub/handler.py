"""The demo hub's HTTP plumbing: read a request, find its route, write the reply or the error.

One handler class serves every route (`routes.py`); it knows the wire (JSON bodies, error
bodies, streaming a file with or without a Range), the routes know the API.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from desktop_app.demo_hub.exchange import FileReply, HubError, Request
from desktop_app.demo_hub.routes import find_route

if TYPE_CHECKING:
    from desktop_app.demo_hub.faults import Faults
    from desktop_app.demo_hub.state import HubState

CHUNK = 1 << 20
# The body a redirecting proxy or portal sends along: it must never be taken for an answer.
REDIRECT_PAGE = b"<html><body>Moved. <a href='elsewhere'>Sign in to the network</a></body></html>"


class HubRequestHandler(BaseHTTPRequestHandler):
    """Subclassed per hub (`for_hub`) so that each server carries its own state and faults."""

    protocol_version = "HTTP/1.1"
    server_version = "PHT-Demo-Hub/1"
    state: ClassVar[HubState]
    faults: ClassVar[Faults]
    own_hosts: ClassVar[frozenset[str]]  # the Host values this hub answers for (lower case)
    # The route table: PHT central's by default; the FLAME stand-in brings its own (demo_hub/flame).
    find_route: ClassVar[Callable[[str, str], tuple[Any, tuple[str, ...]] | None]] = staticmethod(find_route)

    @classmethod
    def for_hub(
        cls, state: Any, faults: Faults, own_hosts: frozenset[str], routes: Callable | None = None
    ) -> type[HubRequestHandler]:
        bound = {"state": state, "faults": faults, "own_hosts": own_hosts}
        if routes is not None:
            bound["find_route"] = staticmethod(routes)
        return type("BoundHubRequestHandler", (cls,), bound)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: no request log on stderr
        pass

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def do_DELETE(self) -> None:
        self._answer("DELETE")

    def _answer(self, method: str) -> None:
        # Read the whole body first: on a kept-alive connection, unread bytes would be taken
        # for the next request.
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        refused = self._foreign_host()
        if refused:
            return self._send_error(*refused)
        injected = self.faults.before_answer()
        if injected is not None:
            return self._send_error(injected, f"Injected failure {injected}.")
        elsewhere = self.faults.redirect()
        if elsewhere is not None:
            return self._send(302, REDIRECT_PAGE, "text/html", {"Location": elsewhere})
        url = urlsplit(self.path)
        request = Request(method, url.path, {k: v[-1] for k, v in parse_qs(url.query).items()}, self.headers, body)
        try:
            found = self.find_route(method, url.path)
            if found is None:
                raise HubError(404, f"No route {method} {url.path}.")
            route, ids = found
            reply = route.answer(self.state, request, *ids)
        except HubError as error:
            return self._send_error(error.status, error.message, error.code, error.extra)
        if isinstance(reply, FileReply):
            return self._stream_file(reply)
        if reply.content_type != "application/json":
            return self._send(reply.status, reply.body, reply.content_type)
        body = self.faults.altered(request, reply.body)
        oversized = self.faults.claim_oversized()
        if oversized is not None:
            return self._send_padded(reply.status, body, oversized)
        return self._send(reply.status, body)

    def _foreign_host(self) -> tuple[int, str] | None:
        """Why this request is not for us, if it is not.

        The hub binds loopback only, yet a web page can still reach it by DNS rebinding: its own
        host name, re-pointed at 127.0.0.1, lets the browser send requests here. Such requests
        carry the page's name in `Host`, so only this hub's own address (or localhost) is served."""
        host = self.headers.get("Host")
        if host is None:
            return 400, "The request has no Host header."
        if host.strip().lower() not in self.own_hosts:
            allowed = " or ".join(sorted(self.own_hosts))
            return 421, f"This demo hub answers only for {allowed}, not for {host[:100]!r}."
        return None

    # -- writing -------------------------------------------------------------------------------

    def _send(
        self, status: int, body: Any, content_type: str = "application/json", headers: dict[str, str] | None = None
    ) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        if content_type == "application/json":
            data = self.faults.json_body(data)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_padded(self, status: int, body: Any, size: int) -> None:
        """`body` (a JSON object) with a `pad` member that makes it `size` bytes: valid, and huge."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        head, tail = b'{"pad": "', b'", ' + data[1:]
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        chunked = self.faults.oversized_chunked
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        padding = size - len(head) - len(tail)
        pieces = [head, *([b"x" * CHUNK] * (padding // CHUNK)), b"x" * (padding % CHUNK), tail]
        with contextlib.suppress(OSError):  # the client hangs up once it has seen enough
            for piece in pieces:
                self._write_piece(piece, chunked)
                self.faults.oversized_sent += len(piece)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True

    def _write_piece(self, piece: bytes, chunked: bool) -> None:
        if chunked:
            if piece:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        else:
            self.wfile.write(piece)

    def _send_error(self, status: int, message: str, code: str | None = None, extra: dict | None = None) -> None:
        if self.faults.json_errors:
            body = {"statusCode": status, "code": code or _code(status), "message": message}
            self._send(status, {**body, **(extra or {})})
        else:
            self._send(status, f"<html><body>{status} {message}</body></html>".encode(), "text/html")

    def _stream_file(self, reply: FileReply) -> None:
        """The whole file, chunked, with no Content-Length, and `Range` ignored: as the real
        server streams a result from its object store. (Only the test switch `honour_ranges`
        answers `Range: bytes=N-` with a 206, for the client's resume path.)"""
        drop_after = self.faults.claim_drop()
        size = reply.path.stat().st_size
        start = 0
        wanted = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
        if wanted and self.faults.honour_ranges and int(wanted.group(1)) < size:
            start = int(wanted.group(1))
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", reply.content_type)
        if reply.filename:
            self.send_header("Content-Disposition", f'attachment; filename="{reply.filename}"')
        if reply.encoding:
            self.send_header("Content-Encoding", reply.encoding)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self._copy_from(reply.path, start, drop_after)

    def _copy_from(self, path: Path, start: int, drop_after: int | None) -> None:
        sent = 0
        with path.open("rb") as handle:
            handle.seek(start)
            while chunk := handle.read(self.faults.stream_chunk_size(CHUNK)):
                if drop_after is not None and sent + len(chunk) > drop_after:
                    return self._drop_connection_after(chunk[: drop_after - sent])
                self._write_piece(chunk, chunked=True)
                sent += len(chunk)
                self.faults.pace(len(chunk))
        self.wfile.write(b"0\r\n\r\n")

    def _drop_connection_after(self, last: bytes) -> None:
        """Send `last` and hang up without the chunked stream's end: a connection lost mid-way."""
        self._write_piece(last, chunked=True)
        self.wfile.flush()
        time.sleep(0.2)  # let the bytes sent so far arrive before the connection drops
        self.close_connection = True
        with contextlib.suppress(OSError):  # the client may have gone already
            self.connection.shutdown(2)


def _code(status: int) -> str:
    """The error body's `code`, as the real server names it (`NOT_FOUND`, `BAD_REQUEST`, ...)."""
    try:
        return HTTPStatus(status).name
    except ValueError:
        return "ERROR"
