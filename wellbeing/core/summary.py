"""The weekly summary: last week's daily average, the change from before, days within limits.

Pure: the numbers come in (``services.weekly_summary`` gathers them), the words
go out, formatted through :mod:`wellbeing.core.durations` like everywhere else::

    Your week: 2 h 10 min a day
    Last week: 2 h 10 min a day, ▼ 12% from the week before.
    Within your limits on 5 of 7 days.

The average counts the days of the two weeks from the first day with any use
on, as the dashboard does (a person who started on Thursday has a five-day
first week, not a week of zeros). A day is within a limit when that day's use
of its target stayed within the limit (plus :data:`WITHIN_TOLERANCE_S`, the
moment it takes to close the app) and no "15 more minutes" or "ignore for
today" was taken on it; days are judged against the limits as they are now.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from wellbeing.core.durations import format_duration, percent_change
from wellbeing.core.i18n import translate
from wellbeing.core.limits import Limit, LimitEvent, LimitTarget, UsageToday

WITHIN_TOLERANCE_S = 60.0
"""Use this far past a limit still counts as kept (closing the app takes a moment)."""
_BENT = ("snoozed", "ignored")
_PER_LIMIT_UP_TO = 3


@dataclass(frozen=True, slots=True)
class LimitWeek:
    """One limit over a week: on how many days it applied, and on how many it was kept."""

    target: LimitTarget
    kept_days: int
    limited_days: int


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """What the weekly summary says, as numbers.

    Attributes:
        average_seconds: last week's use per counted day; None without any use.
        previous_average_seconds: the same for the week before; None without use.
        change_pct: from the week before to last week, when both exist.
        within_days: days of last week on which every limit that applied was kept.
        limited_days: days of last week on which some limit applied.
        per_limit: each limit's week, in the order of the limits given.
    """

    average_seconds: float | None
    previous_average_seconds: float | None
    change_pct: float | None
    within_days: int
    limited_days: int
    per_limit: tuple[LimitWeek, ...] = ()


@dataclass(frozen=True, slots=True)
class Summary:
    """A notification's words."""

    title: str
    body: str


def averages(
    last_week: Sequence[float], week_before: Sequence[float]
) -> tuple[float | None, float | None]:
    """Daily averages of two consecutive weeks (seconds per day, oldest day first).

    Days before the first day with use (over both weeks) are not counted; a week
    with no counted day has no average (None).
    """
    days = [*week_before, *last_week]
    first = next((i for i, seconds in enumerate(days) if seconds > 0), None)
    if first is None:
        return None, None
    split = len(week_before)

    def average(lo: int, hi: int) -> float | None:
        counted = [days[i] for i in range(max(lo, first), hi)]
        return sum(counted) / len(counted) if counted else None

    return average(split, len(days)), average(0, split)


def limits_week(
    days: Sequence[date],
    limits: Sequence[Limit],
    usage: Mapping[date, UsageToday],
    events: Sequence[LimitEvent],
) -> tuple[int, int, tuple[LimitWeek, ...]]:
    """``(days within every limit, days with some limit, each limit's week)`` over ``days``."""
    bent = {(e.local_date, e.target) for e in events if e.kind in _BENT and e.target is not None}
    kept_by_limit = [0] * len(limits)
    limited_by_limit = [0] * len(limits)
    within = limited = 0
    empty = UsageToday()
    for day in days:
        applied, kept_all = False, True
        for i, limit in enumerate(limits):
            seconds = limit.seconds_on(day)
            if seconds is None:
                continue
            applied = True
            limited_by_limit[i] += 1
            used = usage.get(day, empty).of(limit.target)
            kept = used <= seconds + WITHIN_TOLERANCE_S and (day, limit.target) not in bent
            kept_by_limit[i] += kept
            kept_all = kept_all and kept
        if applied:
            limited += 1
            within += kept_all
    weeks = tuple(
        LimitWeek(limit.target, kept_by_limit[i], limited_by_limit[i])
        for i, limit in enumerate(limits)
    )
    return within, limited, weeks


def week_figures(
    last_week: Sequence[float],
    week_before: Sequence[float],
    within: tuple[int, int, tuple[LimitWeek, ...]] = (0, 0, ()),
) -> WeekFigures:
    """Bundle the averages and the limits' week (from :func:`limits_week`)."""
    average, previous = averages(last_week, week_before)
    change = (
        percent_change(average, previous) if average is not None and previous is not None else None
    )
    within_days, limited_days, per_limit = within
    return WeekFigures(average, previous, change, within_days, limited_days, per_limit)


def weekly_summary(figures: WeekFigures) -> Summary:
    """The notification: a title and one or two sentences (in the app's language)."""
    if not figures.average_seconds:  # None, or the tracker did not run last week
        return Summary(translate("Summary", "Your week"),
                       translate("Summary", "No screen time was recorded last week."))
    average = format_duration(figures.average_seconds)
    pct = figures.change_pct
    whole = round(pct) if pct is not None and math.isfinite(pct) else None
    if whole is None:
        sentence = translate("Summary", "Last week: {average} a day.")
    elif whole == 0:
        sentence = translate("Summary", "Last week: {average} a day, same as the week before.")
    elif whole > 0:
        sentence = translate("Summary", "Last week: {average} a day, ▲ {pct}% from the week "
                                        "before.")
    else:
        sentence = translate("Summary", "Last week: {average} a day, ▼ {pct}% from the week "
                                        "before.")
    parts = [sentence.format(average=average, pct=abs(whole or 0))]
    if figures.limited_days:
        parts.append(_limits_sentence(figures))
    return Summary(translate("Summary", "Your week: {average} a day").format(average=average),
                   " ".join(parts))


def _limits_sentence(figures: WeekFigures) -> str:
    within, limited = figures.within_days, figures.limited_days
    if within == limited == 7:
        return translate("Summary", "Within your limits every day.")
    shown = [w for w in figures.per_limit if w.limited_days]
    each = ""
    if 2 <= len(shown) <= _PER_LIMIT_UP_TO and within != limited:
        each = ", ".join(translate("Summary", "{target}: {kept} of {limited}").format(
            target=w.target, kept=w.kept_days, limited=w.limited_days) for w in shown)
    if limited == 1:
        text = (translate("Summary", "Within your limits on {within} of 1 day ({each}).") if each
                else translate("Summary", "Within your limits on {within} of 1 day."))
    else:
        text = (translate("Summary", "Within your limits on {within} of {limited} days "
                                     "({each}).") if each
                else translate("Summary", "Within your limits on {within} of {limited} days."))
    return text.format(within=within, limited=limited, each=each)
