"""What the Federated Node stand-in holds: users, their tokens, tasks and their result zips.

Seeded for `pht-desktop demo --kind federated-node` and the tests: one ordinary user with an
approved project, one admin, one user whose password is still temporary, and four tasks of the
demo user in each state a client meets (finished and released, pending review, blocked, running).
Tests may change any of it between requests (a hostile zip on a task, a token's expiry).
"""

from __future__ import annotations

import base64
import io
import json
import secrets
import threading
import time
import zipfile
from dataclasses import dataclass, field

DEMO_PROJECT = "demo-project"
DEMO_NODE_USER = {"username": "demo@example.org", "password": "demo-password"}
DEMO_NODE_ADMIN = {"username": "admin@example.org", "password": "admin-password"}
TEMPORARY_USER = {"username": "newcomer@example.org", "password": "temporary-password"}
FINISHED_TASK_ID = 1
PENDING_TASK_ID = 2
BLOCKED_TASK_ID = 3
RUNNING_TASK_ID = 4

APPROVED = "Approved Release"
PENDING = "Pending Review"
BLOCKED = "Blocked Release"


@dataclass
class NodeUser:
    password: str
    admin: bool = False
    temporary: bool = False
    projects: frozenset[str] = frozenset()


@dataclass
class NodeTaskRecord:
    id: int
    name: str
    requested_by: str
    status: object
    review_status: str
    docker_image: str = "ghcr.io/example/analysis:1.0"
    dataset_id: int = 1
    description: str = ""
    created_at: str = "2026-11-30T09:00:00"
    results: bytes | None = None  # the zip the results route serves
    logs: list[str] = field(default_factory=list)

    def public(self) -> dict:
        """The task as `GET /tasks/<id>` answers it (NETWORKS.md §3)."""
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "docker_image": self.docker_image,
            "dataset_id": self.dataset_id,
            "requested_by": self.requested_by,
            "created_at": self.created_at,
            "status": self.status,
            "review_status": self.review_status,
        }


def results_zip(files: dict[str, bytes]) -> bytes:
    """A zip as the node makes it: the task's `results` folder, paths relative to it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DEMO_RESULTS = {
    "summary.csv": b"site,patients,mean_age\nA,120,7.4\nB,87,6.9\n",
    "plots/age_histogram.txt": b"0-4   ####\n5-9   ########\n10-14 #####\n",
    "README.txt": b"Demo results of a Federated Node task (LOCAL DEMO, not real data).\n",
}


class NodeState:
    def __init__(self, token_lifetime: int = 1800) -> None:
        self.lock = threading.Lock()
        self.token_lifetime = token_lifetime
        self.users: dict[str, NodeUser] = {}
        self.tokens: dict[str, tuple[str, float]] = {}  # token -> (username, expires at)
        self.tasks: dict[int, NodeTaskRecord] = {}
        self.next_task_id = 1
        self.send_length = True  # as Flask's send_file does; tests switch it off for the no-total path
        self.calls: list[tuple[str, str]] = []  # (method, path) of every request, for tests

    @classmethod
    def seeded(cls, token_lifetime: int = 1800) -> NodeState:
        state = cls(token_lifetime)
        user = DEMO_NODE_USER["username"]
        state.users[user] = NodeUser(DEMO_NODE_USER["password"], projects=frozenset({DEMO_PROJECT}))
        state.users[DEMO_NODE_ADMIN["username"]] = NodeUser(DEMO_NODE_ADMIN["password"], admin=True)
        state.users[TEMPORARY_USER["username"]] = NodeUser(TEMPORARY_USER["password"], temporary=True)
        finished = {"terminated": {"exit_code": 0, "reason": "Completed", "finished_at": "2026-11-30T09:12:00"}}
        state.add_task("demo-descriptive-statistics", user, finished, APPROVED, results_zip(DEMO_RESULTS))
        state.add_task("demo-pending", user, finished, PENDING, results_zip({"model.txt": b"pending\n"}))
        state.add_task("demo-blocked", user, finished, BLOCKED, results_zip({"rows.csv": b"too,small\n"}))
        running = {"running": {"started_at": "2026-11-30T09:30:00"}}
        state.add_task("demo-running", user, running, PENDING)
        state.tasks[FINISHED_TASK_ID].logs = ["Reading dataset 1", "Wrote results/summary.csv", "Done"]
        return state

    def add_task(self, name: str, user: str, status: object, review: str, results: bytes | None = None) -> int:
        with self.lock:
            task_id = self.next_task_id
            self.next_task_id += 1
            self.tasks[task_id] = NodeTaskRecord(task_id, name, user, status, review, results=results)
            return task_id

    def issue_token(self, username: str, lifetime: float | None = None) -> str:
        """A refresh token shaped as Keycloak's (a JWT with `exp`); the stand-in knows it by value."""
        expires = time.time() + (self.token_lifetime if lifetime is None else lifetime)
        header = {"alg": "HS512", "typ": "JWT"}
        claims = {"exp": int(expires), "iat": int(time.time()), "typ": "Refresh", "sub": username,
                  "jti": secrets.token_hex(8)}  # fmt: skip
        token = ".".join(
            [_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()), _b64(secrets.token_bytes(32))]
        )
        with self.lock:
            self.tokens[token] = (username, expires)
        return token

    def user_of(self, token: str) -> str | None:
        """Whose token this is, if it is known and not expired."""
        with self.lock:
            found = self.tokens.get(token)
        if found is None or time.time() >= found[1]:
            return None
        return found[0]

    def expire_all_tokens(self) -> None:
        with self.lock:
            self.tokens = {token: (user, 0.0) for token, (user, _) in self.tokens.items()}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
