"""Both limit stores (SQLAlchemy and stdlib sqlite3) keep limits, downtime and events alike.

Every test of :class:`TestLimitStore` runs against ``LimitRepository`` and
``SqliteLimitStore`` on a SQLite file here, and against ``LimitRepository`` on
PostgreSQL in tests/integration/test_storage_postgres.py.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date

import pytest

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    FIREFOX,
    YOUTUBE,
    count_statements,
    new_device,
    open_sqlite3,
    piece,
    set_category,
)
from wellbeing.core.limits import (
    Downtime,
    Limit,
    LimitEvent,
    LimitTarget,
    PendingChange,
)
from wellbeing.services.limit_ports import LimitStore
from wellbeing.storage.db import Database
from wellbeing.storage.limits import LimitRepository
from wellbeing.storage.sqlite_limits import SqliteLimitStore
from wellbeing.storage.writer import UsageWriter

StoreFactory = Callable[[int], LimitStore]

INSTA = LimitTarget("site", "instagram.com")
FULL = Limit(
    INSTA,
    (600, 600, 600, 600, 600, 1800, None),
    mode="nag",
    locked_until=date(2026, 12, 31),
    cooling_off=True,
    pending=PendingChange((900,) * 7, "notify", 1_796_400_000_000, snooze_budget=3,
                          cooling_off=False),
    snooze_budget=1,
    warn_before_seconds=120,
    experiment_id=4,
)


class TestLimitStore:
    """Run for both stores; PostgreSQL reruns it with ``make_store`` overridden."""

    @pytest.fixture(params=["sqlalchemy", "sqlite3"])
    def make_store(self, request: pytest.FixtureRequest, db: Database) -> Iterator[StoreFactory]:
        if request.param == "sqlalchemy":
            yield lambda device: LimitRepository(db, device)
            return
        with contextlib.closing(open_sqlite3(db)) as conn:
            yield lambda device: SqliteLimitStore(conn, device)

    @pytest.fixture
    def device(self, db: Database) -> int:
        return new_device(db)

    def test_a_new_database_has_no_limits(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        assert store.limits() == []
        assert store.downtime() is None
        assert store.events(date(2020, 1, 1), date(2030, 1, 1)) == []
        assert store.revision() == 0

    def test_every_field_comes_back(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        saved = store.save_limit(FULL)
        assert saved.id is not None
        assert saved == replace(FULL, id=saved.id)
        assert store.limits() == [saved]

    def test_saving_a_target_again_replaces_its_limit(
        self, make_store: StoreFactory, device: int
    ) -> None:
        store = make_store(device)
        first = store.save_limit(FULL)
        second = store.save_limit(Limit(INSTA, (300,) * 7))
        assert second.id == first.id
        assert store.limits() == [second]
        assert second.pending is None
        assert second.locked_until is None

    def test_limits_come_in_target_order(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        for target in (LimitTarget("total"), INSTA, LimitTarget("app", "code"),
                       LimitTarget("category", "Social")):
            store.save_limit(Limit(target, (60,) * 7))
        assert [str(limit.target) for limit in store.limits()] == [
            "category:Social", "code", "instagram.com", "total"
        ]

    def test_remove(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        store.save_limit(FULL)
        store.record_event(LimitEvent(INSTA, "changed", DAY, 1, "set"))
        assert store.remove_limit(INSTA) is True
        assert store.remove_limit(INSTA) is False
        assert store.limits() == []
        assert len(store.events(DAY, DAY)) == 1  # the bypass log stays

    def test_the_revision_counts_changes_to_limits_and_downtime(
        self, make_store: StoreFactory, device: int
    ) -> None:
        store = make_store(device)
        seen = [store.revision()]
        store.save_limit(FULL)
        seen.append(store.revision())
        store.save_limit(replace(FULL, mode="block"))
        seen.append(store.revision())
        store.save_downtime(Downtime(23 * 60, 7 * 60))
        seen.append(store.revision())
        store.remove_limit(INSTA)
        seen.append(store.revision())
        assert seen == [0, 1, 2, 3, 4]
        store.record_event(LimitEvent(INSTA, "warned", DAY, 5))
        store.remove_limit(INSTA)  # nothing to remove
        assert store.revision() == 4

    def test_downtime(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        downtime = Downtime(
            23 * 60, 7 * 60, weekdays=frozenset({0, 1, 2, 3, 6}),
            always_allowed=frozenset({"org.gnome.Calculator", "category:Education"}),
            enabled=False,
        )
        store.save_downtime(downtime)
        assert store.downtime() == downtime
        store.save_downtime(Downtime(22 * 60, 6 * 60))
        assert store.downtime() == Downtime(22 * 60, 6 * 60)
        store.save_downtime(None)
        assert store.downtime() is None

    def test_events_of_a_range_oldest_first(self, make_store: StoreFactory, device: int) -> None:
        store = make_store(device)
        events = [
            LimitEvent(INSTA, "reached", date(2026, 12, 2), 2_000, ""),
            LimitEvent(None, "clock_jump", date(2026, 12, 3), 3_000, "-3600"),
            LimitEvent(INSTA, "snoozed", date(2026, 12, 3), 2_500, "15"),
            LimitEvent(LimitTarget("total"), "ignored", date(2026, 12, 5), 9_000),
        ]
        for event in events:
            store.record_event(event)
        assert store.events(date(2026, 12, 2), date(2026, 12, 4)) == [
            events[0], events[2], events[1]
        ]
        assert store.events(date(2026, 12, 5), date(2026, 12, 5)) == [events[3]]

    def test_limits_and_events_belong_to_their_device(
        self, make_store: StoreFactory, device: int, db: Database
    ) -> None:
        other = new_device(db, "laptop")
        make_store(device).save_limit(FULL)
        make_store(device).save_downtime(Downtime(0, 60))
        make_store(device).record_event(LimitEvent(INSTA, "warned", DAY, 1))
        theirs = make_store(other)
        assert theirs.limits() == []
        assert theirs.downtime() is None
        assert theirs.events(DAY, DAY) == []
        theirs.save_limit(Limit(INSTA, (60,) * 7))
        assert make_store(device).limits()[0].seconds_by_weekday == FULL.seconds_by_weekday

    def test_usage_of_a_day_from_every_device(
        self, make_store: StoreFactory, device: int, db: Database
    ) -> None:
        laptop = new_device(db, "laptop")
        UsageWriter(db, device).save([
            piece(FIREFOX, 9, 10),  # an hour of the browser without a site
            piece(YOUTUBE, 10, 10.5),  # half an hour of a site in it
            piece(CODE, 11, 13),
            piece(CODE, 9, 10, day=date(2026, 3, 11)),  # another day
        ])
        UsageWriter(db, laptop).save([piece(YOUTUBE, 14, 14.25)])
        set_category(db, site="youtube.com", category="Video")
        set_category(db, app="firefox", category="Browsing")
        usage = make_store(device).usage_on(DAY)
        assert usage.by_app == pytest.approx({"firefox": 6300.0, "code": 7200.0})
        assert usage.by_site == pytest.approx({"youtube.com": 2700.0})
        assert usage.by_category == pytest.approx(
            {"Video": 2700.0, "Browsing": 3600.0, "Other": 7200.0}
        )
        assert usage.total == pytest.approx(13500.0)
        assert make_store(device).usage_on(date(2026, 3, 12)).total == 0.0
        mine, theirs = make_store(device).usage_on(DAY, "this"), make_store(device).usage_on(
            DAY, "others")
        assert mine.total == pytest.approx(13500.0 - 900.0)
        assert theirs.by_site == pytest.approx({"youtube.com": 900.0})
        assert theirs.total == pytest.approx(900.0)
        assert make_store(laptop).usage_on(DAY, "others").total == pytest.approx(12600.0)

    def test_a_limit_on_an_app_without_use_is_kept(
        self, make_store: StoreFactory, device: int
    ) -> None:
        store = make_store(device)
        store.save_limit(Limit(LimitTarget("app", "never-used"), (None,) * 6 + (60,)))
        assert store.limits()[0].seconds_on(date(2026, 12, 6)) == 60  # a Sunday


class TestSharedRows:
    """The two stores on one SQLite file see each other's writes (SQLite only)."""

    def test_each_reads_what_the_other_wrote(self, db: Database) -> None:
        device = new_device(db)
        with contextlib.closing(open_sqlite3(db)) as conn:
            lean, full = SqliteLimitStore(conn, device), LimitRepository(db, device)
            saved = lean.save_limit(FULL)
            assert full.limits() == [saved]
            full.save_limit(Limit(LimitTarget("total"), (7200,) * 7))
            assert lean.limits() == full.limits()
            full.record_event(LimitEvent(INSTA, "snoozed", DAY, 1, "15"))
            lean.record_event(LimitEvent(INSTA, "ignored", DAY, 2))
            assert lean.events(DAY, DAY) == full.events(DAY, DAY)
            lean.save_downtime(Downtime(60, 120))
            assert full.downtime() == Downtime(60, 120)
            assert lean.revision() == full.revision() == 3

    def test_the_revision_is_one_primary_key_read(self, db: Database) -> None:
        store = LimitRepository(db, new_device(db))
        with count_statements(db.engine) as counter:
            store.revision()
        assert len(counter.statements) == 1
        with db.engine.connect() as conn:
            plan = conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + counter.statements[0], ("limits_revision",)
            ).all()
        assert [row[-1] for row in plan] == ["SEARCH meta USING INDEX sqlite_autoindex_meta_1 "
                                             "(key=?)"]

    def test_a_failed_write_changes_nothing(self, db: Database) -> None:
        device = new_device(db)
        with contextlib.closing(open_sqlite3(db)) as conn:
            store = SqliteLimitStore(conn, device)
            store.save_limit(FULL)
            bad = replace(FULL, target=LimitTarget("total"), seconds_by_weekday=(1,) * 6)
            with pytest.raises(ValueError, match="7 weekdays"):
                store.save_limit(bad)
            assert not conn.in_transaction
            assert store.limits() == [replace(FULL, id=store.limits()[0].id)]
            assert store.revision() == 1


def test_the_lean_store_leaves_sqlalchemy_out() -> None:
    code = (
        "import sys, wellbeing.storage.sqlite_limits\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy was imported'\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr

