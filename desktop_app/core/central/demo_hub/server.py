"""The demo hub's HTTP server: auth under `/auth`, the API under `/api`, on one loopback port."""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import ssl
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop_app.core.central.demo_hub.state import DEMO_ROBOT, DEMO_USER, HubState

CHUNK = 1 << 20


@dataclass
class Faults:
    """Misbehaviour the tests switch on: the hub is also the test server."""

    fail_next: list[int] = field(default_factory=list)  # statuses to answer next, one per request
    json_errors: bool = True  # False: error bodies are plain text
    garbage_json: bool = False
    delay: float = 0.0  # seconds before every answer
    drop_download_after: int | None = None  # close the result stream after this many bytes (once)
    ranges: bool = True  # honour Range requests
    throttle_bytes_per_second: int | None = None


class DemoHub:
    """Start with `start()`, stop with `stop()`; `api_url` and `auth_url` are what a profile needs."""

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
        self.server = ThreadingHTTPServer((host, port), _handler_for(self))
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(str(tls[0]), str(tls[1]))
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self._thread: threading.Thread | None = None

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


class _Reply(Exception):
    def __init__(self, status: int, body: Any = None, message: str = "") -> None:
        super().__init__(message)
        self.status, self.body, self.message = status, body, message


def _handler_for(hub: DemoHub) -> type[BaseHTTPRequestHandler]:
    state, faults = hub.state, hub.faults

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "PHT-Demo-Hub/1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: no request log on stderr
            pass

        # -- plumbing ------------------------------------------------------------------------

        def _send(self, status: int, body: Any, content_type: str = "application/json") -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            if faults.garbage_json and content_type == "application/json":
                data = b"{this is not json"
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, message: str) -> None:
            if faults.json_errors:
                self._send(status, {"statusCode": status, "code": "error", "message": message})
            else:
                self._send(status, f"<html><body>{status} {message}</body></html>".encode(), "text/html")

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _json_body(self) -> dict:
            try:
                data = json.loads(self._body() or b"{}")
            except ValueError:
                raise _Reply(400, message="The body is not JSON.") from None
            if not isinstance(data, dict):
                raise _Reply(400, message="The body must be a JSON object.")
            return data

        def _user(self) -> str:
            auth = self.headers.get("Authorization", "")
            user = state.user_for(auth.removeprefix("Bearer ").strip()) if auth.startswith("Bearer ") else None
            if user is None:
                raise _Reply(401, message="The access token is missing, invalid or expired.")
            return user

        def _dispatch(self, method: str) -> None:
            if faults.delay:
                time.sleep(faults.delay)
            if faults.fail_next:
                status = faults.fail_next.pop(0)
                self._body()
                return self._error(status, f"Injected failure {status}.")
            url = urlsplit(self.path)
            query = {k: v[-1] for k, v in parse_qs(url.query).items()}
            try:
                for pattern, allowed, handler in ROUTES:
                    match = re.fullmatch(pattern, url.path)
                    if match and method in allowed:
                        return handler(self, method, query, *match.groups())
                raise _Reply(404, message=f"No route {method} {url.path}.")
            except _Reply as reply:
                if reply.status >= 400:
                    return self._error(reply.status, reply.message)
                return self._send(reply.status, reply.body)

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_POST(self) -> None:
            self._dispatch("POST")

        def do_DELETE(self) -> None:
            self._dispatch("DELETE")

        # -- auth --------------------------------------------------------------------------------

        def token(self, method: str, query: dict) -> None:
            form = {k: v[-1] for k, v in parse_qs(self._body().decode()).items()}
            grant = form.get("grant_type")
            if grant == "password":
                ok = form.get("username") == DEMO_USER["name"] and form.get("password") == DEMO_USER["password"]
            elif grant == "robot_credentials":
                ok = form.get("id") == DEMO_ROBOT["id"] and form.get("secret") == DEMO_ROBOT["secret"]
            elif grant == "refresh_token":
                ok = state.refresh_tokens.pop(form.get("refresh_token", ""), None) is not None
            else:
                raise _Reply(400, message=f"Unsupported grant_type {grant!r}.")
            if not ok:
                raise _Reply(401, message="The credentials are not valid.")
            raise _Reply(200, state.issue_tokens(DEMO_USER["id"]))

        # -- user secrets --------------------------------------------------------------------------

        def user_secrets(self, method: str, query: dict) -> None:
            self._user()
            if method == "GET":
                items = [s for s in state.secrets.values() if query.get("filter[key]") in (None, s["key"])]
                raise _Reply(200, _collection(items, query))
            body = self._json_body()
            secret = _validated_secret(body)
            if any(s["key"] == secret["key"] for s in state.secrets.values()):
                raise _Reply(409, message=f"A secret named {secret['key']!r} exists already.")
            secret_id = str(uuid.uuid4())
            state.secrets[secret_id] = {"id": secret_id, **secret, "user_id": DEMO_USER["id"]}
            raise _Reply(201, state.secrets[secret_id])

        def user_secret(self, method: str, query: dict, secret_id: str) -> None:
            self._user()
            if secret_id not in state.secrets:
                raise _Reply(404, message="No such user secret.")
            if method == "DELETE":
                raise _Reply(202, state.secrets.pop(secret_id))
            if method == "POST":
                state.secrets[secret_id].update(_validated_secret(self._json_body()))
            raise _Reply(200, state.secrets[secret_id])

        # -- trains ------------------------------------------------------------------------------

        def _train(self, train_id: str):
            train = state.trains.get(train_id)
            if train is None:
                raise _Reply(404, message=f"No train {train_id}.")
            return train

        def trains(self, method: str, query: dict) -> None:
            self._user()
            items = sorted(state.trains.values(), key=lambda t: t.created)
            wanted = query.get("filter[result_status]")
            if wanted:
                items = [t for t in items if t.result_status == wanted]
            raise _Reply(200, _collection([t.to_json(DEMO_USER, state.rsa_secret_id()) for t in items], query))

        def train(self, method: str, query: dict, train_id: str) -> None:
            self._user()
            train = self._train(train_id)
            if method == "POST":
                body = self._json_body()
                if "hash_signed" in body:
                    if not re.fullmatch(r"[0-9a-f]{64,2048}", str(body["hash_signed"])):
                        raise _Reply(400, message="hash_signed must be a hex signature.")
                    train.hash_signed = body["hash_signed"]
            raise _Reply(200, train.to_json(DEMO_USER, state.rsa_secret_id()))

        def train_files(self, method: str, query: dict) -> None:
            self._user()
            train = self._train(query.get("filter[train_id]", ""))
            items = [
                {
                    "id": f"{train.id}-{i}",
                    "name": name.rsplit("/", 1)[-1],
                    "directory": name.rpartition("/")[0] or ".",
                    "path": name,
                    "size": len(data),
                    "hash": secrets.token_hex(8),
                    "train_id": train.id,
                }
                for i, (name, data) in enumerate(train.files)
            ]
            raise _Reply(200, _collection(items, {"page[limit]": "1000"}))

        def train_files_download(self, method: str, query: dict, train_id: str) -> None:
            self._user()
            self._send(200, state.train_files_tar(self._train(train_id)), "application/x-tar")

        def result_download(self, method: str, query: dict, train_id: str) -> None:
            self._user()
            train = self._train(train_id)
            if train.result_status != "finished":
                raise _Reply(400, message="The train's results are not ready.")
            try:
                archive = state.result_archive(train)
            except LookupError as exc:
                raise _Reply(400, message=str(exc)) from None
            self._stream_file(archive)

        def _stream_file(self, path: Path) -> None:
            size = path.stat().st_size
            start = 0
            wanted = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
            if wanted and faults.ranges and int(wanted.group(1)) < size:
                start = int(wanted.group(1))
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
            else:
                self.send_response(200)
            # As the real API: a plain tar with a gzip content type.
            self.send_header("Content-Type", "application/gzip")
            self.send_header("Content-Length", str(size - start))
            if faults.ranges:
                self.send_header("Accept-Ranges", "bytes")
            self.end_headers()
            sent = 0
            with path.open("rb") as handle:
                handle.seek(start)
                while chunk := handle.read(CHUNK if not faults.throttle_bytes_per_second else 16384):
                    if faults.drop_download_after is not None and sent + len(chunk) > faults.drop_download_after:
                        self.wfile.write(chunk[: faults.drop_download_after - sent])
                        self.wfile.flush()
                        time.sleep(0.2)  # let the bytes sent so far arrive before the connection drops
                        faults.drop_download_after = None
                        self.close_connection = True
                        with contextlib.suppress(OSError):  # the client may have gone already
                            self.connection.shutdown(2)
                        return
                    self.wfile.write(chunk)
                    sent += len(chunk)
                    if faults.throttle_bytes_per_second:
                        time.sleep(len(chunk) / faults.throttle_bytes_per_second)

        def command(self, method: str, query: dict, train_id: str) -> None:
            self._user()
            train = self._train(train_id)
            if self._json_body().get("command") == "generateHash":
                train.hash = train.server_hash(DEMO_USER["id"])
            raise _Reply(200, train.to_json(DEMO_USER, state.rsa_secret_id()))

    ROUTES = [
        (r"/auth/token", {"POST"}, Handler.token),
        (r"/api/user-secrets", {"GET", "POST"}, Handler.user_secrets),
        (r"/api/user-secrets/([\w-]+)", {"GET", "POST", "DELETE"}, Handler.user_secret),
        (r"/api/trains", {"GET"}, Handler.trains),
        (r"/api/trains/([\w-]+)", {"GET", "POST"}, Handler.train),
        (r"/api/trains/([\w-]+)/command", {"POST"}, Handler.command),
        (r"/api/trains/([\w-]+)/files/download", {"GET"}, Handler.train_files_download),
        (r"/api/trains/([\w-]+)/result/download", {"GET"}, Handler.result_download),
        (r"/api/train-files", {"GET"}, Handler.train_files),
    ]
    return Handler


def _collection(items: list, query: dict) -> dict:
    limit = max(1, min(int(query.get("page[limit]", 10)), 1000))
    offset = max(0, int(query.get("page[offset]", 0)))
    return {
        "data": items[offset : offset + limit],
        "meta": {"total": len(items), "limit": limit, "offset": offset},
    }


def _validated_secret(body: dict) -> dict:
    key, kind, content = body.get("key"), body.get("type"), body.get("content")
    if not isinstance(key, str) or not 3 <= len(key) <= 128:
        raise _Reply(400, message="key must be 3–128 characters.")
    if kind not in ("rsa_public_key", "paillier_public_key"):
        raise _Reply(400, message="type must be rsa_public_key or paillier_public_key.")
    if not isinstance(content, str) or not 3 <= len(content) <= 8192:
        raise _Reply(400, message="content must be 3–8192 characters.")
    import hashlib

    return {
        "key": key,
        "type": kind,
        "content": content,
        "hash": hashlib.sha256(content.encode()).hexdigest(),
    }
