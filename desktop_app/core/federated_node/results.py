"""A Federated Node task's results: listed from the known tasks, downloaded, extracted safely.

`GET /tasks/<id>/results` answers the task's `results` folder as a zip, sent inline (NETWORKS.md
§3), or `400 {"status": "Pending Review" | "Blocked Release"}` while the node's reviewers hold
it back — a state, not a failure: `ResultsNotReleased` says it in a sentence. The download goes
to a `.part` file next to the output folder with progress (a total only when the node sends a
length) and cancel; it is then checked and extracted all-or-nothing by `safe_zip`, and removed.

The node neither encrypts nor signs results: the report says so, and what was checked (the
zip's own CRC-32 of each file, which catches damage in transit, not tampering).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx

from desktop_app.core.central.wording import printable
from desktop_app.core.errors import Cancelled
from desktop_app.core.federated_node.client import NodeClient, error_message
from desktop_app.core.federated_node.errors import NodeError, NodeNotSignedIn, ResultsNotReleased
from desktop_app.core.federated_node.safe_zip import ZipLimits, extract_zip
from desktop_app.core.federated_node.tasks import (
    BLOCKED_RELEASE,
    PENDING_REVIEW,
    KnownTasks,
    NodeTask,
    get_task,
    task_id,
)
from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import CancelToken, Progress, ProgressCallback, no_progress

CHUNK = 1 << 20
NOT_PROTECTED = N_(
    "Not encrypted or signed by the network: the Federated Node sends results as a plain zip, so only "
    "each file's CRC-32 (damage in transit) was checked; who made the files cannot be verified."
)
REVIEW_SENTENCES = {
    PENDING_REVIEW: N_(
        "The results of task {task} are waiting for the node's review; try again once they are released."
    ),
    BLOCKED_RELEASE: N_("The node's reviewers blocked the release of the results of task {task}; ask them why."),
}


@dataclass(frozen=True)
class TaskListing:
    """One known task as the node describes it now, or why it could not be read."""

    id: int
    task: NodeTask | None
    problem: str | None  # a sentence when the task could not be read (gone, refused, …)


@dataclass(frozen=True)
class FetchReport:
    task: int
    folder: Path
    files: tuple[PurePosixPath, ...]
    total_bytes: int
    downloaded_bytes: int
    served_name: str | None  # the file name the node gave the zip, for the record
    verified: str = NOT_PROTECTED


def list_results(client: NodeClient, known: KnownTasks) -> list[TaskListing]:
    """Every known task, read from the node now. A task the node no longer has or refuses is
    listed with the sentence why; a lost session stops the listing (it would fail for all)."""
    listings = []
    for known_id in known.ids():
        try:
            listings.append(TaskListing(known_id, get_task(client, known_id), None))
        except NodeNotSignedIn:
            raise
        except NodeError as exc:
            listings.append(TaskListing(known_id, None, str(exc)))
    return listings


def part_path(out_dir: Path, task: int) -> Path:
    return out_dir.parent / f".{out_dir.name}.task-{task}.zip.part"


def _not_released(response: httpx.Response, task: int) -> NodeError:
    """The sentence for a 400 on the results route: a review state, or the node's error."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    review = body.get("status") if isinstance(body, dict) else None
    if isinstance(review, str) and review in REVIEW_SENTENCES:
        return ResultsNotReleased(_(REVIEW_SENTENCES[review]).format(task=task), review)
    if isinstance(review, str):
        return ResultsNotReleased(
            _("The results of task {task} are not released (review: {review}).").format(
                task=task, review=printable(review, 80)
            ),
            review,
        )
    message = error_message(response) or _("no details given")
    return NodeError(
        _("The node refused the results of task {task} (400): {message}").format(task=task, message=message)
    )


def _download(
    client: NodeClient, task: int, part: Path, progress: ProgressCallback, cancel: CancelToken | None, limit: int
) -> tuple[int, str | None]:
    """Stream the zip into `part`; returns (bytes, the name the node gave it)."""
    with client.stream(f"tasks/{task}/results") as response:
        if response.status_code == 400:
            raise _not_released(response, task)
        if response.status_code >= 400:
            client._checked(response)  # the node's {"error"} as a sentence
        length = response.headers.get("content-length", "")
        total = int(length) if length.isdigit() else 0
        if total > limit:
            raise NodeError(
                _("The results of task {task} ({mib} MiB) are larger than any result zip may be.").format(
                    task=task, mib=total >> 20
                )
            )
        if total and total > shutil.disk_usage(part.parent).free:
            raise NodeError(
                _("The results of task {task} ({mib} MiB) do not fit the free space at {parent}.").format(
                    task=task, mib=total >> 20, parent=part.parent
                )
            )
        name = _served_name(response.headers.get("content-disposition", ""))
        done, started = 0, time.monotonic()
        try:
            part.touch(mode=0o600)
            with part.open("wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    if cancel:
                        cancel.raise_if_cancelled()
                    done += len(chunk)
                    if done > limit:  # a zip never outgrows what it may inflate to; a stream without end would
                        raise NodeError(
                            _(
                                "The results of task {task} are larger than {mib} MiB, more than any result "
                                "zip is allowed to hold; the download was stopped and removed."
                            ).format(task=task, mib=limit >> 20)
                        )
                    out.write(chunk)
                    rate = done / max(time.monotonic() - started, 1e-6) / (1 << 20)
                    progress(Progress(done, total, _("Downloading ({rate:.1f} MiB/s)").format(rate=rate)))
        except (httpx.TransportError, httpx.StreamError) as exc:
            raise NodeError(
                _("The download of the results of task {task} was interrupted after {kib} KiB; run it again.").format(
                    task=task, kib=done >> 10
                )
            ) from exc
        if total and done != total:
            raise NodeError(
                _("The node sent {done} of the {total} bytes of the results of task {task}; run it again.").format(
                    done=done, total=total, task=task
                )
            )
        return done, name


def _served_name(disposition: str) -> str | None:
    """The `filename` of a Content-Disposition (inline or attachment), shown safely; never used as a path."""
    marker = "filename="
    if marker not in disposition:
        return None
    value = disposition.split(marker, 1)[1].split(";", 1)[0].strip().strip('"')
    return printable(value, 200) or None


def fetch_result(
    client: NodeClient,
    task: int | str,
    out_dir: Path,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    known: KnownTasks | None = None,
    limits: ZipLimits | None = None,
) -> FetchReport:
    """Download task `task`'s results and extract them into `out_dir` (new or empty)."""
    number = task_id(task)
    limits = limits or ZipLimits()
    out_dir = out_dir.absolute()
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise NodeError(
            _("{out_dir} already exists and is not an empty folder; choose a new folder for the results.").format(
                out_dir=out_dir
            )
        )
    out_dir.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = part_path(out_dir, number)
    try:
        downloaded, served = _download(client, number, part, progress, cancel, limits.max_total_bytes)
        extracted = extract_zip(part, out_dir, limits, progress, cancel)
    except Cancelled:
        raise Cancelled(_("Cancelled; nothing was kept of the results.")) from None
    except OSError as exc:
        raise NodeError(
            _("The results could not be written to {parent}: {reason}.").format(
                parent=part.parent, reason=exc.strerror or exc
            )
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            os.unlink(part)
    if known is not None:
        known.add(number, "fetched")
    return FetchReport(number, extracted.folder, extracted.files, extracted.total_bytes, downloaded, served)
