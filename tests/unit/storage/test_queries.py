from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    FIREFOX,
    TERMINAL,
    YOUTUBE,
    count_statements,
    new_device,
    piece,
    set_category,
    synthetic_days,
)
from wellbeing.errors import UsageError
from wellbeing.storage.db import Database
from wellbeing.storage.queries import AppInfo, GroupBy, UsageItem, UsageQueries
from wellbeing.storage.writer import UsageWriter

D1, D2, D3 = DAY, DAY + timedelta(days=1), DAY + timedelta(days=2)
PLUS_ONE = timezone(timedelta(hours=1))


def hand_made(db: Database) -> int:
    """Two days of use (and an empty third), categories for code and youtube.com."""
    device = new_device(db)
    UsageWriter(db, device).bulk_insert([
        piece(YOUTUBE, 9, 9.5, day=D1),
        piece(FIREFOX, 9.5, 10, day=D1),
        piece(CODE, 10, 11 + 10 / 60, day=D1),
        piece(TERMINAL, 12, 12 + 10 / 60, day=D1),
        piece(YOUTUBE, 20, 20 + 10 / 60, day=D2),
        piece(CODE, 21, 21 + 50 / 60, day=D2),
    ])
    set_category(db, app="code", category="Work", color="#0000ff")
    set_category(db, site="youtube.com", category="Entertainment", color="#ff0000")
    return device


def queries(db: Database, today: date = D3) -> UsageQueries:
    return UsageQueries(db, today=lambda: today)


def pairs(items: list[UsageItem]) -> list[tuple[str, float]]:
    return [(i.key, i.seconds) for i in items]


