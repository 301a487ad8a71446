"""The station's train queue: staff queue several trains, the queue runs them one at a time
through the runner, and it outlives the app (`station/queue.json` in the profile's data folder).

- Each entry has a state: queued, running, done, failed, cancelled or interrupted. Only queued
  entries are run. An entry found *running* while no process holds the queue's run lock was cut
  off (the app or the computer stopped): it is shown as interrupted and never run again on its
  own; staff queue it again if they want it run.
- Every run is recorded in the run history (records.py) with the image digests: the engine's
  image ids the runner reports, and the registry's manifest digests before the run (what was
  pulled) and after the push (what was pushed), read from the registry when it answers.
- A damaged queue file is moved aside (state_files) and the queue starts empty; writes go to a
  temporary file renamed over the old one, under a lock, so two processes never lose an edit.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from desktop_app.core import state_files
from desktop_app.core.errors import Cancelled, PHTError
from desktop_app.core.i18n import N_, _
from desktop_app.core.progress import CancelToken
from desktop_app.core.station.errors import StationError
from desktop_app.core.station.file_lock import FileLock

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
CANCELLED, INTERRUPTED = "cancelled", "interrupted"
STATES = (QUEUED, RUNNING, DONE, FAILED, CANCELLED, INTERRUPTED)
# How a window shows each state (the queue file keeps the English keys above).
STATE_WORDS = {
    QUEUED: N_("queued"),
    RUNNING: N_("running"),
    DONE: N_("done"),
    FAILED: N_("failed"),
    CANCELLED: N_("cancelled"),
    INTERRUPTED: N_("interrupted"),
}


@dataclass
class QueueEntry:
    id: int
    reference: str
    added: float
    state: str = QUEUED
    train_id: str = ""
    listed_digest: str = ""  # the manifest digest the inbox saw when it was queued ("" if typed in)
    run_id: int | None = None  # its run in the history, once it ran
    started: float | None = None
    finished: float | None = None
    error: str = ""  # how it ended, when not done

    def as_dict(self) -> dict:
        return asdict(self)


_TYPES: dict[str, tuple[type, ...]] = {
    "id": (int,),
    "reference": (str,),
    "added": (int, float),
    "state": (str,),
    "train_id": (str,),
    "listed_digest": (str,),
    "run_id": (int, type(None)),
    "started": (int, float, type(None)),
    "finished": (int, float, type(None)),
    "error": (str,),
}


def _queue_problem(document: Any) -> str | None:
    """Why a parsed queue.json cannot be used, or None."""
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        return _("it holds no list of entries")
    if not isinstance(document.get("next_id", 1), int):
        return _("its next id is not a number")
    for entry in document["entries"]:
        if not isinstance(entry, dict) or not {"id", "reference", "added"} <= entry.keys():
            return _("an entry lacks its id, image or time")
        for name, value in entry.items():
            if name in _TYPES and (not isinstance(value, _TYPES[name]) or isinstance(value, bool)):
                return _("an entry's {name} has the wrong type").format(name=name)
        if entry.get("state", QUEUED) not in STATES:
            return _("an entry has an unknown state")
    return None


class TrainQueue:
    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / "station"
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":  # it names trains and images, as the run history does: owner-only
            self.folder.chmod(0o700)
        self.path = self.folder / "queue.json"
        self._edit_lock = FileLock(self.folder / "queue.json.lock")
        self.run_lock = FileLock(self.folder / "queue.run.lock")  # held by the process running the queue

    # -- reading and writing -------------------------------------------------------------------

    def _read(self) -> tuple[list[QueueEntry], int]:
        document = state_files.load_json_or_recover(
            self.path,
            _queue_problem,
            label=_("queue.json (the station's train queue)"),
            outcome=_("the queue starts empty"),
        )
        if document is None:
            return [], 1
        known = {f.name for f in fields(QueueEntry)}
        entries = [QueueEntry(**{k: v for k, v in e.items() if k in known}) for e in document["entries"]]
        next_id = max([document.get("next_id", 1), *(e.id + 1 for e in entries)])
        return entries, next_id

    def _write(self, entries: list[QueueEntry], next_id: int) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        data = json.dumps({"next_id": next_id, "entries": [e.as_dict() for e in entries]}, indent=1)
        with open(temporary, "w", encoding="utf-8", opener=_owner_only) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    @contextlib.contextmanager
    def _editing(self) -> Iterator[tuple[list[QueueEntry], list[int]]]:
        """The entries to change in place (and the next id), written back when the block ends."""
        with self._edit_lock.held():
            entries, next_id = self._read()
            counter = [next_id]
            self._mark_interrupted(entries)
            yield entries, counter
            self._write(entries, counter[0])

    def _mark_interrupted(self, entries: list[QueueEntry]) -> None:
        running = [e for e in entries if e.state == RUNNING]
        if running and not self.run_lock.taken_elsewhere():
            for entry in running:
                entry.state, entry.finished = INTERRUPTED, entry.finished or time.time()
                entry.error = _(
                    "The run was interrupted (the app or the computer stopped during it); it was not run again."
                )

    # -- what staff do -------------------------------------------------------------------------

    def entries(self) -> list[QueueEntry]:
        """Every entry, oldest first; one left running by a stopped process is now interrupted."""
        with self._edit_lock.held():
            entries, next_id = self._read()
            if any(e.state == RUNNING for e in entries) and not self.run_lock.taken_elsewhere():
                self._mark_interrupted(entries)
                self._write(entries, next_id)
        return entries

    def add(self, references: list[str], listed: dict[str, tuple[str, str]] | None = None) -> list[QueueEntry]:
        """Queue each image reference; `listed` gives (train id, digest) the inbox saw for one."""
        from desktop_app.core.station.registry import split_reference

        for reference in references:
            split_reference(reference)  # a StationError now, not at run time
        added = []
        with self._editing() as (entries, counter):
            for reference in references:
                train_id, digest = (listed or {}).get(reference, ("", ""))
                entry = QueueEntry(counter[0], reference, time.time(), train_id=train_id, listed_digest=digest)
                counter[0] += 1
                entries.append(entry)
                added.append(entry)
        return added

    def remove(self, ids: list[int]) -> list[QueueEntry]:
        """Take entries off the queue (a running one cannot be: it is stopped first)."""
        with self._editing() as (entries, _counter):
            unknown = sorted(set(ids) - {e.id for e in entries})
            if unknown:
                raise StationError(_("The queue has no entry {ids}.").format(ids=", ".join(map(str, unknown))))
            busy = [e for e in entries if e.id in ids and e.state == RUNNING]
            if busy:
                raise StationError(
                    _("Entry {id} is running now; stop the queue before removing it.").format(id=busy[0].id)
                )
            removed = [e for e in entries if e.id in ids]
            entries[:] = [e for e in entries if e.id not in ids]
        return removed

    def _take_next(self) -> QueueEntry | None:
        with self._editing() as (entries, _counter):
            entry = next((e for e in entries if e.state == QUEUED), None)
            if entry is not None:
                entry.state, entry.started = RUNNING, time.time()
        return entry

    def _finish(self, entry_id: int, **changes: Any) -> QueueEntry | None:
        with self._editing() as (entries, _counter):
            for entry in entries:
                if entry.id == entry_id:
                    for name, value in changes.items():
                        setattr(entry, name, value)
                    entry.finished = time.time()
                    return entry
        return None  # removed meanwhile by hand: the run is still in the history


def _owner_only(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


# -- running the queue -------------------------------------------------------------------------


@dataclass
class QueueRun:
    """What one `run_queue` did: the entries it ran, in order, and how many stay queued."""

    ran: list[QueueEntry]
    left: int


@contextlib.contextmanager
def _linked(outer: CancelToken | None) -> Iterator[CancelToken]:
    """A fresh token for one run, cancelled when `outer` is. Each run needs its own: a run that
    passed its commit point (the push) ignores cancels from then on, and the next must not."""
    inner, finished = CancelToken(), threading.Event()

    def forward() -> None:
        while outer is not None and not finished.is_set():
            if outer.wait(0.2):  # woken at once by a cancel; the timeout only ends this watcher
                inner.cancel(discard_partial=outer.discard_partial)
                return

    watcher = threading.Thread(target=forward, name="queue-cancel", daemon=True)
    watcher.start()
    try:
        yield inner
    finally:
        finished.set()


def run_queue(
    queue: TrainQueue,
    run_one: Callable[[str, CancelToken], Any],
    record: Callable[[Any, str, str], int],
    digest_of: Callable[[str], str] = lambda reference: "",
    on_entry: Callable[[QueueEntry], None] = lambda entry: None,
    cancel: CancelToken | None = None,
) -> QueueRun:
    """Run the queued entries one at a time until none is left, or until `cancel`.

    `run_one(reference, token)` runs a train and returns its `RunReport`; `record(report,
    pulled, pushed)` adds it to the history with the registry digests and returns its run id;
    `digest_of(reference)` asks the registry for the image's manifest digest ("" when it cannot
    say). `on_entry` is told of each entry as it starts and ends. A cancel stops the current run
    where the runner can (before its push; after it the run finishes) and the queue after it:
    `Cancelled` then says truthfully what happened to that run and what stays queued."""
    with queue.run_lock.held(wait=False) as got:
        if not got:
            raise StationError(_("The queue is already being run by another window or command."))
        ran: list[QueueEntry] = []
        while True:
            if cancel is not None and cancel.cancelled:
                raise Cancelled(_stopped_sentence(None, queue))
            entry = queue._take_next()
            if entry is None:
                return QueueRun(ran, 0)
            on_entry(entry)
            pulled = _quietly(digest_of, entry.reference)
            with _linked(cancel) as token:
                report = run_one(entry.reference, token)
            pushed = _quietly(digest_of, entry.reference) if report.succeeded else ""
            run_id = record(report, pulled, pushed)
            failure = report.failure(run_id)
            state = DONE if failure is None else CANCELLED if report.cancelled else FAILED
            finished = queue._finish(
                entry.id,
                state=state,
                run_id=run_id,
                train_id=entry.train_id or report.train_id,
                error=str(failure) if failure else "",
            )
            entry = finished or entry
            ran.append(entry)
            on_entry(entry)
            if cancel is not None and cancel.cancelled:
                raise Cancelled(_stopped_sentence(entry, queue))


def _quietly(digest_of: Callable[[str], str], reference: str) -> str:
    """The registry's digest, or "" when the registry cannot say: the run does not depend on it."""
    try:
        return digest_of(reference)
    except PHTError:
        return ""


