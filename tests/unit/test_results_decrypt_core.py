"""The decryption core with keys in hand (no key store): output, progress, cancel, wrong key."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Cancelled
from desktop_app.core.keys.fingerprint import fingerprint, group_fingerprint
from desktop_app.core.keys.paillier import generate_paillier
from desktop_app.core.progress import CancelToken, Progress
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.results.errors import NoFittingKey
from tests.helpers.result_archives import BuiltArchive, build_archive

FILES = {"big.bin": os.urandom(3 << 20), "nested/deeper/t.csv": b"a,b\n1,2\n", "empty.txt": b""}


@pytest.fixture(scope="module")
def researcher() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def built(tmp_path_factory, researcher) -> BuiltArchive:
    return build_archive(tmp_path_factory.mktemp("built"), researcher.public_key(), FILES, station_count=2)


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".pht-decrypt-") or p == out)


def test_decrypts_with_progress_per_file(built: BuiltArchive, researcher, tmp_path: Path) -> None:
    seen: list[Progress] = []
    out = tmp_path / "out"
    with ResultArchive(built.path) as archive:
        report = decrypt_opened(
            archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher), seen.append
        )
        total = archive.total_bytes
    assert report.verified and report.key_fingerprint == fingerprint(researcher.public_key())
    assert {name: (out / name).read_bytes() for name in FILES} == FILES
    assert all(p.total == total for p in seen) and seen[-1].done == total
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert {p.label for p in seen} == set(FILES)
    assert len([p for p in seen if p.label == "big.bin"]) >= 3  # reported chunk by chunk


def test_a_key_that_does_not_fit_gets_a_sentence(built: BuiltArchive, tmp_path: Path) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with ResultArchive(built.path) as archive, pytest.raises(NoFittingKey) as caught:
        decrypt_opened(archive, DecryptRequest(built.path, tmp_path / "out"), OpeningKeys("other", stranger))
    wanted = group_fingerprint(fingerprint(load_hex_pem_public_key(built.config.creator_public_key)))
    assert str(caught.value).startswith(f"This archive was encrypted for key {wanted}; key other (")
    assert caught.value.exit_code == 3 and leftovers(tmp_path / "out") == []


def test_cancel_mid_file_leaves_nothing(built: BuiltArchive, researcher, tmp_path: Path) -> None:
    token = CancelToken()

    def cancel_after_first_chunk(progress: Progress) -> None:
        if progress.done > 1 << 20:
            token.cancel()

    out = tmp_path / "new" / "out"
    with ResultArchive(built.path) as archive, pytest.raises(Cancelled):
        decrypt_opened(
            archive,
            DecryptRequest(built.path, out),
            OpeningKeys("mine", researcher),
            cancel_after_first_chunk,
            token,
        )
    assert not (tmp_path / "new").exists()


def test_paillier_results_with_keys_in_hand(researcher, tmp_path: Path) -> None:
    he_key = generate_paillier(2048)
    tree = {"sum": str(he_key.public.encrypt(40)), "parts": [he_key.public.encrypt(2)], "note": "x"}
    built = build_archive(tmp_path / "b", researcher.public_key(), {"s.he.json": json.dumps(tree).encode()})
    out = tmp_path / "out"
    with ResultArchive(built.path) as archive:
        report = decrypt_opened(
            archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher, he_key)
        )
    assert json.loads((out / "s.plain.json").read_text()) == {"sum": 40, "parts": [2], "note": "x"}
    assert [entry.path for entry in report.files] == ["s.he.json", "s.plain.json"]
    assert report.files[1].decrypted_from == "s.he.json"


def test_a_train_without_result_files_verifies_and_gives_an_empty_folder(researcher, tmp_path: Path) -> None:
    built = build_archive(tmp_path / "b", researcher.public_key(), {})
    out = tmp_path / "out"
    with ResultArchive(built.path) as archive:
        report = decrypt_opened(archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher))
    assert report.verified and report.files == [] and out.is_dir() and list(out.iterdir()) == []
