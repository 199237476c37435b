"""The writers' shared bookkeeping (``storage.pieces.PieceLedger``), on an in-memory store.

:class:`MemoryStore` is a ``RowStore`` kept in dictionaries, with rollback by
snapshot, so the ledger's decisions (which operations it asks for, what it
remembers, what a failure leaves behind) are checked without any database.
"""

from __future__ import annotations

import contextlib
import copy
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.storage.helpers import (
    CODE,
    DAY,
    FOCUSES,
    TERMINAL,
    TRACKER_STEPS,
    YOUTUBE,
    TrackerSimulation,
    local_ms,
    piece,
)
from wellbeing.core.activity import Focus, Interval
from wellbeing.storage import pieces
from wellbeing.storage.pieces import (
    MAX_MOVE_MS,
    MAX_TITLE_LENGTH,
    NewNamesHook,
    PieceLedger,
    PieceRow,
    UsageKey,
    day_number,
)


@dataclass
class Tables:
    names: dict[tuple[str, str], int] = field(default_factory=dict)
    rows: dict[tuple[date, int], PieceRow] = field(default_factory=dict)
    usage: defaultdict[UsageKey, int] = field(default_factory=lambda: defaultdict(int))


class MemoryStore:
    """A RowStore in memory; ``calls`` logs the operations asked for, ``fail_on`` breaks one."""

    def __init__(self) -> None:
        self.tables = Tables()
        self.calls: list[str] = []
        self.fail_on: str | None = None
        self.fail_commit = False

    @contextlib.contextmanager
    def transaction(self) -> Iterator[MemoryStore]:
        """Commit on a clean exit (unless ``fail_commit``); otherwise restore the snapshot."""
        before = copy.deepcopy(self.tables)
        try:
            yield self
            if self.fail_commit:
                raise OSError("commit failed")
        except BaseException:
            self.tables = before
            raise

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if name == self.fail_on:
            raise OSError(f"{name} failed")

    def _name(self, kind: str, value: str) -> int:
        self._call(f"{kind}_id")
        return self.tables.names.setdefault((kind, value), len(self.tables.names) + 1)

    def app_id(self, key: str, display_name: str) -> int:
        return self._name("app", key)

    def site_id(self, domain: str) -> int:
        return self._name("site", domain)

    def title_id(self, title: str) -> int:
        return self._name("title", title)

    def insert_piece(self, row: PieceRow) -> bool:
        self._call("insert_piece")
        key = (row.local_date, row.start_ms)
        if key in self.tables.rows:
            return False
        self.tables.rows[key] = row
        return True

    def update_pieces(self, changes: Sequence[tuple[int, PieceRow]]) -> None:
        self._call("update_pieces")
        for stored_start, row in changes:
            del self.tables.rows[(row.local_date, stored_start)]
            self.tables.rows[(row.local_date, row.start_ms)] = row

    def delete_pieces(self, keys: Sequence[tuple[date, int]]) -> None:
        self._call("delete_pieces")
        for key in keys:
            del self.tables.rows[key]

    def add_usage(self, deltas: Mapping[UsageKey, int]) -> None:
        self._call("add_usage")
        assert all(deltas.values()), "zero deltas are not sent"
        for key, ms in deltas.items():
            self.tables.usage[key] += ms

    def sums(self) -> dict[UsageKey, int]:
        """Milliseconds per usage key summed from the rows (what the roll-up must hold)."""
        out: defaultdict[UsageKey, int] = defaultdict(int)
        for row in self.tables.rows.values():
            out[(row.local_date, row.app_id, row.site_id)] += row.end_ms - row.start_ms
        return {k: v for k, v in out.items() if v}

    def usage(self) -> dict[UsageKey, int]:
        return {k: v for k, v in self.tables.usage.items() if v}


class LedgerWriter:
    """A writer made of a ledger and the memory store (what both real writers are)."""

    def __init__(self, store: MemoryStore, *, on_new_names: NewNamesHook | None = None) -> None:
        self.store = store
        self.ledger = PieceLedger(on_new_names=on_new_names)

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        self.ledger.save(finished, running, self.store.transaction)


