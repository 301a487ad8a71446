"""The Station tab over a real run: settings, the live checklist and log, and the history."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import Qt

from desktop_app.core.keys.types import KeyType
from desktop_app.core.station.records import RunRecords
from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = [pytest.mark.engine, pytest.mark.keyring]
ENTRYPOINT = b"#!/bin/sh\necho 'hello from the train'\nls /opt/train_data/cohort > /opt/pht_results/listing.txt\n"


def station_window(qtbot, tmp_path: Path) -> MainWindow:
    """The real window over a profile holding station-0's key (passphrase "station pass")."""
    context = AppContext.for_profile("default")
    pem = tmp_path / "station.pem"
    pem.write_bytes(
        station_keys(2)[0].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context.keystore.import_key(pem, "station-key", "station pass")
    context.reload_keys()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot)
    return window


def test_run_a_train_from_the_station_tab(qtbot, pht_home, engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "gui-train", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "a.csv").write_text("x\n")
    window = station_window(qtbot, tmp_path)
    tab = window.tab("Station")
    window.tabs.setCurrentWidget(tab)
    tab.station_id.setText("station-0")
    tab.engine.setText(engine.url)
    tab.data.setText(str(cohort))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    tab.reference.setText(train.reference)
    tab.passphrase.setText("station pass")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.run is not None and tab.cancel_button.isEnabled()
    wait_idle(qtbot, tab)
    assert "succeeded" in tab.result.text(), tab.result.text()
    assert [tab.steps.item(i).text()[0] for i in range(tab.steps.count())] == ["✔"] * 6
    assert "hello from the train" in tab.log.toPlainText()
    assert tab.history.rowCount() == 1 and tab.history.item(0, 1).text() == "ok"

    tab.station_id.setText("station-9")  # not on the route: refused, recorded, shown red
    tab.passphrase.setText("station pass")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, tab)
    assert "not on this train's route" in tab.result.text()
    assert tab.history.rowCount() == 2 and tab.history.item(0, 1).text() == "failed"
    tab.history.selectRow(1)
    wait_idle(qtbot)  # the log is read off the GUI thread
    assert "hello from the train" in tab.log.toPlainText()


WAITS = b"#!/bin/sh\necho started $(busybox hostname)\nsleep 300\n"


def test_quitting_during_a_run_kills_its_container(qtbot, pht_home, engine, registry, tmp_path: Path) -> None:
    """Stop and quit means stopped: the container is gone, the run recorded as cancelled; and new
    keys arriving meanwhile leave the live checklist alone."""
    import docker.errors

    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(engine, registry.address, "gui-quit", researcher, station_keys(2), {"entrypoint.sh": WAITS})
    window = station_window(qtbot, tmp_path)
    context = window.context
    tab = window.tab("Station")
    tab.station_id.setText("station-0")
    tab.engine.setText(engine.url)
    tab.reference.setText(train.reference)
    tab.passphrase.setText("station pass")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "started " in tab.log.toPlainText(), timeout=120_000)
    container_id = tab.log.toPlainText().split("started ", 1)[1].split()[0]
    assert engine.client.containers.get(container_id).status == "running"

    checklist = [tab.steps.item(i).text() for i in range(tab.steps.count())]
    context.keystore.generate("another", KeyType.EC_P256, "another-key-passphrase-42")
    context.reload_keys()
    qtbot.waitUntil(lambda: context.key("another") is not None)
    assert [tab.steps.item(i).text() for i in range(tab.steps.count())] == checklist
    assert checklist[3].startswith("…")  # the run step, still running

    window.close()
    stop = next(b for b in window.close_question.buttons() if b.text().replace("&", "") == "Stop and quit")
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    with pytest.raises(docker.errors.NotFound):
        engine.client.containers.get(container_id)
    runs = RunRecords(context.paths.data_dir).history()
    assert runs[0]["cancelled"] and runs[0]["failed_step"] == "run"
