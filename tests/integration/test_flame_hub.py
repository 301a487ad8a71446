"""The FLAME hub client against the stand-in hub over real loopback HTTP, on both wire versions
(0.8.14: snake_case, robot_credentials; current: camelCase, client_credentials): sign-in and
its failures, tokens in the real keyring, error shapes, and node keys set knowingly."""

from __future__ import annotations

import httpx
import pytest
from cryptography.hazmat.primitives import serialization

from desktop_app.core.central.errors import CentralError, KeyMismatch, NotSignedIn
from desktop_app.core.central.tokens import Credentials, TokenSet
from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.flame.errors import FlameError
from desktop_app.core.flame.nodes import get_node, hub_key_fingerprint, list_nodes, register_node_key
from desktop_app.core.flame.wire import Dialect
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.flame import FlameHub
from desktop_app.demo_hub.flame.state import (
    CURRENT_VERSION,
    DEMO_NODE_ID,
    FLAME_ROBOT,
    LEGACY_VERSION,
    OTHER_NODE_ID,
)
from tests.helpers.flame import PROFILE, ROBOT_LOGIN, USER_LOGIN, flame_client

pytestmark = pytest.mark.keyring  # tokens and keys live in the real Secret Service

PW = "lantern-oyster-gravel-19"


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


@pytest.fixture(params=[LEGACY_VERSION, CURRENT_VERSION])
def hub(request):
    server = FlameHub(request.param).start()
    yield server
    server.stop()


@pytest.fixture
def legacy_hub():
    server = FlameHub(LEGACY_VERSION).start()
    yield server
    server.stop()


@pytest.fixture
def client(hub, store):
    with flame_client(hub, store) as signed_in:
        signed_in.sign_in(USER_LOGIN)
        yield signed_in


def test_version_decides_the_field_names(hub, store) -> None:
    with flame_client(hub, store) as client:
        assert client.dialect.version == hub.state.version
        assert client.dialect.camel_case == (hub.state.version == CURRENT_VERSION)
        assert client.dialect.name("external_id") == ("externalId" if client.dialect.camel_case else "external_id")


def test_password_grant_refresh_and_sign_out(hub, store) -> None:
    with flame_client(hub, store) as client:
        with pytest.raises(NotSignedIn, match="not signed in"):
            list_nodes(client)
        tokens = client.sign_in(USER_LOGIN)
        assert tokens.refresh_token
        assert store.get_secret(f"central.tokens.{PROFILE}")  # in the OS keyring, nowhere else
        hub.state.expire_all_access_tokens()
        assert [n.id for n in list_nodes(client)] == [DEMO_NODE_ID, OTHER_NODE_ID]  # refreshed on the 401
        assert client.tokens.load().refresh_token != tokens.refresh_token  # the refresh token was rotated
        client.sign_out()
        assert store.get_secret(f"central.tokens.{PROFILE}") is None
        with pytest.raises(NotSignedIn):
            list_nodes(client)


def test_bad_password_is_authups_sentence(hub, store) -> None:
    with flame_client(hub, store) as client:
        with pytest.raises(NotSignedIn, match=r"^Signing in failed: The user credentials are invalid\.$"):
            client.sign_in(Credentials("password", "demo", "wrong"))
        assert store.get_secret(f"central.tokens.{PROFILE}") is None


def test_a_refused_refresh_token_asks_to_sign_in_again(hub, store) -> None:
    with flame_client(hub, store) as client:
        client.sign_in(USER_LOGIN)
        stale = client.tokens.load()
        client.tokens.save(TokenSet(stale.access_token, "not-a-refresh-token", stale.expires_at))
        hub.state.expire_all_access_tokens()
        with pytest.raises(NotSignedIn, match="has expired") as caught:
            list_nodes(client)
        assert caught.value.remedy == Remedy.SIGN_IN_AGAIN


def test_robot_signs_in_with_its_versions_grant(hub, store) -> None:
    with flame_client(hub, store) as client:
        tokens = client.sign_in(ROBOT_LOGIN)
        assert tokens.refresh_token is None  # robots get an access token only
        assert len(list_nodes(client)) == 2
        with pytest.raises(NotSignedIn, match="The robot credentials are invalid"):
            client.sign_in(Credentials("robot_credentials", FLAME_ROBOT["id"], "wrong"))


def test_a_robots_expired_session_ends_unless_its_secret_was_remembered(hub, store) -> None:
    with flame_client(hub, store) as client:
        client.sign_in(ROBOT_LOGIN)
        hub.state.expire_all_access_tokens()
        with pytest.raises(NotSignedIn, match="has expired"):  # no refresh token to renew it with
            list_nodes(client)
        client.sign_in(ROBOT_LOGIN, remember=True)
        hub.state.expire_all_access_tokens()
        assert len(list_nodes(client)) == 2  # signed in again with the remembered secret, same grant
        assert client.tokens.load().refresh_token is None


@pytest.mark.parametrize(
    ("version", "refused"),
    [
        (LEGACY_VERSION, {"grant_type": "client_credentials", "client_id": FLAME_ROBOT["id"]}),
        (CURRENT_VERSION, {"grant_type": "robot_credentials", "id": FLAME_ROBOT["id"]}),
    ],
)
def test_stand_in_knows_only_its_versions_robot_grant(version, refused) -> None:
    """The stand-in is not kinder than authup: the other version's robot grant is refused."""
    hub = FlameHub(version).start()
    try:
        answer = httpx.post(f"{hub.auth_url}/token", json={**refused, "secret": FLAME_ROBOT["secret"]})
    finally:
        hub.stop()
    assert answer.status_code == 400
    assert answer.json()["code"] == "unsupported_grant_type"


