"""Test helpers for storage: building pieces, counting SQL statements, a synthetic year.

Also a simulated tracker feeding a writer (:class:`TrackerSimulation`) and the
stdlib ``sqlite3`` connection the headless tracker's writer is given.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, event, func, insert, select

from wellbeing.core.activity import Focus, Interval
from wellbeing.storage.db import Database
from wellbeing.storage.models import App, Category, DailyUsage, Device, Site
from wellbeing.storage.models import Interval as IntervalRow

DAY = date(2026, 3, 10)
OFFSET_MIN = 60
FIREFOX = Focus("firefox", "Firefox")
YOUTUBE = Focus("firefox", "Firefox", site="youtube.com")
CODE = Focus("code", "Visual Studio Code")
TERMINAL = Focus("xterm", "XTerm")


def local_ms(day: date, hour: float, offset_min: int = OFFSET_MIN) -> int:
    """UTC milliseconds of local clock time ``hour`` on ``day`` at ``offset_min``."""
    local = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hour)
    return int(local.timestamp() * 1000) - offset_min * 60_000


def piece(
    focus: Focus,
    start_hour: float,
    end_hour: float,
    *,
    day: date = DAY,
    segment: int = 0,
    offset_min: int = OFFSET_MIN,
) -> Interval:
    """A piece of ``day`` from local hour ``start_hour`` to ``end_hour``."""
    return Interval(
        focus,
        local_ms(day, start_hour, offset_min),
        local_ms(day, end_hour, offset_min),
        offset_min,
        day,
        segment,
    )


def new_device(db: Database, name: str = "test-device") -> int:
    """A fresh device row (no meta uuid), so several writers can share one database."""
    import uuid

    with db.transaction() as conn:
        new_id = conn.scalar(
            insert(Device)
            .values(uuid=str(uuid.uuid4()), name=name, platform="test", created_at_ms=0)
            .returning(Device.id)
        )
    assert new_id is not None
    return int(new_id)


def set_category(db: Database, *, app: str | None = None, site: str | None = None,
                 category: str, color: str | None = None) -> None:
    """Put an app or site into ``category`` (created if missing)."""
    with db.session() as session:
        cat = session.scalar(select(Category).where(Category.name == category))
        if cat is None:
            cat = Category(name=category, color=color)
            session.add(cat)
            session.flush()
        if app is not None:
            session.scalars(select(App).where(App.key == app)).one().category_id = cat.id
        if site is not None:
            session.scalars(select(Site).where(Site.domain == site)).one().category_id = cat.id


def daily_usage(db: Database, device_id: int) -> dict[tuple[date, str, str | None], float]:
    """daily_usage of one device as {(date, app key, domain): seconds}, zeros dropped."""
    stmt = (
        select(DailyUsage.local_date, App.key, Site.domain, DailyUsage.seconds)
        .join(App, App.id == DailyUsage.app_id)
        .outerjoin(Site, Site.id == DailyUsage.site_id)
        .where(DailyUsage.device_id == device_id)
    )
    with db.transaction() as conn:
        return {(r[0], r[1], r[2]): r[3] for r in conn.execute(stmt) if abs(r[3]) > 1e-9}


def interval_sums(db: Database, device_id: int) -> dict[tuple[date, str, str | None], float]:
    """Sum of interval seconds per (date, app key, domain) of one device, zeros dropped."""
    sums: defaultdict[tuple[date, str, str | None], int] = defaultdict(int)
    stmt = (
        select(IntervalRow.local_date, App.key, Site.domain, IntervalRow.start_ms,
               IntervalRow.end_ms)
        .join(App, App.id == IntervalRow.app_id)
        .outerjoin(Site, Site.id == IntervalRow.site_id)
        .where(IntervalRow.device_id == device_id)
    )
    with db.transaction() as conn:
        for day, app, site, start, end in conn.execute(stmt):
            sums[(day, app, site)] += end - start
    return {k: v / 1000.0 for k, v in sums.items() if v}


def assert_same_usage(a: dict[Any, float], b: dict[Any, float]) -> None:
    assert a.keys() == b.keys()
    for key, seconds in a.items():
        assert abs(seconds - b[key]) < 1e-6, (key, seconds, b[key])


@dataclass
class StatementCounter:
    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextlib.contextmanager
def count_statements(engine: Engine) -> Iterator[StatementCounter]:
    """Count the SQL statements (an executemany counts once) sent while the block runs."""
    counter = StatementCounter()

    def on_execute(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        counter.statements.append(statement)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


#: What the headless tracker's opener sets on its sqlite3 connection.
SQLITE3_PRAGMAS = (
    "PRAGMA busy_timeout=5000",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
)


def open_sqlite3(db: Database) -> sqlite3.Connection:
    """A stdlib sqlite3 connection in autocommit mode, with the pragmas, on ``db``'s file."""
    path = db.engine.url.database
    assert db.dialect == "sqlite", "only a SQLite database has a file"
    assert path, "an in-memory database has no file"
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in SQLITE3_PRAGMAS:
        conn.execute(pragma)
    return conn


