"""A station's post-run, without a container: sign the results, re-key, re-encrypt.

Used by the station runner and by the demo hub (which makes result archives "the way a
route of stations would"). One pass over each file: it is encrypted with the new file key
while its plaintext feeds the result hash (on a second thread); nothing is held whole in
memory, and `config` is changed only once everything succeeded.

API:
- `station_post_run(config, station_id, station_key, results, result_sink, train_files=(),
  train_sink=None, progress=..., cancel=None) -> PostRunOutcome`
  `results` / `train_files`: (name, readable plaintext stream) pairs; results in tar-member
  order (that order is the result hash's order). A sink is a folder (`Path`, the encrypted
  file goes to `folder/name`) or a callable `name -> context manager giving a writable
  binary stream`. It sets result_hash, result_signature, this stop's route signature, and a
  NEW file key wrapped for every route stop and the creator (`creator.encrypted_key`; the
  image's `/opt/user_sym_key.key` holds `outcome.config.creator_encrypted_key`).
- `post_run(config, station_id, station_key, results: list[PlainFile], out_dir)` -> (file key,
  encrypted `PlainFile`s): the same over files on disk.
- Checks for pre-run live in `verification.py` (`check_train`, `check_previous_results`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric import rsa

from desktop_app.core.errors import PHTError
from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress
from desktop_app.core.protocol.hashing import ResultHasher, route_digest
from desktop_app.core.protocol.hexpem import load_hex_pem_public_key
from desktop_app.core.protocol.signatures import sign_digest
from desktop_app.core.protocol.symmetric import encrypt_file
from desktop_app.core.protocol.train_config import RouteStop, TrainConfig
from desktop_app.core.protocol.wrapping import new_file_key, wrap_key

Sink = Callable[[str], AbstractContextManager[BinaryIO]]


class PostRunError(PHTError):
    """The post-run cannot be done for this station and train."""


@dataclass(frozen=True)
class PlainFile:
    """A file on disk and the name it has inside its folder (`model/w.bin`)."""

    name: str
    path: Path


@dataclass(frozen=True)
class EncryptedFile:
    name: str
    size: int  # bytes written: IV + ciphertext


@dataclass
class PostRunOutcome:
    config: TrainConfig  # the same object, now updated
    file_key: bytes
    result_hash: bytes
    results: list[EncryptedFile] = field(default_factory=list)
    train_files: list[EncryptedFile] = field(default_factory=list)


def safe_relative_name(name: str) -> PurePosixPath:
    """A member name that stays inside its folder: relative, no `..`, not empty."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts or "\\" in name:
        raise PostRunError(_("The file name {name!r} would leave its folder.").format(name=name))
    return path


def folder_sink(folder: Path) -> Sink:
    def open_target(name: str) -> AbstractContextManager[BinaryIO]:
        target = folder.joinpath(*safe_relative_name(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target.open("wb")

    return open_target


def _no_train_sink(name: str) -> AbstractContextManager[BinaryIO]:
    raise PostRunError(_("Train files to re-encrypt need a place to go (train_sink)."))


def _as_sink(sink: Path | Sink) -> Sink:
    return folder_sink(sink) if isinstance(sink, Path) else sink


def _route_stop(config: TrainConfig, station_id: str) -> tuple[RouteStop, list[RouteStop]]:
    stop = config.stop_for(station_id)
    if stop is None:
        raise PostRunError(_("Station {station_id} is not on this train's route.").format(station_id=station_id))
    earlier = [s for s in config.route if s.index < stop.index]
    missing = [s.station for s in earlier if s.signature is None]
    if missing:
        raise PostRunError(_("Earlier stations have not signed: {missing}.").format(missing=", ".join(missing)))
    return stop, earlier


def _encrypt_all(
    files: Iterable[tuple[str, BinaryIO]],
    sink: Sink,
    file_key: bytes,
    hasher: ResultHasher | None,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    total: int,
    done_before: int = 0,
) -> list[EncryptedFile]:
    written: list[EncryptedFile] = []
    for name, stream in files:
        if cancel:
            cancel.raise_if_cancelled()
        safe_relative_name(name)
        with sink(name) as out:
            size = encrypt_file(stream, out, file_key, hasher)
        written.append(EncryptedFile(name, size))
        progress(Progress(done_before + len(written), total, name))
    return written


def station_post_run(
    config: TrainConfig,
    station_id: str,
    station_key: rsa.RSAPrivateKey,
    results: Iterable[tuple[str, BinaryIO]],
    result_sink: Path | Sink,
    train_files: Iterable[tuple[str, BinaryIO]] = (),
    train_sink: Path | Sink | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> PostRunOutcome:
    """Post-run of `station_id` over its results (and the train files to re-encrypt)."""
    stop, earlier = _route_stop(config, station_id)
    recipients = [
        (s, load_hex_pem_public_key(s.rsa_public_key, _("key of station {station}").format(station=s.station)))
        for s in config.route
    ]
    creator_key = load_hex_pem_public_key(config.creator_public_key, "creator.rsa_public_key")
    file_key = new_file_key()
    hasher = ResultHasher(config.session_id)
    total = sum(len(files) if isinstance(files, Sized) else 0 for files in (results, train_files))
    encrypted = _encrypt_all(results, _as_sink(result_sink), file_key, hasher, progress, cancel, total)
    encrypted_train = _encrypt_all(
        train_files,
        _as_sink(train_sink or _no_train_sink),
        file_key,
        None,
        progress,
        cancel,
        total,
        len(encrypted),
    )
    result_hash = hasher.finish()
    digest = route_digest(config.session_id, [s.signature[0] for s in earlier], result_hash, stop.index)  # type: ignore[index]
    result_signature = sign_digest(station_key, result_hash)
    route_signature = sign_digest(station_key, digest)
    wrapped = [(s, wrap_key(file_key, key)) for s, key in recipients]
    creator_wrapped = wrap_key(file_key, creator_key)
    # Everything computed: only now does the config change.
    config.result_hash = result_hash
    config.result_signature = result_signature
    stop.signature = (digest, route_signature)
    for route_stop, key in wrapped:
        route_stop.encrypted_key = key
    config.creator_encrypted_key = creator_wrapped
    return PostRunOutcome(config, file_key, result_hash, encrypted, encrypted_train)


def hash_results(config: TrainConfig, results: Iterable[PlainFile], chunk: int = 1 << 20) -> bytes:
    hasher = ResultHasher(config.session_id)
    for result in results:
        with result.path.open("rb") as handle:
            while data := handle.read(chunk):
                hasher.update(data)
    return hasher.finish()


def post_run(
    config: TrainConfig,
    station_id: str,
    station_key: rsa.RSAPrivateKey,
    results: list[PlainFile],
    out_dir: Path,
) -> tuple[bytes, list[PlainFile]]:
    """The post-run over result files on disk, in archive order; returns (new file key, encrypted files)."""
    outcome = station_post_run(config, station_id, station_key, _LazyOpen(results), out_dir)
    return outcome.file_key, [PlainFile(item.name, out_dir / item.name) for item in results]


class _LazyOpen:
    """(name, stream) pairs that open each file only when it is encrypted and close it after,
    so a thousand results never hold a thousand descriptors."""

    def __init__(self, files: list[PlainFile]) -> None:
        self.files = files

    def __len__(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[tuple[str, BinaryIO]]:
        for item in self.files:
            with item.path.open("rb") as handle:
                yield item.name, handle
