"""The Federated Node tasks panel, driven through its real widgets against the stand-in over
loopback HTTP, the token in the real Secret Service."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.central.profiles import ServerKind, ServerProfiles
from desktop_app.demo_hub.federated_node.state import DEMO_NODE_USER, DEMO_PROJECT, DEMO_RESULTS
from desktop_app.gui.widgets.node_tasks_panel import NodeTasksPanel
from tests.gui.conftest import wait_idle

pytestmark = pytest.mark.keyring


@pytest.fixture
def panel(qtbot, context, node) -> NodeTasksPanel:
    ServerProfiles(context.settings).add(
        "node", node.url, node.url, kind=ServerKind.FEDERATED_NODE, project=DEMO_PROJECT
    )
    widget = NodeTasksPanel(context)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_idle(qtbot)


def test_sign_in_add_tasks_and_fetch_results(qtbot, panel: NodeTasksPanel, tmp_path: Path) -> None:
    panel.username.setText(DEMO_NODE_USER["username"])
    panel.password.setText("wrong")
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "not accepted" in panel.message.text() and panel.password.text() == ""
    panel.password.setText(DEMO_NODE_USER["password"])
    qtbot.mouseClick(panel.sign_in_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "Signed in" in panel.message.text()
    for task in ("1", "2"):
        panel.task_field.setText(task)
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
    assert panel.table.rowCount() == 2
    assert panel.table.item(0, 2).text().startswith("Finished (exit code 0")
    # The node's "Pending Review", in the app's words.
    assert (panel.table.item(0, 3).text(), panel.table.item(1, 3).text()) == ("ready", "pending review")

    panel.table.selectRow(1)
    panel.fetch_selected(tmp_path)
    wait_idle(qtbot)
    assert "waiting for the node's review" in panel.message.text()
    assert [p.name for p in tmp_path.iterdir()] == ["pht-home"]

    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.results_fetched, timeout=60_000) as fetched:
        panel.fetch_selected(tmp_path)
    report = fetched.args[0]
    assert report.folder == tmp_path / "task-1-results"
    assert (report.folder / "summary.csv").read_bytes() == DEMO_RESULTS["summary.csv"]
    assert "not encrypted or signed" in panel.notice.text()

    qtbot.mouseClick(panel.sign_out_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    qtbot.mouseClick(panel.refresh_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "Sign in again" in panel.message.text() or "not signed in" in panel.message.text()


def test_every_control_has_a_name_and_buttons_a_mnemonic(panel: NodeTasksPanel) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit, QTableWidget

    for kind in (QAbstractButton, QLineEdit, QTableWidget):
        for widget in panel.findChildren(kind):
            if not widget.objectName().startswith("qt_"):  # Qt's own parts (the table's corner button)
                assert widget.accessibleName(), widget
    for button in (panel.sign_in_button, panel.sign_out_button, panel.add_button, panel.refresh_button,
                   panel.fetch_button):  # fmt: skip
        assert "&" in button.text()
