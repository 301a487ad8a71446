"""The post-run's new image layer, made in one pass over the train's results.

The container's `/opt/pht_results` comes out of the engine as a tar stream (`get_archive`);
each regular member is read from that stream as it arrives, encrypted with the new file key
while a second thread feeds its plaintext to the result hash (`encrypt_file`), and written
straight into the layer: one tar file holding `opt/pht_results/…`, the re-encrypted
`opt/pht_train/…`, and at its end `opt/train_config.json` and `opt/user_sym_key.key` (known
only once every result is hashed). Nothing else touches the disk: no copy of the results, no
folder of encrypted files, no second tar. The same file is then both what is written onto
`:base` in the engine and the blob the push uploads.

A member's encrypted size is known before it is encrypted (IV + the plaintext padded to whole
AES blocks), so its tar header is written first and the ciphertext streamed after it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import docker.errors
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken
from desktop_app.core.protocol.hashing import HashingThread
from desktop_app.core.protocol.post_run import PostRunOutcome, safe_relative_name, station_post_run
from desktop_app.core.protocol.symmetric import BLOCK, IV_SIZE
from desktop_app.core.protocol.train_config import TrainConfig
from desktop_app.core.station.engine_faults import engine_call
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.image_files import MissingInContainer, TooLarge

BLOCKSIZE = tarfile.BLOCKSIZE
READ_BUFFER = 1 << 20  # the tar stream is parsed in pieces of this size, not tarfile's default 10 KiB


def encrypted_size(plain_size: int) -> int:
    """IV + AES-CBC ciphertext of PKCS7-padded plaintext (a whole block of padding when aligned)."""
    return IV_SIZE + (plain_size // BLOCK + 1) * BLOCK


@dataclass
class ResultLayer:
    path: Path
    size: int  # bytes of the tar, end marker included
    digest: str  # "sha256:…" of the tar: the layer's diff id, and its blob digest (it is not compressed)
    outcome: PostRunOutcome


class _ArchiveReader(io.RawIOBase):
    """The engine's chunk iterator as a readable stream that refuses more than `limit` bytes
    and notices a cancel between chunks."""

    def __init__(self, chunks: Iterator[bytes], path: str, limit: int | None, cancel: CancelToken | None) -> None:
        self._chunks, self._path, self._limit, self._cancel = chunks, path, limit, cancel
        self._pending = memoryview(b"")
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self._pending:
            if self._cancel:
                self._cancel.raise_if_cancelled()
            try:
                self._pending = memoryview(next(self._chunks))
            except StopIteration:
                return 0
            self.count += len(self._pending)
            if self._limit is not None and self.count > self._limit:
                raise TooLarge(
                    _("{path} in the container is larger than {limit} bytes.").format(
                        path=self._path, limit=self._limit
                    ),
                    self._limit,
                )
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class _DigestingFile:
    """A file whose every written piece is also fed to SHA-256 on its own thread (the layer's digest),
    and whose growth is told to `on_written`."""

    def __init__(self, out: BinaryIO, hashing: HashingThread, on_written: Callable[[int], None] | None) -> None:
        self._out, self._hashing, self._on_written = out, hashing, on_written

    def write(self, data: bytes) -> int:
        self._hashing.update(bytes(data))  # immutable: it is hashed later, on the other thread
        written = self._out.write(data)
        if self._on_written is not None:  # a reader of the same file (the upload) may go on to here
            self._out.flush()
            self._on_written(self._out.tell())
        return written

    def tell(self) -> int:
        return self._out.tell()


class _LayerWriter:
    """Writes tar entries to `out` by hand, so a member's data can be streamed after its header."""

    def __init__(self, out) -> None:
        self.out = out
        self.now = int(time.time())
        self.folders: set[str] = set()
        self.sizes: dict[str, int] = {}  # plaintext size of the member about to be encrypted, by name

    def _folder(self, path: str) -> None:
        parts = path.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in self.folders:
                self.folders.add(folder)
                info = tarfile.TarInfo(folder)
                info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, self.now
                self.out.write(info.tobuf(tarfile.PAX_FORMAT))

    def header(self, path: str, size: int) -> None:
        self._folder(path)
        info = tarfile.TarInfo(path)
        info.size, info.mode, info.mtime = size, 0o644, self.now
        self.out.write(info.tobuf(tarfile.PAX_FORMAT))

    def pad(self, size: int) -> None:
        if size % BLOCKSIZE:
            self.out.write(b"\0" * (BLOCKSIZE - size % BLOCKSIZE))

    def add_bytes(self, path: str, data: bytes) -> None:
        self.header(path, len(data))
        self.out.write(data)
        self.pad(len(data))

    def sink(self, folder: str):
        """A post-run sink: `name` → a stream for its ciphertext, inside the tar under `folder`."""

        @contextlib.contextmanager
        def open_member(name: str) -> Iterator[BinaryIO]:
            path = f"{folder}/{safe_relative_name(name).as_posix()}"
            expected = encrypted_size(self.sizes.pop(name))
            self.header(path, expected)
            start = self.out.tell()
            yield self.out
            written = self.out.tell() - start
            if written != expected:  # a stream shorter than its header said: the tar would be corrupt
                raise OSError(f"{name}: {written} encrypted bytes written, {expected} announced.")
            self.pad(written)

        return open_member

    def end(self) -> int:
        self.out.write(b"\0" * (2 * BLOCKSIZE))  # the end marker, without tarfile's record padding
        return self.out.tell()


def _results(tar: tarfile.TarFile, writer: _LayerWriter) -> Iterator[tuple[str, BinaryIO]]:
    """(name below pht_results/, plaintext stream) for each regular member, in archive order."""
    for member in tar:
        if not member.isreg() or not member.name.startswith("pht_results/"):
            continue
        name = member.name.split("/", 1)[1]
        handle = tar.extractfile(member)
        assert handle is not None  # a regular file
        writer.sizes[name] = member.size
        yield name, handle


def _train_files(train_dir: Path, writer: _LayerWriter) -> Iterator[tuple[str, BinaryIO]]:
    for path in sorted(p for p in train_dir.rglob("*") if p.is_file()):
        name = path.relative_to(train_dir).as_posix()
        writer.sizes[name] = path.stat().st_size
        with path.open("rb") as handle:
            yield name, handle


def build_result_layer(
    container,
    config: TrainConfig,
    station_id: str,
    station_key: rsa.RSAPrivateKey,
    train_dir: Path,
    target: Path,
    limit: int | None = None,
    cancel: CancelToken | None = None,
    on_written: Callable[[int], None] | None = None,
) -> ResultLayer:
    """Stream `/opt/pht_results` out of `container` through the post-run into the layer tar `target`.

    Raises MissingInContainer (no /opt/pht_results), TooLarge (more than `limit` bytes of tar)
    or the post-run's errors; `config` changes only when everything succeeded. `on_written` gets
    the bytes in the file after each write (they are flushed to it by then).
    """
    path = "/opt/pht_results"
    with engine_call(_("Copying {path} out of a container").format(path=path)):
        try:
            chunks, _stat = container.get_archive(path)
        except docker.errors.NotFound as exc:
            raise MissingInContainer(_("The container has no {path}.").format(path=path)) from exc
        digest = hashlib.sha256()
        try:
            raw = _ArchiveReader(iter(chunks), path, limit, cancel)
            with (
                target.open("wb") as out,
                HashingThread(digest) as hashing,
                tarfile.open(fileobj=io.BufferedReader(raw, READ_BUFFER), mode="r|", bufsize=READ_BUFFER) as tar,
            ):
                writer = _LayerWriter(_DigestingFile(out, hashing, on_written))
                outcome = station_post_run(
                    config,
                    station_id,
                    station_key,
                    _results(tar, writer),
                    writer.sink("opt/pht_results"),
                    _train_files(train_dir, writer),
                    writer.sink("opt/pht_train"),
                    cancel=cancel,
                )
                writer.add_bytes("opt/train_config.json", outcome.config.to_json_bytes())
                writer.add_bytes("opt/user_sym_key.key", outcome.config.creator_encrypted_key or b"")
                size = writer.end()
        except tarfile.TarError as exc:
            raise StationError(
                _("The train's {path} could not be read as an archive ({exc}).").format(path=path, exc=exc)
            ) from exc
        finally:
            chunks.close()  # on a refusal, the engine stops sending the rest
    return ResultLayer(target, size, f"sha256:{digest.hexdigest()}", outcome)