_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK")


@contextlib.contextmanager
def count_sqlite3_statements(conn: sqlite3.Connection) -> Iterator[StatementCounter]:
    """Count the statements a sqlite3 connection runs in the block, BEGIN/COMMIT/ROLLBACK aside.

    Each row of an executemany counts (sqlite3 runs the statement once per row).
    """
    counter = StatementCounter()

    def on_statement(statement: str) -> None:
        if not statement.lstrip().upper().startswith(_TRANSACTION_CONTROL):
            counter.statements.append(statement)

    conn.set_trace_callback(on_statement)
    try:
        yield counter
    finally:
        conn.set_trace_callback(None)


class Sink(Protocol):
    """What the tracker writes to (``UsageWriter``, ``SqliteUsageWriter``)."""

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None: ...


FOCUSES = [
    CODE,
    TERMINAL,
    FIREFOX,
    YOUTUBE,
    Focus("firefox", "Firefox", site="news.example"),
    Focus("code", "Visual Studio Code", title="main.py - wellbeing"),
]
BOUNDARY_MS = local_ms(DAY, 28)  # DAY ends at 04:00 local on the next day
#: Steps of :meth:`TrackerSimulation.step`; "setback" (the wall clock set back) is separate
#: because it moves starts by a millisecond, which :meth:`TrackerSimulation.expected` ignores.
TRACKER_STEPS = ["grow", "cut", "switch", "gap", "retract", "restart"]


class TrackerSimulation:
    """Feeds a writer the way services.tracker does, and models what must be stored.

    ``final`` holds pieces that can no longer change; ``provisional`` the last
    ``running()`` of the current process, which each save replaces.
    ``make_writer`` gives the writer of a new process (at start and at each restart).
    """

    def __init__(self, make_writer: Callable[[], Sink]) -> None:
        self.make_writer = make_writer
        self.writer = make_writer()
        self.generation = 0
        self.segment = 0
        self.focus = CODE
        self.start = self.end = BOUNDARY_MS - 3_600_000
        self.starts = [self.start]
        self.final: dict[tuple[int, int, date], Interval] = {}
        self.provisional: dict[tuple[int, int, date], Interval] = {}

    def running(self) -> list[Interval]:
        """The open run from start to end, split at the day boundary like the core does."""
        next_day = DAY + timedelta(days=1)
        if self.start < BOUNDARY_MS < self.end:
            return [
                Interval(self.focus, self.start, BOUNDARY_MS, 60, DAY, self.segment),
                Interval(self.focus, BOUNDARY_MS, self.end, 60, next_day, self.segment),
            ]
        day = DAY if self.start < BOUNDARY_MS else next_day
        return [Interval(self.focus, self.start, self.end, 60, day, self.segment)]

    def save(self, finished: list[Interval], running: list[Interval]) -> None:
        self.writer.save(finished, running)
        for p in finished:
            self.final[(self.generation, p.segment, p.local_date)] = p
        self.provisional = {(self.generation, p.segment, p.local_date): p for p in running}

    def step(self, op: str, app: int, seconds: int) -> None:
        if op == "grow":
            self.end += seconds * 1000
            self.save([], self.running())
        elif op == "cut":  # an idle cut reaches back into the open run
            self.end = max(self.start, self.end - seconds * 1000)
            self.save([], self.running())
        elif op in ("switch", "gap"):
            finished = self.running()
            self._new_run(app, self.end + (seconds * 1000 if op == "gap" else 0))
            self.save(finished, self.running() if op == "switch" else [])
        elif op == "retract":  # the cut fell before the run started: it never happened
            self._new_run(app, self.end + seconds * 1000)
            self.save([], self.running())
        else:  # restart: the process died; a new writer whose segments start at 0 again
            self.final.update(self.provisional)  # the last flush stays in the database
            self.provisional = {}
            self.writer = self.make_writer()
            self.generation += 1
            self.segment = -1
            if op == "setback":  # ... and the wall clock went back to an earlier run's start
                self._new_run(app, self.starts[-1 - seconds % len(self.starts)])
            else:
                self._new_run(self.focus, self.end + seconds * 1000)

    def _new_run(self, focus: Focus | int, start: int) -> None:
        self.segment += 1
        self.focus = FOCUSES[focus] if isinstance(focus, int) else focus
        self.start = self.end = start
        self.starts.append(start)

    def expected(self) -> dict[tuple[date, str, str | None], float]:
        sums: defaultdict[tuple[date, str, str | None], float] = defaultdict(float)
        for p in [*self.final.values(), *self.provisional.values()]:
            sums[(p.local_date, p.focus.app_key, p.focus.site)] += p.seconds
        return {k: v for k, v in sums.items() if v}


