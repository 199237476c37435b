"""Migration 0006 on a real 0005 database: the experiment's tables arrive, nothing else moves.

The 0005 database is made by Alembic's own scripts (0001-0005) and filled as
0003 code wrote it, plus a limit; the same tests run on PostgreSQL
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
from wellbeing.core.experiment import Plan
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.paths import Paths
from wellbeing.storage.db import Database, alembic_config, current_revision, schema_head
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import CheckinRecord, ExperimentStore

EXPERIMENT_TABLES = {"experiment", "experiment_checkin", "questionnaire_response",
                     "experiment_phone", "experiment_reminder", "experiment_prompt"}
OLD_TABLES = ["device", "category", "app", "site", "window_title", "interval", "daily_usage",
              "meta", "usage_limit"]


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        return {
            table: sorted(
                (tuple(row) for row in conn.execute(text(f'SELECT * FROM "{table}"'))), key=repr
            )
            for table in OLD_TABLES
        }


class TestMigration0006:
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
            command.upgrade(alembic_config(conn), "0005")
            conn.execute(text(
                "INSERT INTO usage_limit (device_id, target_kind, target_key, seconds, mode, "
                "cooling_off, warn_before_seconds, created_ms, updated_ms) VALUES "
                "(1, 'site', 'instagram.com', '600,600,600,600,600,600,600', 'nag', false, 300, "
                "1, 1)"))
        engine.dispose()
        url = None if old_url.startswith("sqlite") else old_url
        return url, Paths(tmp_path / "data")

    def test_upgrade_keeps_every_row_and_adds_empty_tables(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        before = _snapshot(engine)
        engine.dispose()
        assert len(before["usage_limit"]) == 1
        with Database.open(*old_db) as db:
            with db.engine.connect() as conn:
                assert current_revision(conn) == schema_head()
                for table in EXPERIMENT_TABLES:
                    assert conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0
            assert _snapshot(db.engine) == before
            assert set(inspect(db.engine).get_table_names()) >= EXPERIMENT_TABLES

    def test_downgrade_to_0005_keeps_the_other_rows(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        before = _snapshot(engine)
        engine.dispose()
        with Database.open(*old_db) as db:
            store = ExperimentStore(SqlAlchemyRunner(db), 1)
            record = store.create(
                Plan("classic", date(2026, 3, 2), (LimitTarget("site", "instagram.com"),)), 5)
            store.save_checkin(record.id, CheckinRecord(
                date(2026, 3, 2), {"mood": 5, "lonely": 2, "anxious": 2, "missed_out": 1},
                "", False, 6))
            with db.engine.begin() as conn:
                command.downgrade(alembic_config(conn), "0005")
            assert not EXPERIMENT_TABLES & set(inspect(db.engine).get_table_names())
            assert _snapshot(db.engine) == before
            with db.engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
            assert ExperimentStore(SqlAlchemyRunner(db), 1).current() is None
