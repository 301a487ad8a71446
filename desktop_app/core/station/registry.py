"""Pulling and pushing train images through the engine, with the station's registry credentials.

Podman's Docker API reports a failed push only inside its progress stream (`error` /
`errorDetail` items), so the stream is always read to the end and checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import docker
import docker.errors

from desktop_app.core.progress import CancelToken
from desktop_app.core.station.engine_faults import engine_call
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.train_log import clean_line


@dataclass(frozen=True)
class RegistryCredentials:
    username: str
    password: str

    def auth_config(self) -> dict[str, str]:
        return {"username": self.username, "password": self.password}


def split_reference(reference: str) -> tuple[str, str]:
    """`registry:5000/project/train:tag` → (`registry:5000/project/train`, `tag`)."""
    repository, _, tag = reference.rpartition(":")
    if not repository or "/" in tag:
        raise StationError(f"{reference!r} is not an image reference of the form REPOSITORY:TAG.")
    return repository, tag


def _auth(credentials: RegistryCredentials | None) -> dict | None:
    return credentials.auth_config() if credentials else None


def pull(
    client: docker.DockerClient,
    reference: str,
    credentials: RegistryCredentials | None = None,
    cancel: CancelToken | None = None,
):
    """Pull `reference`; the engine's progress stream is read for errors, and a cancel stops waiting for it."""
    repository, tag = split_reference(reference)
    doing = f"Pulling {reference}"
    with engine_call(doing):
        stream = client.api.pull(repository, tag=tag, auth_config=_auth(credentials), stream=True, decode=True)
        try:
            for item in stream:
                _raise_if_refused(item, doing)
                if cancel:
                    cancel.raise_if_cancelled()
        finally:
            stream.close()  # on a cancel, the connection goes and the engine may finish the pull on its own
        try:
            return client.images.get(reference)
        except docker.errors.ImageNotFound as exc:  # the stream said nothing, but no image came
            raise StationError(f"{doing} failed: the registry gave no image.") from exc


def push(
    client: docker.DockerClient,
    reference: str,
    credentials: RegistryCredentials | None = None,
    on_progress: Callable[[str], None] = lambda line: None,
) -> None:
    repository, tag = split_reference(reference)
    doing = f"Pushing {reference}"
    with engine_call(doing):
        stream = client.images.push(repository, tag=tag, auth_config=_auth(credentials), stream=True, decode=True)
        for item in stream:
            _raise_if_refused(item, doing)
            if item.get("status"):
                on_progress(clean_line(str(item["status"])))


def _raise_if_refused(item: dict, doing: str) -> None:
    """Podman (and a registry behind it) report a failure as an item of the progress stream."""
    if item.get("error") or item.get("errorDetail"):
        detail = item.get("error") or (item.get("errorDetail") or {}).get("message") or "unknown error"
        first = (str(detail).strip().splitlines() or ["unknown error"])[0]
        raise StationError(f"{doing} failed: the registry or the engine refused it ({clean_line(first)[:300]}).")