def test_error_bodies_have_the_hubs_shape(hub) -> None:
    answer = httpx.get(f"{hub.core_url}/nodes")
    assert answer.status_code == 401
    assert set(answer.json()) >= {"statusCode", "code", "message"}
    assert answer.json()["code"] == "UNAUTHORIZED"
    token = httpx.post(f"{hub.auth_url}/token", data={"username": "demo", "password": "demo-password"}).json()
    assert "grant_type" not in token  # the grant was inferred from the fields, as authup does
    stream = httpx.get(f"{hub.storage_url}/buckets/nothing/stream", headers={"Authorization": "Bearer x"})
    assert stream.status_code == 401


def test_unknown_node_and_forbidden_node_are_sentences(client, store) -> None:
    with pytest.raises(CentralError, match="^Not found on the server: The node was not found."):
        get_node(client, "c0ffee00-0000-4000-8000-00000000cfff")
    with pytest.raises(FlameError, match="is not a node id"):
        get_node(client, "../users")
    store.generate("node-key", KeyType.EC_P256, PW)
    with pytest.raises(CentralError, match="lack the permission"):
        register_node_key(client, store.get("node-key"), OTHER_NODE_ID, replace=True)


def test_node_key_is_set_read_back_and_replaced_only_knowingly(hub, client, store) -> None:
    first = store.generate("node-key", KeyType.EC_P256, PW)
    said = register_node_key(client, first, DEMO_NODE_ID)
    assert "is now the public key of node demo-node" in said
    held = hub.state.nodes[DEMO_NODE_ID]["public_key"]
    assert bytes.fromhex(held) == first.public_pem  # the hub keeps hex of the PEM text
    assert "nothing was changed" in register_node_key(client, first, DEMO_NODE_ID)

    second = store.generate("node-key-2", KeyType.EC_P256, PW)
    with pytest.raises(KeyMismatch) as caught:
        register_node_key(client, second, DEMO_NODE_ID)
    assert caught.value.remedy == Remedy.CONFIRM_REPLACE
    assert first.grouped_fingerprint in str(caught.value) and second.grouped_fingerprint in str(caught.value)
    assert hub.state.nodes[DEMO_NODE_ID]["public_key"] == held  # unchanged without the confirmation
    assert "replaced the different key" in register_node_key(client, second, DEMO_NODE_ID, replace=True)
    assert get_node(client, DEMO_NODE_ID).key_fingerprint == second.fingerprint


def test_a_key_the_hub_holds_as_plain_pem_is_recognised(hub, client, store) -> None:
    info = store.generate("node-key", KeyType.EC_P256, PW)
    hub.state.nodes[DEMO_NODE_ID]["public_key"] = info.public_pem.decode()
    assert hub_key_fingerprint(info.public_pem.decode()) == info.fingerprint
    assert "nothing was changed" in register_node_key(client, info, DEMO_NODE_ID)


def test_a_key_the_hub_did_not_keep_is_caught_on_read_back(hub, client, store) -> None:
    """A client speaking the other version's field names: the hub drops the field and answers 202."""
    info = store.generate("node-key", KeyType.EC_P256, PW)
    client._dialect = Dialect(hub.state.version, not client.dialect.camel_case)
    with pytest.raises(FlameError, match="accepted the key but node demo-node now holds no key"):
        register_node_key(client, info, DEMO_NODE_ID)


def test_key_types_a_node_takes(hub, client, store) -> None:
    rsa_2048 = store.generate("rsa-2048-key", KeyType.RSA_2048, PW)
    if client.dialect.camel_case:
        with pytest.raises(UsageError, match="needs an EC P-256 key"):
            register_node_key(client, rsa_2048, DEMO_NODE_ID)
    else:  # hub 0.8.x also offers RSA-OAEP 2048
        assert "is now the public key" in register_node_key(client, rsa_2048, DEMO_NODE_ID)
    p384 = store.generate("p384-key", KeyType.EC_P384, PW)
    with pytest.raises(UsageError, match="ec-p384"):
        register_node_key(client, p384, DEMO_NODE_ID)


def test_node_private_key_export_is_unencrypted_pkcs8_for_the_owner_only(store, tmp_path) -> None:
    from desktop_app.core.flame.node_keys import export_node_private_key

    info = store.generate("node-key", KeyType.EC_P256, PW)
    target = tmp_path / "node" / "private.pem"
    warning = export_node_private_key(store, "node-key", PW, target)
    assert "WITHOUT a passphrase" in warning and "0600" in warning
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_bytes()
    assert text.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8, not EC PRIVATE KEY, not ENCRYPTED
    key = serialization.load_pem_private_key(text, password=None)
    from desktop_app.core.keys.fingerprint import fingerprint

    assert fingerprint(key.public_key()) == info.fingerprint
    with pytest.raises(UsageError, match="exists already; nothing was written"):
        export_node_private_key(store, "node-key", PW, target)
    assert target.read_bytes() == text
    store.generate("he-key", KeyType.PAILLIER_2048, PW)
    with pytest.raises(UsageError, match="Paillier"):
        export_node_private_key(store, "he-key", PW, tmp_path / "he.pem")
    assert not (tmp_path / "he.pem").exists()
