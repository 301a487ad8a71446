"""Fuzzing how the FLAME hub's and the Federated Node's answers are read, once their JSON is
decoded (the HTTP framing, size cap and decoding are the PHT central client's, which both
clients share or copy and which tests/fuzz/test_fuzz_central_answers.py fuzzes over real HTTP).

The documents are the real shapes (NETWORKS.md: a page of analyses, of analysis buckets, of
bucket files and of nodes, in snake_case and camelCase; a task record with a string or a
pod-state status; a logs answer) with fields replaced by any JSON value, deleted or nested
deep. Each reader must give values of the types it promises, or raise a `PHTError`; never
another exception. The client here answers from a dict in memory (the route → document map
of the example): what is fuzzed is the reading, not the transport.
"""

from __future__ import annotations

import contextlib
import copy
from typing import Any

from hypothesis import strategies as st

from desktop_app.core.errors import PHTError
from desktop_app.core.federated_node.tasks import get_task, status_sentence, task_logs
from desktop_app.core.flame import nodes, results
from desktop_app.core.flame.wire import Dialect
from tests.fuzz.harness import run_harness

JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.sampled_from(["", "RESULT", "../x", "a" * 300, "2f" * 40, "running", "finished", "\x1b[31m", "-1"])
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)
ANALYSIS = "c0ffee00-0000-4000-8000-00000000d001"
BUCKET, STORAGE = "c0ffee00-0000-4000-8000-00000000e001", "c0ffee00-0000-4000-8000-00000000f001"


def _page(*items: dict) -> dict:
    return {"data": list(items), "meta": {"total": len(items), "limit": 50, "offset": 0}}


FLAME_ROUTES: dict[str, Any] = {
    "analyses": _page({"id": ANALYSIS, "name": "demo", "run_status": "finished", "project_id": "p"}),
    "analysis-buckets": _page({"id": BUCKET, "analysis_id": ANALYSIS, "type": "RESULT", "external_id": STORAGE}),
    "analysis-bucket-files": _page({"id": "f1", "bucket_id": BUCKET, "name": "summary.csv", "external_id": "s1"}),
    "nodes": _page({"id": "n1", "name": "node", "realm_id": "r1", "public_key": "2d2d", "online": True, "type": "x"}),
}
TASK = {
    "id": 7,
    "name": "demo",
    "description": "",
    "docker_image": "img:1",
    "dataset_id": 1,
    "requested_by": "u",
    "created_at": "2026-11-30",
    "status": {"terminated": {"exit_code": 0, "reason": "Completed", "finished_at": "now"}},
    "review_status": "Approved Release",
}
NODE_ROUTES: dict[str, Any] = {"tasks/7": TASK, "tasks/7/logs": {"logs": ["line 1", "line 2"]}}


def _camel(node: Any) -> Any:
    """The current hub's spelling of every field name."""
    if isinstance(node, dict):
        return {_camel_name(k): _camel(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_camel(v) for v in node]
    return node


def _camel_name(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a document, down to a depth the real shapes have (not into a nested bomb)."""
    found = [prefix]
    if len(prefix) >= 6:
        return found
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_routes(draw: st.DrawFn, routes: dict[str, Any], camel: bool = False) -> dict[str, Any]:
    """The routes' documents, with a few places replaced by any JSON value, deleted, or nested deep."""
    documents = copy.deepcopy(_camel(routes) if camel else routes)
    for _ in range(draw(st.integers(1, 3))):
        route = draw(st.sampled_from(sorted(documents)))
        path = draw(st.sampled_from(_paths(documents[route])))
        action = draw(st.sampled_from(["replace", "delete", "nest"]))
        if not path:
            documents[route] = draw(JSON_VALUES)
            continue
        parent = documents[route]
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "delete" and isinstance(parent, dict):
            del parent[last]
        elif action == "nest":  # 900: about the deepest document json.loads gives before it refuses
            deep: Any = parent[last]
            for _ in range(draw(st.sampled_from([2, 50, 900]))):
                deep = [deep]
            parent[last] = deep
        else:
            parent[last] = draw(JSON_VALUES)
    return documents


class AnsweringClient:
    """A client whose `request` answers from the example's documents (the transport is not fuzzed)."""

    def __init__(self, documents: dict[str, Any], dialect: Dialect | None = None) -> None:
        self.documents = documents
        self.dialect = dialect

    def request(self, method: str, path: str, **_options: Any) -> Any:
        return self.documents[path]


def _check_flame(example: tuple[bool, dict[str, Any]]) -> None:
    camel, documents = example
    client = AnsweringClient(documents, Dialect("0.14.0" if camel else "0.8.14", camel))
    with contextlib.suppress(PHTError):
        for result in results.list_results(client):  # type: ignore[arg-type]
            assert isinstance(result.id, str) and isinstance(result.name, str)
            assert result.run_status is None or isinstance(result.run_status, str)
            for file in results.list_files(client, result):  # type: ignore[arg-type]
                assert all(isinstance(v, str) for v in (file.id, file.name, file.storage_file))
    with contextlib.suppress(PHTError):
        for node in nodes.list_nodes(client):  # type: ignore[arg-type]
            assert isinstance(node.id, str) and isinstance(node.name, str)
            with contextlib.suppress(PHTError):  # a hub key that is no key is a sentence
                assert node.key_fingerprint is None or isinstance(node.key_fingerprint, str)


def _check_node(documents: dict[str, Any]) -> None:
    client = AnsweringClient(documents)
    with contextlib.suppress(PHTError):
        task = get_task(client, 7)  # type: ignore[arg-type]
        assert task.id == 7 and isinstance(task.name, str) and isinstance(task.status, str)
        assert isinstance(task.finished, bool) and (task.review is None or isinstance(task.review, str))
    with contextlib.suppress(PHTError):
        logs = task_logs(client, 7)  # type: ignore[arg-type]
        assert all(isinstance(line, str) for line in logs)


def test_flame_answers_are_read_or_refused_in_words() -> None:
    examples = st.booleans().flatmap(lambda camel: st.tuples(st.just(camel), mutated_routes(FLAME_ROUTES, camel)))
    run_harness("FLAME hub answers: mutated fields", examples, _check_flame, examples=400)


def test_federated_node_answers_are_read_or_refused_in_words() -> None:
    run_harness("Federated Node answers: mutated fields", mutated_routes(NODE_ROUTES), _check_node, examples=400)


def test_any_task_status_is_put_into_words() -> None:
    def check(status: Any) -> None:
        words, stopped = status_sentence(status)
        assert isinstance(words, str) and words and isinstance(stopped, bool)

    pod_states = st.dictionaries(st.sampled_from(["running", "waiting", "terminated"]), JSON_VALUES, max_size=2)
    run_harness("Federated Node task status", JSON_VALUES | pod_states, check, examples=400)
