"""Pulling and pushing train images through the engine, with the station's registry credentials.

Podman's Docker API reports a failed push only inside its progress stream (`error` /
`errorDetail` items), so the stream is always read to the end and checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import docker
import docker.errors

from desktop_app.core.station.errors import StationError


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


def pull(client: docker.DockerClient, reference: str, credentials: RegistryCredentials | None = None):
    repository, tag = split_reference(reference)
    try:
        return client.images.pull(repository, tag=tag, auth_config=_auth(credentials))
    except docker.errors.DockerException as exc:
        raise StationError(f"Pulling {reference} failed: {_short(exc)}") from exc


def push(
    client: docker.DockerClient,
    reference: str,
    credentials: RegistryCredentials | None = None,
    on_progress: Callable[[str], None] = lambda line: None,
) -> None:
    repository, tag = split_reference(reference)
    try:
        stream = client.images.push(repository, tag=tag, auth_config=_auth(credentials), stream=True, decode=True)
        for item in stream:
            if item.get("error") or item.get("errorDetail"):
                detail = item.get("error") or item["errorDetail"].get("message", "unknown error")
                raise StationError(f"Pushing {reference} failed: {detail}")
            if item.get("status"):
                on_progress(str(item["status"]))
    except docker.errors.DockerException as exc:
        raise StationError(f"Pushing {reference} failed: {_short(exc)}") from exc


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:300]
