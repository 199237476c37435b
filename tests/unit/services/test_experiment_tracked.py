"""A whole classic experiment lived through by the real tracker on the scripted platform.

Twenty-eight days of a fake clock: each day the scripted user spends some
minutes in an editor and some in Instagram (25 a day in the baseline, 8 when
limited), then goes idle; each evening the check-in is given. The tracker
writes through the real writer into a SQLite file; the experiment reads that
use back through the real limit store. Its limits appear and lock with the
limited phase and go at its end, and the report's usage and adherence equal
what the script did.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.services.test_tracker import Script, make_tracker
from wellbeing.core.clock import FakeClock
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.services.experiment import Checkin, ExperimentService, Setup
from wellbeing.storage.db import Database
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import ExperimentStore
from wellbeing.storage.limits import LimitRepository
from wellbeing.storage.writer import UsageWriter

START = date(2026, 3, 2)
DAY = 86_400
EDITOR = WindowInfo("code", "Code", "notes.md", ("code", "Code"), exe="code")
INSTAGRAM = WindowInfo("instagram", "Instagram", "Instagram", ("instagram", "Instagram"),
                       exe="instagram")


def minutes_on_instagram(day: int) -> int:
    return 25 if day < 7 else 8


def script_steps() -> list[tuple[float, WindowInfo | None, float | None]]:
    """From 04:00 UTC (the day start) on START: each day at 09:00 the editor, then Instagram."""
    steps: list[tuple[float, WindowInfo | None, float | None]] = []
    for day in range(28):
        base = day * DAY + 5 * 3600  # 09:00
        steps.append((base, EDITOR, None))
        steps.append((base + 300, INSTAGRAM, None))
        steps.append((base + 300 + minutes_on_instagram(day) * 60, EDITOR, None))
        steps.append((base + 600 + minutes_on_instagram(day) * 60, None, 0.0))  # away, idle
    return steps


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(wall=datetime(2026, 3, 2, 4, 0, tzinfo=UTC).timestamp())


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(None, Paths(tmp_path / "data"), clock=clock)
    yield database
    database.close()


def test_a_classic_experiment_tracked_by_the_real_tracker(db: Database, clock: FakeClock) -> None:
    device = db.device_id("test", "linux")

    def today() -> date:
        return (datetime.fromtimestamp(clock.wall, UTC) - timedelta(hours=4)).date()

    service = ExperimentService(
        ExperimentStore(SqlAlchemyRunner(db), device),
        LimitRepository(db, device, clock=clock),
        today=today,
        now_ms=lambda: int(clock.wall * 1000),
    )
    service.start(Setup("classic", (LimitTarget("app", "instagram"),)))
    script = Script(clock, script_steps())
    limits_seen: dict[date, list[tuple[str, date | None]]] = {}

    def evening(second: float) -> None:
        service.sync()  # what the day-rollover job does
        limits_seen[today()] = [(str(lim.target), lim.locked_until)
                                for lim in service.limits.limits()]
        phase = service.status()
        assert phase is not None
        mood = 7 if phase.phase == "limited" else 5
        service.checkin(Checkin(mood + int(second // DAY) % 2, 3, 3, 2))

    for day in range(28):
        script.at(day * DAY + 18 * 3600, evening)  # 22:00
    tracker = make_tracker(script, UsageWriter(db, device), clock, poll=10,
                           idle_after_seconds=180)
    tracker.run(duration=28 * DAY + 3600)

    assert limits_seen[START] == []
    assert limits_seen[START + timedelta(days=6)] == []
    last = START + timedelta(days=27)
    assert limits_seen[START + timedelta(days=7)] == [("instagram", last)]
    assert limits_seen[last] == [("instagram", last)]

    assert today() == START + timedelta(days=28)
    status = service.status()
    assert status is not None
    assert status.finished
    assert service.limits.limits() == []
    assert status.checkins_missing == ()
    assert (status.adherence_days_within, status.adherence_days) == (21, 21)
    report = service.report().to_json()
    usage = report["usage"]["per_target"]["instagram"]
    assert usage["baseline_daily_seconds"] == pytest.approx(25 * 60, abs=15)
    assert usage["limited_daily_seconds"] == pytest.approx(8 * 60, abs=15)
    assert report["measures"]["mood"]["n"] == {"baseline": 7, "limited": 21}
    assert report["measures"]["mood"]["difference"] == pytest.approx(
        (7 + 11 / 21) - (5 + 3 / 7), abs=1e-3)  # odd days score one more
