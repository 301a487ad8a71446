"""The Station tab's Airflow panel in the real window: connect (the password goes to the real
keyring), list runs, trigger one, and follow its log live until it fails, with the failure as a
sentence. The server is the loopback stand-in of Airflow 2's v1 routes (tests/helpers/airflow_v1.py
says why); the client's v2 dialect is tested against the real Airflow in tests/integration."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.station.airflow_client import PASSWORD_SECRET
from tests.gui.conftest import wait_idle
from tests.helpers.airflow_v1 import AirflowV1StandIn

pytestmark = pytest.mark.keyring


@pytest.fixture
def v1():
    stand_in = AirflowV1StandIn()
    yield stand_in
    stand_in.stop()


def test_connect_trigger_and_follow_a_run(qtbot, window, context, v1) -> None:
    tab = window.tab("Station")
    window.tabs.setCurrentWidget(tab)
    panel = tab.airflow_panel
    assert not panel.table.isVisible()  # nothing to show before a connection
    panel.url.setText(v1.url)
    panel.user.setText(v1.user)
    panel.password.setText(v1.password)
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert panel.table.isVisible() and panel.table.rowCount() == 0
    assert "no runs" in panel.status.text()
    assert context.keystore.get_secret(PASSWORD_SECRET) == v1.password and panel.password.text() == ""

    panel.image.setText("harbor.example/station_1/train-1:latest")
    qtbot.mouseClick(panel.trigger_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    [run_id] = v1.runs
    assert v1.runs[run_id]["conf"]["repository"] == "harbor.example/station_1/train-1"
    assert panel.table.rowCount() == 1 and panel.table.item(0, 2).text() == "harbor.example/station_1/train-1:latest"

    v1.set_task(run_id, "pull_docker_image", "success", "pulled\n")
    v1.set_task(run_id, "execute_container", "running", "counting\n")
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "counting" in panel.log.toPlainText(), timeout=30_000)
    v1.set_task(run_id, "execute_container", "failed", "exit code 3\n")  # more log, then the end
    wait_idle(qtbot)
    text = panel.log.toPlainText()
    assert text.count("counting") == 1 and "exit code 3" in text and "pulled" in text
    assert panel.status.text() == (
        "The run of harbor.example/station_1/train-1:latest failed at its execute-container step; its log says why."
    )
    assert "execute-container ✘" in panel.table.item(0, 3).text()


def test_stop_a_run(qtbot, window, v1) -> None:
    panel = window.tab("Station").airflow_panel
    run_id = v1._trigger("run_train", {"conf": {"repository": "harbor.example/station_1/train-3"}})[1]["dag_run_id"]
    v1.set_task(run_id, "get_train_image_info", "running")
    panel.url.setText(v1.url)
    panel.user.setText(v1.user)
    panel.password.setText(v1.password)
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    panel.table.selectRow(0)
    assert panel.stop_button.isEnabled()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert v1.tasks[run_id]["get_train_image_info"]["state"] == "failed"
    assert panel.status.text().startswith("The get-train-image-info step of run")
    assert panel.table.item(0, 1).text() == "failed" and not panel.stop_button.isEnabled()


def test_a_wrong_password_is_a_sentence(qtbot, window, v1) -> None:
    panel = window.tab("Station").airflow_panel
    panel.url.setText(v1.url)
    panel.user.setText(v1.user)
    panel.password.setText("wrong")
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert panel.status.text().startswith(f"Airflow at {v1.url} refused the user name or password.")
    assert not panel.table.isVisible()
