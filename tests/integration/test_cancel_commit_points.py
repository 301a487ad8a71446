"""Each job's commit point, with the real key store (Secret Service) and the demo hub on loopback:
a cancel before it changes nothing and says so; a cancel after it lets the job finish and the
token says what was done. (The station run's push is covered in test_station_faults.py.)

`LateCancel` is a cancel that arrives the moment the job has passed its commit point; a token
cancelled before the call is one that arrives before it. No clock is involved either way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.central.download import download_result, part_path
from desktop_app.core.central.registration import ABSENT, MATCHES, key_status, register_key, unregister_key
from desktop_app.core.errors import Cancelled
from desktop_app.core.keys.types import KeyType
from desktop_app.core.keystore import KeyStore
from desktop_app.core.paths import AppPaths
from desktop_app.core.progress import CancelToken
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.settings import Settings
from desktop_app.demo_hub.state import FINISHED_TRAIN_ID
from tests.helpers.central import DEMO_LOGIN, client_for
from tests.helpers.result_archives import build_archive

PASS = "commit-point-passphrase-71"
pytestmark = pytest.mark.keyring


class LateCancel(CancelToken):
    """Cancelled right after the job passed its commit point."""

    def commit(self, done: str) -> None:
        super().commit(done)
        self.cancel()


def early() -> CancelToken:
    token = CancelToken()
    token.cancel()
    return token


@pytest.fixture
def store(pht_home) -> KeyStore:
    paths = AppPaths.for_profile("default")
    return KeyStore.open(paths, Settings(paths))


def test_key_deletion(store: KeyStore) -> None:
    store.generate("keep", KeyType.EC_P256, PASS)
    with pytest.raises(Cancelled, match="nothing was changed"):
        store.delete("keep", cancel=early())
    assert store.load_private_key("keep", PASS)  # index entry and keyring secret both intact

    late = LateCancel()
    store.delete("keep", cancel=late)
    assert late.cancelled and late.committed == "the key keep was already deleted."
    assert store.list_keys() == []


def test_key_generation_and_import(store: KeyStore, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        store.generate("new", KeyType.EC_P256, PASS, cancel=early())
    late = LateCancel()
    store.generate("new", KeyType.EC_P256, PASS, cancel=late)
    assert late.committed == "the key new was already created." and store.get("new")

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    source = tmp_path / "private.pem"
    source.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    with pytest.raises(Cancelled):
        store.import_key(source, "imported", PASS, cancel=early())
    assert [k.name for k in store.list_keys()] == ["new"]
    late = LateCancel()
    store.import_key(source, "imported", PASS, cancel=late)
    assert late.committed == "the key imported was already imported."
    assert store.load_private_key("imported", PASS).private_numbers() == key.private_numbers()


def test_private_backup(store: KeyStore, tmp_path: Path) -> None:
    store.generate("backed", KeyType.EC_P256, PASS)
    target = tmp_path / "backup.pem"
    with pytest.raises(Cancelled):
        store.export_private_backup("backed", PASS, target, cancel=early())
    assert not target.exists()
    late = LateCancel()
    store.export_private_backup("backed", PASS, target, cancel=late)
    assert target.exists() and late.committed == f"the backup was already written to {target}."


def test_registration_and_unregistration(store: KeyStore, hub) -> None:
    store.generate("researcher", KeyType.RSA_2048, PASS)
    info = store.get("researcher")
    with client_for(hub, store) as client:
        client.sign_in(DEMO_LOGIN)
        with pytest.raises(Cancelled):
            register_key(client, info, cancel=early())
        assert key_status(client, info).state == ABSENT
        late = LateCancel()
        register_key(client, info, cancel=late)
        assert late.committed == "key researcher was already sent to the server."
        assert key_status(client, info).state == MATCHES

        with pytest.raises(Cancelled):
            unregister_key(client, "researcher", cancel=early())
        assert key_status(client, info).state == MATCHES
        late = LateCancel()
        unregister_key(client, "researcher", cancel=late)
        assert late.committed and key_status(client, info).state == ABSENT


def test_download(store: KeyStore, hub, tmp_path: Path) -> None:
    store.generate("researcher", KeyType.RSA_2048, PASS)
    target = tmp_path / "result.tar"
    with client_for(hub, store) as client:
        client.sign_in(DEMO_LOGIN)
        register_key(client, store.get("researcher"))

        token = CancelToken()

        def cancel_after_first_chunk(progress) -> None:
            token.cancel()

        with pytest.raises(Cancelled, match="are kept: the next download"):
            download_result(client, FINISHED_TRAIN_ID, target, cancel_after_first_chunk, token)
        assert part_path(target).stat().st_size > 0 and not target.exists()

        quitting = CancelToken()
        quitting.cancel(discard_partial=True)  # the app quits: nothing of the download is left
        with pytest.raises(Cancelled, match="partial download was removed"):
            download_result(client, FINISHED_TRAIN_ID, target, cancel=quitting)
        assert not part_path(target).exists() and not target.exists()

        late = LateCancel()
        download_result(client, FINISHED_TRAIN_ID, target, cancel=late)
        assert late.committed == f"the download had already finished: {target}."
        with ResultArchive(target) as archive:
            assert archive.config.train_id == FINISHED_TRAIN_ID


def test_decryption(tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    built = build_archive(tmp_path / "b", researcher.public_key(), {"a.bin": os.urandom(1 << 20)})
    out = tmp_path / "out"
    with ResultArchive(built.path) as archive, pytest.raises(Cancelled, match="nothing was changed"):
        decrypt_opened(archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher), cancel=early())
    assert not out.exists()
    late = LateCancel()
    with ResultArchive(built.path) as archive:
        decrypt_opened(archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher), cancel=late)
    assert late.committed == f"the results were already written to {out}."
    assert (out / "a.bin").read_bytes() == built.plaintexts["a.bin"]