@pytest.fixture
def store() -> MemoryStore:
    return MemoryStore()


def test_day_numbers_count_days_from_1970() -> None:
    assert day_number(date(1970, 1, 1)) == 0
    assert day_number(date(1970, 1, 2)) == 1
    assert day_number(date(1969, 12, 31)) == -1
    assert day_number(DAY) == (DAY - date(1970, 1, 1)).days == 20522


def test_a_growing_piece_is_inserted_once_then_updated(store: MemoryStore) -> None:
    writer = LedgerWriter(store)
    writer.save([], [piece(CODE, 9, 9.5)])
    assert store.calls == ["app_id", "insert_piece", "add_usage"]
    store.calls.clear()
    writer.save([], [piece(CODE, 9, 10)])
    assert store.calls == ["update_pieces", "add_usage"]  # the steady-state flush
    assert store.usage() == store.sums() == {(DAY, 1, None): 3_600_000}
    store.calls.clear()
    writer.save([piece(CODE, 9, 10)])  # finished unchanged: the row is rewritten, no delta
    assert store.calls == ["update_pieces"]
    assert writer.ledger.written == {}


def test_nothing_to_write_opens_no_transaction(store: MemoryStore) -> None:
    writer = LedgerWriter(store)

    def no_store() -> contextlib.AbstractContextManager[MemoryStore]:
        raise AssertionError("opened a transaction for nothing")

    writer.ledger.save([], [], no_store)
    writer.save([], [piece(CODE, 9, 9.5)])
    writer.save([], [])  # retracts the provisional row: this one must write
    assert store.calls[-2:] == ["delete_pieces", "add_usage"]
    writer.ledger.save([], [], no_store)
    assert store.tables.rows == {}


def test_retracted_and_emptied_pieces_leave_neither_row_nor_seconds(store: MemoryStore) -> None:
    writer = LedgerWriter(store)
    writer.save([], [piece(CODE, 9, 9.5, segment=0), piece(TERMINAL, 9.5, 10, segment=1)])
    writer.save([piece(TERMINAL, 9.5, 9.5, segment=1)], [])  # emptied; segment 0 not re-sent
    assert store.tables.rows == {}
    assert store.usage() == {}
    writer.save([piece(CODE, 11, 11)])  # a finished piece never written, with nothing in it
    assert store.tables.rows == {}
    assert writer.ledger.written == {}


def test_a_taken_start_moves_until_free_and_stays_moved(store: MemoryStore) -> None:
    LedgerWriter(store).save([piece(CODE, 9, 10), piece(CODE, 9.5, 10, segment=1)])
    start = local_ms(DAY, 9)
    for taken in range(start + 1, start + 3):  # 9:00:00.000 to .002 are taken
        store.insert_piece(PieceRow(DAY, taken, taken + 5, 60, 1, None, None))
    writer = LedgerWriter(store)
    writer.save([], [piece(TERMINAL, 9, 9.25)])
    assert writer.ledger.written[(0, DAY)].start_ms == start + 3
    writer.save([], [piece(TERMINAL, 9, 9.5)])
    assert store.tables.rows[(DAY, start + 3)].end_ms == local_ms(DAY, 9.5)
    assert store.usage()[(DAY, 2, None)] == local_ms(DAY, 9.5) - (start + 3)  # as stored


def test_a_piece_that_cannot_move_past_its_twins_is_not_stored(store: MemoryStore) -> None:
    start = local_ms(DAY, 9)
    for taken in range(start, start + MAX_MOVE_MS):
        store.insert_piece(PieceRow(DAY, taken, taken + 1, 60, 1, None, None))
    rows_before = dict(store.tables.rows)
    writer = LedgerWriter(store)
    writer.save([piece(CODE, 9, 9.5)], [piece(TERMINAL, 9, 9, segment=1)])
    assert store.tables.rows == rows_before
    assert writer.ledger.written == {}  # not remembered: the next save tries again
    writer.save([], [piece(TERMINAL, 9, 9.25, segment=1)])
    assert store.tables.rows == rows_before  # still every first millisecond is taken


