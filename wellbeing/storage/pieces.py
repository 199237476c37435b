"""What a usage writer remembers between saves, and the row operations it needs (no SQL here).

The tracker calls ``save(finished, running)`` every few seconds. Each call is
ONE short transaction. A piece is identified by ``(segment, local_date)``: the
running interval is flushed again and again as it grows (same segment and
start), so a piece written before is UPDATED and ``daily_usage`` gets only
the difference; a new piece is INSERTED and ``daily_usage`` gets all of its
milliseconds. Pieces reported as finished are forgotten after writing. Rows
are found again by their primary key ``(device_id, local_date, start_ms)``; a
new piece whose start is already taken that day (possible only after the wall
clock was set back) is stored 1 ms later (at most :data:`MAX_MOVE_MS` later,
else it is not stored), and its roll-up share is that of the row as stored.

``running`` is the tracker's complete set of *provisional* pieces, which
replaces the previous one: a provisional piece written before that comes
back neither as running nor as finished was retracted (an idle cut reached
back before its start), so its row is deleted and its milliseconds are taken
out of ``daily_usage``; a finished piece with nothing left (``end == start``)
is retracted the same way. Segment numbers restart in every process, so this
memory lives in the :class:`PieceLedger`, never in the database.

A save that fails changes neither the database (the caller's transaction is
rolled back) nor the ledger: the new memory and the app/site/title ids
created in the transaction are taken over only after the transaction
committed, and only then is ``on_new_names`` called.

:class:`PieceLedger` does this bookkeeping; a writer gives it a
:class:`RowStore` (the handful of row operations, bound to one device and one
open transaction) through a context manager that commits on a clean exit.
``storage.writer`` (SQLAlchemy) and ``storage.sqlite_writer`` (stdlib
``sqlite3``, for the lean headless tracker) are the two writers. This module
imports neither SQLAlchemy nor anything that does.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from wellbeing.core.activity import Focus
from wellbeing.core.activity import Interval as Piece
from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable

log = logging.getLogger(__name__)

#: Called after a commit that created rows: (new app keys, new site domains).
NewNamesHook = Callable[[Sequence[str], Sequence[str]], None]
#: Longer titles are cut to this many characters (keeps the unique index small everywhere).
MAX_TITLE_LENGTH = 500
#: A new piece whose start is taken moves at most this far (then it is not stored).
MAX_MOVE_MS = 1000
#: Window-title ids kept in memory; the cache is emptied when it would grow past this.
TITLE_CACHE_SIZE = 4096
#: Day number 0 of a ``local_date`` column.
EPOCH_DAY = date(1970, 1, 1)

#: (segment, local_date): a piece as the tracker names it within one process.
PieceKey = tuple[int, date]
#: (local_date, app_id, site_id): one daily_usage row of the device.
UsageKey = tuple[date, int, int | None]
#: app_id, site_id, title_id.
NameIds = tuple[int, int | None, int | None]


def day_number(day: date) -> int:
    """Days from 1970-01-01 to ``day`` (what a ``local_date`` column stores)."""
    return (day - EPOCH_DAY).days


def unwritable(reason: object) -> StorageUnavailable:
    """The error for a database that could not be written (busy, disk full, I/O)."""
    return StorageUnavailable(
        translate("Storage", "Could not save usage to the database: {reason}.").format(
            reason=reason),
        hint=translate("Storage", "Check free disk space and that no other program holds the "
                                  "database; wellbeing keeps trying."),
    )


def check_pieces(pieces: Iterable[Piece]) -> None:
    """Raise ValueError for a piece that ends before it starts."""
    for piece in pieces:
        if piece.end_ms < piece.start_ms:
            raise ValueError(f"interval ends before it starts: {piece!r}")


@dataclass(frozen=True, slots=True)
class PieceRow:
    """The values of one ``interval`` row of the store's device."""

    local_date: date
    start_ms: int
    end_ms: int
    utc_offset_min: int
    app_id: int
    site_id: int | None
    title_id: int | None

    @classmethod
    def of(cls, piece: Piece, ids: NameIds) -> PieceRow:
        """The row for ``piece`` with its app, site and title ids."""
        return cls(piece.local_date, piece.start_ms, piece.end_ms, piece.utc_offset_min, *ids)


