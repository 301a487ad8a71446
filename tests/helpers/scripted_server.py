"""A loopback HTTP server that answers each request with the next answer of a script.

The fuzz harness of the central client sets a script per example: a list of answers (status,
headers, body bytes) served in order, the last one again for every request after it (so a
client that keeps paging sees the same page, as from a server stuck on it). Real HTTP/1.1 over
real loopback TCP: the client's framing, decoding and size cap all run as against a server.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass
class Script:
    answers: list[Answer] = field(default_factory=list)
    served: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next(self) -> Answer:
        with self.lock:
            answer = self.answers[min(self.served, len(self.answers) - 1)]
            self.served += 1
            return answer


class ScriptedServer:
    def __init__(self) -> None:
        self.script = Script([Answer(500, (), b"")])
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: one connection for a whole example
            disable_nagle_algorithm = True  # headers and body are sent apart: no 40 ms delayed-ACK stall

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                if length:
                    self.rfile.read(length)
                answer = owner.script.next()
                self.send_response(answer.status)
                for name, value in answer.headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(answer.body)

            do_GET = do_POST = do_DELETE = do_PUT = do_HEAD = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def play(self, answers: list[Answer]) -> None:
        self.script = Script(list(answers))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
