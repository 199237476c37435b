"""The Qt side of limits: the Limits page's model (the tray balloon and ``GuiThread`` re-exported).

:class:`~wellbeing.ui.gui_thread.GuiThread` and
:class:`~wellbeing.ui.gui_thread.TrayBalloon` live in ``ui.gui_thread`` (the tray
app needs them at rest, this module only once the dashboard opens).
:func:`limits_model` wires ``ui.limits_model.LimitsModel`` to the pure logic in
``core`` (today's states, the bypass sentence, the suggested value).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

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
from wellbeing.services.limit_ports import LimitStore
from wellbeing.ui.gui_thread import GuiThread, TrayBalloon
from wellbeing.ui.limits_model import LimitsModel, Suggestion

__all__ = ["SUGGESTION_DAYS", "GuiThread", "TrayBalloon", "limits_model"]

SUGGESTION_DAYS = 28


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
