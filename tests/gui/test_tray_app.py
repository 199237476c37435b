"""The tray app's own wiring: redraws after the tracker wrote, and a closed window is deleted."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeUsageSource
from wellbeing import paths as paths_module
from wellbeing.app import OpenedData, TrayApp
from wellbeing.config import Config


class Source(FakeUsageSource):
    """The fake source, plus the tray's small read (``UsageQueries.day_total``)."""

    def day_total(self, day: date) -> float:
        return self.usage(day, day).total_seconds

    def devices(self) -> list[object]:
        return []  # one device: no device filter


def make_app(qapp: Any, tmp_path: Path) -> tuple[TrayApp, Source]:
    source = Source(TODAY)
    source.add(TODAY, "code", datetime(2026, 6, 10, 9, 0), 1800.0)
    closed: list[None] = []
    data = OpenedData(Config(), paths_module.Paths(tmp_path), source,  # type: ignore[arg-type]
                      None, lambda: closed.append(None))
    app = TrayApp(qapp, data, None)
    app.control.today = lambda: TODAY  # type: ignore[method-assign]
    return app, source


def test_the_tooltip_follows_the_tracker_writes_without_a_timer(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    app, source = make_app(qapp, tmp_path)
    assert not app.tray.timer.isActive()  # no polling
    before = app.tray.tray.toolTip()
    source.add(TODAY, "firefox", datetime(2026, 6, 10, 23, 0), 3 * 3600.0)
    assert app.tray.tray.toolTip() == before  # nothing redraws by itself
    app.save_signal.saved.emit()  # what the tracker's thread does after a write
    qtbot.waitUntil(lambda: app.tray.tray.toolTip() != before)
    assert app.tray.tray.toolTip().startswith("Today: ")


def test_a_closed_dashboard_is_deleted_and_opens_again(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    app, _source = make_app(qapp, tmp_path)
    app.open_dashboard()
    window = app.window
    assert window is not None
    assert window.isVisible()
    assert not window.timer.isActive()  # redrawn after writes, not every 5 s
    gone: list[None] = []
    window.destroyed.connect(lambda: gone.append(None))
    window.close()
    qtbot.waitUntil(lambda: bool(gone))
    assert app.window is None
    app.open_dashboard()
    assert app.window is not None
    assert app.window.isVisible()
    app.window.close()


def test_giving_memory_back_empties_the_source_cache_pyside_fills() -> None:
    import linecache

    from wellbeing.app.tray_app import _forget_start_up, _return_free_memory

    for give_back in (_forget_start_up, _return_free_memory):  # after start; dashboard closed
        linecache.getlines(linecache.__file__)
        assert linecache.cache
        give_back()
        assert not linecache.cache


def test_the_check_in_notice_opens_the_check_in_on_the_experiment_page(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.unit.services.limit_fakes import MemoryLimitStore
    from wellbeing.core.limit_targets import LimitTarget
    from wellbeing.services.experiment import ExperimentService, Setup
    from wellbeing.services.experiment_jobs import CHECKIN_ACTION
    from wellbeing.storage.db import Database
    from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
    from wellbeing.storage.experiment_store import ExperimentStore
    from wellbeing.ui.checkin import CheckinDialog

    db = Database.open(None, paths_module.Paths(tmp_path / "exp"))
    store = ExperimentStore(SqlAlchemyRunner(db), db.device_id("host", "linux"))

    def open_experiment(today: Any) -> ExperimentService:
        return ExperimentService(store, MemoryLimitStore(), today=today, now_ms=lambda: 1)

    open_experiment(lambda: TODAY).start(Setup("classic", (LimitTarget("site", "x.org"),)))
    app, _source = make_app(qapp, tmp_path)
    app.data.ui_experiment = open_experiment
    app._on_notice_action("experiment:checkin", CHECKIN_ACTION)  # as from the notifier's thread
    qtbot.waitUntil(lambda: app.window is not None and app.window.experiment_page is not None)
    assert app.window is not None
    page = app.window.experiment_page
    assert app.window.pages.currentWidget() is page
    assert isinstance(getattr(page, "dialog", None), CheckinDialog)
    app.window.close()
    db.close()


def test_writes_within_seconds_of_each_other_cost_one_query_later(
    qapp: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    """A switch every 5 s writes every 5 s; the minutes shown need one query per
    SHOW_WRITES_EVERY_S: the first write shows at once, the rest once, later."""
    from wellbeing.app import SHOW_WRITES_EVERY_S
    from wellbeing.core.clock import FakeClock

    app, source = make_app(qapp, tmp_path)
    clock = FakeClock()
    app.clock = clock
    shown: list[str] = []
    refresh = app.tray.refresh_tooltip

    def counted() -> str:
        shown.append(refresh())
        return shown[-1]

    app.tray.refresh_tooltip = counted  # type: ignore[method-assign]
    app.save_signal.saved.emit()
    assert len(shown) == 1  # at once
    for _ in range(3):
        clock.advance(5)
        app.save_signal.saved.emit()
    assert len(shown) == 1
    assert app._show_later.isActive()
    # set at the first write held back, for when SHOW_WRITES_EVERY_S has passed since shown
    # (15 s left then: neither the full 20 s nor the 5 s left at the last write; Qt's
    # coarse timers may add up to 5 %)
    assert 10_000 < app._show_later.remainingTime() <= 16_000
    source.add(TODAY, "firefox", datetime(2026, 6, 10, 23, 0), 3 * 3600.0)
    app._show_later.start(1)  # that time has come
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert shown[-1] != shown[0]  # the later write is shown
    clock.advance(SHOW_WRITES_EVERY_S + 1)
    app.save_signal.saved.emit()
    assert len(shown) == 3  # after a quiet spell: at once again
