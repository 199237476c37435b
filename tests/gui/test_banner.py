"""The dashboard banner: the notifier chain's path inside an open window."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from wellbeing.services.limit_ports import Notice
from wellbeing.ui.banner import Banner, DashboardBanner


class _Window:
    def __init__(self, qtbot: QtBot) -> None:
        self.banner = Banner()
        qtbot.addWidget(self.banner)
        self.visible = True

    def isVisible(self) -> bool:  # noqa: N802 - Qt API
        return self.visible


def _now(fn: Callable[[], object]) -> None:
    fn()


def test_the_banner_shows_a_notice_only_while_the_window_is_open(qtbot: QtBot) -> None:
    window = _Window(qtbot)
    path = DashboardBanner(lambda: window, _now)
    notice = Notice("limit:firefox", "Time's up for Firefox", "You've used Firefox for 1 h.")
    assert path.notify(notice)
    assert not window.banner.isHidden()
    assert window.banner.title_label.text() == "Time's up for Firefox"
    assert "1 h" in window.banner.body_label.text()
    window.banner.dismiss_button.click()
    assert window.banner.isHidden()
    window.visible = False
    assert not path.notify(notice)
    assert not DashboardBanner(lambda: None, _now).notify(notice)