@pytest.mark.parametrize("failure", ["add_usage", "delete_pieces", "app_id", "commit"])
def test_a_failed_save_changes_nothing_and_can_be_retried(
    store: MemoryStore, failure: str
) -> None:
    announced: list[Sequence[str]] = []
    writer = LedgerWriter(store, on_new_names=lambda apps, sites: announced.append(apps))
    writer.save([], [piece(CODE, 9, 9.5, segment=0), piece(TERMINAL, 9.5, 9.75, segment=1)])
    announced.clear()
    tables, written = copy.deepcopy(store.tables), writer.ledger.written
    # segment 1 retracted, segment 0 grows, a new app runs
    finished, running = [piece(CODE, 9, 10)], [piece(YOUTUBE, 10, 10.5, segment=2)]
    store.fail_on, store.fail_commit = failure, failure == "commit"
    with pytest.raises(OSError, match="failed"):
        writer.save(finished, running)
    assert store.tables == tables
    assert writer.ledger.written == written
    assert announced == []
    store.fail_on, store.fail_commit = None, False
    store.calls.clear()
    writer.save(finished, running)
    assert store.calls.count("app_id") == 1  # firefox again: the failed one was not cached
    assert announced == [["firefox"]]
    assert store.usage() == store.sums() == {
        (DAY, 1, None): 3_600_000,
        (DAY, 3, 4): 1_800_000,  # names: code 1, xterm 2, firefox 3, youtube.com 4
    }


def test_names_are_cached_after_commit_and_titles_cut(
    store: MemoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pieces, "TITLE_CACHE_SIZE", 2)
    writer = LedgerWriter(store)
    titled = [Focus("code", "Code", title=f"{n}" * (MAX_TITLE_LENGTH + 1)) for n in range(3)]
    writer.save([piece(focus, 9 + n, 10 + n, segment=n) for n, focus in enumerate(titled[:2])])
    assert {value for kind, value in store.tables.names if kind == "title"} == {
        "0" * MAX_TITLE_LENGTH, "1" * MAX_TITLE_LENGTH
    }
    store.calls.clear()
    writer.save([piece(titled[0], 12, 13, segment=3), piece(YOUTUBE, 13, 14, segment=4)])
    # the title is known; firefox and its site are not
    assert store.calls == ["app_id", "site_id", "insert_piece", "insert_piece", "add_usage"]
    store.calls.clear()
    writer.save([piece(titled[2], 14, 15, segment=5)])  # a third title: the cache starts over
    writer.save([piece(titled[0], 15, 16, segment=6)])
    assert store.calls.count("title_id") == 2


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*TRACKER_STEPS, "setback"]),
                          st.integers(0, len(FOCUSES) - 1), st.integers(1, 4000)),
                max_size=60))
def test_the_roll_up_always_equals_the_rows(ops: list[tuple[str, int, int]]) -> None:
    """A simulated tracker (restarts, set-back clocks): usage == the rows' sums, always."""
    store = MemoryStore()
    simulation = TrackerSimulation(lambda: LedgerWriter(store))
    for op, app, seconds in ops:
        simulation.step(op, app, seconds)
        assert store.usage() == store.sums()
    if "setback" not in [op for op, _app, _seconds in ops]:  # no start was moved
        names = {value: n for (kind, value), n in store.tables.names.items()}
        expected = {
            (day, names[app], names[site] if site else None): round(seconds * 1000)
            for (day, app, site), seconds in simulation.expected().items()
        }
        assert store.usage() == expected
    assert all(row.end_ms >= row.start_ms for row in store.tables.rows.values())
    assert {row.local_date for row in store.tables.rows.values()} <= {DAY, DAY + timedelta(1)}
