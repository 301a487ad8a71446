"""The Station tab over a real run: settings, the live checklist and log, and the history."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from PySide6.QtCore import Qt

from desktop_app.gui.context import AppContext
from desktop_app.gui.main_window import MainWindow
from tests.gui.conftest import wait_idle
from tests.helpers.result_archives import station_keys
from tests.helpers.trains import build_train

pytestmark = [pytest.mark.engine, pytest.mark.keyring]
ENTRYPOINT = b"#!/bin/sh\necho 'hello from the train'\nls /opt/train_data/cohort > /opt/pht_results/listing.txt\n"


def test_run_a_train_from_the_station_tab(qtbot, pht_home, engine, registry, tmp_path: Path) -> None:
    researcher = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    train = build_train(
        engine, registry.address, "gui-train", researcher, station_keys(2), {"entrypoint.sh": ENTRYPOINT}
    )
    context = AppContext.for_profile("default")
    pem = tmp_path / "station.pem"
    pem.write_bytes(
        station_keys(2)[0].private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    context.keystore.import_key(pem, "station-key", "station pass")
    cohort = tmp_path / "cohort"
    cohort.mkdir()
    (cohort / "a.csv").write_text("x\n")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    tab = window.tab("Station")
    window.tabs.setCurrentWidget(tab)
    tab.station_id.setText("station-0")
    tab.engine.setText(engine.url)
    tab.data.setText(str(cohort))
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    tab.reference.setText(train.reference)
    tab.passphrase.setText("station pass")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.task is not None and tab.cancel_button.isEnabled()
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
    assert "hello from the train" in tab.log.toPlainText()
