"""Fuzzing the station's image config: what the inbox reads from a registry about a train image
(core/station/image_config.py and inbox.placement).

Three harnesses:
- `manifest`: a real image manifest or index with fields replaced by any JSON value, deleted,
  or as bytes cut or flipped: parsing, the platform choice and the layer list give a value or
  `ImageConfigError`, never another exception.
- `layer`: a layer as a builder pushes it (gzip or plain tar holding /opt/train_config.json),
  then cut, flipped, padded, or with hostile members (a link or folder in the config's place, a
  header claiming a huge size, a whiteout), read under a small byte budget: the config's bytes,
  "not here", "deleted", or `ImageConfigError`.
- `placement`: a real config with mutated route and signatures: `placement` always gives a
  status for the station (unreadable ones say why), never an exception.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import tarfile
from functools import cache

from hypothesis import strategies as st

from desktop_app.core.errors import PHTError
from desktop_app.core.station.image_config import (
    ImageConfigError,
    chosen_platform,
    config_in_layer,
    is_index,
    layers,
    parse_manifest,
    train_config_from_layers,
)
from desktop_app.core.station.inbox import STATUS_WORDS, placement
from tests.fuzz.harness import run_harness
from tests.fuzz.test_fuzz_train_config import JSON_VALUES, _real_config, _set

DIGEST = "sha256:" + "ab" * 32
MANIFEST = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
    "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1807, "digest": DIGEST},
    "layers": [
        {"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": 1084044, "digest": DIGEST},
        {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "size": 4167, "digest": "sha512:" + "cd" * 64},
    ],
}
INDEX = {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.index.v1+json",
    "manifests": [
        {"digest": DIGEST, "size": 10, "platform": {"os": "linux", "architecture": "arm64"}},
        {"digest": DIGEST, "size": 10, "platform": {"os": "linux", "architecture": "amd64"}},
    ],
}
MANIFEST_FIELDS = [
    "schemaVersion", "mediaType", "config", "layers", "layers.0", "layers.0.digest", "layers.0.size",
    "layers.1.mediaType", "layers.1", "manifests", "manifests.0", "manifests.1.platform",
    "manifests.1.platform.architecture", "manifests.0.digest", "manifests.1.digest",
]  # fmt: skip


@st.composite
def mutated_manifests(draw: st.DrawFn) -> bytes:
    document = json.loads(json.dumps(draw(st.sampled_from([MANIFEST, INDEX]))))
    for _ in range(draw(st.integers(0, 4))):
        _set(document, draw(st.sampled_from(MANIFEST_FIELDS)), draw(JSON_VALUES), delete=draw(st.integers(0, 4)) == 0)
    data = bytearray(json.dumps(document).encode())
    if draw(st.integers(0, 3)) == 0 and data:  # cut or flipped on the wire
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] if draw(st.booleans()) else data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]
    return bytes(data)


def test_mutated_manifests() -> None:
    def check(data: bytes) -> None:
        try:
            document = parse_manifest(data)
            if is_index(document):
                assert chosen_platform(document).count(":") >= 1
            else:
                for layer in layers(document):
                    assert layer.size >= 0 and ":" in layer.digest
        except ImageConfigError:
            pass

    run_harness("image config: manifests", mutated_manifests(), check, examples=400)


def _member(tar: tarfile.TarFile, name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, size=None) -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    if kind == tarfile.SYMTYPE:
        info.linkname = "/etc/passwd"
    tar.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)


@cache
def _config_bytes() -> bytes:
    return _real_config().encode()


@st.composite
def layer_bytes(draw: st.DrawFn) -> tuple[bytes, str, bool]:
    """(the layer, where its config is, whether it was damaged after it was built)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for _ in range(draw(st.integers(0, 3))):  # what comes before it: results, train files
            _member(tar, draw(st.sampled_from(["opt/pht_results/r.bin", "./opt/pht_train/a.py", "opt/"])), b"x" * 700)
        shape = draw(
            st.sampled_from(["file", "file", "./file", "/file", "link", "folder", "whiteout", "opaque", "none"])
        )
        if shape in ("file", "./file", "/file"):
            prefix = {"file": "", "./file": "./", "/file": "/"}[shape]
            _member(tar, prefix + "opt/train_config.json", _config_bytes())
        elif shape == "link":
            _member(tar, "opt/train_config.json", kind=tarfile.SYMTYPE)
        elif shape == "folder":
            _member(tar, "opt/train_config.json", kind=tarfile.DIRTYPE)
        elif shape in ("whiteout", "opaque"):
            _member(tar, "opt/.wh.train_config.json" if shape == "whiteout" else "opt/.wh..wh..opq")
    data = bytearray(buffer.getvalue())
    if draw(st.booleans()):
        data = bytearray(gzip.compress(bytes(data), compresslevel=1))
    damage = draw(st.sampled_from(["none", "none", "cut", "flip", "size", "zstd", "garbage"]))
    if damage == "cut":
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data[at] ^= draw(st.integers(1, 255))
    elif damage == "size" and len(data) > 136 and data[:2] != b"\x1f\x8b":
        data[124:136] = b"77777777777\x00"  # the first member claims 8 GiB
    elif damage == "zstd":
        data = bytearray(b"\x28\xb5\x2f\xfd") + data
    elif damage == "garbage":
        data = bytearray(draw(st.binary(max_size=600)))
    return bytes(data), shape, damage != "none"


