"""Files in and out of images, through the engine's archive API (no host mounts, no `docker cp`)."""

from __future__ import annotations

import io
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import docker
import docker.errors

from desktop_app.core.station.errors import StationError

SPOOL_LIMIT = 8 << 20  # archives larger than this spill to disk, so memory stays flat


@contextmanager
def scratch_container(client: docker.DockerClient, image: str) -> Iterator:
    """A created (never started) container of `image`, removed afterwards.

    Podman cannot create a container from an image without a command, so one is given.
    """
    try:
        container = client.containers.create(image, command=["true"])
    except docker.errors.DockerException as exc:
        raise StationError(f"No container could be made from {image}: {exc}") from exc
    try:
        yield container
    finally:
        container.remove(force=True)


def export_folder(container, path: str) -> tempfile.SpooledTemporaryFile:
    """`path` (a file or a folder) as a tar, spooled; the member names start with its basename."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT)  # noqa: SIM115 - the caller closes it
    try:
        stream, _ = container.get_archive(path)
        for chunk in stream:
            spool.write(chunk)
    except docker.errors.NotFound:
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
    except (docker.errors.NotFound, StopIteration) as exc:
        raise StationError(f"The image has no {path}.") from exc


def regular_members(spool, strip: str) -> Iterator[tuple[str, tarfile.TarFile, tarfile.TarInfo]]:
    """(name below `strip`, tar, member) for each regular file, in archive order."""
    with tarfile.open(fileobj=spool) as tar:
        for member in tar:
            if member.isreg():
                name = member.name.split("/", 1)[1] if "/" in member.name else member.name
                if member.name.startswith(strip):
                    yield name, tar, member


def put_tree(container, destination: str, files: dict[str, Path | bytes]) -> None:
    """Write files (name below `destination` → path or bytes) into the container."""
    # A real file, so the upload has a Content-Length: Podman sometimes breaks the pipe on a chunked one.
    with tempfile.TemporaryFile() as spool:
        with tarfile.open(fileobj=spool, mode="w") as tar:
            now = time.time()
            for name, source in files.items():
                info = tarfile.TarInfo(name)
                info.mtime, info.mode = now, 0o644
                if isinstance(source, bytes):
                    info.size = len(source)
                    tar.addfile(info, io.BytesIO(source))
                else:
                    info.size = source.stat().st_size
                    with source.open("rb") as handle:
                        tar.addfile(info, handle)
        spool.seek(0)
        try:
            container.put_archive(destination, spool)
        except docker.errors.DockerException as exc:
            raise StationError(f"Writing into the container failed: {exc}") from exc
