"""Writing intervals of use through SQLAlchemy, with ``daily_usage`` kept in the same transaction.

``UsageWriter.save(finished, running)`` is called by the tracker every few
seconds; each call is ONE short transaction. The bookkeeping (which pieces
were written before and are updated in place, which provisional pieces were
retracted, starts already taken moved by a millisecond, the roll-up kept by
deltas, name ids cached only after commit) is :class:`storage.pieces.PieceLedger`'s,
shared with the stdlib ``sqlite3`` writer of the headless tracker
(``storage.sqlite_writer``); this module gives it the row operations as
SQLAlchemy Core statements that work on SQLite and PostgreSQL. Callers must
pass the whole current ``ActivityTracker.running()`` on every save (``()`` at
shutdown, after ``close()`` returned everything as finished).

Segment numbers restart in every process, so the ledger lives in the writer
instance, never in the database: a new writer (after a restart) starts with
none and inserts fresh rows; the last flushed provisional rows of a process
that died stay as they were.

A save that fails changes neither the database nor the writer's memory, so the
caller may retry it with the same pieces. Apps, sites and window titles are
resolved to row ids through an in-memory cache: in steady state a flush of the
running interval is one UPDATE and one upsert.

A window title is written only when the piece's ``Focus.title`` holds one,
which the tracker's classifier allows only when the user opted in to storing
titles; each distinct title is stored once in ``window_title`` (cut to
``MAX_TITLE_LENGTH`` characters) and the interval points at it.

After a commit that created app or site rows, ``on_new_names(app_keys,
domains)`` is called (if given), so the services can label the new rows
(category, display name, browser flag) from the rules; a failure there is
logged and does not undo the save.

:func:`relabel` writes what the current rules say about the rows already
there (categories with colours, each app's and site's category, display name
and browser flag), so a rule change re-labels history.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, update
from sqlalchemy import insert as core_insert
from sqlalchemy.exc import OperationalError

from wellbeing.core.activity import Interval as Piece
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.db import Database
from wellbeing.storage.labels import (
    AppLabel,
    SiteLabel,
    app_update,
    recolours,
    site_update,
    split_wm_class,
)
from wellbeing.storage.models import App, Category, Site, WindowTitle
from wellbeing.storage.pieces import (
    NewNamesHook,
    PieceLedger,
    PieceRow,
    ResolvedNames,
    UsageKey,
    check_pieces,
    unwritable,
)
from wellbeing.storage.rollup import (
    INTERVAL,
    add_daily_seconds,
    dialect_insert,
    native_upsert,
    rebuild_daily_usage,
)
from wellbeing.storage.usage_sql import RECORDED_UNTIL

__all__ = [
    "AppLabel",
    "NewNamesHook",
    "RelabelCounts",
    "SiteLabel",
    "UsageWriter",
    "insert_pieces",
    "relabel",
]

APP: Table = App.__table__  # type: ignore[assignment]
SITE: Table = Site.__table__  # type: ignore[assignment]
WINDOW_TITLE: Table = WindowTitle.__table__  # type: ignore[assignment]
CATEGORY: Table = Category.__table__  # type: ignore[assignment]


class UsageWriter:
    """Stores ``core.activity.Interval`` pieces for one device."""

    def __init__(
        self, db: Database, device_id: int, *, on_new_names: NewNamesHook | None = None
    ) -> None:
        self._db = db
        self._device_id = device_id
        self._ledger = PieceLedger(on_new_names=on_new_names)

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        """Write finished and running pieces in one transaction (see the module docstring).

        Raises:
            StorageUnavailable: the database could not be written (busy, disk full).
        """
        self._ledger.save(finished, running, self._store)

    def recorded_until_ms(self) -> int | None:
        """Where this device's recorded time ends (epoch ms; None: nothing recorded)."""
        try:
            with self._db.reading() as rows:
                found = rows.rows(RECORDED_UNTIL, {"device": self._device_id})
        except OperationalError as exc:
            raise _unwritable(exc) from exc
        return None if not found or found[0][0] is None else int(found[0][0])

    def bulk_insert(self, intervals: Iterable[Piece]) -> int:
        """Insert many finished pieces at once (demo data, imports); return how many.

        One transaction, one executemany for the rows and one for the roll-up.
        Pieces are not remembered: this is not for a running interval.
        """
        pieces = list(intervals)
        check_pieces(pieces)
        if not pieces:
            return 0
        with self._store() as store:
            names = insert_pieces(store.conn, self._device_id, pieces, self._ledger)
        self._ledger.remember(names)
        return len(pieces)

    def rebuild_daily_usage(self) -> None:
        """Recompute this device's daily_usage from its intervals (repair)."""
        with self._store() as store:
            rebuild_daily_usage(store.conn, self._device_id)

    @contextlib.contextmanager
    def _store(self) -> Iterator[_SqlAlchemyStore]:
        """One transaction; database errors become StorageUnavailable."""
        try:
            with self._db.transaction() as conn:
                yield _SqlAlchemyStore(conn, self._device_id)
        except OperationalError as exc:
            raise _unwritable(exc) from exc


