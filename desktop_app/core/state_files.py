"""State files found damaged: moved aside, named to the user, and replaced by defaults.

PHT Desktop keeps its state in a few files of each profile: `settings.json` (settings and
server profiles), `keys.json` (the key index) and `station/runs.sqlite3` (the station's run
history). When one cannot be used — not valid JSON, the wrong shape, nested too deeply to
parse, not UTF-8, not a database, not readable, a folder in its place — the app must still
start. The loader that found it calls `move_aside` (or uses `load_json_or_recover` /
`check_or_recover`), which renames the file to `<name>.damaged-<UTC time>` in the same folder
(nothing is deleted), records a `Recovery` and lets the caller carry on with defaults.

For the fronts:
- `recoveries()`: every `Recovery` of this process so far, oldest first;
- `take_recoveries()`: the same, and forgets them (a front that shows each notice once);
- `add_listener(callback)`: `callback(recovery)` for each new one, called on the thread that
  found the damage (the GUI forwards it through a queued signal; the CLI prints a line).
A `Recovery` has the file, where it was moved (`None` if even that failed), the reason and
one `sentence` for the user that names the file and says what happens now.

If a damaged file cannot be moved aside, its folder is not writable (or the file is held),
so nothing can overwrite it either: it stays as it was, and the sentence says so.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.i18n import _

log = logging.getLogger(__name__)

_lock = threading.Lock()
_recoveries: list[Recovery] = []
_listeners: list[Callable[[Recovery], None]] = []
_left_in_place: dict[Path, Recovery] = {}  # said once: every later read finds the same file


@dataclass(frozen=True)
class Recovery:
    """A state file that could not be used, and what was done about it."""

    file: Path
    moved_to: Path | None
    reason: str  # "not valid JSON", "not readable: permission denied", …
    sentence: str  # for the user: names the file, where it went, what happens now


class DamagedState(Exception):
    """Raised by a reader or a check: the file exists but cannot be used; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- what the fronts read ---------------------------------------------------------------


def recoveries() -> list[Recovery]:
    with _lock:
        return list(_recoveries)


def take_recoveries() -> list[Recovery]:
    with _lock:
        taken = list(_recoveries)
        _recoveries.clear()
        return taken


def add_listener(callback: Callable[[Recovery], None]) -> None:
    with _lock:
        _listeners.append(callback)


def remove_listener(callback: Callable[[Recovery], None]) -> None:
    with _lock:
        if callback in _listeners:
            _listeners.remove(callback)


# -- reading and checking ---------------------------------------------------------------


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return _("a folder is in its place")
    if isinstance(exc, PermissionError):
        return _("not readable: permission denied")
    return _("not readable: {reason}").format(reason=exc.strerror or exc)


def _unreadable(reason: str) -> bool:
    """Whether `reason` is one of `_os_reason`'s: the file could not be read, rather than was damaged."""
    prefixes = (_("a folder is in its place"), _("not readable: {reason}").partition("{")[0])
    return reason.startswith((*prefixes, "not readable", "a folder"))


def read_json(path: Path) -> Any:
    """The parsed document, `None` when the file does not exist; DamagedState when unusable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DamagedState(_os_reason(exc)) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DamagedState(_("not UTF-8 text")) from exc
    try:
        return json.loads(text)
    except RecursionError as exc:  # the parser recurses per level of nesting
        raise DamagedState(_("nested too deeply to read")) from exc
    except ValueError as exc:
        raise DamagedState(_("not valid JSON")) from exc


def sqlite_problem(path: Path, table: str, columns: tuple[str, ...]) -> None:
    """DamagedState unless `path` is absent or an intact SQLite database whose `table`, if there,
    has at least `columns` (more are fine: a newer version may have added some)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DamagedState(_os_reason(exc)) from exc
    if header and header != b"SQLite format 3\x00":  # an empty file is a new, empty database
        raise DamagedState(_("not an SQLite database"))
    try:
        # Opened as the app opens it: a journal left by a crash is rolled back, not taken for damage.
        db = sqlite3.connect(path)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise DamagedState(_("its pages are corrupted"))
            found = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedState(_("not a usable database: {exc}").format(exc=exc)) from exc
    missing = [name for name in columns if name not in found]
    if found and missing:
        raise DamagedState(_("its {table} table has no {missing}").format(table=table, missing=", ".join(missing)))


# -- moving aside -------------------------------------------------------------------------


def _aside_name(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(
    path: Path,
    reason: str,
    *,
    label: str | None = None,
    outcome: str | None = None,
    companions: tuple[str, ...] = (),
) -> Recovery | None:
    """Rename the damaged `path` next to itself, record and announce a Recovery.

    `label` names the file for the user (default: its name); `outcome` says what happens now.
    `companions` are suffixes of files that belong to it (an SQLite journal) and move with it.
    Returns None when the file is already gone (another thread or process moved it).
    """
    label = label or path.name
    outcome = outcome or _("using defaults")
    with _lock:
        if not (path.exists() or path.is_symlink()):
            return None
        if path in _left_in_place:
            return _left_in_place[path]
        target = _aside_name(path)
        try:
            os.rename(path, target)
        except OSError as exc:
            sentence = _(
                "{label} could not be used ({reason}) and could not be moved aside "
                "({move_error}), so it was left as it is at {path}; {outcome}."
            ).format(label=label, reason=reason, move_error=exc.strerror or exc, path=path, outcome=outcome)
            recovery = _left_in_place[path] = Recovery(path, None, reason, sentence)
        else:
            for suffix in companions:
                companion = path.with_name(path.name + suffix)
                if companion.exists():
                    try:
                        os.rename(companion, target.with_name(target.name + suffix))
                    except OSError:
                        log.warning("could not move %s aside with its database", companion)
            if _unreadable(reason):
                sentence = _("{label} could not be read ({reason}); it was moved aside to {target}; {outcome}.")
            else:
                sentence = _("{label} was damaged ({reason}); it was moved aside to {target}; {outcome}.")
            sentence = sentence.format(label=label, reason=reason, target=target, outcome=outcome)
            recovery = Recovery(path, target, reason, sentence)
        _recoveries.append(recovery)
        listeners = list(_listeners)
    log.info("%s", recovery.sentence)  # the fronts show it; this keeps it in the log file
    for listener in listeners:
        try:
            listener(recovery)
        except Exception:  # a front's display failing must not stop the loader's recovery
            log.exception("a listener for recovered state files failed")
    return recovery


def load_json_or_recover(
    path: Path,
    check: Callable[[Any], str | None] | None = None,
    *,
    label: str | None = None,
    outcome: str | None = None,
) -> Any:
    """The JSON document at `path`; `None` when absent, or when damaged (then moved aside).

    `check(document)` returns why a parsed document is unusable (wrong shape or types), or None.
    """
    try:
        document = read_json(path)
        problem = check(document) if check is not None and document is not None else None
    except DamagedState as damage:
        problem = damage.reason
    except RecursionError:  # a check walking a deeply nested document
        problem = _("nested too deeply to read")
    if problem is None:
        return document
    move_aside(path, problem, label=label, outcome=outcome)
    return None


def check_or_recover(
    path: Path,
    check: Callable[[Path], None],
    *,
    label: str | None = None,
    outcome: str | None = None,
    companions: tuple[str, ...] = (),
) -> Recovery | None:
    """Run `check(path)` (raising DamagedState); on damage move the file aside and return the Recovery."""
    try:
        check(path)
    except DamagedState as damage:
        return move_aside(path, damage.reason, label=label, outcome=outcome, companions=companions)
    return None