class RowStore(Protocol):
    """Row operations on one device's data inside one open transaction.

    Pieces are addressed by ``(local_date, start_ms)`` (the device is the store's).
    """

    def app_id(self, key: str, display_name: str) -> int:
        """The id of the app ``key``, created with ``display_name`` if missing."""
        ...

    def site_id(self, domain: str) -> int:
        """The id of the site ``domain``, created if missing."""
        ...

    def title_id(self, title: str) -> int:
        """The id of the window title ``title``, created if missing."""
        ...

    def insert_piece(self, row: PieceRow) -> bool:
        """Insert ``row`` unless its key is taken; whether it was inserted."""
        ...

    def update_pieces(self, changes: Sequence[tuple[int, PieceRow]]) -> None:
        """Overwrite each row stored at (row.local_date, old start) with row: (old start, row)."""
        ...

    def delete_pieces(self, keys: Sequence[tuple[date, int]]) -> None:
        """Delete the rows at these (local_date, start_ms)."""
        ...

    def add_usage(self, deltas: Mapping[UsageKey, int]) -> None:
        """Add each (non-zero) delta in milliseconds to its daily_usage row, creating rows."""
        ...


#: Opens a transaction and yields its store; commits on a clean exit, rolls back on error.
OpenStore = Callable[[], AbstractContextManager[RowStore]]


@dataclass(frozen=True, slots=True)
class WrittenPiece:
    """What was last stored for a provisional (running) piece."""

    start_ms: int  # as stored: the row's key with (device, local_date)
    usage: UsageKey
    ms: int


@dataclass(slots=True)
class ResolvedNames:
    """The ids of some focuses, and the name rows created for them (not yet committed)."""

    ids: dict[Focus, NameIds] = field(default_factory=dict)
    new_apps: dict[str, int] = field(default_factory=dict)
    new_sites: dict[str, int] = field(default_factory=dict)
    new_titles: dict[str, int] = field(default_factory=dict)


