"""The container engine's failures as station sentences.

The docker SDK raises its own exceptions for what the engine answered (`APIError`, `NotFound`,
`ImageNotFound`), and lets requests' and urllib3's through for a connection that failed (the
engine stopped, its socket vanished, it did not answer in time). None of these may reach a
front: `engine_call` turns each into a `StationError` that says what was being done and why it
failed, with `Remedy.START_ENGINE` when the engine is gone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import docker.errors
import requests.exceptions
import urllib3.exceptions

from desktop_app.core.i18n import _
from desktop_app.core.station.errors import EngineGone, StationError
from desktop_app.core.station.train_log import clean_line

# Everything a call through the SDK may raise when the engine, or the link to it, fails.
ENGINE_FAILURES: tuple[type[BaseException], ...] = (
    docker.errors.DockerException,
    requests.exceptions.RequestException,
    urllib3.exceptions.HTTPError,
    OSError,
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def engine_unreachable(exc: BaseException) -> bool:
    """Whether `exc` means the engine could not be reached (rather than that it said no)."""
    for link in _chain(exc):
        # requests wraps a vanished socket (FileNotFoundError) and a refused one alike in its ConnectionError.
        if isinstance(link, requests.exceptions.ConnectionError | urllib3.exceptions.ProtocolError | ConnectionError):
            return True
    return False


def short(exc: BaseException) -> str:
    """The first line of what the engine said, without control characters (it may quote a registry)."""
    if isinstance(exc, docker.errors.APIError) and exc.explanation:
        text = str(exc.explanation)
    elif isinstance(exc, OSError) and exc.strerror:
        text = exc.strerror + (f" ({exc.filename})" if exc.filename else "")
    else:
        text = str(exc)
    lines = text.strip().splitlines() or [type(exc).__name__]
    return clean_line(lines[0])[:300].rstrip(".")


def as_station_error(exc: BaseException, doing: str) -> StationError:
    """`exc`, raised while `doing` (a phrase such as "Pulling x:1"), as a sentence."""
    if isinstance(exc, StationError):
        return exc
    details = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, requests.exceptions.Timeout):
        return EngineGone(
            _("{doing} failed: the container engine did not answer in time.").format(doing=doing), details=details
        )
    if engine_unreachable(exc):
        return EngineGone(
            _("{doing} failed: the container engine stopped answering.").format(doing=doing), details=details
        )
    if isinstance(exc, docker.errors.ImageNotFound):
        return StationError(
            _("{doing} failed: the container engine has no such image ({exc}).").format(doing=doing, exc=short(exc)),
            details=details,
        )
    if isinstance(exc, docker.errors.NotFound):
        return StationError(
            _("{doing} failed: the container engine no longer has it ({exc}).").format(doing=doing, exc=short(exc)),
            details=details,
        )
    if isinstance(exc, docker.errors.APIError):
        return StationError(
            _("{doing} failed: the container engine answered “{exc}”.").format(doing=doing, exc=short(exc)),
            details=details,
        )
    return StationError(_("{doing} failed: {exc}.").format(doing=doing, exc=short(exc)), details=details)


@contextlib.contextmanager
def engine_call(doing: str) -> Iterator[None]:
    """Run a block of engine calls; any engine failure leaves it as a `StationError` about `doing`."""
    try:
        yield
    except ENGINE_FAILURES as exc:
        raise as_station_error(exc, doing) from exc
