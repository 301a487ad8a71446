"""The post-run's layer, made in one pass from a real container's /opt/pht_results: every result
and train file encrypted with the new key at the size its tar header announced, the result hash
over the plaintexts in archive order, the layer's digest that of the file written, and what the
train leaves beside regular files (a link) never followed."""

from __future__ import annotations

import hashlib
import io
import os
import tarfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hashing import ResultHasher
from desktop_app.core.protocol.symmetric import decrypt_bytes
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.image_files import TooLarge, put_tree, scratch_container
from desktop_app.core.station.result_layer import build_result_layer, encrypted_size
from tests.helpers.result_archives import new_config, station_keys

pytestmark = pytest.mark.engine

RESULTS = {
    "summary.txt": b"n=4\n",
    "empty.bin": b"",
    "aligned.bin": bytes(range(32)),  # whole AES blocks: a whole block of padding follows
    "nested/deeper/model.bin": os.urandom(3 * (1 << 20) + 5),  # more than one read of the stream
}


@pytest.fixture
def config() -> TrainConfig:
    return new_config(rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key(), station_keys(2))


@pytest.fixture
def train_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "train"
    (folder / "lib").mkdir(parents=True)
    (folder / "entrypoint.sh").write_bytes(b"#!/bin/sh\necho hi\n")
    (folder / "lib" / "util.sh").write_bytes(b"x=1\n")
    return folder


def members(layer: Path) -> dict[str, bytes | None]:
    with tarfile.open(layer) as tar:
        return {
            m.name: (tar.extractfile(m).read() if m.isreg() else None)  # type: ignore[union-attr]
            for m in tar
        }


def test_the_layer_holds_every_file_encrypted_and_the_updated_config(engine, config, train_dir, tmp_path) -> None:
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        put_tree(container, "/opt/pht_results", dict(RESULTS))
        layer = build_result_layer(
            container, config, "station-0", station_keys(2)[0], train_dir, tmp_path / "layer.tar"
        )
    found = members(layer.path)
    key = layer.outcome.file_key
    assert layer.size == layer.path.stat().st_size
    assert layer.digest == "sha256:" + hashlib.sha256(layer.path.read_bytes()).hexdigest()
    for name, plain in RESULTS.items():
        stored = found[f"opt/pht_results/{name}"]
        assert stored is not None and len(stored) == encrypted_size(len(plain))
        assert decrypt_bytes(stored, key) == plain
    for name in ("entrypoint.sh", "lib/util.sh"):
        assert decrypt_bytes(found[f"opt/pht_train/{name}"] or b"", key) == (train_dir / name).read_bytes()
    for folder in ("opt", "opt/pht_results", "opt/pht_results/nested/deeper", "opt/pht_train/lib"):
        assert found[folder] is None  # a folder entry
    written = TrainConfig.from_json_bytes(found["opt/train_config.json"] or b"")
    assert written.result_hash == layer.outcome.result_hash == config.result_hash
    assert found["opt/user_sym_key.key"] == config.creator_encrypted_key
    # The result hash covers the plaintexts in the order the engine's archive listed them.
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        put_tree(container, "/opt/pht_results", dict(RESULTS))
        stream, _ = container.get_archive("/opt/pht_results")
        with (tmp_path / "plain.tar").open("wb") as out:
            for chunk in stream:
                out.write(chunk)
    hasher = ResultHasher(config.session_id)
    with tarfile.open(tmp_path / "plain.tar") as tar:
        for member in tar:
            if member.isreg():
                hasher.update(tar.extractfile(member).read())  # type: ignore[union-attr]
    assert hasher.finish() == layer.outcome.result_hash


def test_a_link_left_by_the_train_is_not_followed(engine, config, train_dir, tmp_path) -> None:
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        put_tree(container, "/opt/pht_results", {"real.txt": b"kept\n"})
        # A symbolic link to a file outside the results, as a hostile train could leave.
        link = io.BytesIO()
        with tarfile.open(fileobj=link, mode="w") as tar:
            info = tarfile.TarInfo("pht_results/passwd")
            info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
            tar.addfile(info)
        container.put_archive("/opt", link.getvalue())
        layer = build_result_layer(container, config, "station-0", station_keys(2)[0], train_dir, tmp_path / "l.tar")
    names = [n for n in members(layer.path) if n.startswith("opt/pht_results/")]
    assert names == ["opt/pht_results/real.txt"]


def test_results_over_the_limit_and_a_cancel_stop_the_stream_and_change_nothing(
    engine, config, train_dir, tmp_path
) -> None:
    before = config.to_json_bytes()
    with scratch_container(engine.client, "localhost/pht-test/busybox:latest") as container:
        put_tree(container, "/opt/pht_results", dict(RESULTS))
        with pytest.raises(TooLarge):
            build_result_layer(
                container, config, "station-0", station_keys(2)[0], train_dir, tmp_path / "a.tar", limit=1 << 20
            )
        token = CancelToken()
        token.cancel()
        with pytest.raises(Cancelled):
            build_result_layer(
                container, config, "station-0", station_keys(2)[0], train_dir, tmp_path / "b.tar", cancel=token
            )
    assert config.to_json_bytes() == before  # the config changes only when everything succeeded
