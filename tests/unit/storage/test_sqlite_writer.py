"""The headless tracker's writer on stdlib sqlite3: same rows as UsageWriter, no SQLAlchemy.

The save path is also run by ``TestWriter`` in test_writer.py (``make_writer``
fixture); here: a differential test against ``UsageWriter``, failures
(mid-transaction, locked, damaged file) and the import footprint.
"""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    FOCUSES,
    TERMINAL,
    TRACKER_STEPS,
    YOUTUBE,
    Sink,
    TrackerSimulation,
    assert_same_usage,
    daily_usage,
    damage,
    interval_sums,
    new_device,
    open_sqlite3,
    piece,
)
from wellbeing.core.clock import FakeClock
from wellbeing.errors import StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.services.recovery import is_database_corruption
from wellbeing.storage.db import Database
from wellbeing.storage.pieces import day_number
from wellbeing.storage.sqlite_writer import SqliteUsageWriter
from wellbeing.storage.writer import UsageWriter

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def conn(db: Database) -> Iterator[sqlite3.Connection]:
    connection = open_sqlite3(db)
    yield connection
    connection.close()


def table(conn: sqlite3.Connection, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in conn.execute(sql, params)]


def stored(conn: sqlite3.Connection, device: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row a writer touches, as raw SQLite values (the device's intervals and roll-up)."""
    return {
        "interval": table(conn, 'SELECT * FROM "interval" WHERE device_id = ? '
                                "ORDER BY local_date, start_ms", device),
        "daily_usage": table(conn, "SELECT * FROM daily_usage WHERE device_id = ? "
                                   "ORDER BY local_date, app_id, site_key", device),
        "app": table(conn, "SELECT * FROM app ORDER BY id"),
        "site": table(conn, "SELECT * FROM site ORDER BY id"),
        "window_title": table(conn, "SELECT * FROM window_title ORDER BY id"),
    }


def test_importing_it_leaves_sqlalchemy_out() -> None:
    code = (
        "import sys, wellbeing.storage.sqlite_writer\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic'))\n"
        "print(heavy)\n"
        "assert 'wellbeing.storage.sqlite_writer' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_local_dates_are_stored_as_day_numbers(db: Database, conn: sqlite3.Connection) -> None:
    device = new_device(db)
    SqliteUsageWriter(conn, device).save([piece(YOUTUBE, 9, 10)])
    assert table(conn, 'SELECT typeof(local_date), local_date FROM "interval"') == [
        ("integer", day_number(DAY))
    ]
    assert daily_usage(db, device) == {(DAY, "firefox", "youtube.com"): 3600.0}


def test_a_connection_that_opens_transactions_itself_is_refused(db: Database) -> None:
    path = db.engine.url.database
    assert path is not None
    with (contextlib.closing(sqlite3.connect(path)) as implicit,  # isolation_level ""
          pytest.raises(ValueError, match="autocommit")):
        SqliteUsageWriter(implicit, 1)


# -- the same rows as UsageWriter -----------------------------------------------------------


@pytest.fixture
def twin_databases(tmp_path: Path, clock: FakeClock) -> Iterator[tuple[Database, Database]]:
    """Two fresh databases: UsageWriter writes into the first, SqliteUsageWriter the second."""
    first = Database.open(None, Paths(tmp_path / "sqlalchemy"), clock=clock)
    second = Database.open(None, Paths(tmp_path / "sqlite3"), clock=clock)
    yield first, second
    first.close()
    second.close()


class TwinWriter:
    """Saves the same pieces through both writers."""

    def __init__(self, *writers: Sink) -> None:
        self.writers = writers

    def save(self, finished: Any, running: Any = ()) -> None:
        for writer in self.writers:
            writer.save(finished, running)


# Each example uses new devices (the same id in both databases); the name rows are shared
# by the examples and must stay identical too.
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([*TRACKER_STEPS, "setback"]),
                          st.integers(0, len(FOCUSES) - 1), st.integers(1, 4000)),
                max_size=40))
@example(ops=[("grow", 0, 60), ("setback", 1, 1), ("grow", 1, 30), ("switch", 3, 1),
              ("grow", 0, 9), ("setback", 5, 2), ("grow", 2, 4000), ("cut", 0, 10),
              ("retract", 4, 5), ("grow", 4, 3000), ("restart", 0, 1), ("grow", 5, 2)])