def test_layers() -> None:
    def check(example: tuple[tuple[bytes, str, bool], int, int]) -> None:
        (data, shape, damaged), chunk, budget = example
        chunks = (data[i : i + chunk] for i in range(0, len(data), chunk))
        try:
            found = config_in_layer(chunks, [budget])
        except ImageConfigError:
            assert damaged or budget < len(data) or shape in ("link", "folder")
            return
        assert found is None or found is False or isinstance(found, bytes)
        if not damaged:  # an intact layer is read as it was built
            expected = {"whiteout": False, "opaque": False, "none": None}.get(shape, _config_bytes())
            assert found == expected

    examples = st.tuples(layer_bytes(), st.sampled_from([5, 512, 4096, 1 << 16]), st.sampled_from([64, 2048, 1 << 30]))
    run_harness("image config: layers", examples, check, examples=500)


def test_layers_top_first() -> None:
    """Whole images: the config comes from the topmost layer holding it, or a sentence says why not."""

    def check(stack: list[bytes]) -> None:
        from desktop_app.core.station.image_config import Layer

        stack = [data for data, _shape, _damaged in stack]
        found = [Layer(DIGEST + str(i), "", len(d)) for i, d in enumerate(stack)]

        @contextlib.contextmanager
        def open_layer(layer):
            yield iter([stack[found.index(layer)]])

        with contextlib.suppress(PHTError):  # ImageConfigError, or TrainConfigError for its content
            train_config_from_layers(found, open_layer)

    run_harness("image config: layer stacks", st.lists(layer_bytes(), min_size=1, max_size=3), check, examples=150)


ROUTE_FIELDS = [
    "route", "route.0", "route.1", "route.0.index", "route.1.index", "route.0.station", "route.1.station",
    "route.0.signature", "route.0.signature.digest", "route.1.signature", "@id",
]  # fmt: skip


@st.composite
def mutated_routes(draw: st.DrawFn) -> bytes:
    document = json.loads(_real_config())
    if draw(st.booleans()):
        document["route"][0]["signature"] = None  # station-0's turn, as a real inbox sees most trains
    for _ in range(draw(st.integers(0, 3))):
        _set(document, draw(st.sampled_from(ROUTE_FIELDS)), draw(JSON_VALUES), delete=draw(st.integers(0, 4)) == 0)
    return json.dumps(document).encode()


def test_placement() -> None:
    from desktop_app.core.protocol.train_config import TrainConfig, TrainConfigError

    def check(data: bytes) -> None:
        try:
            config = TrainConfig.from_json_bytes(data)
        except TrainConfigError:
            return
        for station in ("station-0", "station-1", "station-9"):
            found = placement(config, station)
            assert found["status"] in STATUS_WORDS

    run_harness("image config: route placement", mutated_routes(), check, examples=300)