def _stopped_sentence(last: QueueEntry | None, queue: TrainQueue) -> str:
    left = sum(1 for e in queue.entries() if e.state == QUEUED)
    stays = _("{count} train(s) stay queued.").format(count=left)
    if last is None:
        return _("The queue was stopped before its next run. {stays}").format(stays=stays)
    if last.state == CANCELLED:
        return _("The queue was stopped: run {run} of {reference} was cancelled ({error}). {stays}").format(
            run=last.run_id, reference=last.reference, error=last.error, stays=stays
        )
    if last.state == DONE:
        return _(
            "The queue was stopped after run {run} of {reference}, which was already past the point of no "
            "return (its push) and finished. {stays}"
        ).format(run=last.run_id, reference=last.reference, stays=stays)
    return _("The queue was stopped after run {run} of {reference}, which ended {state}: {error} {stays}").format(
        run=last.run_id, reference=last.reference, state=last.state, error=last.error, stays=stays
    )


def recorder(records: Any) -> Callable[[Any, str, str], int]:
    """`record` for `run_queue`: the run into `records` (a RunRecords), with its registry digests."""

    def record(report: Any, pulled: str, pushed: str) -> int:
        run_id = int(records.add(report))
        if pulled or pushed:
            records.set_registry_digests(run_id, pulled, pushed)
        return run_id

    return record
