"""The usage writers: ``storage.writer.UsageWriter`` and, where the save path is shared,
``storage.sqlite_writer.SqliteUsageWriter`` (the ``make_writer`` fixture runs those tests
with each; the sqlite3 one is skipped on a database that is not a SQLite file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    FIREFOX,
    FOCUSES,
    TERMINAL,
    TRACKER_STEPS,
    YOUTUBE,
    Sink,
    StatementCounter,
    TrackerSimulation,
    assert_same_usage,
    count_sqlite3_statements,
    count_statements,
    daily_usage,
    interval_sums,
    local_ms,
    new_device,
    open_sqlite3,
    piece,
)
from wellbeing.core.activity import Focus
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.db import Database
from wellbeing.storage.models import App, Site, WindowTitle
from wellbeing.storage.models import Interval as IntervalRow
from wellbeing.storage.pieces import MAX_TITLE_LENGTH, NewNamesHook
from wellbeing.storage.rollup import add_daily_seconds
from wellbeing.storage.sqlite_writer import SqliteUsageWriter
from wellbeing.storage.writer import UsageWriter

NEXT_DAY = DAY + timedelta(days=1)


def rows(db: Database, device_id: int) -> list[tuple[Any, ...]]:
    stmt = (
        select(IntervalRow.start_ms, IntervalRow.end_ms, IntervalRow.local_date, App.key)
        .join(App, App.id == IntervalRow.app_id)
        .where(IntervalRow.device_id == device_id)
        .order_by(IntervalRow.start_ms, IntervalRow.local_date)
    )
    with db.transaction() as conn:
        return [tuple(r) for r in conn.execute(stmt)]


class WriterFactory:
    """Makes writers of one kind on the test database and counts the statements they send."""

    def __init__(
        self,
        kind: str,
        make: Callable[[int, NewNamesHook | None], Sink],
        counting: Callable[[], AbstractContextManager[StatementCounter]],
    ) -> None:
        self.kind = kind
        self._make = make
        self._counting = counting

    def __call__(self, device_id: int, *, on_new_names: NewNamesHook | None = None) -> Sink:
        return self._make(device_id, on_new_names)

    def count_statements(self) -> AbstractContextManager[StatementCounter]:
        """Count statements sent in the block (an executemany of one row counts once)."""
        return self._counting()


class TestWriter:
    """Run on SQLite here and on PostgreSQL by tests/integration/test_storage_postgres.py."""

    @pytest.fixture(params=["sqlalchemy", "sqlite3"])
    def make_writer(self, request: pytest.FixtureRequest, db: Database) -> Iterator[WriterFactory]:
        """UsageWriter, or SqliteUsageWriter on its own sqlite3 connection to the same file."""
        if request.param == "sqlalchemy":
            yield WriterFactory(
                "sqlalchemy",
                lambda device, hook: UsageWriter(db, device, on_new_names=hook),
                lambda: count_statements(db.engine),
            )
            return
        assert db.dialect == "sqlite", "PostgreSQL runs override make_writer"
        conn = open_sqlite3(db)
        try:
            yield WriterFactory(
                "sqlite3",
                lambda device, hook: SqliteUsageWriter(conn, device, on_new_names=hook),
                lambda: count_sqlite3_statements(conn),
            )
        finally:
            conn.close()

    def test_running_flushes_update_one_row(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        for minutes in (0, 1, 5, 20):
            writer.save([], [piece(CODE, 9, 9 + minutes / 60)])
        assert rows(db, device) == [(local_ms(DAY, 9), local_ms(DAY, 9 + 20 / 60), DAY, "code")]
        assert daily_usage(db, device) == {(DAY, "code", None): 1200.0}

    def test_finishing_then_starting_the_next(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        writer.save([], [piece(CODE, 9, 9.5, segment=0)])
        writer.save([piece(CODE, 9, 10, segment=0)], [piece(YOUTUBE, 10, 10, segment=1)])
        writer.save([], [piece(YOUTUBE, 10, 10.25, segment=1)])
        writer.save([piece(YOUTUBE, 10, 10.5, segment=1)])
        assert len(rows(db, device)) == 2
        assert daily_usage(db, device) == {
            (DAY, "code", None): 3600.0,
            (DAY, "firefox", "youtube.com"): 1800.0,
        }

    def test_pieces_across_a_day_boundary(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        evening = piece(FIREFOX, 27.5, 28, segment=3)  # 03:30-04:00 next morning, still DAY
        writer.save([], [evening])
        morning = piece(FIREFOX, 4, 4.25, day=NEXT_DAY, segment=3)
        writer.save([], [evening, morning])
        writer.save([evening, piece(FIREFOX, 4, 4.5, day=NEXT_DAY, segment=3)])
        assert [r[2] for r in rows(db, device)] == [DAY, NEXT_DAY]
        assert daily_usage(db, device) == {
            (DAY, "firefox", None): 1800.0,
            (NEXT_DAY, "firefox", None): 1800.0,
        }

    def test_a_piece_that_shrinks_or_changes_app_moves_its_seconds(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        writer.save([], [piece(CODE, 9, 10)])
        writer.save([piece(TERMINAL, 9, 9.5)])  # same segment and day: corrected
        assert daily_usage(db, device) == {(DAY, "xterm", None): 1800.0}
        assert_same_usage(daily_usage(db, device), interval_sums(db, device))

    def test_provisional_pieces_not_sent_again_are_retracted(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        writer.save([], [piece(CODE, 9, 9.5, segment=0)])
        # an idle cut fell before segment 0 started: it is neither running nor finished
        writer.save([], [piece(TERMINAL, 9.75, 10, segment=1)])
        assert rows(db, device) == [(local_ms(DAY, 9.75), local_ms(DAY, 10), DAY, "xterm")]
        assert daily_usage(db, device) == {(DAY, "xterm", None): 900.0}
        writer.save([], [])  # nothing runs any more, nothing was final
        assert rows(db, device) == []
        assert daily_usage(db, device) == {}

    def test_final_piece_with_nothing_left_removes_its_row(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        writer.save([], [piece(CODE, 9, 9.5, segment=0)])
        writer.save([piece(CODE, 9, 9, segment=0)])
        assert rows(db, device) == []
        assert daily_usage(db, device) == {}

    def test_steady_state_flush_is_two_statements(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        writer.save([], [piece(YOUTUBE, 9, 9.01)])
        with make_writer.count_statements() as counter:
            writer.save([], [piece(YOUTUBE, 9, 9.02)])
        assert counter.count == 2, counter.statements  # UPDATE interval + upsert daily_usage
        with make_writer.count_statements() as counter:
            writer.save([piece(YOUTUBE, 9, 9.03)], [piece(FIREFOX, 9.03, 9.04, segment=1)])
        # update finished + insert running (known app, no lookups) + upsert of two rows,
        # one executemany (SQLAlchemy counts it once; sqlite3 traces each row's run)
        upserts = 1 if make_writer.kind == "sqlalchemy" else 2
        assert counter.count == 2 + upserts, counter.statements

    def test_known_names_are_not_looked_up_again(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        make_writer(device).save([piece(CODE, 8, 9)])
        writer = make_writer(device)
        with make_writer.count_statements() as counter:
            writer.save([piece(CODE, 9, 10, segment=1)])
        looked_up = counter.count
        with make_writer.count_statements() as counter:
            writer.save([piece(CODE, 10, 11, segment=2)])
        assert counter.count == looked_up - 1 == 2
        with db.transaction() as conn:
            assert conn.scalar(select(func.count()).select_from(App)) == 1

    def test_restart_starts_new_rows_even_with_reused_segments(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        before = make_writer(device)
        before.save([], [piece(CODE, 9, 9.5, segment=0)])
        del before  # the process died; its running piece stays as last flushed
        after = make_writer(device)
        after.save([], [piece(TERMINAL, 11, 11.25, segment=0)])
        after.save([], [piece(TERMINAL, 11, 11.5, segment=0)])
        assert len(rows(db, device)) == 2
        assert daily_usage(db, device) == {
            (DAY, "code", None): 1800.0,
            (DAY, "xterm", None): 1800.0,
        }

    def test_a_start_already_taken_is_stored_a_millisecond_later(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        # The wall clock was set back: a new run starts in the very millisecond an
        # earlier piece of the same day started (the rows' key is device, day, start).
        device = new_device(db)
        make_writer(device).save([piece(CODE, 9, 10)])
        writer = make_writer(device)
        writer.save([piece(FIREFOX, 9, 9.5, segment=3)], [piece(TERMINAL, 9, 9.25, segment=4)])
        writer.save([], [piece(TERMINAL, 9, 9.5, segment=4)])  # the moved row grows
        start = local_ms(DAY, 9)
        assert rows(db, device) == [
            (start, local_ms(DAY, 10), DAY, "code"),
            (start + 1, local_ms(DAY, 9.5), DAY, "firefox"),
            (start + 2, local_ms(DAY, 9.5), DAY, "xterm"),
        ]
        assert daily_usage(db, device) == {
            (DAY, "code", None): 3600.0,
            (DAY, "firefox", None): pytest.approx(1799.999),
            (DAY, "xterm", None): pytest.approx(1799.998),
        }
        writer.save([piece(TERMINAL, 9, 9, segment=4)])  # retracted: the moved row goes
        assert [r[3] for r in rows(db, device)] == ["code", "firefox"]
        assert (DAY, "xterm", None) not in daily_usage(db, device)  # its seconds are gone

    def test_failed_save_changes_nothing_and_can_be_retried(self, db: Database) -> None:
        device = new_device(db)
        writer = UsageWriter(db, device)
        writer.save([], [piece(CODE, 9, 9.5)])

        def fail(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if "daily_usage" in statement:
                raise OperationalError(statement, None, Exception("disk I/O error"))

        event.listen(db.engine, "before_cursor_execute", fail)
        try:
            with pytest.raises(StorageUnavailable, match="disk I/O error"):
                writer.save([piece(CODE, 9, 10)], [piece(YOUTUBE, 10, 10.5, segment=1)])
        finally:
            event.remove(db.engine, "before_cursor_execute", fail)
        assert daily_usage(db, device) == {(DAY, "code", None): 1800.0}
        with db.transaction() as conn:  # the site created in the failed save is gone
            assert conn.scalar(select(func.count()).select_from(Site)) == 0
        writer.save([piece(CODE, 9, 10)], [piece(YOUTUBE, 10, 10.5, segment=1)])
        writer.save([], [piece(YOUTUBE, 10, 11, segment=1)])
        assert daily_usage(db, device) == {
            (DAY, "code", None): 3600.0,
            (DAY, "firefox", "youtube.com"): 3600.0,
        }
        assert len(rows(db, device)) == 2

    def test_devices_are_kept_apart(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        one, two = new_device(db, "one"), new_device(db, "two")
        make_writer(one).save([piece(CODE, 9, 10)])
        make_writer(two).save([piece(CODE, 9, 9.5)])
        assert daily_usage(db, one) == {(DAY, "code", None): 3600.0}
        assert daily_usage(db, two) == {(DAY, "code", None): 1800.0}

    def test_bulk_insert_keeps_the_roll_up(self, db: Database) -> None:
        device = new_device(db)
        writer = UsageWriter(db, device)
        pieces = [piece(CODE if n % 2 else YOUTUBE, 8 + n / 10, 8.05 + n / 10, segment=n)
                  for n in range(100)]
        with count_statements(db.engine) as counter:
            assert writer.bulk_insert(pieces) == 100
        # 3 new names x (find, insert, find again) + one executemany + one upsert: not per row
        assert counter.count == 3 * 3 + 2
        expected = {(DAY, "code", None): 9000.0, (DAY, "firefox", "youtube.com"): 9000.0}
        assert_same_usage(daily_usage(db, device), expected)
        assert_same_usage(interval_sums(db, device), expected)

    def test_rebuild_equals_the_incremental_roll_up(self, db: Database) -> None:
        device = new_device(db)
        other = new_device(db, "other")
        writer = UsageWriter(db, device)
        UsageWriter(db, other).save([piece(TERMINAL, 1, 2)])
        for n in range(30):
            writer.save([], [piece(YOUTUBE, 9, 9 + n / 37, segment=7)])
        writer.save([piece(YOUTUBE, 9, 9.9, segment=7)], [piece(CODE, 9.9, 10.3, segment=8)])
        incremental = daily_usage(db, device)
        writer.rebuild_daily_usage()
        assert_same_usage(daily_usage(db, device), incremental)
        assert daily_usage(db, other) == {(DAY, "xterm", None): 3600.0}

    def test_backwards_piece_is_refused(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        with pytest.raises(ValueError, match="ends before"):
            writer.save([piece(CODE, 10, 9)])
        with pytest.raises(ValueError, match="ends before"):  # a running one too
            writer.save([piece(CODE, 9, 10)], [piece(CODE, 10, 9, segment=1)])
        assert rows(db, device) == []

    def test_portable_upsert_matches_the_native_one(self, db: Database) -> None:
        native, portable = new_device(db), new_device(db)
        writer = UsageWriter(db, native)
        writer.save([piece(YOUTUBE, 1, 1)])  # creates the app and the site rows
        with db.transaction() as conn:
            app_id = conn.execute(select(App.id)).scalar_one()
            site_id = conn.execute(select(Site.id)).scalar_one()
        deltas = {(DAY, app_id, None): 1500, (DAY, app_id, site_id): 2500,
                  (NEXT_DAY, app_id, None): 0}
        for device, native_flag in ((native, True), (portable, False)):
            with db.transaction() as conn:
                add_daily_seconds(conn, device, deltas, native=native_flag)
                add_daily_seconds(conn, device, deltas, native=native_flag)
        assert daily_usage(db, native) == daily_usage(db, portable) == {
            (DAY, "firefox", None): 3.0,
            (DAY, "firefox", "youtube.com"): 5.0,
        }

    def test_new_names_are_announced_after_the_commit(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        announced: list[tuple[list[str], list[str]]] = []

        def on_new_names(apps: Sequence[str], sites: Sequence[str]) -> None:
            assert daily_usage(db, device), "called before the rows were committed"
            announced.append((list(apps), list(sites)))
            raise RuntimeError("labelling broke")  # must not lose the save

        writer = make_writer(device, on_new_names=on_new_names)
        writer.save([piece(YOUTUBE, 9, 10), piece(CODE, 10, 11, segment=1)])
        writer.save([piece(FIREFOX, 11, 12, segment=2)], [piece(CODE, 12, 12.5, segment=3)])
        writer.save([piece(CODE, 12, 13, segment=3), piece(TERMINAL, 13, 14, segment=4)])
        assert announced == [(["code", "firefox"], ["youtube.com"]), (["xterm"], [])]
        assert len(rows(db, device)) == 5

    def test_titles_are_stored_once_and_cut(
        self, db: Database, make_writer: WriterFactory
    ) -> None:
        device = new_device(db)
        writer = make_writer(device)
        long_title = "x" * (MAX_TITLE_LENGTH + 20)
        titled = Focus("code", "Code", title=long_title)
        writer.save([piece(titled, 9, 10), piece(titled, 10, 11, segment=1)],
                    [piece(Focus("code", "Code", title="b.py"), 11, 12, segment=2)])
        with db.transaction() as conn:
            titles = conn.execute(select(WindowTitle.title).order_by(WindowTitle.id)).scalars()
            assert list(titles) == ["x" * MAX_TITLE_LENGTH, "b.py"]
            title_ids = conn.execute(
                select(IntervalRow.title_id).order_by(IntervalRow.start_ms)
            ).scalars()
            assert list(title_ids) == [1, 1, 2]

    # Each example makes its own device, so sharing the fixture is safe; the PostgreSQL
    # subclass runs this same method from another class (differing executors).
    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.differing_executors])
    @given(st.lists(st.tuples(st.sampled_from(TRACKER_STEPS),
                              st.integers(0, len(FOCUSES) - 1), st.integers(1, 4000)),
                    max_size=40))
    def test_roll_up_always_equals_the_intervals(
        self, db: Database, make_writer: WriterFactory, ops: list[tuple[str, int, int]]
    ) -> None:
        """A simulated tracker: daily_usage == sum(interval) == what was last flushed."""
        device = new_device(db)
        simulation = TrackerSimulation(lambda: make_writer(device))
        for op, app, seconds in ops:
            simulation.step(op, app, seconds)
        assert_same_usage(daily_usage(db, device), interval_sums(db, device))
        assert_same_usage(daily_usage(db, device), simulation.expected())
        before = daily_usage(db, device)
        UsageWriter(db, device).rebuild_daily_usage()
        assert_same_usage(daily_usage(db, device), before)
