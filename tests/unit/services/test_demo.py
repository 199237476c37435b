"""The synthetic history: deterministic, plausible, split at days, written through storage."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest

from wellbeing.core.activity import Interval
from wellbeing.core.days import local_date_of, split_at_days
from wellbeing.paths import Paths
from wellbeing.services import demo

END = date(2026, 3, 1)  # a Sunday
WORK = {"code", "org.gnome.Terminal", "slack", "thunderbird", "libreoffice-writer", "zoom"}
FUN = {"vlc", "mpv", "steam", "minecraft-launcher", "discord"}
FUN_SITES = {"youtube.com", "netflix.com", "twitch.tv", "tiktok.com", "instagram.com"}


def _history(days: int = 28, seed: int = 7, **kwargs: int) -> list[Interval]:
    return list(demo.generate(days, seed, end=END, **kwargs))


def _facts(intervals: list[Interval]) -> list[tuple[object, ...]]:
    return [(i.focus, i.start_ms, i.end_ms, i.local_date) for i in intervals]


def test_same_seed_same_history_other_seed_other_history() -> None:
    assert _history(seed=3) == _history(seed=3)
    assert _facts(_history(seed=3)) != _facts(_history(seed=4))


def test_a_date_looks_the_same_whatever_the_length_of_history() -> None:
    long, short = _history(days=20), _history(days=5)
    tail = [i for i in long if i.local_date > END - timedelta(days=5)]
    assert _facts(tail) == _facts(short)


def test_nothing_outside_the_requested_dates_even_with_an_early_day_start() -> None:
    intervals = _history(days=28, day_start_hour=0)
    assert {i.local_date for i in intervals} == {END - timedelta(days=n) for n in range(28)}


def test_no_days_no_intervals_and_negative_days_refused() -> None:
    assert _history(days=0) == []
    with pytest.raises(ValueError, match="days"):
        _history(days=-1)


def test_pieces_are_ordered_disjoint_non_empty_and_inside_their_day() -> None:
    intervals = _history(days=28, day_start_hour=0)
    for before, after in zip(intervals, intervals[1:], strict=False):
        assert before.end_ms <= after.start_ms
    for i in intervals:
        assert i.start_ms < i.end_ms
        assert split_at_days(i.start_ms, i.end_ms, 0, 0) == [(i.start_ms, i.end_ms, i.local_date)]


def test_a_run_across_midnight_is_split_and_its_pieces_share_the_segment() -> None:
    intervals = _history(days=28, day_start_hour=0)
    by_segment: defaultdict[int, list[Interval]] = defaultdict(list)
    for i in intervals:
        by_segment[i.segment].append(i)
    split = [pieces for pieces in by_segment.values() if len(pieces) > 1]
    assert split, "late nights should cross midnight at least once in four weeks"
    for first, second in split:
        assert first.end_ms == second.start_ms
        assert first.focus == second.focus
        assert second.local_date == first.local_date + timedelta(days=1)
        assert first.end_ms % 86_400_000 == 0  # UTC midnight (offset 0, day start 00:00)


def test_each_run_has_its_own_segment_with_the_default_day_start() -> None:
    intervals = _history(days=14)
    assert len({i.segment for i in intervals}) >= len(intervals) - 3
    for before, after in zip(intervals, intervals[1:], strict=False):
        if before.end_ms == after.start_ms:
            assert before.focus != after.focus or before.segment == after.segment


def test_the_utc_offset_moves_the_same_local_days() -> None:
    utc = _history(days=7)
    east = _history(days=7, utc_offset_min=120)
    assert [i.focus for i in east] == [i.focus for i in utc]
    assert [i.start_ms + 2 * 3_600_000 for i in east] == [i.start_ms for i in utc]
    assert [i.local_date for i in east] == [i.local_date for i in utc]
    assert all(local_date_of(i.start_ms, 120, 4) == i.local_date for i in east)


def test_a_few_hundred_switches_and_hours_of_use_a_day() -> None:
    intervals = _history(days=28)
    switches = Counter(i.local_date for i in intervals)
    hours: defaultdict[date, float] = defaultdict(float)
    for i in intervals:
        hours[i.local_date] += i.seconds / 3600
    assert all(100 <= n <= 900 for n in switches.values()), switches
    assert all(3 <= h <= 14 for h in hours.values()), hours


def test_weekdays_are_for_work_and_weekends_for_fun() -> None:
    share: dict[bool, defaultdict[str, float]] = {b: defaultdict(float) for b in (True, False)}
    for i in _history(days=28):
        is_weekend = i.local_date.weekday() >= 5
        kind = "work" if i.focus.app_key in WORK else "other"
        if i.focus.app_key in FUN or i.focus.site in FUN_SITES:
            kind = "fun"
        share[is_weekend][kind] += i.seconds
        share[is_weekend]["all"] += i.seconds
    weekday, weekend = share[False], share[True]
    assert weekday["work"] / weekday["all"] > 2 * weekend["work"] / weekend["all"]
    assert weekend["fun"] / weekend["all"] > 1.5 * weekday["fun"] / weekday["all"]


def test_about_thirty_apps_and_sites_only_in_browsers() -> None:
    intervals = _history(days=28)
    apps = {i.focus.app_key for i in intervals}
    assert len(apps) >= 25
    assert {"firefox", "chromium", "google-chrome"} <= apps
    sites = {i.focus.site for i in intervals if i.focus.site}
    assert {"instagram.com", "youtube.com", "reddit.com", "x.com", "facebook.com"} <= sites
    assert all(i.focus.app_key in demo.BROWSERS for i in intervals if i.focus.site)
    browser = [i for i in intervals if i.focus.app_key in demo.BROWSERS]
    with_site = sum(i.seconds for i in browser if i.focus.site)
    assert 0.3 < with_site / sum(i.seconds for i in browser) < 0.95
    assert all(i.focus.app_name == demo.APPS[i.focus.app_key].name for i in intervals)


def test_weekdays_have_a_lunch_break_and_nights_are_empty() -> None:
    intervals = _history(days=28)
    by_day: defaultdict[date, list[Interval]] = defaultdict(list)
    for i in intervals:
        by_day[i.local_date].append(i)
    for day, pieces in by_day.items():
        midnight = (day - date(1970, 1, 1)).days * 86_400_000
        starts = [(i.start_ms - midnight) / 3_600_000 for i in pieces]
        # Before waking (07:00) only the tail of a weekend's late night, over by 05:00.
        early = [s for s in starts if s < 7.0]
        assert all(4.0 <= s < 5.0 for s in early)
        assert not early or day.weekday() in (6, 0)
        if day.weekday() < 5:
            gaps = [
                (b.start_ms - a.end_ms) / 60_000
                for a, b in zip(pieces, pieces[1:], strict=False)
                if 11.5 <= (a.end_ms - midnight) / 3_600_000 <= 14.5
            ]
            assert max(gaps) >= 29, f"no lunch break on {day}"


def test_fill_writes_the_generated_history_through_storage(tmp_path: Path) -> None:
    from wellbeing.storage.db import Database
    from wellbeing.storage.queries import UsageQueries

    with Database.open(None, Paths(tmp_path / "data")) as db:
        device = db.device_id(name="demo", platform="linux")
        written = demo.fill(db, device, days=10, seed=5, end=END, utc_offset_min=60)
        expected = list(demo.generate(10, 5, end=END, utc_offset_min=60))
        assert written == len(expected)
        report = UsageQueries(db).usage(END - timedelta(days=9), END, by="app")
    totals: defaultdict[str, float] = defaultdict(float)
    for i in expected:
        totals[i.focus.app_key] += i.seconds
    assert {item.key: round(item.seconds, 3) for item in report.items} == {
        key: round(seconds, 3) for key, seconds in totals.items()
    }
    assert report.total_seconds == pytest.approx(sum(i.seconds for i in expected))
