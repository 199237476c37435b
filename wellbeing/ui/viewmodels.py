"""View models of the "Your Activity" dashboard: plain Python, no widgets.

``DashboardModel`` holds what the user is looking at (period, date, grouping,
selected day), reads a ``UsageSource`` (the ``storage.queries.UsageQueries``
read API, or a fake in tests) and turns it into one immutable
``DashboardState`` snapshot that a view draws as it is. Views call the
model's commands (``previous``, ``select_day``, ``set_group_by`` ...) and
subscribe to new snapshots; ``refresh`` re-reads the source and notifies only
when what is shown changed (minutes, not seconds), so a live refresh causes no
flicker and no redraw while the numbers on screen stay the same. The words
come from ``dashboard_texts``, in the interface's language.

The snapshot's types and the CSV of its rows are :mod:`.dashboard_state`.

Queries per snapshot are constant (never one per day or per row): a
week/month view reads ``usage()`` for the range (grouped as shown, plus by
category for the chart's stacks and headline) and once for the previous
period (the change figure); the day view adds ``hourly`` and ``day_facts``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from wellbeing.core.durations import format_duration, percent_change
from wellbeing.storage.queries import (
    AppInfo,
    DayFacts,
    GroupBy,
    HourUsage,
    UsageItem,
    UsageReport,
)
from wellbeing.ui import dashboard_texts as texts
from wellbeing.ui.dashboard_state import (
    CSV_HEADER,
    Bar,
    ChartData,
    DashboardState,
    FactsView,
    Headline,
    Row,
    Segment,
    rows_csv,
    write_rows_csv,
)
from wellbeing.ui.periods import (
    Period,
    long_date,
    month_title,
    period_range,
    range_text,
    shift,
    short_date,
    weekday_short,
)
from wellbeing.ui.shown import as_shown

__all__ = [
    "CSV_HEADER",
    "Bar",
    "ChartData",
    "DashboardModel",
    "DashboardState",
    "FactsView",
    "Headline",
    "Row",
    "Segment",
    "UsageSource",
    "rows_csv",
    "write_rows_csv",
]


class UsageSource(Protocol):
    """The read API the dashboard needs (``storage.queries.UsageQueries`` satisfies it)."""

    def usage(self, start: date, end: date, by: GroupBy = "app") -> UsageReport: ...

    def hourly(self, day: date, by: GroupBy = "app") -> Sequence[HourUsage]: ...

    def day_facts(self, day: date) -> DayFacts: ...

    def first_date(self) -> date | None: ...

    def apps(self) -> Sequence[AppInfo]: ...


@dataclass(frozen=True, slots=True)
class _Frame:
    """What every snapshot shares: the range, today and the history bounds."""

    start: date
    end: date
    first: date | None
    today: date
    earliest: date
    can_go_previous: bool
    can_go_next: bool


def _clock_text(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment is not None else "—"


class DashboardModel:
    """State and commands of the dashboard; produces ``DashboardState`` snapshots.

    Args:
        source: where usage comes from.
        today: returns the current local day (respecting the day start hour).
        week_start: 0 = Monday (default), 6 = Sunday.
        today_total: optional live total for today (e.g. the tracker's, which
            includes the interval still running); defaults to the source's figure.
    """

    def __init__(
        self,
        source: UsageSource,
        today: Callable[[], date],
        *,
        week_start: int = 0,
        today_total: Callable[[], float] | None = None,
    ) -> None:
        self._source = source
        self._today = today
        self._week_start = week_start
        self._today_total = today_total
        self._live_today = True
        self._period = Period.WEEK
        self._anchor = today()
        self._by: GroupBy = "app"
        self._selected: date | None = None
        self._limit_seconds: float | None = None
        self._icons: dict[str, str | None] | None = None
        self._listeners: list[Callable[[DashboardState], None]] = []
        self._state = self._build()

    # -- reading -----------------------------------------------------------------

    @property
    def state(self) -> DashboardState:
        """The current snapshot."""
        return self._state

    def set_source(self, source: UsageSource, *, live_today: bool) -> None:
        """Read from ``source`` from now on (another device); ``live_today`` keeps the
        tracker's live total for today (only right for this device, or all)."""
        self._source = source
        self._icons = None
        self._live_today = live_today
        self.refresh()

    def subscribe(self, listener: Callable[[DashboardState], None]) -> Callable[[], None]:
        """Call ``listener`` with every new snapshot; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- commands ----------------------------------------------------------------

    def refresh(self) -> bool:
        """Re-read the source; notify and return True only if what is shown changed.

        Seconds that grow within the minute the texts show (the tracker saves
        every few seconds) update the snapshot without a redraw (:mod:`.shown`).
        """
        new = self._build()
        old, self._state = self._state, new
        if as_shown(new) == as_shown(old):
            return False
        for listener in list(self._listeners):
            listener(new)
        return True

    def set_period(self, period: Period) -> None:
        """Show a day, a week or a month; the selected day (if any) stays in view."""
        if period is self._period:
            return
        if self._selected is not None:
            self._anchor = self._selected
        elif period is Period.DAY and self._state.start <= self._state.today <= self._state.end:
            self._anchor = self._state.today
        if period is Period.DAY:
            self._selected = None
        self._period = period
        self.refresh()

    def set_group_by(self, by: GroupBy) -> None:
        """List apps, sites or categories."""
        if by != self._by:
            self._by = by
            self.refresh()

    def previous(self) -> None:
        """Go one period back (not before the first recorded day)."""
        if self._state.can_go_previous:
            self._move(shift(self._period, self._anchor, -1))

    def next(self) -> None:
        """Go one period forward (not past today)."""
        if self._state.can_go_next:
            self._move(shift(self._period, self._anchor, 1))

    def go_to(self, day: date) -> None:
        """Show the period containing ``day`` (clamped to the history); selects it in week/month."""
        day = min(max(day, self._state.earliest), self._today())
        self._anchor = day
        self._selected = None if self._period is Period.DAY else day
        self.refresh()

    def go_to_today(self) -> None:
        """Show the period containing today, nothing selected."""
        self._move(self._today())

    def select_day(self, day: date | None) -> None:
        """Select a day of the current week/month (None, or the selected day again, clears it)."""
        if day is not None:
            outside = not (self._state.start <= day <= self._state.end)
            if self._period is Period.DAY or outside or day > self._state.today:
                return
            if day == self._selected:
                day = None
        if day != self._selected:
            self._selected = day
            self.refresh()

    def select_index(self, index: int | None) -> None:
        """Select the ``index``-th bar (a day) of the current chart."""
        if index is None or self._period is Period.DAY:
            self.select_day(None)
            return
        if 0 <= index < len(self._state.chart.bars):
            self.select_day(self._state.start + timedelta(days=index))

    def open_selected_day(self) -> None:
        """Switch to the day view of the selected day, if any."""
        if self._selected is not None:
            self.set_period(Period.DAY)

    def set_limit_line(self, seconds: float | None) -> None:
        """Draw a daily limit on week/month charts (None removes it)."""
        if seconds != self._limit_seconds:
            self._limit_seconds = seconds
            self.refresh()

    def _move(self, anchor: date) -> None:
        self._anchor = anchor
        self._selected = None
        self.refresh()

    # -- building a snapshot -------------------------------------------------------

    def _icon_hints(self, rows_items: Sequence[UsageItem]) -> dict[str, str | None]:
        if self._by != "app":
            return {}
        if self._icons is None or any(i.key not in self._icons for i in rows_items):
            self._icons = {a.key: a.icon for a in self._source.apps()}
        return self._icons

    def _rows(self, items: Sequence[UsageItem]) -> tuple[Row, ...]:
        items = [i for i in items if i.seconds > 0]
        total = sum(i.seconds for i in items)
        top = max((i.seconds for i in items), default=0.0)
        icons = self._icon_hints(items)
        return tuple(
            Row(
                key=i.key,
                name=i.name,
                seconds=i.seconds,
                time_text=format_duration(i.seconds),
                share=i.seconds / total if total else 0.0,
                fill=i.seconds / top if top else 0.0,
                category=i.category if self._by != "category" else i.name,
                color=i.color,
                icon=icons.get(i.key),
                label=texts.item_name(self._by, i.key, i.name),
            )
            for i in items
        )

    def _build(self) -> DashboardState:
        today = self._today()
        first = self._source.first_date()
        earliest = min(first, today) if first is not None else today
        self._anchor = min(max(self._anchor, earliest), today)
        start, end = period_range(self._period, self._anchor, self._week_start)
        if self._selected is not None and not (start <= self._selected <= min(end, today)):
            self._selected = None
        earliest_start = period_range(self._period, earliest, self._week_start)[0]
        frame = _Frame(
            start=start,
            end=end,
            first=first,
            today=today,
            earliest=earliest,
            can_go_previous=start > earliest_start,
            can_go_next=end < today,
        )
        if self._period is Period.DAY:
            return self._build_day(frame)
        return self._build_range(frame)

    def _today_seconds(self, report: UsageReport, today: date) -> float:
        if self._today_total is not None and self._live_today:
            return self._today_total()
        if report.start <= today <= report.end:
            return report.days[(today - report.start).days].total_seconds
        return self._source.usage(today, today, by="category").total_seconds

    def _headline(
        self, caption: str, value: float, previous: float | None, today_seconds: float
    ) -> Headline:
        pct = percent_change(value, previous) if previous is not None else None
        return Headline(
            caption=caption,
            value_seconds=value,
            value_text=format_duration(value),
            change_text=texts.change_text(pct, self._period),
            change_percent=pct,
            today_seconds=today_seconds,
            today_text=texts.today_text(today_seconds),
        )

    @staticmethod
    def _segments(items: Sequence[UsageItem], order: dict[str, int]) -> tuple[Segment, ...]:
        segs = [Segment(i.key, i.name, i.color, i.seconds, texts.item_name("category", i.key,
                                                                           i.name))
                for i in items if i.seconds > 0]
        segs.sort(key=lambda s: order.get(s.key, len(order)))
        return tuple(segs)

    @staticmethod
    def _tooltip(head: str, total: float, segments: Sequence[Segment]) -> str:
        lines = [f"{head}: {format_duration(total)}"]
        lines += [f"{s.shown}: {format_duration(s.seconds)}" for s in segments]
        return "\n".join(lines)

    def _snapshot(self, frame: _Frame, **fields: Any) -> DashboardState:
        return DashboardState(
            period=self._period,
            start=frame.start,
            end=frame.end,
            group_by=self._by,
            first_run=frame.first is None or frame.first >= frame.today,
            can_go_previous=frame.can_go_previous,
            can_go_next=frame.can_go_next,
            earliest=frame.earliest,
            today=frame.today,
            **fields,
        )

    def _build_range(self, frame: _Frame) -> DashboardState:
        start, end, first, today = frame.start, frame.end, frame.first, frame.today
        source = self._source
        report = source.usage(start, end, by=self._by)
        cats = report if self._by == "category" else source.usage(start, end, by="category")
        prev_start, prev_end = period_range(
            self._period, shift(self._period, start, -1), self._week_start
        )
        previous: float | None = None
        if first is not None and prev_end >= first:
            previous = source.usage(prev_start, prev_end, by="category").daily_average_seconds
        order = {c.key: n for n, c in enumerate(cats.items)}
        bars = []
        for n, day in enumerate(cats.days):
            segs = self._segments(day.items, order)
            bars.append(
                Bar(
                    index=n,
                    day=day.date,
                    hour=None,
                    total_seconds=day.total_seconds,
                    segments=segs,
                    is_future=day.date > today,
                    tooltip=self._tooltip(short_date(day.date), day.total_seconds, segs),
                )
            )
        if self._period is Period.WEEK:
            ticks = tuple((n, weekday_short(b.day)) for n, b in enumerate(bars) if b.day)
            in_now = start <= today <= end
            title = texts.this_week() if in_now else (
                texts.last_week() if start <= today - timedelta(days=7) <= end
                else range_text(start, end)
            )
        else:
            ticks = tuple((n, str(n + 1)) for n in range(0, len(bars), 7))
            title = month_title(start)
        sel = self._selected
        selected_index = (sel - start).days if sel is not None else None
        today_seconds = self._today_seconds(cats, today)
        if sel is not None and selected_index is not None:
            day_report = report.days[selected_index]
            rows = self._rows(day_report.items)
            day_total = cats.days[selected_index].total_seconds
            selected_text = f"{long_date(sel)} · {format_duration(day_total)}"
            rows_caption = texts.on_day(self._by, sel)
        else:
            rows = self._rows(report.items)
            selected_text = ""
            rows_caption = texts.most_used(self._by)
        return self._snapshot(
            frame,
            title=title,
            subtitle=range_text(start, end),
            headline=self._headline(
                texts.daily_average(), cats.daily_average_seconds, previous, today_seconds
            ),
            chart=ChartData(
                kind=self._period,
                bars=tuple(bars),
                ticks=ticks,
                categories=self._segments(cats.items, order),
                average_seconds=cats.daily_average_seconds,
                limit_seconds=self._limit_seconds,
                selected_index=selected_index,
            ),
            selected_day=sel,
            selected_text=selected_text,
            rows_caption=rows_caption,
            rows=rows,
            facts=None,
            first_run_text=texts.first_run_text(today_seconds),
        )

    def _build_day(self, frame: _Frame) -> DashboardState:
        day, first, today = frame.start, frame.first, frame.today
        source = self._source
        report = source.usage(day, day, by=self._by)
        cats = report if self._by == "category" else source.usage(day, day, by="category")
        before = day - timedelta(days=1)
        previous: float | None = None
        # Today is not over: comparing it with a whole day would always read "down".
        if first is not None and before >= first and day != today:
            previous = source.usage(before, before, by="category").total_seconds
        hours = source.hourly(day, by="category")
        facts = source.day_facts(day)
        order = {c.key: n for n, c in enumerate(cats.items)}
        bars = []
        for n, h in enumerate(hours):
            segs = self._segments(h.items, order)
            head = f"{h.hour:02d}:00–{(h.hour + 1) % 24:02d}:00"
            bars.append(
                Bar(n, None, h.hour, h.total_seconds, segs, False,
                    self._tooltip(head, h.total_seconds, segs))
            )
        ticks = tuple((n, f"{b.hour:02d}:00") for n, b in enumerate(bars) if n % 6 == 0)
        if day == today:
            title = texts.today()
        elif day == today - timedelta(days=1):
            title = texts.yesterday()
        else:
            title = long_date(day)
        today_seconds = self._today_seconds(cats, today)
        return self._snapshot(
            frame,
            title=title,
            subtitle=long_date(day),
            headline=self._headline(
                texts.screen_time(), cats.total_seconds, previous, today_seconds
            ),
            chart=ChartData(
                kind=Period.DAY,
                bars=tuple(bars),
                ticks=ticks,
                categories=self._segments(cats.items, order),
                average_seconds=None,
                limit_seconds=None,
                selected_index=None,
            ),
            selected_day=None,
            selected_text="",
            rows_caption=texts.most_used(self._by),
            rows=self._rows(report.items),
            facts=FactsView(
                first_use=_clock_text(facts.first_use),
                last_use=_clock_text(facts.last_use),
                longest_stretch=format_duration(facts.longest_stretch_seconds),
            ),
            first_run_text=texts.first_run_text(today_seconds),
        )
