"""Downloading a result archive: streamed to a `.part` file with progress and cancel, resumed
with a Range request where the server allows it (a clean restart otherwise). Only a complete
download is renamed to its final name, so a partial file never looks like a finished one.

PHT central streams results chunked, with no Content-Length, and ignores Range: progress then
has no total (bytes and rate only) and a dropped download starts over from the first byte."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import httpx

from desktop_app.core.central.client import CentralClient
from desktop_app.core.central.errors import CentralError
from desktop_app.core.errors import Cancelled
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress

CHUNK = 1 << 20
ATTEMPTS = 3


def part_path(target: Path) -> Path:
    return target.with_name(target.name + ".part")


def _rate(done: int, started: float) -> str:
    elapsed = max(time.monotonic() - started, 1e-6)
    return f"{done / elapsed / (1 << 20):.1f} MiB/s"


def _fetch_once(
    client: CentralClient, path: str, part: Path, progress: ProgressCallback, cancel: CancelToken | None
) -> None:
    offset = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    started = time.monotonic()
    with client.stream(path, headers) as response:
        resumed = response.status_code == 206
        if not resumed:
            offset = 0  # the server sent everything again: start the file over
        total = _total_size(response, offset)
        done = offset
        try:
            part.touch(mode=0o600)  # owner-only from its first byte; the rename keeps the mode
            with part.open("ab" if resumed else "wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    if cancel:
                        cancel.raise_if_cancelled()
                    out.write(chunk)
                    done += len(chunk)
                    progress(Progress(done, total, _rate(done - offset, started)))
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise _Interrupted(done, stalled=isinstance(exc, httpx.ReadTimeout)) from exc
        if total and done != total:
            raise _Interrupted(done)


CONTENT_RANGE = re.compile(r"bytes (\d+)-\d+/(\d+)")


def _total_size(response: httpx.Response, offset: int) -> int:
    """The whole file's size, if the server says it (0 when it does not, as PHT central)."""
    whole = CONTENT_RANGE.fullmatch(response.headers.get("content-range", ""))
    if response.status_code == 206 and whole:
        return int(whole.group(2))
    length = response.headers.get("content-length", "")
    return offset + int(length) if length.isdigit() and int(length) else 0


class _Interrupted(Exception):
    def __init__(self, done: int, stalled: bool = False) -> None:
        super().__init__(done)
        self.done, self.stalled = done, stalled


def _interrupted(client: CentralClient, exc: _Interrupted, part: Path) -> CentralError:
    """The sentence for a download given up; an empty `.part` is no resume point and goes."""
    why = f"The server sent nothing for {client.timeout:.0f} s" if exc.stalled else "The download was interrupted"
    if not part.exists() or part.stat().st_size == 0:
        part.unlink(missing_ok=True)
        return CentralError(f"{why}; nothing was received. Try the download again later.")
    return CentralError(f"{why} after {exc.done / (1 << 20):.1f} MiB; run it again to resume ({part.name} is kept).")


def download_result(
    client: CentralClient,
    train_id: str,
    target: Path,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """Download a train's result archive to `target`; a dropped connection is resumed."""
    return download_file(client, f"trains/{train_id}/result/download", target, progress, cancel)


def download_file(
    client: CentralClient,
    path: str,
    target: Path,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> Path:
    """Stream `path` (relative to the API, or a full URL where the client allows one, as a FLAME
    hub's storage) to `target` through its `.part` file; a dropped connection is resumed."""
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # a new folder is owner-only
    part = part_path(target)
    for attempt in range(ATTEMPTS):
        try:
            _fetch_once(client, path, part, progress, cancel)
        except _Interrupted as exc:
            if attempt == ATTEMPTS - 1:
                raise _interrupted(client, exc, part) from exc
            continue
        except OSError as exc:
            # A disk that filled (or failed) under the download: its partial file would only hold
            # the space the user now needs, and a server that streams without end (this client
            # knows no size to hold it to) is bounded by the free space here, then handed back.
            part.unlink(missing_ok=True)
            raise CentralError(
                f"The download could not be written to {part}: {exc.strerror or exc}; the partial download was removed."
            ) from exc
        except Cancelled:
            if cancel and cancel.discard_partial:
                part.unlink(missing_ok=True)
                raise Cancelled("Cancelled; the partial download was removed.") from None
            kept = part.stat().st_size if part.exists() else 0
            raise Cancelled(
                f"Cancelled; the {kept / (1 << 20):.1f} MiB downloaded so far are kept: the next download of it "
                "continues from there where the server allows it."
            ) from None
        if cancel:
            cancel.commit(f"the download had already finished: {target}.")
        os.replace(part, target)
        return target
    raise AssertionError("unreachable")
