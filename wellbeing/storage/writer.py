"""Writing intervals of use, keeping the ``daily_usage`` roll-up exact in the same transaction.

``UsageWriter.save(finished, running)`` is called by the tracker every few
seconds. Each call is ONE short transaction. A piece is identified by
``(segment, local_date)``: the running interval is flushed again and again as
it grows (same segment and start), so a piece written before is UPDATED and
``daily_usage`` gets only the difference; a new piece is INSERTED and
``daily_usage`` gets all of its seconds. Pieces reported as finished are
forgotten after writing. Rows are found again by their primary key
``(device_id, local_date, start_ms)``; a new piece whose start is already taken
that day (possible only after the wall clock was set back) is stored 1 ms later,
and its roll-up seconds are those of the row as stored.

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
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
from wellbeing.storage.models import MAX_TITLE_LENGTH, App, Category, Site, WindowTitle
from wellbeing.storage.rollup import (
    INTERVAL,
    add_daily_seconds,
    dialect_insert,
    native_upsert,
    rebuild_daily_usage,
)

APP: Table = App.__table__  # type: ignore[assignment]
SITE: Table = Site.__table__  # type: ignore[assignment]
WINDOW_TITLE: Table = WindowTitle.__table__  # type: ignore[assignment]
CATEGORY: Table = Category.__table__  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: Called after a commit that created rows: (new app keys, new site domains).
NewNamesHook = Callable[[Sequence[str], Sequence[str]], None]
_TITLE_CACHE_SIZE = 4096
#: A new piece whose start is taken moves at most this far (then it is not stored).
_MAX_MOVE_MS = 1000

_PieceKey = tuple[int, date]
_UsageKey = tuple[date, int, int | None]
_Ids = tuple[int, int | None, int | None]  # app_id, site_id, title_id


@dataclass(frozen=True, slots=True)
class _Written:
    """What this writer last stored for a provisional (running) piece."""

    start_ms: int  # as stored: the row's key with (device, local_date)
    usage: _UsageKey
    ms: int


class UsageWriter:
    """Stores ``core.activity.Interval`` pieces for one device."""

    def __init__(
        self, db: Database, device_id: int, *, on_new_names: NewNamesHook | None = None
    ) -> None:
        self._db = db
        self._device_id = device_id
        self._on_new_names = on_new_names
        self._written: dict[_PieceKey, _Written] = {}
        self._app_ids: dict[str, int] = {}
        self._site_ids: dict[str, int] = {}
        self._title_ids: dict[str, int] = {}
        self._pending_names: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})

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
            changed: list[dict[str, Any]] = []
            for piece, is_running in [(p, False) for p in finished] + [(p, True) for p in running]:
                key = (piece.segment, piece.local_date)
                ids = names[piece.focus]
                usage = (piece.local_date, ids[0], ids[1])
                before = previous.pop(key, None)
                if before is not None and not is_running and piece.end_ms == piece.start_ms:
                    previous[key] = before  # finished with nothing left: same as retracted
                elif before is not None:
                    deltas[before.usage] -= before.ms
                    # a start moved at insertion stays moved (the row's key)
                    start = max(piece.start_ms, before.start_ms)
                    ms = max(0, piece.end_ms - start)
                    deltas[usage] += ms
                    changed.append(self._update_params(before.start_ms, start, piece, ids))
                    if is_running:
                        provisional[key] = _Written(start, usage, ms)
                elif is_running or piece.end_ms > piece.start_ms:
                    stored_start = self._insert_new(conn, piece, ids)
                    if stored_start is None:
                        continue
                    ms = max(0, piece.end_ms - stored_start)
                    deltas[usage] += ms
                    if is_running:
                        provisional[key] = _Written(stored_start, usage, ms)
            # Provisional pieces neither re-sent nor made final were retracted by the tracker.
            for gone in previous.values():
                deltas[gone.usage] -= gone.ms
            if previous:
                conn.execute(_DELETE_PIECE, [
                    {"b_device_id": self._device_id, "b_local_date": day, "b_start_ms": w.start_ms}
                    for (_segment, day), w in previous.items()
                ])
            if changed:
                conn.execute(_UPDATE_PIECE, changed)
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
                ids = names[piece.focus]
                deltas[(piece.local_date, ids[0], ids[1])] += piece.end_ms - piece.start_ms
                rows.append(self._row(piece, ids))
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
        self._pending_names = ({}, {}, {})
        try:
            with self._db.transaction() as conn:
                yield conn
        except OperationalError as exc:
            raise _unwritable(exc) from exc
        self._remember_names()

    def _row(self, piece: Piece, ids: _Ids) -> dict[str, Any]:
        return {
            "device_id": self._device_id,
            "app_id": ids[0],
            "site_id": ids[1],
            "title_id": ids[2],
            "start_ms": piece.start_ms,
            "end_ms": piece.end_ms,
            "utc_offset_min": piece.utc_offset_min,
            "local_date": piece.local_date,
        }

    def _insert_new(self, conn: Connection, piece: Piece, ids: _Ids) -> int | None:
        """Insert one new piece; return the start it was stored with (None: not stored).

        The start moves by 1 ms while another row of this device and day holds
        it; a piece too short to move past its twins is not stored.
        """
        row = self._row(piece, ids)
        if not native_upsert(conn):
            conn.execute(core_insert(INTERVAL), row)
            return piece.start_ms
        statement = _insert_unless_taken(conn)
        last = min(piece.end_ms, piece.start_ms + _MAX_MOVE_MS)
        for start in range(piece.start_ms, max(last, piece.start_ms + 1)):
            row["start_ms"] = start
            if conn.execute(statement, row).first() is not None:  # RETURNING: it was stored
                if start != piece.start_ms:
                    log.warning("a piece's start was taken; stored %d ms later: %r",
                                start - piece.start_ms, piece)
                return start
        log.warning("not stored: pieces already start in each of its first ms: %r", piece)
        return None

    def _update_params(
        self, stored_start: int, start: int, piece: Piece, ids: _Ids
    ) -> dict[str, Any]:
        return {
            "b_device_id": self._device_id,
            "b_local_date": piece.local_date,
            "b_stored_start": stored_start,
            "b_app_id": ids[0],
            "b_site_id": ids[1],
            "b_title_id": ids[2],
            "b_start_ms": start,
            "b_end_ms": piece.end_ms,
            "b_utc_offset_min": piece.utc_offset_min,
        }

    def _resolve(self, conn: Connection, focuses: Iterable[Focus]) -> dict[Focus, _Ids]:
        """Map each focus to (app_id, site_id, title_id), creating rows; cached on commit."""
        new_apps: dict[str, int] = {}
        new_sites: dict[str, int] = {}
        new_titles: dict[str, int] = {}
        out: dict[Focus, _Ids] = {}
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
            title_id: int | None = None
            if focus.title:
                title = focus.title[:MAX_TITLE_LENGTH]
                title_id = self._title_ids.get(title) or new_titles.get(title)
                if title_id is None:
                    title_id = _get_or_create(conn, WINDOW_TITLE, "title", title)
                    new_titles[title] = title_id
            out[focus] = (app_id, site_id, title_id)
        self._pending_names = (new_apps, new_sites, new_titles)
        return out

    def _remember_names(self) -> None:
        """After a commit: the rows created in it now exist, so cache their ids."""
        new_apps, new_sites, new_titles = self._pending_names
        self._app_ids.update(new_apps)
        self._site_ids.update(new_sites)
        if len(self._title_ids) + len(new_titles) > _TITLE_CACHE_SIZE:
            self._title_ids.clear()
        self._title_ids.update(new_titles)
        self._pending_names = ({}, {}, {})
        if self._on_new_names is not None and (new_apps or new_sites):
            try:
                self._on_new_names(sorted(new_apps), sorted(new_sites))
            except Exception:  # noqa: BLE001 - labelling must never lose a save
                log.exception("could not label new apps/sites %s %s", new_apps, new_sites)


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


# -- labels from the rules -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AppLabel:
    """What the current rules say about an app.

    Attributes:
        display_name: the name a rule gives it, or None to keep the stored one.
        category: its category, or None for uncategorised.
        is_browser: whether its use is split into websites.
    """

    display_name: str | None
    category: str | None
    is_browser: bool


@dataclass(frozen=True, slots=True)
class SiteLabel:
    """What the current rules say about a website: display name and category (None: none)."""

    display_name: str
    category: str | None


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
            labels = [label_app(r.key, seen.get(r.key) or _split_wm_class(r.wm_class))
                      for r in app_rows]
            site_labels = [label_site(r.domain) for r in site_rows]
            wanted = {lb.category for lb in labels if lb.category}
            wanted |= {lb.category for lb in site_labels if lb.category}
            missing = wanted - category_ids.keys()
            if missing:  # a rule names a category without a colour
                more, extra = _sync_categories(conn, {n: None for n in missing}, recolour=False)
                category_ids.update(more)
                changed_categories += extra
            app_updates = []
            for row, label in zip(app_rows, labels, strict=True):
                parts = seen.get(row.key)
                new = {
                    "b_display_name": label.display_name or row.display_name,
                    "b_category_id": category_ids[label.category] if label.category else None,
                    "b_is_browser": label.is_browser,
                    "b_wm_class": "\t".join(parts)[:255] if parts else row.wm_class,
                }
                old = (row.display_name, row.category_id, bool(row.is_browser), row.wm_class)
                if tuple(new.values()) != old:
                    app_updates.append({"b_id": row.id, **new})
            site_updates = []
            for site, site_label in zip(site_rows, site_labels, strict=True):
                category_id = category_ids[site_label.category] if site_label.category else None
                if (site_label.display_name, category_id) != (site.display_name, site.category_id):
                    site_updates.append({"b_id": site.id, "b_display_name": site_label.display_name,
                                         "b_category_id": category_id})
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
        {"b_id": row.id, "b_color": colours[row.name]}
        for row in rows
        if recolour and row.name in colours and colours[row.name] != row.color
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


def _split_wm_class(stored: str | None) -> tuple[str, ...]:
    return tuple(stored.split("\t")) if stored else ()


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
