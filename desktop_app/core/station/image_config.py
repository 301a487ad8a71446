"""A train image's identity read from the registry without pulling it: its manifest's layers,
and `/opt/train_config.json` (PROTOCOL.md, "Train image layout") found in the topmost layer
that holds it, read only as far as that member, with caps on everything read.

Everything here parses outside input (a registry's answers, a layer someone pushed): each
failure is `ImageConfigError` with a sentence, never another exception (tests/fuzz).
"""

from __future__ import annotations

import io
import json
import struct
import tarfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from desktop_app.core.errors import PHTError
from desktop_app.core.protocol.train_config import TrainConfig

CONFIG_PATH = "opt/train_config.json"
MAX_CONFIG_BYTES = 4 << 20  # real configs are tens of KiB (a hex PEM key per stop)
MAX_LAYER_BYTES = 256 << 20  # compressed bytes read from the layers, per image, before giving up
MAX_LAYERS = 256  # more than the engines build (127)
_GZIP_MAGIC, _ZSTD_MAGIC = b"\x1f\x8b", b"\x28\xb5\x2f\xfd"


class ImageConfigError(PHTError):
    """The image's manifest or train configuration cannot be read; the message says why."""


@dataclass(frozen=True)
class Layer:
    digest: str
    media_type: str
    size: int


def _digest(value: object) -> str:
    if not isinstance(value, str) or ":" not in value or len(value) > 200:
        raise ImageConfigError("The image's manifest names a layer without a usable digest.")
    algorithm, _, hexpart = value.partition(":")
    if not algorithm.isalnum() or not hexpart or not all(c in "0123456789abcdef" for c in hexpart):
        raise ImageConfigError("The image's manifest names a layer without a usable digest.")
    return value


def parse_manifest(body: bytes) -> dict:
    try:
        document = json.loads(body)
    except (ValueError, RecursionError) as exc:  # also bytes that are not UTF-8
        raise ImageConfigError("The image's manifest is not JSON.") from exc
    if not isinstance(document, dict):
        raise ImageConfigError("The image's manifest is not a JSON object.")
    return document


def chosen_platform(index: dict) -> str:
    """From an index (a multi-platform image): the digest of linux/amd64's manifest, else the first's."""
    manifests = index.get("manifests")
    if not isinstance(manifests, list) or not manifests or not all(isinstance(m, dict) for m in manifests):
        raise ImageConfigError("The image's index lists no manifests.")
    for entry in manifests:
        platform = entry.get("platform")
        if isinstance(platform, dict) and (platform.get("os"), platform.get("architecture")) == ("linux", "amd64"):
            return _digest(entry.get("digest"))
    return _digest(manifests[0].get("digest"))


def is_index(document: dict) -> bool:
    return "manifests" in document and "layers" not in document


def layers(document: dict) -> list[Layer]:
    """The image's layers, bottom first, as its manifest lists them."""
    found = document.get("layers")
    if not isinstance(found, list) or not found:
        raise ImageConfigError("The image's manifest lists no layers.")
    if len(found) > MAX_LAYERS:
        raise ImageConfigError(f"The image's manifest lists {len(found)} layers; more than {MAX_LAYERS} are refused.")
    result = []
    for entry in found:
        if not isinstance(entry, dict):
            raise ImageConfigError("The image's manifest has a layer that is not an object.")
        size = entry.get("size")
        media_type = entry.get("mediaType")
        result.append(
            Layer(
                _digest(entry.get("digest")),
                media_type if isinstance(media_type, str) else "",
                size if isinstance(size, int) and not isinstance(size, bool) and size >= 0 else 0,
            )
        )
    return result


class _CappedStream(io.RawIOBase):
    """A layer's bytes as a file, stopping with TooMuch past the image's budget of bytes read."""

    def __init__(self, chunks: Iterator[bytes], budget: list[int], check: Callable[[], None]) -> None:
        self.chunks, self.budget, self.check = chunks, budget, check
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self.pending:
            self.check()
            chunk = next(self.chunks, None)
            if chunk is None:
                return 0
            self.budget[0] -= len(chunk)
            if self.budget[0] < 0:
                raise _TooMuch
            self.pending = chunk
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


class _TooMuch(Exception):
    pass


def _member_name(name: str) -> str:
    while name.startswith(("./", "/")):
        name = name[2:] if name.startswith("./") else name[1:]
    return name


def config_in_layer(chunks: Iterable[bytes], budget: list[int], check: Callable[[], None] = lambda: None):
    """The train config's bytes if this layer holds `/opt/train_config.json`; `False` if the layer
    deletes it (a whiteout: lower layers no longer count); None if the layer does not touch it.

    The layer is read only up to that member, so its digest (and gzip's checksum, at its end) is
    not checked: what the inbox shows is for finding trains; the runner checks the pulled image and
    the config's signatures before anything runs."""
    stream = io.BufferedReader(_CappedStream(iter(chunks), budget, check), buffer_size=1 << 16)
    try:
        head = stream.peek(4)[:4]
        if head.startswith(_ZSTD_MAGIC):
            raise ImageConfigError("A layer of the image is compressed with zstd, which this app cannot read yet.")
        mode = "r|gz" if head.startswith(_GZIP_MAGIC) else "r|"
        with tarfile.open(fileobj=stream, mode=mode) as tar:
            for member in tar:
                name = _member_name(member.name)
                if name == "opt/.wh.train_config.json" or name == "opt/.wh..wh..opq":
                    return False
                if name != CONFIG_PATH:
                    continue
                if not member.isreg():
                    raise ImageConfigError("The image's /opt/train_config.json is not a regular file.")
                if member.size > MAX_CONFIG_BYTES:
                    raise ImageConfigError(
                        f"The image's /opt/train_config.json is larger than {MAX_CONFIG_BYTES >> 20} MiB."
                    )
                handle = tar.extractfile(member)
                data = handle.read() if handle else b""
                if len(data) != member.size:
                    raise ImageConfigError("A layer of the image ends inside /opt/train_config.json.")
                return data
    except _TooMuch as exc:
        raise ImageConfigError(
            f"The image's /opt/train_config.json was not found in the first {MAX_LAYER_BYTES >> 20} MiB of its layers."
        ) from exc
    # TypeError: tarfile's gzip reader on a header cut short (`ord()` of nothing), found by fuzzing.
    except (tarfile.TarError, EOFError, zlib.error, OSError, ValueError, TypeError, struct.error) as exc:
        raise ImageConfigError(f"A layer of the image is not a readable tar archive ({type(exc).__name__}).") from exc
    return None


def train_config_from_layers(
    layer_list: list[Layer], open_layer: Callable[[Layer], object], check: Callable[[], None] = lambda: None
) -> TrainConfig:
    """The config of the topmost layer that holds it. `open_layer(layer)` is a context manager
    giving the layer's chunks; the layers are opened top first, and only until it is found."""
    budget = [MAX_LAYER_BYTES]
    for layer in reversed(layer_list):
        with open_layer(layer) as chunks:  # type: ignore[attr-defined]
            found = config_in_layer(chunks, budget, check)
        if found is False:
            break
        if found is not None:
            return TrainConfig.from_json_bytes(found)
    raise ImageConfigError("The image has no /opt/train_config.json: it is not a train.")
