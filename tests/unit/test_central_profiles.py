"""Server profiles and plain http: refused to another computer unless knowingly accepted, also
when the profile comes from settings edited by hand (no network is needed to check this)."""

from __future__ import annotations

import pytest

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.profiles import SERVERS, ServerKind, ServerProfiles
from desktop_app.core.errors import Remedy, UsageError
from desktop_app.core.paths import AppPaths
from desktop_app.core.settings import Settings


@pytest.fixture
def settings(pht_home) -> Settings:
    return Settings(AppPaths.for_profile("default"))


def test_add_refuses_clear_text_to_another_computer(settings) -> None:
    profiles = ServerProfiles(settings)
    with pytest.raises(UsageError, match="uses plain http") as refused:
        profiles.add("prod", "http://pht.example.org/api", "https://auth.example.org")
    assert refused.value.remedy == Remedy.USE_HTTPS
    assert "--" not in str(refused.value)  # the core names no flag; the CLI words the remedy
    assert profiles.all() == []
    lab = profiles.add("lab", "http://pht.lab.example/api", "http://pht.lab.example/auth", insecure=True)
    assert lab.insecure and lab.in_clear
    over_tls = profiles.add("tls", "https://pht.example.org/api", "https://auth.example.org", insecure=True)
    assert not over_tls.insecure  # nothing to accept: not marked
    local = profiles.add("local", "http://127.0.0.1:3010/api", "http://localhost:3010/auth")
    assert not local.in_clear and not local.insecure


def test_the_client_refuses_a_hand_edited_clear_text_profile(settings) -> None:
    settings.set(
        SERVERS,
        {"edited": {"name": "edited", "api_url": "http://pht.example.org/api", "auth_url": "http://pht.example.org"}},
    )
    profile = ServerProfiles(settings).get("edited")
    with pytest.raises(UsageError, match="uses plain http") as refused:
        CentralClient(profile, None)
    assert refused.value.remedy == Remedy.USE_HTTPS


def settings_folder(settings: Settings):
    return AppPaths.for_profile("default").settings_file.parent


def test_profiles_keep_their_kind_and_older_ones_are_pht_central(settings) -> None:
    profiles = ServerProfiles(settings)
    settings.set(SERVERS, {"old": {"name": "old", "api_url": "https://pht.example.org/api", "auth_url": "https://a.example"}})
    assert profiles.get("old").kind == ServerKind.PHT_CENTRAL  # written before kinds existed
    with pytest.raises(UsageError, match="storage URL"):
        profiles.add("hub", "https://core.example", "https://auth.example", kind=ServerKind.FLAME)
    profiles.add(
        "hub", "https://core.example", "https://auth.example", kind=ServerKind.FLAME, storage_url="https://st.example/"
    )
    with pytest.raises(UsageError, match="plain http"):
        profiles.add("node", "https://fn.example", "https://fn.example", kind=ServerKind.FLAME, storage_url="http://s.x")
    profiles.add("node", "https://fn.example", "https://fn.example", kind=ServerKind.FEDERATED_NODE, project="p1")
    again = ServerProfiles(Settings(AppPaths.for_profile("default")))
    assert again.get("hub").kind == ServerKind.FLAME and again.get("hub").storage_url == "https://st.example"
    assert again.get("node").kind == ServerKind.FEDERATED_NODE and again.get("node").project == "p1"
    settings.set(SERVERS, {"bad": {"name": "bad", "api_url": "https://x", "auth_url": "https://y", "kind": "ftp"}})
    assert profiles.all() == []  # a kind nobody knows is damage: the file is moved aside, as any
    assert list(settings_folder(settings).glob("settings.json.damaged*"))
