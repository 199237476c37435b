"""The bypass log summed up: how often, over some days, limits were reached and bent.

Pure: no Qt, no storage, no OS. The dashboard and the Limits page show it as
one sentence ("This week: limit reached on 4 days, snoozed 3 times, ignored
once, clock changed 2 times"), so people see how often they bend their own
rules without reading the log itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from wellbeing.core.i18n import translate
from wellbeing.core.limit_events import LimitEvent


@dataclass(frozen=True, slots=True)
class BypassSummary:
    """Counts over the local days ``first`` .. ``last`` (inclusive).

    Attributes:
        first: the first local day counted.
        last: the last local day counted.
        days_reached: days on which at least one limit was reached.
        reached: limits reached (one a limit a day).
        warnings: warnings sent.
        snoozes: "15 more minutes" taken.
        ignores: "Ignore limit for today" chosen.
        closes: "Close <app>" chosen.
        minimised: windows minimised by a block limit.
        clock_jumps: times the wall clock was set.
    """

    first: date
    last: date
    days_reached: int = 0
    reached: int = 0
    warnings: int = 0
    snoozes: int = 0
    ignores: int = 0
    closes: int = 0
    minimised: int = 0
    clock_jumps: int = 0

    @property
    def is_empty(self) -> bool:
        """Nothing to tell: no limit reached and no bending, no clock set."""
        return not (self.days_reached or self.snoozes or self.ignores or self.closes
                    or self.clock_jumps)

    def sentence(self, period: str = "this week") -> str:
        """One plain sentence, e.g. "This week: limit reached on 4 days, snoozed once".

        ``period`` names the days: "this week", "last week" or "today" (these in
        the app's language, :mod:`wellbeing.core.i18n`), or other words, used as
        they are. Each clause is a whole phrase, so a translation words it its way.
        """
        if self.is_empty:
            return _nothing(period)
        days = self.days_reached
        parts = [translate("Bypass", "no limit reached") if days == 0
                 else translate("Bypass", "limit reached on 1 day") if days == 1
                 else translate("Bypass", "limit reached on {n} days").format(n=days)]
        for n, once, many in (
            (self.snoozes, translate("Bypass", "snoozed once"),
             translate("Bypass", "snoozed {n} times")),
            (self.ignores, translate("Bypass", "ignored once"),
             translate("Bypass", "ignored {n} times")),
            (self.closes, translate("Bypass", "closed an app once"),
             translate("Bypass", "closed an app {n} times")),
            (self.clock_jumps, translate("Bypass", "clock changed once"),
             translate("Bypass", "clock changed {n} times")),
        ):
            if n:
                parts.append(once if n == 1 else many.format(n=n))
        clauses = ", ".join(parts)
        if period == "this week":
            return translate("Bypass", "This week: {clauses}").format(clauses=clauses)
        if period == "last week":
            return translate("Bypass", "Last week: {clauses}").format(clauses=clauses)
        if period == "today":
            return translate("Bypass", "Today: {clauses}").format(clauses=clauses)
        return f"{period[:1].upper()}{period[1:]}: {clauses}"


def _nothing(period: str) -> str:
    if period == "this week":
        return translate("Bypass", "No limits reached this week")
    if period == "last week":
        return translate("Bypass", "No limits reached last week")
    if period == "today":
        return translate("Bypass", "No limits reached today")
    return f"No limits reached {period}"


def bypass_summary(events: Iterable[LimitEvent], first: date, last: date) -> BypassSummary:
    """Sum up the events of the local days ``first`` .. ``last``; other days are skipped."""
    counts = {"warned": 0, "snoozed": 0, "ignored": 0, "closed": 0, "minimised": 0,
              "clock_jump": 0}
    reached: set[tuple[date, object]] = set()
    for event in events:
        if not first <= event.local_date <= last:
            continue
        if event.kind == "reached":
            reached.add((event.local_date, event.target))
        elif event.kind in counts:
            counts[event.kind] += 1
    return BypassSummary(
        first=first,
        last=last,
        days_reached=len({day for day, _ in reached}),
        reached=len(reached),
        warnings=counts["warned"],
        snoozes=counts["snoozed"],
        ignores=counts["ignored"],
        closes=counts["closed"],
        minimised=counts["minimised"],
        clock_jumps=counts["clock_jump"],
    )
