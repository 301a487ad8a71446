"""A client of a station's Airflow, for the DAG `run_train` (ours, or the reference station's):
list its runs with their task states, trigger a run for a train image, read a task's log bit by
bit as it grows, and say why a run failed in a sentence.

Two dialects: Airflow 3's `/api/v2`, with a bearer token from `/auth/token` (the simple and the
FAB auth managers both hand one out for a user name and password), and Airflow 2's `/api/v1`
with basic auth (the reference station's Airflow). `api="auto"` asks the server which it speaks.
The password is kept in the keyring (`AirflowAccount.save`), never in the settings file.
"""

from __future__ import annotations

import ast
import base64
import json
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import httpx

from desktop_app.core.errors import PHTError, Remedy
from desktop_app.core.i18n import N_, _
from desktop_app.core.settings import fields_value, text_value

if TYPE_CHECKING:
    from desktop_app.core.keystore import KeyStore
    from desktop_app.core.settings import Settings

DAG_ID = "run_train"
SETTINGS_KEY = "station.airflow"
PASSWORD_SECRET = "station.airflow-password"
STEP_ORDER = ("pull", "validate", "pre_run", "run", "post_run", "push", "finish")
DONE_STATES = {"success", "failed"}


class AirflowError(PHTError):
    """Airflow could not be reached, refused us, or answered what we cannot read."""


@dataclass
class TaskState:
    task_id: str
    state: str  # "" while not yet scheduled
    try_number: int = 0
    start_date: str = ""
    end_date: str = ""


RUN_STATE_WORDS = {"queued": N_("queued"), "running": N_("running"), "success": N_("succeeded"), "failed": N_("failed")}


@dataclass
class DagRun:
    run_id: str
    state: str  # queued, running, success, failed
    conf: dict = field(default_factory=dict)
    start_date: str = ""
    end_date: str = ""
    tasks: list[TaskState] = field(default_factory=list)

    @property
    def reference(self) -> str:
        repository = self.conf.get("repository") or ""
        return f"{repository}:{self.conf.get('tag') or 'latest'}" if repository else ""

    @property
    def done(self) -> bool:
        return self.state in DONE_STATES

    @property
    def state_words(self) -> str:
        """The run's state as a window shows it; one Airflow may add later is shown as it comes."""
        return _(RUN_STATE_WORDS[self.state]) if self.state in RUN_STATE_WORDS else self.state


@dataclass
class LogChunk:
    text: str  # the lines that came since the last chunk
    token: str | None  # hand it back for the next chunk
    finished: bool = False  # the task has ended and this chunk held the rest of its log


@dataclass
class AirflowAccount:
    """Where the station's Airflow is and who we are there; the password lives in the keyring."""

    url: str = ""
    username: str = ""
    api: str = "auto"  # auto, v2 (Airflow 3) or v1 (Airflow 2)

    @classmethod
    def load(cls, settings: Settings) -> AirflowAccount:
        raw = settings.get(SETTINGS_KEY, check=fields_value(dict.fromkeys(("url", "username", "api"), text_value)))
        return cls(**{k: v for k, v in (raw or {}).items() if k in cls.__dataclass_fields__})

    def save(self, settings: Settings, store: KeyStore, password: str | None) -> None:
        settings.set(SETTINGS_KEY, {"url": self.url, "username": self.username, "api": self.api})
        if password is not None:
            store.set_secret(PASSWORD_SECRET, password)

    def client(self, store: KeyStore, timeout: float = 30) -> AirflowClient:
        if not self.url:
            raise AirflowError(_("No station Airflow is set up; give its address and account first."))
        return AirflowClient(self.url, self.username, store.get_secret(PASSWORD_SECRET) or "", self.api, timeout)


