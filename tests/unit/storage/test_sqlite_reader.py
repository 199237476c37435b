"""``UsageQueries`` over the stdlib reader gives exactly what it gives over SQLAlchemy."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.storage.test_queries import D1, D2, D3, hand_made
from wellbeing.errors import StorageUnavailable
from wellbeing.services import demo
from wellbeing.storage.db import Database
from wellbeing.storage.queries import GroupBy, UsageQueries
from wellbeing.storage.sqlite_reader import SqliteReader

GROUPS: tuple[GroupBy, ...] = ("app", "site", "category")


def both(db: Database) -> tuple[UsageQueries, UsageQueries, SqliteReader]:
    path = Path(str(db.engine.url.database))
    reader = SqliteReader(path)
    return (UsageQueries(db, today=lambda: D3), UsageQueries(reader, today=lambda: D3), reader)


@pytest.mark.parametrize("by", GROUPS)
def test_every_query_answers_the_same(db: Database, by: GroupBy) -> None:
    device = hand_made(db)
    usual, quick, reader = both(db)
    try:
        assert reader.is_current()
        for start, end in ((D1, D1), (D1, D3), (D2, D3)):
            assert quick.usage(start, end, by=by) == usual.usage(start, end, by=by)
            assert quick.usage(start, end, by=by, per_day_items=False) == usual.usage(
                start, end, by=by, per_day_items=False)
            assert quick.usage(start, end, by=by, device_id=device) == usual.usage(
                start, end, by=by, device_id=device)
        assert quick.hourly(D1, by=by) == usual.hourly(D1, by=by)
        assert quick.day_facts(D1) == usual.day_facts(D1)
        assert quick.first_date() == usual.first_date() == D1
        assert quick.first_date(device) == D1
        assert quick.apps() == usual.apps()
        assert quick.day_total(D1) == usual.day_total(D1) == usual.usage(D1, D1).total_seconds
        assert quick.day_total(D3) == 0.0
    finally:
        reader.close()


def test_a_demo_month_is_read_the_same(db: Database) -> None:
    device = db.device_id("test", "linux")
    demo.fill(db, device, days=40, seed=7, end=D3)
    usual, quick, reader = both(db)
    try:
        for by in GROUPS:
            start = D3 - timedelta(days=39)
            want = usual.usage(start, D3, by=by).to_json()
            assert quick.usage(start, D3, by=by).to_json() == want
    finally:
        reader.close()


def test_a_missing_or_old_file_is_not_current(tmp_path: Path) -> None:
    assert not SqliteReader(tmp_path / "none.sqlite3").is_current()
    assert not (tmp_path / "none.sqlite3").exists()
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert not SqliteReader(empty).is_current()


def test_a_file_that_is_not_a_database_cannot_be_read(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    reader = SqliteReader(junk)
    assert not reader.is_current()
    with pytest.raises(StorageUnavailable):
        UsageQueries(reader).first_date()
