"""Writing intervals of use, keeping the ``daily_usage`` roll-up exact in the same transaction.

``UsageWriter.save(finished, running)`` is called by the tracker every few
seconds. Each call is ONE short transaction. A piece is identified by
``(segment, local_date)``: the running interval is flushed again and again as
it grows (same segment and start), so a piece written before is UPDATED and
``daily_usage`` gets only the difference; a new piece is INSERTED and
``daily_usage`` gets all of its seconds. Pieces reported as finished are
forgotten after writing.

``running`` is the tracker's complete set of *provisional* pieces
(``ActivityTracker.running()``), which replaces the previous one: a
provisional piece written before that comes back neither as running nor as
finished was retracted (an idle cut reached back before its start), so its
row is deleted and its seconds are taken out of ``daily_usage``. Callers must
therefore pass the whole current ``running()`` on every save (``()`` at
shutdown, after ``close()`` returned everything as finished).

Segment numbers restart in every process, so this memory lives in the writer
instance, never in the database: a new writer (after a restart) starts with
none and inserts fresh rows; the last flushed provisional rows of a process
that died stay as they were.

A save that fails changes neither the database nor the writer's memory, so the
caller may retry it with the same pieces. Apps and sites are resolved to row
ids through an in-memory cache: in steady state a flush of the running
interval is one UPDATE and one upsert.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, update
from sqlalchemy import insert as core_insert
from sqlalchemy.exc import OperationalError

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.db import Database
from wellbeing.storage.models import App, Site
from wellbeing.storage.rollup import (
    INTERVAL,
    add_daily_seconds,
    dialect_insert,
    native_upsert,
    rebuild_daily_usage,
)

APP: Table = App.__table__  # type: ignore[assignment]
SITE: Table = Site.__table__  # type: ignore[assignment]

_PieceKey = tuple[int, date]
_UsageKey = tuple[date, int, int | None]


@dataclass(frozen=True, slots=True)
class _Written:
    """What this writer last stored for a provisional (running) piece."""

    interval_id: int
    usage: _UsageKey
    ms: int


class UsageWriter:
    """Stores ``core.activity.Interval`` pieces for one device."""

    def __init__(self, db: Database, device_id: int) -> None:
        self._db = db
        self._device_id = device_id
        self._written: dict[_PieceKey, _Written] = {}
        self._app_ids: dict[str, int] = {}
        self._site_ids: dict[str, int] = {}
        self._pending_names: tuple[dict[str, int], dict[str, int]] = ({}, {})

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        """Write finished and running pieces in one transaction (see the module docstring).

        Raises:
            StorageUnavailable: the database could not be written (busy, disk full).
        """
        if not finished and not running and not self._written:
            return
        _check(finished)
        _check(running)
        previous = dict(self._written)
        provisional: dict[_PieceKey, _Written] = {}
        with self._writing() as conn:
            names = self._resolve(conn, [p.focus for p in (*finished, *running)])
            deltas: defaultdict[_UsageKey, int] = defaultdict(int)
            new_finished: list[dict[str, Any]] = []
            changed: list[dict[str, Any]] = []
            for piece, is_running in [(p, False) for p in finished] + [(p, True) for p in running]:
                key = (piece.segment, piece.local_date)
                usage = (piece.local_date, *names[piece.focus])
                ms = piece.end_ms - piece.start_ms
                before = previous.pop(key, None)
                if before is not None and not is_running and ms == 0:
                    previous[key] = before  # finished with nothing left: same as retracted
                elif before is not None:
                    deltas[before.usage] -= before.ms
                    deltas[usage] += ms
                    changed.append(self._update_params(before.interval_id, piece, usage))
                    if is_running:
                        provisional[key] = _Written(before.interval_id, usage, ms)
                elif is_running:
                    deltas[usage] += ms
                    new_id = conn.scalar(
                        core_insert(INTERVAL).returning(INTERVAL.c.id),
                        self._row(piece, usage),
                    )
                    assert new_id is not None
                    provisional[key] = _Written(int(new_id), usage, ms)
                elif ms > 0:
                    deltas[usage] += ms
                    new_finished.append(self._row(piece, usage))
            # Provisional pieces neither re-sent nor made final were retracted by the tracker.
            for gone in previous.values():
                deltas[gone.usage] -= gone.ms
            if previous:
                conn.execute(_DELETE_PIECE, [{"b_id": w.interval_id} for w in previous.values()])
            if changed:
                conn.execute(_UPDATE_PIECE, changed)
            if new_finished:
                conn.execute(core_insert(INTERVAL), new_finished)
            add_daily_seconds(conn, self._device_id, deltas)
        self._written = provisional

    def bulk_insert(self, intervals: Iterable[Piece]) -> int:
        """Insert many finished pieces at once (demo data, imports); return how many.

        One transaction, one executemany for the rows and one for the roll-up.
        Pieces are not remembered: this is not for a running interval.
        """
        pieces = list(intervals)
        _check(pieces)
        if not pieces:
            return 0
        with self._writing() as conn:
            names = self._resolve(conn, [p.focus for p in pieces])
            deltas: defaultdict[_UsageKey, int] = defaultdict(int)
            rows = []
            for piece in pieces:
                usage = (piece.local_date, *names[piece.focus])
                deltas[usage] += piece.end_ms - piece.start_ms
                rows.append(self._row(piece, usage))
            conn.execute(core_insert(INTERVAL), rows)
            add_daily_seconds(conn, self._device_id, deltas)
        return len(pieces)

    def rebuild_daily_usage(self) -> None:
        """Recompute this device's daily_usage from its intervals (repair)."""
        with self._writing() as conn:
            rebuild_daily_usage(conn, self._device_id)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Connection]:
        """One transaction; database errors become StorageUnavailable; cache on commit."""
        self._pending_names = ({}, {})
        try:
            with self._db.transaction() as conn:
                yield conn
        except OperationalError as exc:
            raise _unwritable(exc) from exc
        self._remember_names()

    def _row(self, piece: Piece, usage: _UsageKey) -> dict[str, Any]:
        return {
            "device_id": self._device_id,
            "app_id": usage[1],
            "site_id": usage[2],
            "start_ms": piece.start_ms,
            "end_ms": piece.end_ms,
            "utc_offset_min": piece.utc_offset_min,
            "local_date": piece.local_date,
        }

    @staticmethod
    def _update_params(interval_id: int, piece: Piece, usage: _UsageKey) -> dict[str, Any]:
        return {
            "b_id": interval_id,
            "b_app_id": usage[1],
            "b_site_id": usage[2],
            "b_start_ms": piece.start_ms,
            "b_end_ms": piece.end_ms,
            "b_utc_offset_min": piece.utc_offset_min,
        }

    def _resolve(
        self, conn: Connection, focuses: Iterable[Focus]
    ) -> dict[Focus, tuple[int, int | None]]:
        """Map each focus to (app_id, site_id), creating rows; the cache is updated on commit."""
        new_apps: dict[str, int] = {}
        new_sites: dict[str, int] = {}
        out: dict[Focus, tuple[int, int | None]] = {}
        for focus in focuses:
            if focus in out:
                continue
            app_id = self._app_ids.get(focus.app_key) or new_apps.get(focus.app_key)
            if app_id is None:
                app_id = _get_or_create(
                    conn, APP, "key", focus.app_key, display_name=focus.app_name or focus.app_key
                )
                new_apps[focus.app_key] = app_id
            site_id: int | None = None
            if focus.site:
                site_id = self._site_ids.get(focus.site) or new_sites.get(focus.site)
                if site_id is None:
                    site_id = _get_or_create(
                        conn, SITE, "domain", focus.site, display_name=focus.site
                    )
                    new_sites[focus.site] = site_id
            out[focus] = (app_id, site_id)
        self._pending_names = (new_apps, new_sites)
        return out

    def _remember_names(self) -> None:
        """After a commit: the rows created in it now exist, so cache their ids."""
        new_apps, new_sites = self._pending_names
        self._app_ids.update(new_apps)
        self._site_ids.update(new_sites)
        self._pending_names = ({}, {})