def test_both_writers_store_the_same_rows(
    twin_databases: tuple[Database, Database], ops: list[tuple[str, int, int]]
) -> None:
    """A simulated tracker (retractions, day splits, restarts, a clock set back) saves through
    UsageWriter and SqliteUsageWriter on two databases: every row ends up the same."""
    by_sqlalchemy, by_sqlite3 = twin_databases
    device = new_device(by_sqlalchemy)
    assert new_device(by_sqlite3) == device
    with (contextlib.closing(open_sqlite3(by_sqlite3)) as writing,
          contextlib.closing(open_sqlite3(by_sqlalchemy)) as reading):
        simulation = TrackerSimulation(lambda: TwinWriter(
            UsageWriter(by_sqlalchemy, device), SqliteUsageWriter(writing, device)
        ))
        for op, app, seconds in ops:
            simulation.step(op, app, seconds)
        assert stored(writing, device) == stored(reading, device)
    assert_same_usage(daily_usage(by_sqlite3, device), interval_sums(by_sqlite3, device))


# -- failures -------------------------------------------------------------------------------


def test_a_failed_save_changes_nothing_and_can_be_retried(
    db: Database, conn: sqlite3.Connection
) -> None:
    device = new_device(db)
    writer = SqliteUsageWriter(conn, device)
    writer.save([], [piece(CODE, 9, 9.5), piece(TERMINAL, 9.5, 9.75, segment=1)])
    before = stored(conn, device)
    armed = True

    def fail_if_armed() -> int:
        if armed:
            raise OSError("disk I/O error")
        return 0

    # The daily_usage upsert, the save's last statement, fails like an I/O error would.
    conn.create_function("fail_if_armed", 0, fail_if_armed)
    conn.execute("CREATE TEMP TRIGGER fail_usage BEFORE INSERT ON main.daily_usage "
                 "BEGIN SELECT fail_if_armed(); END")
    finished, running = [piece(CODE, 9, 10)], [piece(YOUTUBE, 10, 10.5, segment=2)]
    with pytest.raises(StorageUnavailable, match="Could not save usage") as caught:
        writer.save(finished, running)
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert not conn.in_transaction
    assert stored(conn, device) == before  # no site, no rows, no seconds
    armed = False
    writer.save(finished, running)  # segment 1 is retracted only now
    writer.save([], [piece(YOUTUBE, 10, 11, segment=2)])
    assert daily_usage(db, device) == {  # zeros dropped: xterm's row holds 0.0 seconds
        (DAY, "code", None): 3600.0,
        (DAY, "firefox", "youtube.com"): 3600.0,
    }
    assert_same_usage(daily_usage(db, device), interval_sums(db, device))
    assert len(stored(conn, device)["interval"]) == 2


def test_a_locked_database_is_unavailable_until_released(
    db: Database, conn: sqlite3.Connection
) -> None:
    device = new_device(db)
    writer = SqliteUsageWriter(conn, device)
    writer.save([], [piece(CODE, 9, 9.5)])
    conn.execute("PRAGMA busy_timeout=0")
    with contextlib.closing(open_sqlite3(db)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageUnavailable, match="database is locked") as caught:
            writer.save([], [piece(CODE, 9, 10)])
        assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
        assert caught.value.exit_code == 4
        other.execute("ROLLBACK")
    writer.save([], [piece(CODE, 9, 10)])
    assert daily_usage(db, device) == {(DAY, "code", None): 3600.0}
    assert len(stored(conn, device)["interval"]) == 1


def test_a_damaged_file_is_reported_as_corruption(db: Database, conn: sqlite3.Connection) -> None:
    device = new_device(db)
    writer = SqliteUsageWriter(conn, device)
    writer.save([], [piece(CODE, 9, 9.5)])
    path = Path(str(db.engine.url.database))
    damage(path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        writer.save([], [piece(CODE, 9, 10)])
    assert not isinstance(caught.value, StorageUnavailable)
    assert is_database_corruption(caught.value), caught.value
    assert not conn.in_transaction
