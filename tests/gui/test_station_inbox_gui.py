"""The Station tab's inbox and queue panel on the real window, the real registry and Podman:
refresh lists the waiting trains, the selected ones are queued, the queue runs them and the
history shows the runs; Stop cancels the running train; a registry that is down is a sentence."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import Qt

from desktop_app.core.station.queue import TrainQueue
from tests.gui.conftest import wait_idle
from tests.gui.test_station_gui import station_window
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = [pytest.mark.engine, pytest.mark.keyring]


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_inbox_queue_run_and_stop_from_the_station_tab(qtbot, pht_home, engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = f"gui-inbox-{uuid.uuid4().hex[:8]}"
    files = {"entrypoint.sh": b"#!/bin/sh\necho hi > /opt/pht_results/a.txt\n"}
    trains = [
        build_train(engine, registry.address, f"{name}/t{i}", researcher, station_keys(2), files) for i in range(2)
    ]
    window = station_window(qtbot, tmp_path)
    tab = window.tab("Station")
    window.tabs.setCurrentWidget(tab)
    panel = tab.inbox_panel
    tab.station_id.setText("station-0")
    tab.engine.setText(engine.url)

    panel.registry_field.setText(f"127.0.0.1:{_free_port()}/pht")  # nobody answers there
    click(qtbot, panel.refresh_button)
    wait_idle(qtbot)
    assert "cannot be reached" in panel.status.text() and panel.inbox.rowCount() == 0

    panel.registry_field.setText(f"{registry.address}/pht/{name}")
    click(qtbot, panel.refresh_button)
    wait_idle(qtbot)
    assert panel.inbox.rowCount() == 2, panel.status.text()
    shown = {panel.inbox.item(row, 0).text(): panel.inbox.item(row, 2).text() for row in range(2)}
    assert shown == {t.config.train_id: "waiting for this station" for t in trains}
    assert panel.inbox.item(0, 1).text() == "1 / 2"

    panel.inbox.selectAll()
    click(qtbot, panel.queue_button)
    wait_idle(qtbot)
    assert [panel.queue_table.item(row, 1).text() for row in range(panel.queue_table.rowCount())] == ["queued"] * 2

    panel.passphrase.setText("station pass")
    tab.reference.setText(trains[0].reference)
    assert tab.run_button.isEnabled()
    click(qtbot, panel.run_queue_button)
    assert panel.stop_button.isEnabled() and not panel.run_queue_button.isEnabled()
    assert not tab.run_button.isEnabled()  # one train at a time: no single run beside the queue
    wait_idle(qtbot)
    assert panel.status.text() == "The queue is empty: 2 run(s), 0 not done.", panel.status.text()
    assert [panel.queue_table.item(row, 1).text() for row in range(2)] == ["done", "done"]
    wait_idle(qtbot)
    assert tab.history.rowCount() == 2 and {tab.history.item(r, 1).text() for r in range(2)} == {"ok"}
    # The queue is the profile's: a new queue object (another process) reads what the panel saw.
    assert [e.state for e in TrainQueue(window.context.paths.data_dir).entries()] == ["done", "done"]

    sleeper = build_train(
        engine, registry.address, f"{name}/sleeps", researcher, station_keys(2), {"entrypoint.sh": b"sleep 300\n"}
    )
    click(qtbot, panel.refresh_button)
    wait_idle(qtbot)
    row = next(r for r in range(panel.inbox.rowCount()) if panel.inbox.item(r, 3).text() == sleeper.reference)
    panel.inbox.clearSelection()
    panel.inbox.selectRow(row)
    click(qtbot, panel.queue_button)
    wait_idle(qtbot)
    panel.passphrase.setText("station pass")
    click(qtbot, panel.run_queue_button)
    qtbot.waitUntil(lambda: "run step" in panel.status.text(), timeout=120_000)
    click(qtbot, panel.stop_button)
    wait_idle(qtbot)
    assert "was cancelled" in panel.status.text() and "0 train(s) stay queued" in panel.status.text()
    assert panel.queue_table.item(2, 1).text() == "cancelled"
    panel.queue_table.selectRow(2)
    click(qtbot, panel.remove_button)
    wait_idle(qtbot)
    assert panel.queue_table.rowCount() == 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
