"""A database file damaged while the tracker runs is set aside and tracking goes on in a fresh one.

The damage is real: the WAL is checkpointed into the main file, pages after
the header are overwritten with garbage, and a second checkpoint restarts the
WAL so the writer's connection drops its page cache and reads the damage.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import DatabaseError

from tests.unit.storage.helpers import GARBAGE, damage, seconds_by_app
from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import FakeClock
from wellbeing.errors import StorageUnavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import ScriptedPlatform
from wellbeing.services.context import Context, open_context
from wellbeing.services.recovery import (
    CorruptDatabaseRecovery,
    is_database_corruption,
    reopen_on_corruption,
)
from wellbeing.services.tracker import TrackerService
from wellbeing.storage import db as db_module
from wellbeing.storage.db import Database, sqlite_problem
from wellbeing.storage.writer import UsageWriter

XTERM = WindowInfo("xterm", "XTerm", "bash")
FIREFOX = WindowInfo("firefox", "Firefox", "Mozilla Firefox")
@pytest.fixture
def ctx(data_dir: Path) -> Iterator[Context]:
    context = open_context(str(data_dir), None)
    yield context
    context.close()


def piece(second: int) -> Interval:
    start = 1_780_000_000_000
    return Interval(Focus("xterm", "XTerm"), start, start + second * 1000, 0, date(2026, 5, 28), 1)


def corruption_error(ctx: Context) -> Exception:
    """The error a writer raises on the damaged file (the file is damaged afterwards)."""
    writer = UsageWriter(ctx.db, ctx.device_id)
    writer.save([], [piece(1)])
    writer.save([], [piece(2)])
    damage(ctx.paths.database)
    with pytest.raises(DatabaseError, match="malformed") as caught:
        writer.save([], [piece(3)])
    return caught.value


# -- recognising damage -----------------------------------------------------------------------


def test_a_save_on_a_damaged_file_is_recognised_as_corruption(ctx: Context) -> None:
    error = corruption_error(ctx)
    assert is_database_corruption(error)
    wrapped = StorageUnavailable("Could not save usage")
    wrapped.__cause__ = error
    assert is_database_corruption(wrapped)


@pytest.mark.parametrize(
    ("error", "corrupt"),
    [
        (sqlite3.DatabaseError("file is not a database"), True),
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (sqlite3.OperationalError("database is locked"), False),
        (sqlite3.OperationalError("database or disk is full"), False),
        (StorageUnavailable("Could not save usage to the database: disk I/O error."), False),
        (RuntimeError("file is not a database"), False),  # words alone, not from SQLite
    ],
)
def test_only_sqlite_damage_counts_as_corruption(error: Exception, corrupt: bool) -> None:
    assert is_database_corruption(error) is corrupt


# -- recovering inside the running tracker ---------------------------------------------------


@pytest.mark.parametrize("own_url", [False, True], ids=["data-dir file", "--db sqlite URL"])
def test_damage_while_tracking_sets_the_file_aside_and_loses_nothing(
    data_dir: Path,
    tmp_path: Path,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
    own_url: bool,
) -> None:
    db_file = tmp_path / "elsewhere" / "usage.sqlite3" if own_url else None
    ctx = open_context(str(data_dir), f"sqlite:///{db_file}" if db_file else None)
    path = db_file or ctx.paths.database
    told: list[str] = []
    made: list[tuple[Database, int]] = []

    def make_writer(db: Database, device_id: int) -> UsageWriter:
        made.append((db, device_id))
        return UsageWriter(db, device_id)

    recovery = reopen_on_corruption(ctx, clock, make_writer=make_writer, notify=told.append)
    old_db = ctx.db
    steps = [(0, XTERM), (20, FIREFOX), (30, XTERM), (50, FIREFOX)]
    platform = ScriptedPlatform.from_script(steps, clock)
    tracker = TrackerService(platform, UsageWriter(ctx.db, ctx.device_id), clock, recover=recovery)
    start = clock.monotonic
    damaged_at = 0.0
    try:
        while clock.monotonic - start < 60:
            tracker.step()
            if clock.monotonic - start == 45:
                damage(path)
                damaged_at = clock.wall
            clock.advance(1)
        tracker.shutdown()
        assert tracker.recoveries == 1
        assert tracker.write_failures == 1  # detected at the first save after the damage
        assert len(recovery.set_aside) == 1
        aside = recovery.set_aside[0]
        assert aside.parent == path.parent
        found = re.fullmatch(re.escape(path.name) + r"\.corrupt-(\d{8}T\d{6}Z)", aside.name)
        assert found, aside.name
        when = datetime.strptime(found[1], "%Y%m%dT%H%M%S%z").timestamp()
        assert damaged_at <= when <= damaged_at + 5  # set aside at the next save
        assert GARBAGE in aside.read_bytes()  # the damaged file itself was moved
        assert aside.stat().st_mode & 0o777 == 0o600
        assert ctx.db is not old_db
        assert made == [(ctx.db, ctx.device_id)]  # the fresh writer came from the factory
        assert sqlite_problem(path) is None
        # The run going on at the damage and everything after it is in the fresh file;
        # what was flushed before is in the file set aside.
        assert seconds_by_app(ctx.db) == {"xterm": 20.0, "firefox": 10.0}
        assert told == [recovery.notice]
        assert ctx.notice == recovery.notice
        assert recovery.notice is not None
        assert str(aside) in recovery.notice
        assert f"moved aside to {aside}" in caplog.text
    finally:
        ctx.close()


def test_other_failures_are_left_to_retry_and_touch_no_file(ctx: Context, clock: FakeClock) -> None:
    recovery = CorruptDatabaseRecovery(ctx, clock)
    before = sorted(p.name for p in ctx.paths.data_dir.iterdir())
    assert recovery(StorageUnavailable("disk full")) is None
    assert recovery(sqlite3.OperationalError("database is locked")) is None
    assert sorted(p.name for p in ctx.paths.data_dir.iterdir()) == before
    assert recovery.set_aside == []


def test_a_fresh_database_that_fails_to_open_is_tried_again_at_the_next_failure(
    ctx: Context, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = corruption_error(ctx)
    recovery = CorruptDatabaseRecovery(ctx, clock)
    real_open = Database.open
    calls: list[int] = []

    def failing_once(url: str | None, paths: object, **kw: object) -> Database:
        calls.append(1)
        if len(calls) == 1:
            raise StorageUnavailable("Cannot create the database file: no space left on device.")
        return real_open(url, paths, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(db_module.Database, "open", staticmethod(failing_once))
    assert recovery(error) is None
    assert len(recovery.set_aside) == 1
    writer = recovery(StorageUnavailable("no such table: interval"))  # any error now
    assert writer is not None
    writer.save([], [piece(3)])
    assert seconds_by_app(ctx.db) == {"xterm": 3.0}
    assert len(recovery.set_aside) == 1


def test_repeated_damage_stops_setting_files_aside_after_the_limit(
    ctx: Context, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    recovery = CorruptDatabaseRecovery(ctx, clock, max_recoveries=1)
    assert recovery(corruption_error(ctx)) is not None
    clock.advance(5)
    again = corruption_error(ctx)
    assert recovery(again) is None
    assert len(recovery.set_aside) == 1
    assert "damaged again after 1 recoveries" in caplog.text


def test_a_database_that_is_not_a_local_file_is_never_set_aside(
    data_dir: Path, clock: FakeClock
) -> None:
    ctx = open_context(str(data_dir), "sqlite://")  # in memory
    try:
        recovery = CorruptDatabaseRecovery(ctx, clock)
        assert recovery(sqlite3.DatabaseError("database disk image is malformed")) is None
        assert recovery.set_aside == []
    finally:
        ctx.close()


def test_a_file_another_process_already_set_aside_is_not_moved_again(
    ctx: Context, clock: FakeClock
) -> None:
    recovery = CorruptDatabaseRecovery(ctx, clock)
    error = corruption_error(ctx)
    with Database.open(None, ctx.paths):  # e.g. `wellbeing report`: sets it aside, starts fresh
        pass
    aside_by_other = sorted(p.name for p in ctx.paths.data_dir.iterdir() if ".corrupt-" in p.name)
    assert aside_by_other
    writer = recovery(error)
    assert writer is not None
    writer.save([], [piece(4)])
    assert recovery.set_aside == []  # the fresh file the other process started stays
    assert sorted(
        p.name for p in ctx.paths.data_dir.iterdir() if ".corrupt-" in p.name
    ) == aside_by_other
    assert seconds_by_app(ctx.db) == {"xterm": 4.0}
    assert recovery.notice is not None
    assert "already moved it aside" in recovery.notice
