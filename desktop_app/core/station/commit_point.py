"""Work past a run's commit point: it finishes whatever the user asks, except when the app quits.

After `CancelToken.commit`, a Cancel no longer stops the work (it is reported as done). Quitting
the app is different: the run's thread must return at once, so the work goes on in a daemon
thread and the caller gets `Interrupted` (the work may still finish, or not, when the process
ends).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop_app.core.progress import CancelToken
from desktop_app.core.station.errors import StationError

POLL = 0.2  # s between looks at whether the app quits


class Interrupted(StationError):
    """The app quit during work past the commit point; the work may still finish."""


def past_commit_point(work: Callable[[], None], cancel: CancelToken | None, done: str, interrupted: str) -> None:
    """Commit (`done` says what then happened), then run `work`; `Interrupted(interrupted)` on a quit."""
    if cancel is None:
        work()
        return
    cancel.commit(done)
    finished, failure = threading.Event(), []

    def in_background() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the caller's thread below
            failure.append(exc)
        finally:
            finished.set()

    threading.Thread(target=in_background, name="past-commit-point", daemon=True).start()
    while not finished.wait(POLL):
        if cancel.discard_partial:
            raise Interrupted(interrupted)
    if failure:
        raise failure[0]
