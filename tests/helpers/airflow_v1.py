"""A stand-in for Airflow 2's REST API v1 on loopback, for the client's v1 dialect.

Why a stand-in: Airflow 2 cannot be installed beside the real Airflow 3 of these tests (one
`apache-airflow` per venv, and a second venv of Airflow 2 pins an older Python stack the
constraints host would have to give), so the v1 routes the reference station's UI uses are
played here, as Airflow 2.x answers them: basic auth (401 with WWW-Authenticate without it),
`/api/v1/version` open to all, dag runs keyed `dag_run_id` with an `execution_date`, task
instances with `try_number`, logs as JSON whose `content` is the repr of a list of
(host, text) pairs (Airflow up to 2.7) and whose `continuation_token` is always there — the
log metadata (`end_of_log`, `log_pos`) as itsdangerous signs it — and XCom entries whose value
is text. Runs change state only when the test says so (`set_task`), never on a timer.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

# Task ids as the reference station's run_train DAG names them (PHT-Medic/station).
REFERENCE_TASKS = (
    "get_train_image_info",
    "pull_docker_image",
    "pre_run_protocol",
    "execute_container",
    "post_run_protocol",
    "rebase",
    "push_train_image",
)


def _token(metadata: dict) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(metadata, separators=(",", ":")).encode()).rstrip(b"=").decode()
    signature = hmac.new(b"stand-in secret", payload.encode(), hashlib.sha1).digest()
    return f"{payload}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"


def _metadata(token: str) -> dict:
    payload = token.rpartition(".")[0]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


class AirflowV1StandIn:
    def __init__(self, user: str = "admin", password: str = "station-pass") -> None:
        self.user, self.password = user, password
        self.runs: dict[str, dict] = {}
        self.tasks: dict[str, dict[str, dict]] = {}
        self.logs: dict[tuple[str, str], str] = {}
        self.xcom: dict[tuple[str, str, str], str] = {}
        self.requests: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # -- what a test changes ---------------------------------------------------------------------

    def set_task(self, run_id: str, task_id: str, state: str, log: str = "", failure: str | None = None) -> None:
        with self._lock:
            task = self.tasks[run_id][task_id]
            task["state"], task["try_number"] = state, max(task["try_number"], 1)
            self.logs[(run_id, task_id)] = self.logs.get((run_id, task_id), "") + log
            if failure:
                self.xcom[(run_id, task_id, "failure")] = failure
            states = [t["state"] for t in self.tasks[run_id].values()]
            run = self.runs[run_id]
            run["state"] = (
                "failed" if "failed" in states else "success" if all(s == "success" for s in states) else "running"
            )

    # -- the routes --------------------------------------------------------------------------------

    def _answer(self, method: str, path: str, query: dict, body: dict | None) -> tuple[int, dict]:
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if parts[:2] != ["api", "v1"]:
            return 404, {"title": "Not Found", "status": 404}
        rest = parts[2:]
        if rest == ["version"]:
            return 200, {"version": "2.7.3", "git_version": None}
        if len(rest) >= 3 and rest[0] == "dags" and rest[2] == "dagRuns":
            if len(rest) == 3 and method == "POST":
                return self._trigger(rest[1], body or {})
            if len(rest) == 3:
                runs = sorted(self.runs.values(), key=lambda r: r["execution_date"], reverse=True)
                limit = int(query.get("limit", ["100"])[0])
                return 200, {"dag_runs": runs[:limit], "total_entries": len(runs)}
            run_id = rest[3]
            if run_id not in self.runs:
                return 404, {"title": "DAGRun not found", "status": 404}
            if len(rest) == 4:
                return 200, self.runs[run_id]
            if rest[4:] == ["taskInstances"]:
                items = list(self.tasks[run_id].values())
                return 200, {"task_instances": items, "total_entries": len(items)}
            if len(rest) == 6 and rest[4] == "taskInstances" and method == "PATCH":  # Airflow 2.5 and later
                self.set_task(run_id, rest[5], (body or {}).get("new_state", ""))
                return 200, {"task_id": rest[5], "dag_run_id": run_id, "dag_id": rest[1]}
            if len(rest) == 8 and rest[6] == "logs":
                return self._log(run_id, rest[5], query)
            if len(rest) == 8 and rest[6] == "xcomEntries":
                value = self.xcom.get((run_id, rest[5], rest[7]))
                return (200, {"key": rest[7], "value": value}) if value else (404, {"title": "XCom entry not found"})
        return 404, {"title": "Not Found", "status": 404}

    def _trigger(self, dag_id: str, body: dict) -> tuple[int, dict]:
        with self._lock:
            number = len(self.runs) + 1
            run_id = body.get("dag_run_id") or f"manual__2026-11-30T10:{number:02d}:00+00:00"
            run = {
                "dag_id": dag_id,
                "dag_run_id": run_id,
                "execution_date": f"2026-11-30T10:{number:02d}:00+00:00",
                "start_date": None,
                "end_date": None,
                "state": "queued",
                "conf": body.get("conf") or {},
                "external_trigger": True,
            }
            self.runs[run_id] = run
            self.tasks[run_id] = {
                t: {"task_id": t, "dag_id": dag_id, "state": None, "try_number": 0, "start_date": None}
                for t in REFERENCE_TASKS
            }
        return 200, run

    def _log(self, run_id: str, task_id: str, query: dict) -> tuple[int, dict]:
        text = self.logs.get((run_id, task_id), "")
        position = _metadata(query["token"][0]).get("log_pos", 0) if "token" in query else 0
        task = self.tasks[run_id][task_id]
        ended = task["state"] in ("success", "failed", "upstream_failed")
        chunk = text[position:]
        content = repr([("station-host", chunk)])
        return 200, {"continuation_token": _token({"end_of_log": ended, "log_pos": len(text)}), "content": content}

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet: the test reads its own record
                pass

            def _serve(self, method: str) -> None:
                parsed = urlparse(self.path)
                stand_in.requests.append((method, parsed.path))
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                expected = "Basic " + base64.b64encode(f"{stand_in.user}:{stand_in.password}".encode()).decode()
                if not parsed.path.startswith("/api/v1/"):  # Flask: an unknown route is 404, signed in or not
                    status, answer = 404, {"title": "Not Found", "status": 404}
                elif parsed.path != "/api/v1/version" and self.headers.get("Authorization") != expected:
                    status, answer = 401, {"title": "Unauthorized", "status": 401}
                else:
                    status, answer = stand_in._answer(method, parsed.path, parse_qs(parsed.query), body)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if status == 401:
                    self.send_header("WWW-Authenticate", "Basic")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                self._serve("GET")

            def do_POST(self) -> None:
                self._serve("POST")

            def do_PATCH(self) -> None:
                self._serve("PATCH")

        return Handler
