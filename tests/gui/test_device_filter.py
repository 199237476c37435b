"""The dashboard's device filter: all devices together by default, or one device's use.

Two devices write into one real (SQLite) database through the real writer; the
dashboard with the chooser shows the sum, then each device's own.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.clock import FakeClock
from wellbeing.paths import Paths
from wellbeing.storage.db import Database
from wellbeing.storage.history_import import SourceDevice, write_history
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.device_filter import DeviceChooser, DeviceSource
from wellbeing.ui.viewmodels import DashboardModel

DAY = date(2026, 11, 30)


def piece(app: str, minutes: int) -> Piece:
    start = int(datetime(2026, 11, 30, 10).timestamp() * 1000)
    return Piece(Focus(app, app.title()), start, start + minutes * 60_000, 0, DAY, 1)


def test_all_devices_then_each_one(qtbot: QtBot, tmp_path: Path) -> None:
    db = Database.open(None, Paths(tmp_path), clock=FakeClock())
    laptop = db.device_id("laptop", "linux")
    UsageWriter(db, laptop).bulk_insert([piece("firefox", 30)])
    # Another computer's history in the same database (as an import or a shared server has).
    write_history(db, [(SourceDevice("0f1e2d3c-0000-4000-8000-000000000001", "desk", "linux"),
                        [piece("code", 45)])], now_ms=0)
    queries = UsageQueries(db, day_start_hour=0)
    devices = queries.devices()
    assert [d.name for d in devices] == ["desk", "laptop"]
    model = DashboardModel(queries, lambda: DAY + timedelta(days=1))
    window = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(window)

    def choose(device_id: int | None) -> None:
        model.set_source(DeviceSource(queries, device_id), live_today=device_id is None)

    chooser = DeviceChooser(devices, choose)
    window.add_to_header(chooser)
    model.go_to(DAY)
    shown = {r.key: r.seconds for r in model.state.rows}
    assert shown == {"firefox": 1800.0, "code": 2700.0}
    chooser.setCurrentIndex(chooser.findText("laptop"))
    assert {r.key: r.seconds for r in model.state.rows} == {"firefox": 1800.0}
    chooser.setCurrentIndex(chooser.findText("desk"))
    assert {r.key: r.seconds for r in model.state.rows} == {"code": 2700.0}
    chooser.setCurrentIndex(0)
    assert chooser.currentText() == "All devices"
    assert len(model.state.rows) == 2
    db.close()
