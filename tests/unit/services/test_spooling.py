"""Failed saves kept in the local spool, emptied by the next good save, replayed once at start."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.errors import StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.services.spooling import SpoolingSink, replay_spool
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.spool import Spool
from wellbeing.storage.writer import UsageWriter

DAY = date(2026, 11, 30)
T0 = 1_795_000_000_000


def piece(app: str, start_s: int, end_s: int, segment: int) -> Piece:
    return Piece(Focus(app, app.title(), "youtube.com" if app == "firefox" else None),
                 T0 + start_s * 1000, T0 + end_s * 1000, 60, DAY, segment)


class Flaky:
    """A sink that fails while ``down``."""

    def __init__(self) -> None:
        self.down = True
        self.saved: list[tuple[Sequence[Piece], Sequence[Piece]]] = []

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        if self.down:
            raise StorageUnavailable("the server cannot be reached")
        self.saved.append((list(finished), list(running)))


def test_the_backlog_is_kept_while_down_and_dropped_once_saved(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool.sqlite3")
    inner = Flaky()
    sink = SpoolingSink(inner, spool)
    with pytest.raises(StorageUnavailable):
        sink.save([piece("code", 0, 60, 1)], [piece("firefox", 60, 70, 2)])
    with pytest.raises(StorageUnavailable):  # the backlog grew; the spool follows it
        sink.save([piece("code", 0, 60, 1), piece("firefox", 60, 90, 2)], [])
    assert [(p.focus.app_key, p.end_ms - p.start_ms) for p in spool.load()] == [
        ("code", 60_000), ("firefox", 30_000)]
    assert spool.load()[1].focus.site == "youtube.com"
    assert stat.S_IMODE(spool.path.stat().st_mode) == 0o600
    inner.down = False
    sink.save([piece("code", 0, 60, 1), piece("firefox", 60, 90, 2)], [])
    assert len(spool) == 0


def test_a_spool_left_behind_is_written_once_without_doubling(tmp_path: Path) -> None:
    paths = Paths(tmp_path)
    db = Database.open(None, paths)
    device = db.device_id("laptop", "linux")
    # The first piece reached the database before the server went away; both are spooled.
    UsageWriter(db, device).bulk_insert([piece("code", 0, 60, 1)])
    spool = Spool(paths.spool)
    spool.replace([piece("code", 0, 60, 1), piece("firefox", 60, 90, 2)])
    assert replay_spool(db, device, spool) == 30.0
    assert replay_spool(db, device, spool) == 0.0  # empty now
    totals = UsageQueries(db, day_start_hour=4).usage(DAY, DAY).items
    assert {i.key: i.seconds for i in totals} == {"code": 60.0, "firefox": 30.0}
    db.close()
