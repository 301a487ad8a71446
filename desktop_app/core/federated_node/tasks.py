"""A user's tasks on a Federated Node: the ids we know, their records and their status in words.

The node lists all tasks (`GET /tasks`) to admins only, so the ids a user fetched or submitted
are kept here, per server profile, in a small JSON file under the profile's data folder
(`federated-node/<profile>.tasks.json`). A damaged file is moved aside and named to the user
(core/state_files.py); the list then starts empty, as the node still has every task.

A task's `status` is a string (`scheduled`, `cancelled`, …) or the Kubernetes state of its pod,
an object with one of `running`, `waiting`, `terminated` (NETWORKS.md §3).
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core import state_files
from desktop_app.core.central.shapes import kind_of
from desktop_app.core.central.wording import printable, sentence
from desktop_app.core.errors import UsageError
from desktop_app.core.federated_node.client import NodeClient
from desktop_app.core.federated_node.errors import NodeError
from desktop_app.core.i18n import N_, _
from desktop_app.core.paths import AppPaths, safe_file_name

# A task's string statuses and review states as the app says them; one it does not know is shown as sent.
STATUS_WORDS = {
    "scheduled": N_("Scheduled."),
    "pending": N_("Pending."),
    "running": N_("Running."),
    "completed": N_("Completed."),
    "succeeded": N_("Succeeded."),
    "failed": N_("Failed."),
    "cancelled": N_("Cancelled."),
}
PENDING_REVIEW, BLOCKED_RELEASE, APPROVED_RELEASE = "Pending Review", "Blocked Release", "Approved Release"
HELD = frozenset({PENDING_REVIEW, BLOCKED_RELEASE})  # the node keeps the results back
REVIEW_WORDS = {
    PENDING_REVIEW: N_("pending review"),
    BLOCKED_RELEASE: N_("release blocked"),
    APPROVED_RELEASE: N_("released"),
}
MAX_TASK_ID = 2**63 - 1
MAX_KNOWN = 10_000


def task_id(value: Any) -> int:
    """A task id from the user or the node: a positive whole number (the node's are integers)."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_TASK_ID:
        shown = printable(str(value), 40)
        raise UsageError(
            _("{shown!r} is not a task id: a Federated Node numbers its tasks 1, 2, 3….").format(shown=shown)
        )
    return value


def _malformed(what: str, problem: str) -> NodeError:
    return NodeError(_("The node's answer is malformed: {what} {problem}.").format(what=what, problem=problem))


def _text(record: dict, key: str, what: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _malformed(
            _("field {key!r} of {what}").format(key=key, what=what),
            _("is {kind}, not text").format(kind=kind_of(value)),
        )
    return printable(str(value), 200)


@dataclass(frozen=True)
class NodeTask:
    id: int
    name: str
    status: str  # in words
    finished: bool
    review: str | None
    created_at: str | None
    image: str | None
    raw: dict = field(repr=False, compare=False)

    @classmethod
    def from_record(cls, record: Any, asked: int) -> NodeTask:
        what = f"task {asked}"
        if not isinstance(record, dict):
            raise _malformed(what, _("is {kind}, not an object").format(kind=kind_of(record)))
        try:
            found = task_id(record.get("id"))
        except UsageError:
            raise _malformed(_("field 'id' of {what}").format(what=what), _("is not a task id")) from None
        if found != asked:
            raise _malformed(what, _("is the record of task {found}").format(found=found))
        status, finished = status_sentence(record.get("status"))
        return cls(
            found,
            _text(record, "name", what) or "",
            status,
            finished,
            _text(record, "review_status", what),
            _text(record, "created_at", what),
            _text(record, "docker_image", what),
            record,
        )


def status_sentence(status: Any) -> tuple[str, bool]:
    """A task's status in words, and whether the task has stopped running."""
    if isinstance(status, str) and status:
        stopped = status.lower() in {"completed", "succeeded", "failed", "cancelled"}
        if status.lower() in STATUS_WORDS:
            return _(STATUS_WORDS[status.lower()]), stopped
        word = printable(status, 60)
        return sentence(word[:1].upper() + word[1:]), stopped
    if isinstance(status, dict) and len(status) == 1:
        ((state, details),) = status.items()
        details = details if isinstance(details, dict) else {}
        reason = _detail(details, "reason")
        if state == "running":
            since = _detail(details, "started_at", "startedAt")
            return (_("Running since {time}.").format(time=since) if since else _("Running.")), False
        if state == "waiting":
            return (_("Waiting ({reason}).").format(reason=reason) if reason else _("Waiting to start.")), False
        if state == "terminated":
            code = details.get("exit_code", details.get("exitCode"))
            when = _detail(details, "finished_at", "finishedAt")
            outcome = _("Finished") if code == 0 else _("Failed")
            exit_code = isinstance(code, int) and not isinstance(code, bool)
            parts = [_("exit code {code}").format(code=code) if exit_code else None, reason]
            said = ", ".join(p for p in parts if p)
            text = f"{outcome} ({said})" if said else outcome
            return sentence(_("{text} at {when}").format(text=text, when=when) if when else text), True
    return _("Unknown status ({what}).").format(what=printable(_as_json(status), 80)), False


def review_words(review: str | None) -> str:
    """A task's review state in words ("" when the node gave none)."""
    if not review:
        return ""
    return _(REVIEW_WORDS[review]) if review in REVIEW_WORDS else printable(review, 60)


def _detail(details: dict, *keys: str) -> str:
    for key in keys:
        value = details.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value):
            return printable(str(value), 80)
    return ""


# -- the node's task routes ---------------------------------------------------------------------


def get_task(client: NodeClient, task: int | str) -> NodeTask:
    number = task_id(task)
    return NodeTask.from_record(client.request("GET", f"tasks/{number}"), number)


def task_logs(client: NodeClient, task: int | str) -> list[str]:
    body = client.request("GET", f"tasks/{task_id(task)}/logs")
    logs = body.get("logs") if isinstance(body, dict) else None
    if not isinstance(logs, list):
        raise _malformed(_("the logs of task {task}").format(task=task), _("hold no list of lines"))
    return [printable(line, 4000) if isinstance(line, str) else printable(_as_json(line), 4000) for line in logs]


def _as_json(value: Any) -> str:
    """A node's value shown as JSON; one nested deeper than can be written out is named, not shown
    (a decoded answer can be nested almost as deep as the stack, which writing it out exceeds)."""
    try:
        return json.dumps(value, default=str)
    except RecursionError:
        return _("(a value nested too deep to show)")


def submit_task(client: NodeClient, spec: dict) -> int:
    """Submit a task (`POST /tasks`, NETWORKS.md §3 for the spec); returns its id."""
    body = client.request("POST", "tasks", json=spec)
    if not isinstance(body, dict):
        raise _malformed(
            _("the answer to the new task"), _("is {kind}, not an object").format(kind=kind_of(body))
        )
    try:
        return task_id(body.get("task_id"))
    except UsageError:
        raise _malformed(_("field 'task_id' of the new task"), _("is not a task id")) from None


# -- the ids this user knows --------------------------------------------------------------------


def _check_known(document: Any) -> str | None:
    tasks = document.get("tasks") if isinstance(document, dict) else None
    if not isinstance(tasks, dict) or len(tasks) > MAX_KNOWN:
        return _("not a list of task ids")
    for key, entry in tasks.items():
        if not key.isdigit() or not isinstance(entry, dict) or not isinstance(entry.get("source", ""), str):
            return _("the entry {key!r} is not a task").format(key=key[:40])
    return None


class KnownTasks:
    """The task ids of one server profile that this user fetched or submitted."""

    def __init__(self, paths: AppPaths, profile: str) -> None:
        self.path = paths.data_dir / "federated-node" / f"{safe_file_name(profile, 'server')}.tasks.json"
        self.profile = profile

    def _load(self) -> dict[str, dict]:
        document = state_files.load_json_or_recover(
            self.path,
            _check_known,
            label=_("The task list of {profile}").format(profile=self.profile),
            outcome=_("it starts empty"),
        )
        return dict(document["tasks"]) if document else {}

    def ids(self) -> list[int]:
        return sorted(int(key) for key in self._load())

    def entries(self) -> dict[int, dict]:
        return {int(key): entry for key, entry in sorted(self._load().items(), key=lambda kv: int(kv[0]))}

    def add(self, task: int, source: str, name: str = "") -> None:
        tasks = self._load()
        entry = tasks.setdefault(str(task_id(task)), {"source": source})
        if name:
            entry["name"] = name
        self._save(tasks)

    def remove(self, task: int) -> bool:
        tasks = self._load()
        gone = tasks.pop(str(task_id(task)), None) is not None
        self._save(tasks)
        return gone

    def _save(self, tasks: dict[str, dict]) -> None:
        if len(tasks) > MAX_KNOWN:
            raise UsageError(
                _("The task list of {profile} is full ({max_known} tasks); remove some first.").format(
                    profile=self.profile, max_known=MAX_KNOWN
                )
            )
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".tasks-", dir=self.path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": 1, "tasks": tasks}, out, indent=1)
        os.replace(temporary, self.path)


def fetch_and_remember(client: NodeClient, known: KnownTasks, task: int) -> NodeTask:
    """Read the task from the node and, if it is there, add it to the known ids."""
    record = get_task(client, task)
    known.add(record.id, "added", record.name)
    return record