class AirflowClient:
    def __init__(
        self, url: str, username: str, password: str, api: str = "auto", timeout: float = 30, **httpx_options: Any
    ) -> None:
        if api not in ("auto", "v1", "v2"):
            raise ValueError(_("api must be auto, v1 or v2, not {api!r}").format(api=api))
        self.url = url.rstrip("/")
        self.username, self._password, self._api = username, password, api
        self._token: str | None = None
        self._http = httpx.Client(base_url=self.url, timeout=timeout, **httpx_options)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AirflowClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what a front asks -----------------------------------------------------------------------

    @property
    def api(self) -> str:
        if self._api == "auto":
            self._api = self._detect()
        return self._api

    def runs(self, dag_id: str = DAG_ID, limit: int = 25, with_tasks: bool = True) -> list[DagRun]:
        order = "-start_date" if self.api == "v2" else "-execution_date"
        body = self._call("GET", f"/dags/{quote(dag_id)}/dagRuns", params={"order_by": order, "limit": limit})
        runs = [_dag_run(raw) for raw in _items(body, "dag_runs")]
        if with_tasks:
            for run in runs:
                run.tasks = self.tasks(run.run_id, dag_id)
        return runs

    def run(self, run_id: str, dag_id: str = DAG_ID) -> DagRun:
        run = _dag_run(self._call("GET", f"/dags/{quote(dag_id)}/dagRuns/{quote(run_id, safe='')}"))
        run.tasks = self.tasks(run_id, dag_id)
        return run

    def tasks(self, run_id: str, dag_id: str = DAG_ID) -> list[TaskState]:
        body = self._call("GET", f"/dags/{quote(dag_id)}/dagRuns/{quote(run_id, safe='')}/taskInstances")
        found = [
            TaskState(
                str(t.get("task_id")),
                t.get("state") or "",
                int(t.get("try_number") or 0),
                t.get("start_date") or "",
                t.get("end_date") or "",
            )
            for t in _items(body, "task_instances")
        ]
        order = {name: i for i, name in enumerate(STEP_ORDER)}
        return sorted(found, key=lambda t: order.get(t.task_id, len(order)))

    def trigger(
        self,
        repository: str,
        tag: str = "latest",
        env: dict | None = None,
        volumes: dict | None = None,
        dag_id: str = DAG_ID,
    ) -> DagRun:
        """Start a run of the train `repository:tag` with the reference station's conf."""
        conf = {"repository": repository, "tag": tag, "env": env or {}, "volumes": volumes or {}}
        body: dict = {"conf": conf}
        if self.api == "v2":
            body["logical_date"] = None  # Airflow 3 asks for it; none: the run is not for a date
        return _dag_run(self._call("POST", f"/dags/{quote(dag_id)}/dagRuns", json=body))

    def stop(self, run_id: str, dag_id: str = DAG_ID) -> str | None:
        """Stop a run: its first unfinished step is marked failed, so that Airflow stops it (the
        train's container goes with the run step), the later steps do not start, and the
        clean-up step still runs. Returns the step stopped; None if none was left."""
        ended = ("success", "failed", "upstream_failed", "skipped")
        step = next((t for t in self.tasks(run_id, dag_id) if t.task_id != "finish" and t.state not in ended), None)
        if step is None:
            return None
        path = f"/dags/{quote(dag_id)}/dagRuns/{quote(run_id, safe='')}/taskInstances/{quote(step.task_id)}"
        self._call("PATCH", path, json={"new_state": "failed"})
        return step.task_id

    def log(
        self, run_id: str, task_id: str, try_number: int, token: str | None = None, dag_id: str = DAG_ID
    ) -> LogChunk:
        """The task's log since `token` (from the last chunk; None: from the start)."""
        path = (
            f"/dags/{quote(dag_id)}/dagRuns/{quote(run_id, safe='')}/taskInstances/{quote(task_id)}/logs/{try_number}"
        )
        params = {"full_content": "false", **({"token": token} if token else {})}
        body = self._call("GET", path, params=params, headers={"Accept": "application/json"})
        new_token = body.get("continuation_token") or None
        if self.api == "v2":  # Airflow 3 gives no token once the task has ended and this chunk holds the rest
            return LogChunk(_log_text(body.get("content")), new_token, new_token is None)
        # Airflow 2 always gives one: whether the log ended is in the (signed, not secret) token itself.
        return LogChunk(_log_text(body.get("content")), new_token or token, _v1_end_of_log(new_token))

    def failure(self, run: DagRun, dag_id: str = DAG_ID) -> str | None:
        """Why the run failed, as a sentence; None if it did not fail (yet)."""
        if run.state != "failed":
            return None
        tasks = run.tasks or self.tasks(run.run_id, dag_id)
        failed = [t for t in tasks if t.state == "failed" and t.task_id != "finish"]
        failed = failed or [t for t in tasks if t.state == "failed"]
        if not failed:
            return _("The run of {train} failed before any of its steps ran.").format(train=run.reference or run.run_id)
        step = failed[0].task_id
        why = self._xcom(run.run_id, step, "failure", dag_id)
        if why:
            return _("The run of {train} failed at its {step} step: {why}").format(
                train=run.reference or run.run_id, step=step.replace("_", "-"), why=why
            )
        return _("The run of {train} failed at its {step} step; its log says why.").format(
            train=run.reference or run.run_id, step=step.replace("_", "-")
        )

    # -- the wire --------------------------------------------------------------------------------

    def _xcom(self, run_id: str, task_id: str, key: str, dag_id: str) -> str | None:
        path = (
            f"/dags/{quote(dag_id)}/dagRuns/{quote(run_id, safe='')}/taskInstances/{quote(task_id)}/xcomEntries/{key}"
        )
        try:
            value = self._call("GET", path).get("value")
        except AirflowError:
            return None  # no sentence left: the caller says where to look instead
        return value if isinstance(value, str) and value else None

    def _detect(self) -> str:
        for api in ("v2", "v1"):
            try:
                response = self._http.get(f"/api/{api}/version")
            except httpx.HTTPError as exc:
                raise _unreachable(self.url, exc) from exc
            # v1 asks for credentials (401) or answers; a server without the route says 404.
            if response.status_code in (200, 401, 403):
                return api
        raise AirflowError(_("{url} does not answer as an Airflow 2 or 3 server.").format(url=self.url))

    def _headers(self) -> dict[str, str]:
        if self.api == "v1":
            return {}
        if self._token is None:
            self._token = self._new_token()
        return {"Authorization": f"Bearer {self._token}"}

    def _new_token(self) -> str:
        try:
            response = self._http.post("/auth/token", json={"username": self.username, "password": self._password})
        except httpx.HTTPError as exc:
            raise _unreachable(self.url, exc) from exc
        if response.status_code in (401, 403):
            raise _refused(self.url)
        token = _json(response).get("access_token") if response.is_success else None
        if not isinstance(token, str):
            raise AirflowError(
                _("{url} gave no sign-in token (HTTP {status}).").format(url=self.url, status=response.status_code)
            )
        return token

    def _call(self, method: str, path: str, **kwargs: Any) -> dict:
        auth = (self.username, self._password) if self.api == "v1" else None
        for attempt in (1, 2):
            headers = {**kwargs.pop("headers", {}), **self._headers()}
            try:
                response = self._http.request(method, f"/api/{self.api}{path}", headers=headers, auth=auth, **kwargs)
            except httpx.HTTPError as exc:
                raise _unreachable(self.url, exc) from exc
            if response.status_code in (401, 403) and self.api == "v2" and attempt == 1:
                self._token = None  # expired (Airflow 3 may say 403): one new token, then the answer stands
                kwargs["headers"] = {k: v for k, v in headers.items() if k != "Authorization"}
                continue
            break
        if response.status_code in (401, 403):
            raise _refused(self.url)
        if response.status_code == 404:
            raise AirflowError(_("Airflow at {url} has no {what}.").format(url=self.url, what=unquote(path).strip("/")))
        if not response.is_success:
            detail = _json(response).get("detail") or _json(response).get("title") or response.text[:200]
            raise AirflowError(
                _("Airflow at {url} answered HTTP {status}: {detail}").format(
                    url=self.url, status=response.status_code, detail=detail
                )
            )
        return _json(response)


