"""The Airflow DAG `run_train`: PHT Desktop's station runner, one task per step.

Triggered as the reference station's DAG of the same name is, with a run conf of
`{"repository", "tag", "env", "volumes"}`; the station's id, key and registry come from Airflow
Variables (`pht_station_id`, …; see desktop_app/station_airflow/station.py) or the environment,
the registry account also from the connection `pht_registry`.

pull → validate → pre_run → run → post_run → push, then `finish` whatever happened: it removes
the decrypted files and the half-processed images, and fails the run unless the train was
pushed. Each step is a task of its own, so a failed one can be cleared and run again alone;
pull and push (network) are retried by themselves, the others fail at once — a refused train
stays refused. A failing step leaves its sentence in the XCom `failure`, for clients to show.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Iterator
from datetime import datetime, timedelta

try:  # Airflow 3
    from airflow.sdk import DAG, BaseHook, Variable, get_current_context, task
    from airflow.sdk.exceptions import AirflowFailException, AirflowNotFoundException
except ImportError:  # Airflow 2 (2.4 and later), as the reference station runs
    from airflow import DAG
    from airflow.decorators import task
    from airflow.exceptions import AirflowFailException, AirflowNotFoundException
    from airflow.hooks.base import BaseHook
    from airflow.models import Variable
    from airflow.operators.python import get_current_context

from desktop_app.core.errors import PHTError
from desktop_app.core.progress import CancelToken
from desktop_app.station_airflow import tasks
from desktop_app.station_airflow.conf import ConfRefused

RETRIED = {"pull", "push"}  # a registry or engine that failed may answer on the next try


def lookup(name: str) -> str | None:
    """An Airflow Variable with the setting's lower-case name first, then the environment."""
    value = Variable.get(name.lower(), None)
    return str(value) if value not in (None, "") else os.environ.get(name)


def registry_connection() -> tuple[str, str, str] | None:
    try:
        conn = BaseHook.get_connection("pht_registry")
    except AirflowNotFoundException:
        return None
    host = f"{conn.host}:{conn.port}" if conn.port else conn.host or ""
    return host, conn.login or "", conn.password or ""


@contextlib.contextmanager
def _stopped_on_sigterm() -> Iterator[CancelToken]:
    """Airflow stops a task (marked failed, timed out) with SIGTERM, and only calls the task's
    `on_kill`, which a TaskFlow task does not have, before a SIGKILL. The train's container would
    outlive the task then, and its time limit with it: SIGTERM cancels the run, whose watchdog
    kills and removes the container; Airflow's own handler is still called after ours."""
    cancel = CancelToken()
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame) -> None:
        cancel.cancel()
        if callable(previous):
            previous(signum, frame)

    try:
        signal.signal(signal.SIGTERM, on_term)
    except ValueError:  # not the main thread: no handler can be set here
        yield cancel
        return
    try:
        yield cancel
    finally:
        signal.signal(signal.SIGTERM, previous)


def _step(step: str, state: dict | None) -> dict:
    context = get_current_context()
    conf = context["dag_run"].conf or {}
    try:
        with _stopped_on_sigterm() as cancel:
            return tasks.run_step(step, conf, context["run_id"], state, lookup, registry_connection(), cancel=cancel)
    except PHTError as exc:
        context["ti"].xcom_push(key="failure", value=str(exc))
        if step in RETRIED and not isinstance(exc, ConfRefused):
            raise
        raise AirflowFailException(str(exc)) from exc


with DAG(
    dag_id="run_train",
    description="Run a PHT train at this station (PHT Desktop's runner)",
    schedule=None,
    start_date=datetime(2024, 1, 1),
    catchup=False,
    tags=["pht", "station"],
    default_args={"retries": 0},
) as dag:

    @task(task_id="pull", retries=2, retry_delay=timedelta(seconds=20))
    def pull() -> dict:
        return _step("pull", None)

    @task(task_id="validate")
    def validate(state: dict) -> dict:
        return _step("validate", state)

    @task(task_id="pre_run")
    def pre_run(state: dict) -> dict:
        return _step("pre_run", state)

    @task(task_id="run")
    def run(state: dict) -> dict:
        return _step("run", state)

    @task(task_id="post_run")
    def post_run(state: dict) -> dict:
        return _step("post_run", state)

    @task(task_id="push", retries=2, retry_delay=timedelta(seconds=20))
    def push(state: dict) -> dict:
        return _step("push", state)

    @task(task_id="finish", trigger_rule="all_done")
    def finish() -> None:
        context = get_current_context()
        ti = context["ti"]
        states = [ti.xcom_pull(task_ids=step) for step in tasks.STEP_TASKS]
        pushed = states[-1] is not None
        try:
            tasks.finish(
                context["dag_run"].conf or {}, context["run_id"], states, pushed, lookup, registry_connection()
            )
        except PHTError as exc:
            print(f"Cleaning up after the run failed: {exc}")
            if pushed:
                raise
        if not pushed:
            failures = [ti.xcom_pull(task_ids=step, key="failure") for step in tasks.STEP_TASKS]
            first = next((f for f in failures if f), "an earlier step did not finish")
            raise AirflowFailException(f"The train was not pushed: {first}")

    pushed_state = push(post_run(run(pre_run(validate(pull())))))
    pushed_state >> finish()