def insert_pieces(
    conn: Connection, device_id: int, pieces: Sequence[Piece], ledger: PieceLedger | None = None
) -> ResolvedNames:
    """Insert finished pieces of one device inside the caller's transaction.

    One executemany for the rows and one for the roll-up; the app, site and
    title rows they name are found or created. Returns the names resolved (a
    writer remembers them after the commit).
    """
    store = _SqlAlchemyStore(conn, device_id)
    names = (ledger or PieceLedger()).resolve(store, [p.focus for p in pieces])
    deltas: defaultdict[UsageKey, int] = defaultdict(int)
    for first in range(0, len(pieces), _INSERT_BATCH):  # bounded memory for a year's import
        rows = []
        for piece in pieces[first:first + _INSERT_BATCH]:
            row = PieceRow.of(piece, names.ids[piece.focus])
            deltas[(piece.local_date, row.app_id, row.site_id)] += piece.end_ms - piece.start_ms
            rows.append(store.row_params(row))
        conn.execute(core_insert(INTERVAL), rows)
    if deltas:
        add_daily_seconds(conn, device_id, deltas)
    return names


_INSERT_BATCH = 5000


class _SqlAlchemyStore:
    """The ledger's row operations (``storage.pieces.RowStore``) on a SQLAlchemy connection."""

    def __init__(self, conn: Connection, device_id: int) -> None:
        self.conn = conn
        self._device_id = device_id
        self._native = native_upsert(conn)

    def app_id(self, key: str, display_name: str) -> int:
        return _get_or_create(self.conn, APP, "key", key, display_name=display_name)

    def site_id(self, domain: str) -> int:
        return _get_or_create(self.conn, SITE, "domain", domain, display_name=domain)

    def title_id(self, title: str) -> int:
        return _get_or_create(self.conn, WINDOW_TITLE, "title", title)

    def insert_piece(self, row: PieceRow) -> bool:
        if not self._native:  # no ON CONFLICT: a taken key fails the transaction
            self.conn.execute(core_insert(INTERVAL), self.row_params(row))
            return True
        statement = _insert_unless_taken(self.conn)
        # RETURNING gives a row back when it was stored
        return self.conn.execute(statement, self.row_params(row)).first() is not None

    def update_pieces(self, changes: Sequence[tuple[int, PieceRow]]) -> None:
        self.conn.execute(_UPDATE_PIECE, [
            {
                "b_device_id": self._device_id,
                "b_local_date": row.local_date,
                "b_stored_start": stored_start,
                "b_app_id": row.app_id,
                "b_site_id": row.site_id,
                "b_title_id": row.title_id,
                "b_start_ms": row.start_ms,
                "b_end_ms": row.end_ms,
                "b_utc_offset_min": row.utc_offset_min,
            }
            for stored_start, row in changes
        ])

    def delete_pieces(self, keys: Sequence[tuple[date, int]]) -> None:
        self.conn.execute(_DELETE_PIECE, [
            {"b_device_id": self._device_id, "b_local_date": day, "b_start_ms": start}
            for day, start in keys
        ])

    def add_usage(self, deltas: Mapping[UsageKey, int]) -> None:
        add_daily_seconds(self.conn, self._device_id, deltas)

    def row_params(self, row: PieceRow) -> dict[str, Any]:
        return {
            "device_id": self._device_id,
            "app_id": row.app_id,
            "site_id": row.site_id,
            "title_id": row.title_id,
            "start_ms": row.start_ms,
            "end_ms": row.end_ms,
            "utc_offset_min": row.utc_offset_min,
            "local_date": row.local_date,
        }


_DELETE_PIECE = delete(INTERVAL).where(
    INTERVAL.c.device_id == bindparam("b_device_id"),
    INTERVAL.c.local_date == bindparam("b_local_date"),
    INTERVAL.c.start_ms == bindparam("b_start_ms"),
)
_UPDATE_PIECE = (
    update(INTERVAL)
    .where(
        INTERVAL.c.device_id == bindparam("b_device_id"),
        INTERVAL.c.local_date == bindparam("b_local_date"),
        INTERVAL.c.start_ms == bindparam("b_stored_start"),
    )
    .values(
        app_id=bindparam("b_app_id"),
        site_id=bindparam("b_site_id"),
        title_id=bindparam("b_title_id"),
        start_ms=bindparam("b_start_ms"),
        end_ms=bindparam("b_end_ms"),
        utc_offset_min=bindparam("b_utc_offset_min"),
    )
)


_INSERTS: dict[str, Any] = {}


def _insert_unless_taken(conn: Connection) -> Any:
    """INSERT … ON CONFLICT DO NOTHING RETURNING for one interval row, built once per dialect.

    RETURNING says whether the row went in (a row back) or the key was taken
    (none); ``rowcount`` is not reliable for INSERT on every driver.
    """
    statement = _INSERTS.get(conn.dialect.name)
    if statement is None:
        statement = _INSERTS[conn.dialect.name] = (
            dialect_insert(conn, INTERVAL)
            .on_conflict_do_nothing()
            .returning(INTERVAL.c.start_ms)
        )
    return statement