def _json(response: httpx.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _items(body: dict, key: str) -> list[dict]:
    items = body.get(key)
    if not isinstance(items, list):
        raise AirflowError(_("Airflow's answer has no list of {what}.").format(what=key.replace("_", " ")))
    return [i for i in items if isinstance(i, dict)]


def _dag_run(raw: dict) -> DagRun:
    run_id = raw.get("dag_run_id") or raw.get("run_id")
    if not isinstance(run_id, str):
        raise AirflowError(_("Airflow's answer names a run without its id."))
    conf = raw.get("conf") if isinstance(raw.get("conf"), dict) else {}
    return DagRun(run_id, raw.get("state") or "", conf, raw.get("start_date") or "", raw.get("end_date") or "")


def _v1_end_of_log(token: str | None) -> bool:
    """Airflow 2's token is its log metadata, JSON signed by itsdangerous: base64url(JSON), or
    "." + base64url(zlib(JSON)), then "." and the signature. We only read it."""
    if not token:
        return False
    compressed = token.startswith(".")
    payload = token[1:] if compressed else token
    payload = payload.rpartition(".")[0] or payload
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        metadata = json.loads(zlib.decompress(raw) if compressed else raw)
    except (ValueError, zlib.error):
        return False
    return isinstance(metadata, dict) and metadata.get("end_of_log") is True


def _log_text(content: Any) -> str:
    """Airflow 3 sends a list of structured events; Airflow 2 text, which up to 2.7 is the repr of a
    list of (host, text) pairs — read as a Python literal, never run."""
    if isinstance(content, str):
        if content.startswith("[("):
            try:
                pairs = ast.literal_eval(content)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return content
            if isinstance(pairs, list) and all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
                return "".join(str(text) for _host, text in pairs)
        return content
    if not isinstance(content, list):
        return ""
    lines = []
    for entry in content:
        if isinstance(entry, dict):
            lines.append(str(entry.get("event", "")))
            # A failure's exception comes apart from its event (structlog's dict tracebacks).
            details = entry.get("error_detail")
            for detail in details if isinstance(details, list) else []:
                if isinstance(detail, dict) and detail.get("exc_type"):
                    lines.append(f"{detail.get('exc_type')}: {detail.get('exc_value', '')}")
        elif isinstance(entry, str):
            lines.append(entry)
    return "".join(f"{line}\n" for line in lines)


def _unreachable(url: str, exc: Exception) -> AirflowError:
    return AirflowError(
        _("The station's Airflow at {url} cannot be reached ({reason}).").format(url=url, reason=type(exc).__name__)
    )


def _refused(url: str) -> AirflowError:
    return AirflowError(
        _("Airflow at {url} refused the user name or password.").format(url=url), remedy=Remedy.SIGN_IN_AGAIN
    )
