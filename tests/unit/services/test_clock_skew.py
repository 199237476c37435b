"""Two computers whose clocks disagree, writing into one database.

Each runs a real :class:`TrackerService` on its own FakeClock (time is injected,
never patched) and writes through a real ``UsageWriter`` into one SQLite file
as a device of its own. The desktop's clock is 47 minutes behind the laptop's,
and it is set back 10 minutes in the middle of the run; the laptop's is set
forward. Whatever the clocks say, no device's intervals overlap, none is
negative, and the combined report counts each device's own time.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.unit.services.test_tracker import FIREFOX, XCALC, XTERM, Script, make_tracker
from wellbeing.core.clock import FakeClock
from wellbeing.paths import Paths
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
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
