"""The "Time's up" screen built the first time it is needed, not when the tray app starts.

The enforcer gets a presenter when limits start, but most days no limit is
reached. :class:`TimesUpOnDemand` is that presenter: it imports
``ui.times_up`` (with the Limits page's names and theme) and builds the
:class:`~wellbeing.ui.times_up.TimesUpScreen` on the GUI thread at the first
``show_times_up``, so the tray app at rest carries none of it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from wellbeing.core.limits import LimitState, LimitTarget
from wellbeing.platform.base import WindowInfo
from wellbeing.services.limit_ports import TimesUpChoice
from wellbeing.ui.gui_thread import GuiThread

if TYPE_CHECKING:
    from wellbeing.ui.times_up import TimesUpScreen


class TimesUpOnDemand:
    """A ``TimesUpPresenter`` (any thread) that builds the real screen when first shown.

    Args:
        gui: carries the calls to the GUI thread, where the screen is built.
        today: the local (tracking) day, for the screen.
        names: called once, when the screen is built: the display names of targets.
    """

    def __init__(
        self,
        gui: GuiThread,
        *,
        today: Callable[[], date],
        names: Callable[[], Callable[[LimitTarget], str]],
    ) -> None:
        self._gui = gui
        self._today = today
        self._names = names
        self.screen: TimesUpScreen | None = None

    def show_times_up(
        self,
        state: LimitState,
        window: WindowInfo | None,
        on_choice: Callable[[TimesUpChoice], None],
    ) -> None:
        self._gui(lambda: self._built().show_times_up(state, window, on_choice))

    def hide_times_up(self) -> None:
        self._gui(self._hide)

    def _hide(self) -> None:
        if self.screen is not None:
            self.screen.hide_times_up()

    def _built(self) -> TimesUpScreen:
        if self.screen is None:
            from wellbeing.ui.times_up import TimesUpScreen

            self.screen = TimesUpScreen(today=self._today, names=self._names())
        return self.screen
