"""Files in and out of images, through the engine's archive API (no host mounts, no `docker cp`)."""

from __future__ import annotations

import io
import json
import logging
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import docker
import docker.errors

from desktop_app.core.progress import CancelToken
from desktop_app.core.station.engine_faults import ENGINE_FAILURES, engine_call
from desktop_app.core.station.errors import StationError

log = logging.getLogger(__name__)

SPOOL_LIMIT = 8 << 20  # archives larger than this spill to disk, so memory stays flat


@contextmanager
def scratch_container(client: docker.DockerClient, image: str) -> Iterator:
    """A created (never started) container of `image`, removed afterwards.

    Podman cannot create a container from an image without a command, so one is given.
    """
    try:
        with engine_call(f"Making a container of {image}"):
            container = client.containers.create(image, command=["true"])
    except StationError as exc:
        if isinstance(exc.__cause__, docker.errors.ImageNotFound):
            raise StationError(f"The image {image} is not on the container engine.", details=exc.details) from exc
        raise
    try:
        yield container
    finally:
        remove_container(container)


def remove_container(container) -> None:
    """Remove a container, running or not; an engine that fails here does not hide the run's own outcome."""
    try:
        container.remove(force=True)
    except docker.errors.NotFound:
        pass  # already gone
    except ENGINE_FAILURES as exc:
        log.warning("Could not remove container %s: %s", container.id, exc)


class MissingInContainer(StationError):
    """A path that should be in a container is not."""


class TooLarge(StationError):
    """A folder copied out of a container was larger than the limit it was copied with."""

    def __init__(self, message: str, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


def export_folder(
    container, path: str, cancel: CancelToken | None = None, limit: int | None = None
) -> tempfile.SpooledTemporaryFile:
    """`path` (a file or a folder) as a tar, spooled; the member names start with its basename.

    With `limit`, a tar stream longer than `limit` bytes is cut off there and refused (TooLarge):
    what a train leaves in its container is never trusted to be of a storable size.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT)  # noqa: SIM115 - the caller closes it
    try:
        with engine_call(f"Copying {path} out of a container"):
            try:
                stream, _ = container.get_archive(path)
            except docker.errors.NotFound as exc:
                raise MissingInContainer(f"The container has no {path}.") from exc
            try:
                for chunk in stream:
                    spool.write(chunk)
                    if limit is not None and spool.tell() > limit:
                        raise TooLarge(f"{path} in the container is larger than {limit} bytes.", limit)
                    if cancel:
                        cancel.raise_if_cancelled()
            finally:
                stream.close()  # on a refusal, the engine stops sending the rest
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


def read_file(container, path: str, limit: int = 16 << 20) -> bytes:
    try:
        with export_folder(container, path) as spool, tarfile.open(fileobj=spool) as tar:
            member = next(m for m in tar if m.isreg())
            if member.size > limit:
                raise StationError(f"{path} in the image is implausibly large.")
            handle = tar.extractfile(member)
            assert handle is not None
            return handle.read()
    except (MissingInContainer, StopIteration) as exc:
        raise StationError(f"The image has no {path}.") from exc


def regular_members(spool, strip: str) -> Iterator[tuple[str, tarfile.TarFile, tarfile.TarInfo]]:
    """(name below `strip`, tar, member) for each regular file, in archive order."""
    with tarfile.open(fileobj=spool) as tar:
        for member in tar:
            if member.isreg():
                name = member.name.split("/", 1)[1] if "/" in member.name else member.name
                if member.name.startswith(strip):
                    yield name, tar, member


UPLOAD_ATTEMPTS = 3


def _folders_of(names: list[str]) -> list[str]:
    """Every folder the names lie in, parents first ("a/b/c.txt" → "a", "a/b")."""
    folders: dict[str, None] = {}
    for name in names:
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders["/".join(parts[:depth])] = None
    return list(folders)


def put_tree(container, destination: str, files: dict[str, Path | bytes], owner: tuple[int, int] | None = None) -> None:
    """Write files (name below `destination` → path or bytes) into the container.

    With `owner` (uid, gid), `destination` itself, every folder below it and every file are made
    that user's (the engine applies a tar entry's owner, also to a folder that exists): the
    train's own folders, for a train that does not run as root.
    """
    if owner is not None:
        parent, _, base = destination.rstrip("/").rpartition("/")
        names = {f"{base}/{name}": source for name, source in files.items()}
        folders = list(dict.fromkeys([base, *_folders_of(list(names))]))
        destination, files = parent or "/", names
    else:
        folders = []
    # A real file, so the upload has a Content-Length: Podman sometimes breaks the pipe on a chunked one.
    with tempfile.TemporaryFile() as spool:
        with tarfile.open(fileobj=spool, mode="w") as tar:
            now = time.time()
            for folder in folders:
                entry = tarfile.TarInfo(folder)
                entry.type, entry.mtime, entry.mode = tarfile.DIRTYPE, now, 0o755
                entry.uid, entry.gid = owner or (0, 0)
                tar.addfile(entry)
            for name, source in files.items():
                info = tarfile.TarInfo(name)
                info.mtime, info.mode = now, 0o644
                if owner is not None:
                    info.uid, info.gid = owner
                if isinstance(source, bytes):
                    info.size = len(source)
                    tar.addfile(info, io.BytesIO(source))
                else:
                    info.size = source.stat().st_size
                    with source.open("rb") as handle:
                        tar.addfile(info, handle)
        # Without the zeros tarfile pads a record with after the end-of-archive marker: Podman's
        # extracting process stops reading at the marker, and writing it the rest raced its exit
        # ("write |1: broken pipe": 4 in 1,600 uploads with the padding, 0 in 1,600 without). The
        # retries below stay as a net for a pipe broken otherwise.
        spool.truncate(tar.offset)
        put_tar(container, destination, spool)


def put_tar(container, destination: str, tar_file: BinaryIO) -> None:
    """Write the tar in the (seekable, real) file `tar_file` into the container at `destination`."""
    with engine_call(f"Writing files into {destination} of a container"):
        for attempt in range(UPLOAD_ATTEMPTS):
            tar_file.seek(0)
            try:
                container.put_archive(destination, tar_file)
                return
            except docker.errors.APIError as exc:
                # Podman 4.3, under load, sometimes loses the helper process it feeds the upload
                # to ("passing bulk input to subprocess: … broken pipe"); writing the same files
                # into the not yet started container again is harmless.
                if "broken pipe" not in str(exc) or attempt == UPLOAD_ATTEMPTS - 1:
                    raise


def commit_image(container, reference: str, command: list[str]) -> None:
    """Save `container` as the image `reference` (REPOSITORY:TAG) running `command`.

    Podman applies only `changes` on commit, so the command is given there.
    """
    repository, tag = reference.rsplit(":", 1)
    with engine_call(f"Saving the image {reference}"):
        container.commit(repository=repository, tag=tag, changes=[f"CMD {json.dumps(command)}"])