_DELETE_PIECE = delete(INTERVAL).where(INTERVAL.c.id == bindparam("b_id"))
_UPDATE_PIECE = (
    update(INTERVAL)
    .where(INTERVAL.c.id == bindparam("b_id"))
    .values(
        app_id=bindparam("b_app_id"),
        site_id=bindparam("b_site_id"),
        start_ms=bindparam("b_start_ms"),
        end_ms=bindparam("b_end_ms"),
        utc_offset_min=bindparam("b_utc_offset_min"),
    )
)


def _unwritable(exc: OperationalError) -> StorageUnavailable:
    return StorageUnavailable(
        f"Could not save usage to the database: {exc.orig or exc}.",
        hint="Check free disk space and that no other program holds the database; "
        "wellbeing keeps trying.",
    )


def _get_or_create(conn: Connection, table: Table, column: str, value: str, **values: Any) -> int:
    """The id of the row whose ``column`` is ``value``, inserting it if missing (race-safe)."""
    find = select(table.c.id).where(table.c[column] == value)
    found = conn.scalar(find)
    if found is not None:
        return int(found)
    if native_upsert(conn):
        stmt = dialect_insert(conn, table).values({column: value, **values})
        conn.execute(stmt.on_conflict_do_nothing(index_elements=[column]))
        found = conn.scalar(find)
    else:
        found = conn.scalar(
            core_insert(table).values({column: value, **values}).returning(table.c.id)
        )
    assert found is not None
    return int(found)


def _check(pieces: Sequence[Piece]) -> None:
    for piece in pieces:
        if piece.end_ms < piece.start_ms:
            raise ValueError(f"interval ends before it starts: {piece!r}")