class TestQueries:
    """Run on SQLite here and on PostgreSQL by tests/integration/test_storage_postgres.py."""

    def test_report_json_for_one_day(self, db: Database) -> None:
        hand_made(db)
        assert queries(db).usage(D1, D1).to_json() == {
            "from": "2026-03-10",
            "to": "2026-03-10",
            "by": "app",
            "total_seconds": 8400.0,
            "daily_average_seconds": 8400.0,
            "days": [
                {
                    "date": "2026-03-10",
                    "total_seconds": 8400.0,
                    "items": [
                        {"key": "code", "name": "Visual Studio Code", "seconds": 4200.0,
                         "category": "Work"},
                        {"key": "firefox", "name": "Firefox", "seconds": 3600.0},
                        {"key": "xterm", "name": "XTerm", "seconds": 600.0},
                    ],
                }
            ],
            "items": [
                {"key": "code", "name": "Visual Studio Code", "seconds": 4200.0,
                 "category": "Work"},
                {"key": "firefox", "name": "Firefox", "seconds": 3600.0},
                {"key": "xterm", "name": "XTerm", "seconds": 600.0},
            ],
        }

    def test_by_app_over_days_with_an_empty_day(self, db: Database) -> None:
        hand_made(db)
        report = queries(db).usage(D1, D3)
        assert [d.date for d in report.days] == [D1, D2, D3]
        assert [d.total_seconds for d in report.days] == [8400.0, 3600.0, 0.0]
        assert report.days[2].items == []
        assert pairs(report.days[1].items) == [("code", 3000.0), ("firefox", 600.0)]
        assert pairs(report.items) == [("code", 7200.0), ("firefox", 4200.0), ("xterm", 600.0)]
        assert report.items[0] == UsageItem("code", "Visual Studio Code", 7200.0, "Work",
                                            "#0000ff")
        assert report.total_seconds == 12000.0

    def test_daily_average_counts_days_from_first_use_until_today(self, db: Database) -> None:
        hand_made(db)
        assert queries(db, today=D3).usage(D1, D3).daily_average_seconds == 4000.0
        assert queries(db, today=D2).usage(D1, D3).daily_average_seconds == 6000.0
        # days before the first use ever are not counted
        week = queries(db, today=D3).usage(D1 - timedelta(days=4), D3)
        assert week.daily_average_seconds == 4000.0
        assert len(week.days) == 7
        # a range entirely in the future still divides by at least 1
        future = queries(db, today=D1 - timedelta(days=10)).usage(D1, D1)
        assert future.daily_average_seconds == 8400.0

    def test_by_site_lists_sites_and_other_browser_use(self, db: Database) -> None:
        hand_made(db)
        report = queries(db).usage(D1, D3, by="site")
        assert pairs(report.items) == [("youtube.com", 2400.0), ("other:firefox", 1800.0)]
        assert report.items[0].category == "Entertainment"
        assert report.items[1].name == "Other browsing (Firefox)"
        assert pairs(report.days[0].items) == [("other:firefox", 1800.0), ("youtube.com", 1800.0)]
        assert report.total_seconds == 4200.0
        # in a range where firefox shows no site, its use is not listed as a site
        assert queries(db).usage(D2, D2, by="site").items == [
            UsageItem("youtube.com", "youtube.com", 600.0, "Entertainment", "#ff0000")
        ]

    def test_by_category(self, db: Database) -> None:
        hand_made(db)
        report = queries(db).usage(D1, D3, by="category")
        assert pairs(report.items) == [
            ("Work", 7200.0), ("Entertainment", 2400.0), ("other", 2400.0)
        ]
        assert report.items[2].name == "Other"
        assert report.items[0].color == "#0000ff"
        assert report.total_seconds == 12000.0

    def test_devices(self, db: Database) -> None:
        first = hand_made(db)
        second = new_device(db, "laptop")
        UsageWriter(db, second).save([piece(TERMINAL, 9, 10, day=D1)])
        q = queries(db)
        assert q.usage(D1, D1).total_seconds == 8400.0 + 3600.0
        assert q.usage(D1, D1, device_id=first).total_seconds == 8400.0
        assert q.usage(D1, D1, device_id=second).total_seconds == 3600.0

    def test_hourly_starts_at_the_day_start_hour(self, db: Database) -> None:
        hand_made(db)
        hours = queries(db).hourly(D1)
        assert [h.hour for h in hours] == [*range(4, 24), 0, 1, 2, 3]
        by_hour = {h.hour: pairs(h.items) for h in hours if h.items}
        assert by_hour == {
            9: [("firefox", 3600.0)],
            10: [("code", 3600.0)],
            11: [("code", 600.0)],
            12: [("xterm", 600.0)],
        }
        assert sum(h.total_seconds for h in hours) == 8400.0
        site_hours = queries(db).hourly(D1, by="site")
        assert pairs(site_hours[5].items) == [("other:firefox", 1800.0), ("youtube.com", 1800.0)]

    def test_hourly_uses_each_pieces_own_offset_and_late_night(self, db: Database) -> None:
        device = new_device(db)
        UsageWriter(db, device).bulk_insert([
            piece(CODE, 9, 10, offset_min=60),
            piece(TERMINAL, 9, 9.5, offset_min=120),  # after a DST change: still 09:xx local
            piece(FIREFOX, 25.5, 26, segment=1),  # 01:30-02:00 after midnight, same local day
        ])
        hours = {h.hour: h for h in queries(db).hourly(DAY)}
        assert hours[9].total_seconds == 5400.0
        assert pairs(hours[1].items) == [("firefox", 1800.0)]
        assert [h.hour for h in queries(db).hourly(DAY)].index(1) == 21

    def test_day_facts(self, db: Database) -> None:
        hand_made(db)
        facts = queries(db).day_facts(D1)
        assert facts.first_use == datetime(2026, 3, 10, 9, 0, tzinfo=PLUS_ONE)
        assert facts.last_use == datetime(2026, 3, 10, 12, 10, tzinfo=PLUS_ONE)
        assert facts.longest_stretch_seconds == 7800.0  # 09:00-11:10 across three apps
        empty = queries(db).day_facts(D3)
        assert (empty.first_use, empty.last_use, empty.longest_stretch_seconds) == (None, None, 0)

    def test_longest_stretch_bridges_only_tiny_gaps(self, db: Database) -> None:
        device = new_device(db)
        second = 1 / 3600
        UsageWriter(db, device).bulk_insert([
            piece(CODE, 9, 10),
            piece(TERMINAL, 10 + 0.5 * second, 11),  # half a second later: same stretch
            piece(CODE, 11 + 5 * second, 13),  # five seconds later: a new stretch
        ])
        facts = queries(db).day_facts(DAY)
        assert facts.longest_stretch_seconds == pytest.approx(7200.0 - 0.5)

    def test_first_date_and_apps(self, db: Database) -> None:
        assert queries(db).first_date() is None
        hand_made(db)
        assert queries(db).first_date() == D1
        assert queries(db).apps() == [
            AppInfo("firefox", "Firefox", None),
            AppInfo("code", "Visual Studio Code", "Work"),
            AppInfo("xterm", "XTerm", None),
        ]

    def test_reversed_range_is_a_usage_error(self, db: Database) -> None:
        with pytest.raises(UsageError):
            queries(db).usage(D2, D1)

    def test_query_count_does_not_grow_with_the_range(self, db: Database) -> None:
        device = new_device(db)
        data = synthetic_days(date(2026, 1, 1), 35, switches_per_day=60)
        UsageWriter(db, device).bulk_insert(data.pieces)
        q = queries(db, today=date(2026, 12, 31))
        counts = {}
        for label, start, end in (("day", date(2026, 1, 3), date(2026, 1, 3)),
                                  ("month", date(2026, 1, 1), date(2026, 2, 4)),
                                  ("year", date(2026, 1, 1), date(2026, 12, 31))):
            by: GroupBy
            for by in ("app", "site", "category"):
                with count_statements(db.engine) as counter:
                    q.usage(start, end, by=by)
                counts[(label, by)] = counter.count
        assert set(counts.values()) == {3}  # usage rows, names, first date
        for call, expected in ((lambda: q.hourly(date(2026, 1, 3)), 2),
                               (lambda: q.day_facts(date(2026, 1, 3)), 1),
                               (q.first_date, 1), (q.apps, 1)):
            with count_statements(db.engine) as counter:
                call()
            assert counter.count == expected
        report = q.usage(date(2026, 1, 1), date(2026, 12, 31))
        assert {i.key: i.seconds for i in report.items} == pytest.approx(data.totals)
        assert report.daily_average_seconds == pytest.approx(sum(data.totals.values()) / 365)


@pytest.mark.parametrize("by", ["app", "site", "category"])
def test_totals_without_per_day_items_equal_the_full_report(db: Database, by: GroupBy) -> None:
    device = new_device(db)
    data = synthetic_days(date(2026, 1, 1), 20, switches_per_day=40)
    UsageWriter(db, device).bulk_insert(data.pieces)
    set_category(db, app="app01", category="Work", color="#0000ff")
    q = queries(db, today=date(2026, 1, 15))
    full = q.usage(date(2026, 1, 1), date(2026, 1, 31), by=by)
    with count_statements(db.engine) as counter:
        lean = q.usage(date(2026, 1, 1), date(2026, 1, 31), by=by, per_day_items=False)
    assert counter.count <= 4
    assert [i.key for i in lean.items] == [i.key for i in full.items]
    assert [i.seconds for i in lean.items] == pytest.approx([i.seconds for i in full.items])
    assert [d.total_seconds for d in lean.days] == pytest.approx(
        [d.total_seconds for d in full.days]
    )
    assert all(d.items == [] for d in lean.days)
    assert lean.total_seconds == pytest.approx(full.total_seconds)
    assert lean.daily_average_seconds == pytest.approx(full.daily_average_seconds)
