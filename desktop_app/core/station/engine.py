"""Finding the container engine: the station's setting, then DOCKER_HOST, then the usual
sockets of Docker and Podman. Anything that speaks the Docker Engine API will do."""

from __future__ import annotations

import os
from pathlib import Path

import docker
import docker.errors

from desktop_app.core.i18n import _
from desktop_app.core.station.errors import NoEngine

ENGINE_SETTING = "station.engine"


def candidate_urls(configured: str | None = None) -> list[str]:
    urls = [configured] if configured else []
    if os.environ.get("DOCKER_HOST"):
        urls.append(os.environ["DOCKER_HOST"])
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}" if hasattr(os, "getuid") else ""
    sockets = [
        "/var/run/docker.sock",
        f"{runtime}/docker.sock" if runtime else "",
        f"{runtime}/podman/podman.sock" if runtime else "",
        "/run/podman/podman.sock",
        str(Path.home() / ".docker" / "run" / "docker.sock"),
    ]
    urls += [f"unix://{path}" for path in sockets if path and Path(path).exists()]
    if os.name == "nt":
        urls.append("npipe:////./pipe/docker_engine")
    return list(dict.fromkeys(urls))


def connect(configured: str | None = None, timeout: int = 120) -> docker.DockerClient:
    """The first engine that answers a ping; NoEngine names everything that was tried."""
    tried: list[str] = []
    for url in candidate_urls(configured):
        try:
            client = docker.DockerClient(base_url=url, timeout=timeout)
            client.ping()
            client.pht_url = url  # type: ignore[attr-defined]  # the SDK keeps only its own form of it
            return client
        except (docker.errors.DockerException, OSError) as exc:
            tried.append(f"{url} ({str(exc).splitlines()[0][:80]})")
    searched = "; ".join(tried) or _("no engine setting, no DOCKER_HOST, and none of the usual sockets exists")
    raise NoEngine(
        _("No container engine answered (tried: {searched}).").format(searched=searched)
    )  # the front words the remedy
