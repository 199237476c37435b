"""The tray app's Time's up presenter: the screen is built on the GUI thread when first shown."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.fakes import TODAY
from tests.gui.test_times_up import FIREFOX_WINDOW, Choices, state
from wellbeing.core.limits import LimitTarget
from wellbeing.services.limit_ports import TimesUpPresenter
from wellbeing.ui.gui_thread import GuiThread
from wellbeing.ui.times_up import TimesUpScreen
from wellbeing.ui.times_up_on_demand import TimesUpOnDemand


def built(presenter: TimesUpOnDemand) -> TimesUpScreen | None:
    return presenter.screen


def test_nothing_is_built_until_a_limit_needs_the_screen_then_it_shows_and_hides(
    qtbot: QtBot,
) -> None:
    asked_names: list[None] = []

    def names() -> Callable[[LimitTarget], str]:
        asked_names.append(None)
        return lambda target: f"Named {target.key}"

    presenter: TimesUpPresenter = TimesUpOnDemand(GuiThread(), today=lambda: TODAY, names=names)
    assert isinstance(presenter, TimesUpOnDemand)
    presenter.hide_times_up()  # nothing shown, nothing built
    qtbot.wait(50)
    assert built(presenter) is None
    assert asked_names == []
    choices = Choices()
    tracker = threading.Thread(  # the enforcer calls from the tracker's thread
        target=lambda: presenter.show_times_up(state("nag"), FIREFOX_WINDOW, choices)
    )
    tracker.start()
    tracker.join()
    qtbot.waitUntil(
        lambda: presenter.screen is not None
        and presenter.screen.window is not None
        and presenter.screen.window.isVisible()
    )
    assert asked_names == [None]
    screen = built(presenter)
    assert screen is not None
    app = QApplication.instance()
    assert app is not None
    assert screen.thread() == app.thread()  # built on the GUI thread, not the tracker's
    presenter.hide_times_up()
    qtbot.waitUntil(lambda: screen.window is not None and not screen.window.isVisible())
    presenter.show_times_up(state("nag"), FIREFOX_WINDOW, choices)
    qtbot.waitUntil(lambda: screen.window is not None and screen.window.isVisible())
    assert presenter.screen is screen  # built once
    assert asked_names == [None]
    presenter.hide_times_up()
    qtbot.waitUntil(lambda: screen.window is not None and not screen.window.isVisible())
