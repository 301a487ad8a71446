"""What each task of the DAG `run_train` does, without Airflow: `dags/run_train.py` hands in the
run's conf, its id, the state the step before returned (XCom), a settings lookup and where the
train's log lines go, and keeps the state this returns for the next task.

Every step builds its runner anew from the settings (a task may run on a retry, hours later, in
a fresh process) and reads the train's configuration again from the pulled image.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.core.progress import CancelToken
from desktop_app.core.station.steps import SteppedRun, StepState
from desktop_app.station_airflow import station
from desktop_app.station_airflow.conf import read_conf

STEP_TASKS = ("pull", "validate", "pre_run", "run", "post_run", "push")  # task ids; the runner says pre-run
Connection = tuple[str, str, str] | None


def _stepped(conf: dict, run_id: str, lookup: station.Lookup, connection: Connection) -> SteppedRun:
    request = read_conf(conf, station.data_roots(lookup))
    runner = station.runner(lookup, request, connection)
    return SteppedRun(runner, request.reference, station.work_root(lookup) / "runs", run_id)


def run_step(
    step: str,
    conf: dict,
    run_id: str,
    state: dict | None,
    lookup: station.Lookup,
    connection: Connection = None,
    on_log: Callable[[str], None] = print,
    cancel: CancelToken | None = None,
) -> dict:
    """Run the task `step` (one of STEP_TASKS); returns the state for the next one. `cancel`
    stops the train's container during the run step."""
    stepped = _stepped(conf, run_id, lookup, connection)
    current = StepState.from_dict(state) if state else StepState(stepped.reference)
    try:
        if step == "run":
            return stepped.run(current, on_log, cancel).as_dict()
        return getattr(stepped, step)(current).as_dict()
    finally:
        stepped.runner.client.close()


def finish(
    conf: dict,
    run_id: str,
    states: list[dict | None],
    pushed: bool,
    lookup: station.Lookup,
    connection: Connection = None,
) -> None:
    """The last task, whatever happened before: cleans up (`SteppedRun.finish`). `states` are
    the steps' states in order (None for a step that did not finish); the last one counts."""
    stepped = _stepped(conf, run_id, lookup, connection)
    known = [s for s in states if s]
    state = StepState.from_dict(known[-1]) if known else StepState(stepped.reference)
    try:
        stepped.finish(state, pushed)
    finally:
        stepped.runner.client.close()