@dataclass
class SyntheticData:
    pieces: list[Interval]
    totals: dict[str, float]  # app key -> seconds over the whole data
    per_day: dict[date, dict[str, float]]


def synthetic_days(
    first: date, days: int, *, switches_per_day: int = 400, apps: int = 30, seed: int = 42
) -> SyntheticData:
    """Deterministic synthetic use: ``switches_per_day`` focus changes among ``apps`` apps.

    Three apps are browsers whose use is split among ten sites (and some no-site use).
    Use runs from 08:00 local with short gaps, at UTC+60.
    """
    rng = random.Random(seed)
    browsers = {f"browser{i}" for i in range(3)}
    keys = sorted(browsers) + [f"app{i:02d}" for i in range(apps - len(browsers))]
    sites = [f"site{i}.example" for i in range(10)]
    weights = [1.0 / (rank + 1) for rank in range(len(keys))]
    pieces: list[Interval] = []
    totals: defaultdict[str, float] = defaultdict(float)
    per_day: dict[date, dict[str, float]] = {}
    for n in range(days):
        day = first + timedelta(days=n)
        cursor = local_ms(day, 8.0)
        day_totals: defaultdict[str, float] = defaultdict(float)
        for segment in range(switches_per_day):
            key = rng.choices(keys, weights)[0]
            site = rng.choice([*sites, None]) if key in browsers else None
            length = int(rng.expovariate(1 / 90_000)) + 1000
            focus = Focus(key, key.title(), site=site)
            pieces.append(Interval(focus, cursor, cursor + length, OFFSET_MIN, day, segment))
            day_totals[key] += length / 1000.0
            totals[key] += length / 1000.0
            cursor += length + (rng.choice([0, 0, 0, 5_000, 60_000]))
        per_day[day] = dict(day_totals)
    return SyntheticData(pieces, dict(totals), per_day)


GARBAGE = b"not a b-tree page! " * 64


def damage(path: Path) -> bytes:
    """Overwrite every page after the first with garbage, so the next read fails; return it.

    The checkpoint first moves every page into the main file and restarts the
    WAL, which makes other connections drop their page cache at their next
    transaction, so they read the garbage.
    """
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    assert size > 4096, "the database has only its header page; nothing to damage"
    written = (GARBAGE * (size // len(GARBAGE) + 1))[: size - 4096]
    with path.open("r+b") as fh:
        fh.seek(4096)
        fh.write(written)
    return written


def seconds_by_app(db: Database) -> dict[str, float]:
    """Seconds per app key, summed over every interval of every device."""
    with db.transaction() as conn:
        rows = conn.execute(
            select(App.key, func.sum(IntervalRow.end_ms - IntervalRow.start_ms))
            .join(App, App.id == IntervalRow.app_id)
            .group_by(App.key)
        ).all()
    return {key: ms / 1000 for key, ms in rows}
