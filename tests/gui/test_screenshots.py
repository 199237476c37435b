"""Render the dashboard in every view, light and dark, to test-artifacts/ for people to look at.

Each image must not be blank and no label may be clipped. The data is a
realistic fake: 30 apps in 9 categories, browser sites, two months of history.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY, FakeUsageSource, realistic_source
from tests.gui.helpers import clipped_labels, lightness_spread
from wellbeing.ui.dashboard import DashboardWindow
from wellbeing.ui.periods import Period
from wellbeing.ui.viewmodels import DashboardModel

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def render(qtbot: QtBot, model: DashboardModel, name: str) -> DashboardWindow:
    window = DashboardWindow(model, refresh_ms=0)
    qtbot.addWidget(window)
    window.resize(window.default_size(fit_screen=False))
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # let pending layout requests settle, as a user would see it
    return window


def check_and_save(window: DashboardWindow, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    image = window.grab().toImage()
    path = ARTIFACTS / f"{name}.png"
    assert image.save(str(path))
    assert lightness_spread(image) > 0.05, f"{path} looks blank"
    assert clipped_labels(window) == [], f"clipped labels in {path}"
    return path


@pytest.mark.parametrize("period", [Period.WEEK, Period.DAY, Period.MONTH],
                         ids=["week", "day", "month"])
def test_screenshot(qtbot: QtBot, palette_mode: str, period: Period) -> None:
    model = DashboardModel(realistic_source(TODAY, days=75), lambda: TODAY)
    model.set_limit_line(6 * 3600 if period is Period.MONTH else None)
    model.set_period(period)
    if period is Period.WEEK:
        model.select_index(1)
    window = render(qtbot, model, period.value)
    path = check_and_save(window, f"dashboard-{period.value}-{palette_mode}")
    assert path.stat().st_size > 10_000


def test_screenshot_first_run(qtbot: QtBot, palette_mode: str) -> None:
    from datetime import datetime

    src = FakeUsageSource(TODAY)
    src.add(TODAY, "firefox", datetime(2026, 6, 10, 9, 0), 140)
    src.add(TODAY, "code", datetime(2026, 6, 10, 9, 3), 50)
    window = render(qtbot, DashboardModel(src, lambda: TODAY), "first-run")
    check_and_save(window, f"dashboard-first-run-{palette_mode}")


def test_screenshot_tray_menu(qtbot: QtBot, palette_mode: str) -> None:
    from tests.gui.fakes import FakeTrackerControl
    from wellbeing.core.clock import FakeClock
    from wellbeing.ui.tray import TrayController

    control = FakeTrackerControl(today_total=2 * 3600 + 10 * 60)
    tray = TrayController(control, realistic_source(TODAY, days=3), FakeClock(), lambda: TODAY,
                          refresh_ms=0)
    tray.pause_for(15 * 60)
    menu = tray.menu
    menu.adjustSize()
    image = menu.grab().toImage()
    ARTIFACTS.mkdir(exist_ok=True)
    assert image.save(str(ARTIFACTS / f"tray-menu-{palette_mode}.png"))
    assert lightness_spread(image) > 0.05
