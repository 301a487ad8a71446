"""Federated Node answers in words: task statuses, task ids, and the token's expiry read from a JWT."""

from __future__ import annotations

import base64
import json

import pytest

from desktop_app.core.errors import UsageError
from desktop_app.core.federated_node.errors import NodeError
from desktop_app.core.federated_node.session import jwt_expiry
from desktop_app.core.federated_node.tasks import NodeTask, status_sentence, task_id


def _jwt(claims: object) -> str:
    part = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJIUzUxMiJ9.{part}.c2ln"


@pytest.mark.parametrize(
    ("status", "words", "stopped"),
    [
        ("scheduled", "Scheduled.", False),
        ("cancelled", "Cancelled.", True),
        ({"running": {"started_at": "09:30"}}, "Running since 09:30.", False),
        ({"running": {}}, "Running.", False),
        ({"waiting": {"reason": "ErrImagePull"}}, "Waiting (ErrImagePull).", False),
        ({"waiting": None}, "Waiting to start.", False),
        (
            {"terminated": {"exitCode": 0, "reason": "Completed", "finishedAt": "10:00"}},
            "Finished (exit code 0, Completed) at 10:00.",
            True,
        ),
        ({"terminated": {"exit_code": 137, "reason": "OOMKilled"}}, "Failed (exit code 137, OOMKilled).", True),
        ({"terminated": {"exit_code": True}}, "Failed.", True),
        ({"running": {}, "waiting": {}}, "Unknown status", False),
        (None, "Unknown status (null).", False),
        ("\x1b[2J", "\\x1b[2J.", False),
    ],
)
def test_status_in_words(status, words: str, stopped: bool) -> None:
    said, finished = status_sentence(status)
    assert said.startswith(words) and finished == stopped


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "../2", "", True, 2**63, None, "１"])
def test_task_ids_are_positive_whole_numbers(value) -> None:
    with pytest.raises(UsageError, match="not a task id"):
        task_id(value)
    assert task_id(" 42 ") == 42 and task_id(7) == 7


def test_a_task_record_is_type_checked() -> None:
    with pytest.raises(NodeError, match="not an object"):
        NodeTask.from_record(["x"], 1)
    with pytest.raises(NodeError, match="record of task 2"):
        NodeTask.from_record({"id": 2}, 1)
    with pytest.raises(NodeError, match="'name' of task 1"):
        NodeTask.from_record({"id": 1, "name": {"a": 1}}, 1)
    assert NodeTask.from_record({"id": 1, "name": "n\x00", "status": "scheduled"}, 1).name == "n\\x00"


@pytest.mark.parametrize(
    ("token", "expiry"),
    [
        (_jwt({"exp": 1_800_000_000}), 1_800_000_000.0),
        (_jwt({"exp": "soon"}), None),
        (_jwt({"exp": True}), None),
        (_jwt({"exp": 1e300}), None),
        (_jwt(["exp"]), None),
        ("opaque-token", None),
        ("a.%%%.c", None),
        ("a.bm90IGpzb24.c", None),
    ],
)
def test_the_expiry_is_read_from_a_jwt_when_there_is_one(token: str, expiry: float | None) -> None:
    assert jwt_expiry(token) == expiry


def test_a_status_or_log_line_nested_near_the_stack_limit_is_named_not_a_crash() -> None:
    """Found by tests/fuzz/test_fuzz_network_records.py: json.loads gives a document nested
    almost as deep as the stack allows; writing it out again from a deeper call (a GUI worker)
    raised RecursionError."""
    import sys

    from desktop_app.core.federated_node.tasks import status_sentence, task_logs

    nested: list = []
    for _level in range(sys.getrecursionlimit()):  # deeper than json.dumps can go from here
        nested = [nested]

    class Answering:
        def request(self, *_args, **_options):
            return {"logs": [nested]}

    words, stopped = status_sentence(nested)
    assert "nested too deep" in words and not stopped
    assert task_logs(Answering(), 7) == ["(a value nested too deep to show)"]  # type: ignore[arg-type]
