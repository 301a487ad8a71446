"""A broken or hostile FLAME hub (the stand-in with its answers altered, over real loopback HTTP):
every field used is type-checked and a wrong one is a sentence naming it, never a traceback;
a hub that does not say its version, or says nonsense, is refused before anything is sent."""

from __future__ import annotations

import pytest

from desktop_app.core.central.errors import CentralError
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.nodes import get_node, list_nodes
from desktop_app.core.flame.results import list_results
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.flame import FlameHub
from desktop_app.demo_hub.flame.state import DEMO_NODE_ID
from tests.helpers.flame import USER_LOGIN, flame_client

pytestmark = pytest.mark.keyring  # the session's tokens live in the real Secret Service


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


@pytest.fixture
def hub(flame_hub):
    return flame_hub


@pytest.fixture
def client(hub, store):
    with flame_client(hub, store) as signed_in:
        signed_in.sign_in(USER_LOGIN)
        yield signed_in


def _alter(hub, path_part: str, change) -> None:
    hub.faults.alter_json = lambda request, body: change(body) if path_part in request.path else body


@pytest.mark.parametrize(
    ("path", "change", "said"),
    [
        ("/nodes", lambda b: {**b, "data": [{**b["data"][0], "id": {"$ne": 1}}]}, "field 'id' of a node is an object"),
        ("/nodes", lambda b: {**b, "data": [{**b["data"][0], "id": "../../x"}]}, "not an id"),
        ("/nodes", lambda b: {**b, "data": [{**b["data"][0], "public_key": 7}]}, "field 'public_key' of a node"),
        ("/nodes", lambda b: {**b, "meta": {"total": {}}}, "meta.total of the list of nodes"),
        ("/nodes", lambda b: ["not", "a", "page"], "is not a {data, meta} collection"),
        ("/nodes", lambda b: {**b, "data": ["text"]}, "an item of the list of nodes is text"),
    ],
)
def test_wrong_fields_in_the_node_list_are_sentences(hub, client, path, change, said) -> None:
    _alter(hub, path, change)
    with pytest.raises(FlameError, match=f"^The FLAME hub's answer is malformed: .*{said}".replace("{", r"\{")):
        list_nodes(client)


def test_a_node_answer_about_another_node_is_refused(hub, client) -> None:
    _alter(hub, f"/nodes/{DEMO_NODE_ID}", lambda body: {**body, "id": "c0ffee00-0000-4000-8000-00000000c999"})
    with pytest.raises(FlameError, match="describes another node"):
        get_node(client, DEMO_NODE_ID)


def test_wrong_fields_in_analyses_and_buckets(hub, client) -> None:
    _alter(hub, "/analysis-buckets", lambda b: {**b, "data": [{**d, "external_id": ["x"]} for d in b["data"]]})
    with pytest.raises(FlameError, match="field 'external_id' of an analysis bucket is a list"):
        list_results(client)
    _alter(hub, "/analyses", lambda b: {**b, "data": [{**d, "run_status": 3} for d in b["data"]]})
    with pytest.raises(FlameError, match="field 'run_status' of an analysis is a number"):
        list_results(client)


@pytest.mark.parametrize(
    ("root", "said"),
    [
        ({"name": "not a hub"}, "does not say which FLAME hub version it is"),
        ({"version": "latest\x1b[2J"}, r"not a version number"),
        ({"version": 8}, "does not say which FLAME hub version it is"),
    ],
)
def test_a_root_without_a_version_is_refused_before_sign_in(hub, store, root, said) -> None:
    hub.faults.alter_json = lambda request, body: root if request.path in ("/core", "/core/") else body
    with flame_client(hub, store) as client, pytest.raises(FlameError, match=said) as caught:
        client.sign_in(USER_LOGIN)
    assert "\x1b" not in str(caught.value)
    assert store.get_secret("central.tokens.test-flame") is None


def test_a_hub_that_is_down_is_named_as_a_flame_hub(store) -> None:
    gone = FlameHub().start()
    gone.stop()  # its port is closed now: nothing answers there
    client = flame_client(gone, store, retries=1)
    with client, pytest.raises(CentralError, match="^The FLAME hub at .* cannot be reached"):
        client.sign_in(USER_LOGIN)
