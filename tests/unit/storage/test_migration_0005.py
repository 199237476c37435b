"""Migration 0005 on a real 0004 database: the limit tables arrive, nothing else moves.

The old database is made by Alembic's own 0001-0004 scripts and filled as
0003 code wrote it (see test_migration_0004). The same tests run on PostgreSQL
(tests/integration/test_storage_postgres.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, inspect, text

from tests.unit.storage.test_migration_0004 import _fill_0003
from wellbeing.core.limits import Limit, LimitEvent, LimitTarget
from wellbeing.paths import Paths
from wellbeing.storage.db import Database, alembic_config, current_revision, schema_head
from wellbeing.storage.limits import LimitRepository

LIMIT_TABLES = {"usage_limit", "limit_event", "downtime"}


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table 0004 has, in one order."""
    tables = ["device", "category", "app", "site", "window_title", "interval", "daily_usage",
              "meta"]
    with engine.connect() as conn:
        return {
            table: sorted(
                (tuple(row) for row in conn.execute(text(f'SELECT * FROM "{table}"'))), key=repr
            )
            for table in tables
        }


class TestMigration0005:
    """SQLite here; tests/integration/test_storage_postgres.py reruns it on PostgreSQL."""

    @pytest.fixture
    def old_url(self, tmp_path: Path) -> str:
        path = tmp_path / "data" / "wellbeing.sqlite3"
        path.parent.mkdir(mode=0o700)
        return f"sqlite:///{path}"

    @pytest.fixture
    def old_db(self, old_url: str, tmp_path: Path) -> tuple[str | None, Paths]:
        engine = create_engine(old_url)
        _fill_0003(engine)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0004")
        engine.dispose()
        url = None if old_url.startswith("sqlite") else old_url  # SQLite: the app's own file
        return url, Paths(tmp_path / "data")

    def test_upgrade_keeps_every_row_and_adds_empty_limit_tables(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        before = _snapshot(engine)
        engine.dispose()
        assert len(before["interval"]) == 302

        with Database.open(*old_db) as db:
            with db.engine.connect() as conn:
                assert current_revision(conn) == schema_head()
                for table in LIMIT_TABLES:
                    assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0
            after = _snapshot(db.engine)
            revision_row = ("limits_revision", "0")
            assert revision_row in after["meta"]
            after["meta"].remove(revision_row)
            assert after == before
            inspector = inspect(db.engine)
            assert set(inspector.get_table_names()) >= LIMIT_TABLES
            assert [i["column_names"] for i in inspector.get_indexes("limit_event")] == [
                ["device_id", "local_date"]
            ]
            if db.dialect == "sqlite":
                with db.engine.connect() as conn:
                    assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                    assert conn.execute(text("PRAGMA quick_check")).scalar() == "ok"
                assert old_db[1].database.stat().st_mode & 0o777 == 0o600

    def test_limits_work_on_the_upgraded_database(self, old_db: tuple[str | None, Paths]) -> None:
        with Database.open(*old_db) as db:
            store = LimitRepository(db, 1)
            saved = store.save_limit(Limit(LimitTarget("site", "instagram.com"), (600,) * 7))
            store.record_event(LimitEvent(saved.target, "changed", date(2026, 3, 2), 1, "set"))
            assert store.limits() == [saved]
            assert store.revision() == 1
            # the 0003 rows count: instagram.com is in Social
            usage = store.usage_on(date(2026, 3, 1))
            assert usage.total > 0
            assert usage.by_category.get("Social", 0) == usage.by_site.get("instagram.com", 0)

    def test_downgrade_to_0004_keeps_the_rows(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        before = _snapshot(engine)
        engine.dispose()
        with Database.open(*old_db) as db:
            LimitRepository(db, 1).save_limit(Limit(LimitTarget("total"), (3600,) * 7))
            with db.engine.begin() as conn:
                command.downgrade(alembic_config(conn), "0004")
            assert not LIMIT_TABLES & set(inspect(db.engine).get_table_names())
            assert _snapshot(db.engine) == before
            with db.engine.begin() as conn:  # and up again
                command.upgrade(alembic_config(conn), "head")
            assert LimitRepository(db, 1).limits() == []
