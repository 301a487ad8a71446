"""The operation layer itself: outcomes on the GUI thread, truthful cancels, throttled progress,
the busy bar, a tab closed while its job runs, and unexpected errors as a sentence."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.core.errors import Cancelled, PHTError, Remedy
from desktop_app.core.progress import Progress
from desktop_app.gui import error_display, unexpected
from desktop_app.gui.operations import CancelOutcome, OperationBar, UnexpectedError, registry, run_operation
from tests.gui.conftest import wait_idle


class Tab(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.operation_bar = OperationBar(self)


def gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_success_is_delivered_on_the_gui_thread(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    seen: list[tuple[object, bool]] = []

    def work(progress, cancel):
        assert not gui_thread()
        return 42

    run_operation(tab, "Answering", work, lambda result: seen.append((result, gui_thread())))
    wait_idle(qtbot)
    assert seen == [(42, True)]


def test_failure_carries_the_core_error_and_its_remedy(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    errors: list[PHTError] = []

    def work(progress, cancel):
        raise PHTError("The output folder is not empty.", remedy=Remedy.NEEDS_FORCE)

    run_operation(tab, "Writing", work, on_failure=errors.append)
    wait_idle(qtbot)
    assert errors[0].remedy == Remedy.NEEDS_FORCE
    assert "tick “Write into a folder that is not empty”" in error_display.error_text(errors[0])


def test_default_failure_dialog_is_plain_text_with_the_remedy_button(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    clicked: list[bool] = []
    from desktop_app.gui import remedies

    def work(progress, cancel):
        raise PHTError("<b>No</b> server.", remedy=Remedy.ADD_SERVER)

    remedies.set_action(Remedy.ADD_SERVER, "Add server…", lambda: clicked.append(True))
    try:
        run_operation(tab, "Listing", work)
        wait_idle(qtbot)
        box = error_display.last_box
        assert box is not None and box.text().startswith("<b>No</b> server.")
        button = next(b for b in box.buttons() if b.text().replace("&", "") == "Add server…")
        button.click()
        assert clicked == [True]
    finally:
        remedies.clear_actions()


def test_cancel_before_the_commit_point_changes_nothing(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    started, go = threading.Event(), threading.Event()
    changed: list[str] = []
    outcomes: list[CancelOutcome] = []

    def work(progress, cancel):
        started.set()
        go.wait(30)
        cancel.commit("the thing was changed.")
        changed.append("yes")

    operation = run_operation(tab, "Changing", work, on_cancelled=outcomes.append)
    qtbot.waitUntil(started.is_set)
    tab.operation_bar.cancel()
    go.set()
    wait_idle(qtbot)
    assert changed == [] and outcomes[0].committed is None
    assert outcomes[0].sentence == "Cancelled; nothing was changed."
    assert operation.token.cancelled


def test_cancel_after_the_commit_point_reports_what_was_done(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    committed, go = threading.Event(), threading.Event()
    outcomes: list[CancelOutcome] = []

    def work(progress, cancel):
        cancel.commit("the key was already deleted.")
        committed.set()
        go.wait(30)
        cancel.raise_if_cancelled()  # past the commit point this no longer stops the job
        return "done"

    run_operation(tab, "Deleting", work, on_cancelled=outcomes.append)
    qtbot.waitUntil(committed.is_set)
    tab.operation_bar.cancel()
    go.set()
    wait_idle(qtbot)
    assert outcomes == [CancelOutcome("the key was already deleted.", "done")]
    assert outcomes[0].sentence == "Too late to cancel: the key was already deleted."


def test_a_cancelled_message_says_what_was_kept(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    outcomes: list[CancelOutcome] = []

    def work(progress, cancel):
        raise Cancelled("Cancelled; the 3.0 MiB downloaded so far are kept: the next download of it continues.")

    run_operation(tab, "Downloading", work, on_cancelled=outcomes.append)
    wait_idle(qtbot)
    assert "are kept: the next download" in outcomes[0].sentence


def test_progress_is_throttled_and_events_arrive_in_order_before_the_outcome(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    progress_seen: list[Progress] = []
    events: list[object] = []
    order: list[str] = []

    def work(report, cancel):
        for index in range(20_000):
            report(Progress(index + 1, 20_000, "bytes"))
        for line in range(500):
            report(f"line {line}")
        return "ok"

    def followed(item: object) -> None:
        (progress_seen if isinstance(item, Progress) else events).append(item)
        order.append("event")

    run_operation(tab, "Counting", work, lambda _: order.append("success"), on_progress=followed)
    wait_idle(qtbot)
    assert events == [f"line {n}" for n in range(500)]  # every event, in order
    assert len(progress_seen) < 2_000  # progress is coalesced, not 20,000 repaints
    assert order[-1] == "success"


def test_the_bar_shows_the_job_and_hides_when_it_ends(qtbot) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    tab.show()
    go = threading.Event()
    run_operation(tab, "Waiting", lambda p, c: go.wait(30))
    assert tab.operation_bar.isVisible() and tab.operation_bar.label.text() == "Waiting…"
    assert registry().running(tab)
    go.set()
    wait_idle(qtbot)
    assert not tab.operation_bar.isVisible() and not registry().running(tab)


def test_a_tab_closed_while_its_job_runs_is_not_called_back(qtbot) -> None:
    tab = Tab()
    go = threading.Event()
    called: list[object] = []
    run_operation(tab, "Outliving", lambda p, c: go.wait(30) and "late", called.append)
    tab.deleteLater()
    qtbot.waitUntil(lambda: not _alive(tab))
    go.set()
    wait_idle(qtbot)
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_an_unexpected_error_is_a_sentence_in_one_dialog_and_the_log(qtbot, tmp_path, caplog) -> None:
    tab = Tab()
    qtbot.addWidget(tab)
    errors: list[PHTError] = []

    def work(progress, cancel):
        raise KeyError("secret-token-value")

    run_operation(tab, "Crashing", work, on_failure=errors.append)
    wait_idle(qtbot)
    assert isinstance(errors[0], UnexpectedError)
    assert errors[0].message == "An unexpected error stopped “Crashing”: KeyError."
    assert "Traceback" in errors[0].details
    assert "unexpected error in 'Crashing'" in caplog.text
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(dialogs) == 1 and "goes on" in dialogs[0].text()
    dialogs[0].close()
    qtbot.waitUntil(lambda: not unexpected._open_dialogs)