def _unwritable(exc: OperationalError) -> StorageUnavailable:
    return unwritable(exc.orig or exc)


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


# -- labels from the rules -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelabelCounts:
    """How many rows :func:`relabel` changed (0, 0, 0 when everything was current)."""

    categories: int
    apps: int
    sites: int


def relabel(
    db: Database,
    categories: Mapping[str, str],
    label_app: Callable[[str, tuple[str, ...]], AppLabel],
    label_site: Callable[[str], SiteLabel],
    *,
    wm_classes: Mapping[str, tuple[str, ...]] | None = None,
) -> RelabelCounts:
    """Bring every category, app and site row in line with the current rules.

    One transaction: three reads (categories, apps, sites), then writes only
    for rows that differ (one executemany each), so an up-to-date database
    costs three SELECTs and takes no write lock.

    Args:
        db: the database.
        categories: every known category name -> colour (rows are created or recoloured;
            categories no longer named are kept, unused).
        label_app: (app key, WM_CLASS parts) -> its label; the parts are those in
            ``wm_classes`` if given for that key, else the ones stored.
        label_site: domain -> its label.
        wm_classes: WM_CLASS parts seen for some app keys; they are stored.

    Raises:
        StorageUnavailable: the database could not be written (busy, disk full).
    """
    seen = wm_classes or {}
    try:
        with db.transaction() as conn:
            category_ids, changed_categories = _sync_categories(conn, categories)
            app_rows = conn.execute(
                select(APP.c.id, APP.c.key, APP.c.display_name, APP.c.category_id,
                       APP.c.is_browser, APP.c.wm_class)
            ).all()
            site_rows = conn.execute(
                select(SITE.c.id, SITE.c.domain, SITE.c.display_name, SITE.c.category_id)
            ).all()
            labels = [label_app(r.key, seen.get(r.key) or split_wm_class(r.wm_class))
                      for r in app_rows]
            site_labels = [label_site(r.domain) for r in site_rows]
            wanted = {lb.category for lb in labels if lb.category}
            wanted |= {lb.category for lb in site_labels if lb.category}
            missing = wanted - category_ids.keys()
            if missing:  # a rule names a category without a colour
                more, extra = _sync_categories(conn, {n: None for n in missing}, recolour=False)
                category_ids.update(more)
                changed_categories += extra
            app_updates = [
                update for row, label in zip(app_rows, labels, strict=True)
                if (update := app_update(tuple(row), label, seen.get(row.key), category_ids))
            ]
            site_updates = [
                update for row, label in zip(site_rows, site_labels, strict=True)
                if (update := site_update(tuple(row), label, category_ids))
            ]
            if app_updates:
                conn.execute(_UPDATE_APP, app_updates)
            if site_updates:
                conn.execute(_UPDATE_SITE, site_updates)
    except OperationalError as exc:
        raise _unwritable(exc) from exc
    return RelabelCounts(changed_categories, len(app_updates), len(site_updates))


def _sync_categories(
    conn: Connection, colours: Mapping[str, str | None], *, recolour: bool = True
) -> tuple[dict[str, int], int]:
    """Create missing categories and recolour changed ones; return name -> id and changes."""
    rows = conn.execute(select(CATEGORY.c.id, CATEGORY.c.name, CATEGORY.c.color)).all()
    ids = {row.name: int(row.id) for row in rows}
    recoloured = [
        {"b_id": row_id, "b_color": colour}
        for row_id, colour in (recolours([tuple(r) for r in rows], colours) if recolour else [])
    ]
    new = [{"name": name, "color": colour} for name, colour in colours.items() if name not in ids]
    if recoloured:
        conn.execute(_RECOLOUR, recoloured)
    if new:
        if native_upsert(conn):
            stmt = dialect_insert(conn, CATEGORY).on_conflict_do_nothing(index_elements=["name"])
            conn.execute(stmt, new)
        else:
            conn.execute(core_insert(CATEGORY), new)
        names = [row["name"] for row in new]
        found = conn.execute(
            select(CATEGORY.c.id, CATEGORY.c.name).where(CATEGORY.c.name.in_(names))
        )
        ids.update({row.name: int(row.id) for row in found})
    return ids, len(recoloured) + len(new)


_UPDATE_APP = (
    update(APP)
    .where(APP.c.id == bindparam("b_id"))
    .values(
        display_name=bindparam("b_display_name"),
        category_id=bindparam("b_category_id"),
        is_browser=bindparam("b_is_browser"),
        wm_class=bindparam("b_wm_class"),
    )
)
_UPDATE_SITE = (
    update(SITE)
    .where(SITE.c.id == bindparam("b_id"))
    .values(display_name=bindparam("b_display_name"), category_id=bindparam("b_category_id"))
)
_RECOLOUR = update(CATEGORY).where(CATEGORY.c.id == bindparam("b_id")).values(
    color=bindparam("b_color")
)
