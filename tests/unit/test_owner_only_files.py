"""Owner-only files (#14 §5) the journeys of tests/integration/test_no_secret_left.py do not
reach: Paillier plaintext, the app's log after it rotates, a station run's train log."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.keys.paillier import generate_paillier
from desktop_app.core.log_file import open_log_file
from desktop_app.core.results.archive_reader import ResultArchive
from desktop_app.core.results.decrypt import DecryptRequest, OpeningKeys, decrypt_opened
from desktop_app.core.station.train_log import TrainLog
from tests.helpers.result_archives import build_archive

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> str:
    return f"{stat.S_IMODE(path.stat().st_mode):04o}"


def test_paillier_plaintext_is_owner_only(tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    he_key = generate_paillier(2048)
    tree = {"sum": str(he_key.public.encrypt(40))}
    built = build_archive(tmp_path / "b", researcher.public_key(), {"s/t.he.json": json.dumps(tree).encode()})
    out = tmp_path / "out"
    with ResultArchive(built.path) as archive:
        decrypt_opened(archive, DecryptRequest(built.path, out), OpeningKeys("mine", researcher, he_key))
    assert json.loads((out / "s" / "t.plain.json").read_text()) == {"sum": 40}
    assert {p.name: mode(p) for p in [out, *out.rglob("*")]} == {
        "out": "0700",
        "s": "0700",
        "t.he.json": "0600",
        "t.plain.json": "0600",
    }


def test_the_log_stays_owner_only_when_it_rotates(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = open_log_file(folder, logging.DEBUG)
    log = logging.getLogger("pht_desktop.test_rotation")
    try:
        for _ in range(3):
            log.info("%s", "x" * (600 << 10))  # 1 MiB per file: each second line rotates
    finally:
        logger = logging.getLogger("pht_desktop")
        for handler in list(logger.handlers):
            if getattr(handler, "pht_log_file", False):
                logger.removeHandler(handler)
                handler.close()
    files = sorted(folder.iterdir())
    assert path in files and len(files) >= 2  # it did rotate
    assert {p.name: mode(p) for p in [folder, *files]} == {p.name: "0600" for p in files} | {"logs": "0700"}


def test_a_train_log_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "station" / "logs" / "run-1.log"
    with TrainLog(path, lambda line: None) as log:
        log.feed(b"patients: 12\n")
    assert (mode(path.parent), mode(path)) == ("0700", "0600")
