"""The Federated Node stand-in's routes, answering as webserver 1.2.0 does (NETWORKS.md §3).

Where the real node is unkind, so is this: `/login` reads a *form* only (a JSON body is a failed
login), the token is a refresh token that must come back as the Bearer, every error is
`{"error": …}`, the all-tasks list is for admins, a user who is not an admin needs the
`project-name` of an approved request, and unreleased results are `400 {"status": …}`.
"""

from __future__ import annotations

import json
import re
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from desktop_app.demo_hub.federated_node.state import APPROVED, NodeState, NodeTaskRecord

CHUNK = 64 << 10
NOT_AUTHORIZED = "User is not authorized"


class NodeError(Exception):
    def __init__(self, status: int, body: dict) -> None:
        super().__init__(status)
        self.status, self.body = status, body


def _error(status: int, message: str) -> NodeError:
    return NodeError(status, {"error": message})


class NodeRequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "PHT-Demo-FederatedNode/1"
    state: ClassVar[NodeState]
    own_hosts: ClassVar[frozenset[str]]

    @classmethod
    def for_node(cls, state: NodeState, own_hosts: frozenset[str]) -> type[NodeRequestHandler]:
        return type("BoundNodeRequestHandler", (cls,), {"state": state, "own_hosts": own_hosts})

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def _answer(self, method: str) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path
        self.state.calls.append((method, path))
        host = (self.headers.get("Host") or "").strip().lower()
        if host not in self.own_hosts:  # DNS rebinding: only our own address is served
            return self._json(421, {"error": "Misdirected request"})
        try:
            self._route(method, path, body)
        except NodeError as error:
            self._json(error.status, error.body)

    def _route(self, method: str, path: str, body: bytes) -> None:
        if (method, path) == ("POST", "/login"):
            return self._json(200, {"token": self._login(body)})
        if (method, path) == ("POST", "/refresh_token"):
            return self._json(200, {"token": self.state.issue_token(self._user())})
        if path == "/tasks" and method == "GET":
            if not self.state.users[self._user()].admin:
                raise _error(403, NOT_AUTHORIZED)
            return self._json(200, [task.public() for task in self.state.tasks.values()])
        if path == "/tasks" and method == "POST":
            return self._json(201, {"task_id": self._submit(self._task_user(), body)})
        found = re.fullmatch(r"/tasks/(\d+)(/results|/logs)?", path)
        if found and method == "GET":
            task = self._own_task(self._task_user(), int(found.group(1)))
            if found.group(2) == "/results":
                return self._results(task)
            if found.group(2) == "/logs":
                return self._json(200, {"logs": task.logs})
            return self._json(200, task.public())
        raise _error(404, "The requested URL was not found on the server.")

    # -- auth --------------------------------------------------------------------------------

    def _login(self, body: bytes) -> str:
        content_type = self.headers.get("Content-Type", "")
        form = parse_qs(body.decode("utf-8", "replace")) if content_type.startswith(
            "application/x-www-form-urlencoded"
        ) else {}  # fmt: skip
        username, password = (form.get(key, [""])[-1] for key in ("username", "password"))
        user = self.state.users.get(username)
        if user is None or user.password != password:
            raise _error(401, "Failed to login")
        if user.temporary:
            raise _error(401, "Temporary password must be changed before logging in")
        return self.state.issue_token(username)

    def _user(self) -> str:
        authorization = self.headers.get("Authorization")
        if not authorization:
            raise _error(401, "Unauthenticated")
        user = self.state.user_of(authorization.replace("Bearer ", ""))
        if user is None:
            raise _error(401, "Token expired. Validation failed")
        return user

    def _task_user(self) -> str:
        """The caller on a task route: an admin, or a user naming one of their approved projects."""
        user = self._user()
        record = self.state.users[user]
        if not record.admin and self.headers.get("project-name") not in record.projects:
            raise _error(403, NOT_AUTHORIZED)
        return user

    def _own_task(self, user: str, task_id: int) -> NodeTaskRecord:
        task = self.state.tasks.get(task_id)
        if task is None:
            raise _error(404, f"Task with id {task_id} does not exist")
        if task.requested_by != user and not self.state.users[user].admin:
            raise _error(403, NOT_AUTHORIZED)
        return task

    # -- tasks -------------------------------------------------------------------------------

    def _submit(self, user: str, body: bytes) -> int:
        try:
            spec = json.loads(body or b"null")
        except ValueError:
            raise _error(400, "Invalid JSON body") from None
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise _error(400, "Missing field: name")
        executors = spec.get("executors")
        if not isinstance(executors, list) or not executors or not all(
            isinstance(e, dict) and isinstance(e.get("image"), str) for e in executors
        ):  # fmt: skip
            raise _error(400, "executors must be a list of objects with an image")
        tags = spec.get("tags")
        if not isinstance(tags, dict) or not ({"dataset_id", "dataset_name"} & tags.keys()):
            raise _error(400, "tags must name a dataset_id or dataset_name")
        waiting = {"waiting": {"reason": "ContainerCreating"}}
        task_id = self.state.add_task(spec["name"], user, waiting, "Pending Review")
        self.state.tasks[task_id].docker_image = executors[0]["image"]
        return task_id

    def _results(self, task: NodeTaskRecord) -> None:
        if task.review_status != APPROVED:
            raise NodeError(400, {"status": task.review_status})
        if task.results is None:
            raise _error(500, "Internal Error")
        host = self.headers.get("Host", "")
        self.send_response(200)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Disposition", f'inline; filename="{host}-{task.id}-results.zip"')
        if self.state.send_length:
            self.send_header("Content-Length", str(len(task.results)))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for start in range(0, len(task.results), CHUNK):
            piece = task.results[start : start + CHUNK]
            self.wfile.write(piece if self.state.send_length else b"%x\r\n%s\r\n" % (len(piece), piece))
        if not self.state.send_length:
            self.wfile.write(b"0\r\n\r\n")

    def _json(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
