"""Pulling and pushing train images through the engine, with the station's registry credentials.

The credentials are handed to the engine only for a reference that names the registry they
were configured for (`registry_host`); any other host gets none, whoever chose the reference.

Podman's Docker API reports a failed push only inside its progress stream (`error` /
`errorDetail` items), so the stream is always read to the end and checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import docker
import docker.errors

from desktop_app.core.i18n import _
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.engine_faults import engine_call
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.registry_host import configured_registry, reference_registry
from desktop_app.core.station.train_log import clean_line


@dataclass(frozen=True)
class RegistryCredentials:
    registry: str  # the registry they belong to, as the station's settings name it
    username: str
    password: str = field(repr=False)

    def for_reference(self, reference: str) -> dict[str, str] | None:
        """The engine's auth config for `reference`, or None when it names another registry."""
        try:
            own = configured_registry(self.registry)
        except ValueError:
            return None  # no usable registry setting: the password goes nowhere
        named = reference_registry(reference)
        if named is None or not named.may_reach(own):
            return None
        return {"username": self.username, "password": self.password}

    def withheld(self, reference: str) -> str:
        """Why no credentials went with `reference`, for a refusal's sentence; "" when they did."""
        if self.for_reference(reference) is not None:
            return ""
        if not self.registry.strip():
            return _(" The station's registry password was not sent: no registry is set in the station's settings.")
        return _(" The station's registry password was not sent: it is kept for {registry} only.").format(
            registry=self.registry.strip()
        )


def split_reference(reference: str) -> tuple[str, str]:
    """`registry:5000/project/train:tag` → (`registry:5000/project/train`, `tag`)."""
    repository, _colon, tag = reference.rpartition(":")
    if not repository or "/" in tag:
        raise StationError(
            _("{reference!r} is not an image reference of the form REPOSITORY:TAG.").format(reference=reference)
        )
    return repository, tag


def _auth(credentials: RegistryCredentials | None, reference: str) -> dict | None:
    return credentials.for_reference(reference) if credentials else None


@contextmanager
def _noting_withheld(credentials: RegistryCredentials | None, reference: str) -> Iterator[None]:
    """A refusal says so when the station's credentials were held back from this registry."""
    try:
        yield
    except StationError as exc:
        note = credentials.withheld(reference) if credentials else ""
        if not note or type(exc) is not StationError:  # an engine that is gone was not refused
            raise
        raise StationError(f"{exc}{note}", remedy=exc.remedy, details=exc.details) from exc


def pull(
    client: docker.DockerClient,
    reference: str,
    credentials: RegistryCredentials | None = None,
    cancel: CancelToken | None = None,
):
    """Pull `reference`; the engine's progress stream is read for errors, and a cancel stops waiting for it."""
    repository, tag = split_reference(reference)
    doing = _("Pulling {reference}").format(reference=reference)
    with _noting_withheld(credentials, reference), engine_call(doing):
        auth = _auth(credentials, reference)
        stream = client.api.pull(repository, tag=tag, auth_config=auth, stream=True, decode=True)
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
            raise StationError(_("{doing} failed: the registry gave no image.").format(doing=doing)) from exc


def push(
    client: docker.DockerClient,
    reference: str,
    credentials: RegistryCredentials | None = None,
    on_progress: Callable[[str], None] = lambda line: None,
) -> None:
    repository, tag = split_reference(reference)
    doing = _("Pushing {reference}").format(reference=reference)
    with _noting_withheld(credentials, reference), engine_call(doing):
        auth = _auth(credentials, reference)
        stream = client.images.push(repository, tag=tag, auth_config=auth, stream=True, decode=True)
        for item in stream:
            _raise_if_refused(item, doing)
            if item.get("status"):
                on_progress(clean_line(str(item["status"])))


_URL_QUERY = re.compile(r"\?[^\s\"']*")


def _raise_if_refused(item: dict, doing: str) -> None:
    """Podman (and a registry behind it) report a failure as an item of the progress stream."""
    if item.get("error") or item.get("errorDetail"):
        detail = item.get("error") or (item.get("errorDetail") or {}).get("message") or _("unknown error")
        first = (str(detail).strip().splitlines() or [_("unknown error")])[0]
        # An upload URL's query (`?_state=` + ~300 characters of token) would push the reason
        # itself ("connection reset by peer") past the cap below: it says nothing to a person.
        first = _URL_QUERY.sub("", first)
        raise StationError(
            _("{doing} failed: the registry or the engine refused it ({reason}).").format(
                doing=doing, reason=clean_line(first)[:300]
            )
        )
