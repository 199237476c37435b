"""Two computers whose clocks disagree, writing into one database.

Each runs a real :class:`TrackerService` on its own FakeClock (time is injected,
never patched) and writes through a real ``UsageWriter`` into one SQLite file
as a device of its own. The desktop's clock is 47 minutes behind the laptop's,
and it is set back 10 minutes in the middle of the run; the laptop's is set
forward. Whatever the clocks say, no device's intervals overlap, none is
negative, and the combined report counts each device's own time. A restart
after the clock was set back continues where the recorded time ends.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.unit.services.test_tracker import FIREFOX, XCALC, XTERM, Script, make_tracker
from tests.unit.storage.helpers import open_sqlite3
from wellbeing.core.clock import FakeClock
from wellbeing.paths import Paths
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.sqlite_writer import SqliteUsageWriter
from wellbeing.storage.writer import UsageWriter

WALL = 1_780_000_000.0  # a Thursday noon or so (UTC)
RUN_S = 600
STEPS = [(t, (XTERM, FIREFOX, XCALC)[(t // 40) % 3]) for t in range(0, RUN_S, 40)]


@pytest.fixture
def shared(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(None, Paths(tmp_path / "shared"))
    yield database
    database.close()


def _track(db: Database, name: str, clock: FakeClock, jumps: dict[float, float],
           identity: Path) -> int:
    """Run one computer's tracker for RUN_S seconds; its clock stepped at ``jumps``."""
    identity.write_text(f"{uuid.uuid4()}\n")  # an install of its own, as on a real computer
    device = db.device_id(name, "linux", identity=identity)
    script = Script(clock, STEPS)
    for second, step in jumps.items():
        script.at(second, lambda _s, step=step: clock.step_wall(step))
    make_tracker(script, UsageWriter(db, device), clock).run(duration=RUN_S)
    return device


def _day(wall: float) -> date:
    return (datetime.fromtimestamp(wall, UTC) - timedelta(hours=4)).date()


def test_clocks_that_disagree_never_overlap_nor_go_negative(
    shared: Database, tmp_path: Path
) -> None:
    laptop_clock = FakeClock(WALL, monotonic=5_000.0, boot=5_000.0)
    desktop_clock = FakeClock(WALL - 47 * 60, monotonic=90.0, boot=90.0)
    laptop = _track(shared, "laptop", laptop_clock, {200: +900.0}, tmp_path / "laptop-id")
    desktop = _track(shared, "desktop", desktop_clock, {150: -600.0, 400: -30.0},
                     tmp_path / "desktop-id")
    assert laptop != desktop

    with shared.transaction() as conn:
        negative = conn.execute(text(
            "SELECT COUNT(*) FROM interval WHERE end_ms < start_ms")).scalar()
        overlaps = conn.execute(text(
            "SELECT COUNT(*) FROM interval a JOIN interval b ON a.device_id = b.device_id "
            "AND (a.local_date, a.start_ms) <> (b.local_date, b.start_ms) "
            "AND a.start_ms < b.end_ms AND b.start_ms < a.end_ms")).scalar()
        per_device = dict(conn.execute(text(
            "SELECT device_id, SUM(end_ms - start_ms) FROM interval GROUP BY device_id")).all())
    assert negative == 0
    assert overlaps == 0
    # Each step loses at most the one poll (1 s) across it, never more, never doubled.
    assert RUN_S - 1 <= per_device[laptop] / 1000 <= RUN_S
    assert RUN_S - 2 <= per_device[desktop] / 1000 <= RUN_S

    queries = UsageQueries(shared, today=lambda: _day(WALL))
    first, last = _day(WALL) - timedelta(days=1), _day(WALL) + timedelta(days=1)
    combined = queries.usage(first, last).total_seconds
    alone = {d: queries.usage(first, last, device_id=d).total_seconds
             for d in (laptop, desktop)}
    assert alone[laptop] == pytest.approx(per_device[laptop] / 1000)
    assert alone[desktop] == pytest.approx(per_device[desktop] / 1000)
    assert combined == pytest.approx(alone[laptop] + alone[desktop])


@pytest.mark.parametrize("writer", ["sqlalchemy", "sqlite3"])
def test_a_restart_after_the_clock_was_set_back_never_overlaps(
    shared: Database, tmp_path: Path, writer: str
) -> None:
    """The clock goes back 20 minutes between two runs (a quit, a restart): the second
    run's time starts where the first's ended instead of over it, through either writer."""
    identity = tmp_path / "id"
    identity.write_text(f"{uuid.uuid4()}\n")
    device = shared.device_id("laptop", "linux", identity=identity)
    connection = open_sqlite3(shared) if writer == "sqlite3" else None
    clock = FakeClock(WALL, monotonic=1_000.0, boot=1_000.0)

    def sink() -> IntervalSink:
        if connection is not None:
            return SqliteUsageWriter(connection, device)
        return UsageWriter(shared, device)

    make_tracker(Script(clock, STEPS), sink(), clock).run(duration=RUN_S)
    first_end = WALL + RUN_S
    clock.step_wall(-20 * 60)  # set back between the runs
    restarted = Script(clock, [(t, XTERM) for t in range(0, 300, 60)])
    make_tracker(restarted, sink(), clock).run(duration=300)
    if connection is not None:
        connection.close()

    with shared.transaction() as conn:
        rows = conn.execute(text(
            "SELECT start_ms, end_ms FROM interval WHERE device_id = :d ORDER BY start_ms"),
            {"d": device}).all()
    overlaps = [(a, b) for a, b in zip(rows, rows[1:], strict=False) if b[0] < a[1]]
    assert overlaps == []
    assert rows[-1][1] / 1000 == pytest.approx(first_end + 300, abs=2)  # all 5 min counted
    assert sum(end - start for start, end in rows) / 1000 == pytest.approx(RUN_S + 300, abs=3)


def test_a_clock_set_back_more_than_an_hour_is_believed_after_a_restart(
    shared: Database, tmp_path: Path
) -> None:
    """Set back by a day (the clock was plainly wrong before), the new run follows the clock."""
    identity = tmp_path / "id"
    identity.write_text(f"{uuid.uuid4()}\n")
    device = shared.device_id("laptop", "linux", identity=identity)
    clock = FakeClock(WALL, monotonic=1_000.0, boot=1_000.0)
    make_tracker(Script(clock, STEPS), UsageWriter(shared, device), clock).run(duration=60)
    clock.step_wall(-86_400)
    make_tracker(Script(clock, STEPS), UsageWriter(shared, device), clock).run(duration=60)
    with shared.transaction() as conn:
        earliest = conn.execute(text("SELECT MIN(start_ms) FROM interval")).scalar()
    assert earliest / 1000 == pytest.approx(WALL + 60 - 86_400, abs=2)