class PieceLedger:
    """A writer's memory: provisional pieces written, name ids known (see the module docstring).

    Args:
        on_new_names: called after a commit that created app or site rows; a failure
            there is logged and does not undo the save.
    """

    def __init__(self, *, on_new_names: NewNamesHook | None = None) -> None:
        self._on_new_names = on_new_names
        self._written: dict[PieceKey, WrittenPiece] = {}
        self._app_ids: dict[str, int] = {}
        self._site_ids: dict[str, int] = {}
        self._title_ids: dict[str, int] = {}

    @property
    def written(self) -> Mapping[PieceKey, WrittenPiece]:
        """The provisional pieces stored by the last save, by (segment, local_date)."""
        return dict(self._written)

    def save(
        self, finished: Sequence[Piece], running: Sequence[Piece], open_store: OpenStore
    ) -> None:
        """Write finished and running pieces in one transaction; remember them after commit.

        Raises:
            ValueError: a piece ends before it starts (nothing was written).
            Exception: whatever ``open_store`` or the store raise; the ledger is unchanged.
        """
        if not finished and not running and not self._written:
            return
        check_pieces(finished)
        check_pieces(running)
        with open_store() as store:
            names = self.resolve(store, [p.focus for p in (*finished, *running)])
            provisional = self._write(store, names.ids, finished, running)
        self._written = provisional
        self.remember(names)

    def resolve(self, store: RowStore, focuses: Iterable[Focus]) -> ResolvedNames:
        """Map each focus to (app_id, site_id, title_id), creating rows; see :meth:`remember`."""
        names = ResolvedNames()
        for focus in focuses:
            if focus in names.ids:
                continue
            app_id = _known(focus.app_key, self._app_ids, names.new_apps)
            if app_id is None:
                app_id = store.app_id(focus.app_key, focus.app_name or focus.app_key)
                names.new_apps[focus.app_key] = app_id
            site_id: int | None = None
            if focus.site:
                site_id = _known(focus.site, self._site_ids, names.new_sites)
                if site_id is None:
                    site_id = names.new_sites[focus.site] = store.site_id(focus.site)
            title_id: int | None = None
            if focus.title:
                title = focus.title[:MAX_TITLE_LENGTH]
                title_id = _known(title, self._title_ids, names.new_titles)
                if title_id is None:
                    title_id = names.new_titles[title] = store.title_id(title)
            names.ids[focus] = (app_id, site_id, title_id)
        return names

    def remember(self, names: ResolvedNames) -> None:
        """After a commit: cache the ids of the rows it created and call ``on_new_names``."""
        self._app_ids.update(names.new_apps)
        self._site_ids.update(names.new_sites)
        if len(self._title_ids) + len(names.new_titles) > TITLE_CACHE_SIZE:
            self._title_ids.clear()
        self._title_ids.update(names.new_titles)
        if self._on_new_names is not None and (names.new_apps or names.new_sites):
            try:
                self._on_new_names(sorted(names.new_apps), sorted(names.new_sites))
            except Exception:  # noqa: BLE001 - labelling must never lose a save
                log.exception("could not label new apps/sites %s %s",
                              names.new_apps, names.new_sites)

    def _write(
        self,
        store: RowStore,
        ids: Mapping[Focus, NameIds],
        finished: Sequence[Piece],
        running: Sequence[Piece],
    ) -> dict[PieceKey, WrittenPiece]:
        """Insert, update and delete rows and add the roll-up; return the new provisional memory."""
        previous = dict(self._written)
        provisional: dict[PieceKey, WrittenPiece] = {}
        deltas: defaultdict[UsageKey, int] = defaultdict(int)
        changed: list[tuple[int, PieceRow]] = []
        for piece, is_running in [(p, False) for p in finished] + [(p, True) for p in running]:
            key = (piece.segment, piece.local_date)
            row = PieceRow.of(piece, ids[piece.focus])
            usage = (piece.local_date, row.app_id, row.site_id)
            before = previous.pop(key, None)
            if before is not None and not is_running and piece.end_ms == piece.start_ms:
                previous[key] = before  # finished with nothing left: same as retracted
            elif before is not None:
                deltas[before.usage] -= before.ms
                # a start moved at insertion stays moved (the row's key)
                start = max(piece.start_ms, before.start_ms)
                ms = max(0, piece.end_ms - start)
                deltas[usage] += ms
                # a row never ends before its (moved) start
                end = max(piece.end_ms, start)
                changed.append((before.start_ms, replace(row, start_ms=start, end_ms=end)))
                if is_running:
                    provisional[key] = WrittenPiece(start, usage, ms)
            elif is_running or piece.end_ms > piece.start_ms:
                stored_start = _insert_moving(store, row)
                if stored_start is None:
                    continue
                ms = max(0, piece.end_ms - stored_start)
                deltas[usage] += ms
                if is_running:
                    provisional[key] = WrittenPiece(stored_start, usage, ms)
        # Provisional pieces neither re-sent nor made final were retracted by the tracker.
        for gone in previous.values():
            deltas[gone.usage] -= gone.ms
        if previous:
            store.delete_pieces([(day, w.start_ms) for (_segment, day), w in previous.items()])
        if changed:
            store.update_pieces(changed)
        nonzero = {usage: ms for usage, ms in deltas.items() if ms != 0}
        if nonzero:
            store.add_usage(nonzero)
        return provisional


def _known(name: str, cached: Mapping[str, int], new: Mapping[str, int]) -> int | None:
    found = cached.get(name)
    return new.get(name) if found is None else found


def _insert_moving(store: RowStore, row: PieceRow) -> int | None:
    """Insert a new piece; return the start it was stored with (None: not stored).

    The start moves by 1 ms while another row of this device and day holds it;
    a piece too short to move past its twins is not stored.
    """
    last = min(row.end_ms, row.start_ms + MAX_MOVE_MS)
    for start in range(row.start_ms, max(last, row.start_ms + 1)):
        if store.insert_piece(row if start == row.start_ms else replace(row, start_ms=start)):
            if start != row.start_ms:
                log.warning("a piece's start was taken; stored %d ms later: %r",
                            start - row.start_ms, row)
            return start
    log.warning("not stored: pieces already start in each of its first ms: %r", row)
    return None
