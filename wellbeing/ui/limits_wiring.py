"""The Qt side of limits: the Limits page's model, the tray balloon, calls onto the GUI thread.

The enforcer runs in the tracker's worker thread; what it asks of Qt (the
"Time's up" screen, a tray balloon, rescheduling a ``QtScheduler`` job) must
happen on the GUI thread. :class:`GuiThread` carries a call there through a
queued signal. :class:`TrayBalloon` is the notifier chain's Qt path after the
desktop's own notifications (D-Bus, plyer): it is used when those fail.
:func:`limits_model` wires ``ui.limits_model.LimitsModel`` to the pure logic in
``core`` (today's states, the bypass sentence, the suggested value).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from wellbeing.core.bypass import bypass_summary
from wellbeing.core.clock import Clock
from wellbeing.core.limit_changes import apply_change
from wellbeing.core.limit_suggestion import suggest_limit
from wellbeing.core.limits import (
    Limit,
    LimitEvent,
    LimitState,
    LimitTarget,
    UsageToday,
    evaluate,
    limit_clock_at,
)
from wellbeing.services.limit_ports import LimitStore, Notice
from wellbeing.ui.limits_model import LimitsModel, Suggestion

log = logging.getLogger("wellbeing.ui")

SUGGESTION_DAYS = 28


class GuiThread(QObject):
    """Runs a call on the thread this object lives in (the GUI thread), from any thread."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def __call__(self, fn: Callable[[], object]) -> None:
        self._call.emit(fn)

    @Slot(object)
    def _run(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except Exception:  # noqa: BLE001 - a failing call must not take the app down
            log.exception("a call on the GUI thread failed")


class TrayBalloon:
    """A notifier path: the tray icon's balloon message (when the tray shows one)."""

    name = "tray balloon"

    def __init__(self, icon: Callable[[], QSystemTrayIcon | None], gui: GuiThread) -> None:
        self._icon = icon
        self._gui = gui

    def notify(self, notice: Notice) -> bool:
        icon = self._icon()
        if icon is None or not icon.isVisible() or not QSystemTrayIcon.supportsMessages():
            return False
        kind = (
            QSystemTrayIcon.MessageIcon.Warning
            if notice.urgency == "critical"
            else QSystemTrayIcon.MessageIcon.Information
        )
        self._gui(lambda: icon.showMessage(notice.title, notice.body, kind, 10_000))
        return True

    def close(self) -> None:
        pass


def limits_model(
    store: LimitStore,
    *,
    clock: Clock,
    today: Callable[[], date],
    day_start_hour: int,
    names: Callable[[LimitTarget], str] | None = None,
) -> LimitsModel:
    """The Limits page's model over ``store``, with the real rules of ``core``."""

    def states(
        limits: Sequence[Limit], usage: UsageToday, events: Sequence[LimitEvent]
    ) -> Sequence[LimitState]:
        now = clock.now()
        moment = limit_clock_at(round(now.wall * 1000), now.utc_offset_min, day_start_hour)
        return evaluate(limits, usage, None, events, moment).states

    def bypass(events: Sequence[LimitEvent]) -> str:
        last = today()
        first = last - timedelta(days=last.weekday())
        return bypass_summary(events, first, last).sentence()

    def suggest(target: LimitTarget) -> Suggestion | None:
        last = today() - timedelta(days=1)
        days = [last - timedelta(days=n) for n in range(SUGGESTION_DAYS - 1, -1, -1)]
        found = suggest_limit([store.usage_on(day).of(target) for day in days])
        if found is None:
            return None
        return Suggestion(found.seconds, found.median_seconds)

    return LimitsModel(
        store,
        today=today,
        clock=clock,
        states=states,
        apply_change=apply_change,
        bypass=bypass,
        suggest=suggest,
        names=names,
    )
