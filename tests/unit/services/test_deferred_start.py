"""A database that did not answer at start: time kept in the spool, written once it answers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.unit.services.test_spooling import piece
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.clock import FakeClock
from wellbeing.errors import DatabaseUnreachable, StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.services.deferred_start import Connected, DeferredSink
from wellbeing.storage.db import Database
from wellbeing.storage.history_import import write_device_pieces
from wellbeing.storage.spool import Spool
from wellbeing.storage.writer import UsageWriter


class FakeServer:
    """``connect`` fails while ``down``; then gives a recording sink and replay."""

    def __init__(self) -> None:
        self.down = True
        self.connects = 0
        self.saved: list[list[Piece]] = []
        self.replayed: list[list[Piece]] = []
        self.replay_fails = False

    def connect(self) -> Connected:
        self.connects += 1
        if self.down:
            raise DatabaseUnreachable("Cannot reach the database.", host="db.lan:5432")
        return Connected(self, self.replay)

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        if self.down:
            raise StorageUnavailable("gone again")
        self.saved.append([*finished, *running])

    def replay(self, pieces: Sequence[Piece]) -> float:
        if self.replay_fails:
            raise StorageUnavailable("gone while replaying")
        self.replayed.append(list(pieces))
        return sum(p.end_ms - p.start_ms for p in pieces) / 1000


def _sink(tmp_path: Path, server: FakeServer, clock: FakeClock, **kw: object) -> DeferredSink:
    return DeferredSink(Spool(tmp_path / "spool.sqlite3"), server.connect,
                        lambda: clock.now().monotonic, where="db.lan:5432",
                        retry_every=5.0, **kw)  # type: ignore[arg-type]


def test_time_is_spooled_until_the_server_answers_then_written_once(tmp_path: Path) -> None:
    server, clock, told = FakeServer(), FakeClock(), []
    sink = _sink(tmp_path, server, clock, on_connected=lambda: told.append(1))
    with pytest.raises(StorageUnavailable):
        sink.save([piece("code", 0, 60, 1)], [piece("firefox", 60, 70, 2)])
    assert [p.focus.app_key for p in sink.spool.load()] == ["code", "firefox"]
    clock.advance(1)  # too soon to try again: no connection attempt, the spool follows
    with pytest.raises(StorageUnavailable):
        sink.save([piece("code", 0, 60, 1)], [piece("firefox", 60, 80, 2)])
    assert server.connects == 1
    assert sink.spool.load()[-1].end_ms - sink.spool.load()[-1].start_ms == 20_000
    server.down = False
    clock.advance(5)
    sink.save([piece("code", 0, 60, 1)], [piece("firefox", 60, 90, 2)])
    assert sink.connected
    assert told == [1]
    assert server.replayed == []  # nothing of an earlier run: the backlog goes to the writer
    assert [[(p.focus.app_key, p.end_ms) for p in s] for s in server.saved] == [
        [("code", piece("code", 0, 60, 1).end_ms), ("firefox", piece("x", 0, 90, 2).end_ms)]]
    assert len(sink.spool) == 0
    sink.save([], [piece("firefox", 60, 95, 2)])  # connected: straight to the writer
    assert server.connects == 2
    assert len(server.saved) == 2


def test_an_earlier_runs_spool_is_kept_then_replayed_once(tmp_path: Path) -> None:
    Spool(tmp_path / "spool.sqlite3").replace([piece("vim", -600, -500, 1)])  # a crash's
    server, clock = FakeServer(), FakeClock()
    sink = _sink(tmp_path, server, clock)
    with pytest.raises(StorageUnavailable):
        sink.save([piece("code", 0, 60, 1)])
    assert [p.focus.app_key for p in sink.spool.load()] == ["vim", "code"]  # not replaced
    server.down, server.replay_fails = False, True
    clock.advance(5)
    with pytest.raises(StorageUnavailable):  # reached, but the replay failed: all kept
        sink.save([piece("code", 0, 60, 1)])
    assert not sink.connected
    assert [p.focus.app_key for p in sink.spool.load()] == ["vim", "code"]
    server.replay_fails = False
    clock.advance(5)
    sink.save([piece("code", 0, 60, 1)])
    assert server.connects == 2  # refused, then reached once; only the replay was retried
    assert [[p.focus.app_key for p in r] for r in server.replayed] == [["vim"]]
    assert [[p.focus.app_key for p in s] for s in server.saved] == [["code"]]
    assert len(sink.spool) == 0


def test_the_server_going_away_again_right_after_is_an_ordinary_outage(
    tmp_path: Path,
) -> None:
    server, clock = FakeServer(), FakeClock()
    sink = _sink(tmp_path, server, clock)
    server.down = False
    sink.save([piece("code", 0, 60, 1)])
    server.down = True
    with pytest.raises(StorageUnavailable):
        sink.save([piece("firefox", 60, 90, 2)])
    assert [p.focus.app_key for p in sink.spool.load()] == ["firefox"]
    server.down = False
    sink.save([piece("firefox", 60, 90, 2)])
    assert len(sink.spool) == 0
    assert server.connects == 1


def test_a_bug_while_connecting_is_not_taken_for_an_outage(tmp_path: Path) -> None:
    clock = FakeClock()

    def broken() -> Connected:
        raise KeyError("a bug")

    sink = DeferredSink(Spool(tmp_path / "spool.sqlite3"), broken,
                        lambda: clock.now().monotonic, where="db.lan")
    with pytest.raises(KeyError):
        sink.save([piece("code", 0, 60, 1)])


def test_on_a_real_database_nothing_is_doubled(tmp_path: Path) -> None:
    """The first start on a database (no device yet), with an earlier run's spool."""
    spool = Spool(tmp_path / "spool.sqlite3")
    spool.replace([piece("vim", -600, -500, 1)])
    clock, state = FakeClock(), {"down": True}
    opened: list[Database] = []

    def connect() -> Connected:
        if state["down"]:
            raise DatabaseUnreachable("Cannot reach the database.", host="db.lan")
        db = Database.open(None, Paths(tmp_path / "data"))
        opened.append(db)
        device = db.device_id("laptop", "linux")
        return Connected(UsageWriter(db, device),
                         lambda pieces: write_device_pieces(db, device, pieces))

    sink = DeferredSink(spool, connect, lambda: clock.now().monotonic, where="db.lan")
    backlog = [piece("code", 0, 60, 1), piece("firefox", 60, 90, 2)]
    for _ in range(3):
        with pytest.raises(StorageUnavailable):
            sink.save(backlog[:1], backlog[1:])
        clock.advance(10)
    state["down"] = False
    sink.save(backlog[:1], backlog[1:])
    sink.save([], [piece("firefox", 60, 100, 2)])  # the running piece grows
    db = opened[0]
    with db.reading() as rows:
        stored = rows.rows("SELECT start_ms, end_ms FROM interval ORDER BY start_ms", {})
    db.close()
    assert [(s - piece("x", 0, 0, 1).start_ms, e - s) for s, e in stored] == [
        (-600_000, 100_000), (0, 60_000), (60_000, 40_000)]
    assert len(spool) == 0
