"""DashboardModel against an in-memory source: numbers, navigation, selection, refresh."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from tests.gui.fakes import TODAY, FakeUsageSource, realistic_source
from wellbeing.storage.queries import GroupBy
from wellbeing.ui.periods import Period, period_range, range_text, shift
from wellbeing.ui.viewmodels import CSV_HEADER, DashboardModel, DashboardState, Row, rows_csv


def test_week_numbers_equal_the_sources_report(
    model: DashboardModel, source: FakeUsageSource
) -> None:
    s = model.state
    assert (s.period, s.start, s.end) == (Period.WEEK, date(2026, 6, 8), date(2026, 6, 14))
    report = source.usage(s.start, s.end)
    assert s.headline.value_seconds == pytest.approx(report.daily_average_seconds)
    assert [b.total_seconds for b in s.chart.bars] == pytest.approx(
        [d.total_seconds for d in report.days])
    assert [(r.key, r.seconds) for r in s.rows] == [(i.key, i.seconds) for i in report.items]
    assert s.headline.today_seconds == pytest.approx(report.days[2].total_seconds)
    assert sum(r.share for r in s.rows) == pytest.approx(1.0)
    assert s.rows[0].fill == 1.0
    for bar in s.chart.bars:
        assert sum(seg.seconds for seg in bar.segments) == pytest.approx(bar.total_seconds)
    assert [b.is_future for b in s.chart.bars] == [False] * 3 + [True] * 4


def test_month_numbers_equal_the_sources_report(
    model: DashboardModel, source: FakeUsageSource
) -> None:
    model.set_period(Period.MONTH)
    s = model.state
    assert (s.start, s.end, s.title) == (date(2026, 6, 1), date(2026, 6, 30), "June 2026")
    report = source.usage(s.start, s.end)
    assert len(s.chart.bars) == 30
    assert s.headline.value_seconds == pytest.approx(report.daily_average_seconds)
    assert [(r.key, r.seconds) for r in s.rows] == [(i.key, i.seconds) for i in report.items]
    assert [t for _, t in s.chart.ticks] == ["1", "8", "15", "22", "29"]


def test_day_view_uses_hourly_and_facts(model: DashboardModel, source: FakeUsageSource) -> None:
    model.set_period(Period.DAY)
    s = model.state
    assert (s.start, s.title) == (TODAY, "Today")
    hours = source.hourly(TODAY, by="category")
    assert [b.total_seconds for b in s.chart.bars] == pytest.approx(
        [h.total_seconds for h in hours])
    assert s.chart.bars[0].hour == 4
    assert s.headline.value_seconds == pytest.approx(source.usage(TODAY, TODAY).total_seconds)
    facts = source.day_facts(TODAY)
    assert s.facts is not None
    assert s.facts.first_use == facts.first_use.strftime("%H:%M")  # type: ignore[union-attr]
    assert s.headline.change_text == ""  # today is not over: no comparison with a whole day
    model.previous()
    assert model.state.title == "Yesterday"
    assert model.state.headline.change_text.endswith("from the day before")


def test_change_against_previous_week_reads_as_people_say_it() -> None:
    src = FakeUsageSource(TODAY)
    at = datetime(2026, 6, 1, 9)
    for n in range(7):  # last week: 100 min every day
        src.add(date(2026, 6, 1) + timedelta(days=n), "firefox", at + timedelta(days=n), 6000)
    for n in range(3):  # this week so far (Mon-Wed): 112 min a day
        src.add(date(2026, 6, 8) + timedelta(days=n), "firefox", at + timedelta(days=7 + n), 6720)
    s = DashboardModel(src, lambda: TODAY).state
    assert s.headline.value_text == "1 h 52 min"
    assert s.headline.change_text == "▲ 12% from last week"


def test_constant_number_of_queries_on_a_long_history() -> None:
    src = realistic_source(TODAY, days=365)
    model = DashboardModel(src, lambda: TODAY)
    per_view = {}
    for period in (Period.WEEK, Period.MONTH, Period.DAY):
        model.set_period(period)
        src.calls.clear()
        model.refresh()
        per_view[period] = len(src.calls)
    assert per_view[Period.WEEK] <= 5
    assert per_view[Period.MONTH] <= 5
    assert per_view[Period.DAY] <= 7


def test_navigation_walks_history_and_stops_at_its_ends(model: DashboardModel) -> None:
    s = model.state
    assert s.can_go_previous
    assert not s.can_go_next
    model.next()
    assert model.state.start == s.start
    model.previous()
    assert (model.state.start, model.state.title) == (date(2026, 6, 1), "Last week")
    model.previous()
    assert model.state.title == range_text(date(2026, 5, 25), date(2026, 5, 31))
    while model.state.can_go_previous:
        model.previous()
    first = model.state.earliest
    assert model.state.start <= first <= model.state.end
    model.previous()
    assert model.state.start <= first
    model.go_to_today()
    assert model.state.start == date(2026, 6, 8)


def test_go_to_date_shows_its_period_and_selects_it(model: DashboardModel) -> None:
    model.go_to(date(2026, 5, 20))
    s = model.state
    assert (s.start, s.selected_day) == (date(2026, 5, 18), date(2026, 5, 20))
    model.go_to(date(2030, 1, 1))  # the future clamps to today
    assert model.state.selected_day == TODAY
    model.go_to(date(2000, 1, 1))  # before the history clamps to its first day
    assert model.state.selected_day == model.state.earliest


def test_selecting_a_day_lists_that_day(model: DashboardModel, source: FakeUsageSource) -> None:
    model.select_index(1)
    s = model.state
    day = date(2026, 6, 9)
    assert s.selected_day == day
    assert s.chart.selected_index == 1
    report = source.usage(day, day)
    assert [(r.key, r.seconds) for r in s.rows] == [(i.key, i.seconds) for i in report.items]
    assert s.selected_text.startswith("Tuesday 9 June 2026 · ")
    model.select_day(day)  # selecting again clears
    assert model.state.selected_day is None
    model.select_index(5)  # a future day cannot be selected
    assert model.state.selected_day is None


def test_switching_to_day_view_opens_the_selected_day(model: DashboardModel) -> None:
    model.select_index(0)
    model.open_selected_day()
    assert (model.state.period, model.state.start) == (Period.DAY, date(2026, 6, 8))
    model.set_period(Period.WEEK)
    assert model.state.start == date(2026, 6, 8)


@pytest.mark.parametrize("by", ["site", "category", "app"])
def test_group_switch_lists_that_grouping(
    model: DashboardModel, source: FakeUsageSource, by: GroupBy
) -> None:
    model.set_group_by(by)
    s = model.state
    report = source.usage(s.start, s.end, by=by)
    assert s.group_by == by
    assert [r.key for r in s.rows] == [i.key for i in report.items]
    # the chart and headline always show all use, whatever the list shows
    assert s.headline.value_seconds == pytest.approx(
        source.usage(s.start, s.end).daily_average_seconds)


def test_refresh_notifies_only_on_change_and_keeps_selection(
    model: DashboardModel, source: FakeUsageSource
) -> None:
    seen: list[DashboardState] = []
    model.subscribe(seen.append)
    model.select_index(1)
    seen.clear()
    assert model.refresh() is False
    assert seen == []
    source.add(TODAY, "firefox", datetime(2026, 6, 10, 23, 0), 120)
    assert model.refresh() is True
    assert len(seen) == 1
    assert seen[0].selected_day == date(2026, 6, 9)
    assert seen[0].headline.today_seconds > 0


def test_first_run_shows_the_live_total() -> None:
    src = FakeUsageSource(TODAY)
    model = DashboardModel(src, lambda: TODAY)
    assert model.state.first_run
    assert model.state.first_run_text == "Tracking has started — today so far: 0 s"
    src.add(TODAY, "firefox", datetime(2026, 6, 10, 9), 180)
    model.refresh()
    assert model.state.first_run_text == "Tracking has started — today so far: 3 min"
    live = DashboardModel(src, lambda: TODAY, today_total=lambda: 200.0)
    assert live.state.first_run_text.endswith("today so far: 3 min")


def test_limit_line_is_drawn_on_range_charts(model: DashboardModel) -> None:
    model.set_limit_line(7200)
    assert model.state.chart.limit_seconds == 7200
    model.set_period(Period.DAY)
    assert model.state.chart.limit_seconds is None


def test_rows_csv_round_trips(model: DashboardModel) -> None:
    text = rows_csv(model.state.rows)
    table = list(csv.reader(io.StringIO(text)))
    assert tuple(table[0]) == CSV_HEADER
    assert [r[1] for r in table[1:]] == [r.key for r in model.state.rows]
    assert float(table[1][3]) == pytest.approx(model.state.rows[0].seconds, abs=0.001)


def test_period_helpers() -> None:
    assert period_range(Period.WEEK, date(2026, 6, 14)) == (date(2026, 6, 8), date(2026, 6, 14))
    assert period_range(Period.WEEK, date(2026, 6, 14), week_start=6)[0] == date(2026, 6, 14)
    assert period_range(Period.MONTH, date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_range(Period.MONTH, date(2025, 12, 31))[1] == date(2025, 12, 31)
    assert shift(Period.MONTH, date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert shift(Period.MONTH, date(2026, 1, 15), -1) == date(2025, 12, 15)
    assert range_text(date(2026, 6, 29), date(2026, 7, 5)) == "29 June – 5 July 2026"
    assert range_text(date(2025, 12, 29), date(2026, 1, 4)) == "29 Dec 2025 – 4 Jan 2026"


def test_saves_within_the_shown_minute_do_not_redraw(
    model: DashboardModel, source: FakeUsageSource
) -> None:
    """The tracker saves every 5 s; the dashboard redraws only when a shown minute turns."""
    seen: list[DashboardState] = []
    model.subscribe(seen.append)
    start = datetime(2026, 6, 10, 22, 0)
    saves = 36  # three minutes of use, saved every 5 s
    for i in range(saves):
        source.add(TODAY, "firefox", start + timedelta(seconds=5 * i), 5)
        model.refresh()
    # Every save changed the seconds; only minute turns of a shown figure redraw.
    # Five figures turn about once a minute each (today, its bar's category, the
    # week's row and category, the average), each at its own moment: 12 saves a
    # minute used to be 12 redraws.
    assert 3 <= len(seen) <= 5 * 3 + 1
    # The snapshot is current even when nothing was redrawn.
    today_total = source.usage(TODAY, TODAY).total_seconds
    assert model.state.headline.today_seconds == pytest.approx(today_total)


def test_as_shown_keeps_texts_and_rounds_durations_down_to_the_minute() -> None:
    from wellbeing.ui.shown import as_shown

    row = Row(key="a", name="A", seconds=61.0, time_text="1 min", share=0.5, fill=0.25,
              category=None, color=None, icon=None)
    assert as_shown(row) == as_shown(replace(row, seconds=119.9, share=0.5002, fill=0.2502))
    assert as_shown(row) != as_shown(replace(row, seconds=120.0))
    assert as_shown(row) != as_shown(replace(row, time_text="2 min"))
    assert as_shown(row) != as_shown(replace(row, name="B"))
    assert as_shown((row,)) != as_shown((row, row))
