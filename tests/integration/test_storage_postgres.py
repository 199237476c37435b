"""The storage schema, writer and query tests again, on a real PostgreSQL.

Each test gets its own freshly created schema (dropped afterwards) on the
server named by ``WELLBEING_TEST_PG_URL`` (the ``pg_url`` fixture), so the
same dialect-neutral code is proven on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.unit.storage.helpers import count_statements
from tests.unit.storage.test_limit_stores import StoreFactory
from tests.unit.storage.test_limit_stores import TestLimitStore as _LimitStore
from tests.unit.storage.test_migration_0004 import TestMigration0004 as _Migration0004
from tests.unit.storage.test_migration_0005 import TestMigration0005 as _Migration0005
from tests.unit.storage.test_migration_0006 import TestMigration0006 as _Migration0006
from tests.unit.storage.test_migrations import TestSchema as _Schema
from tests.unit.storage.test_queries import TestQueries as _Queries
from tests.unit.storage.test_writer import TestWriter as _Writer
from tests.unit.storage.test_writer import WriterFactory
from wellbeing.paths import Paths
from wellbeing.storage.db import Database
from wellbeing.storage.limits import LimitRepository
from wellbeing.storage.writer import UsageWriter

pytestmark = pytest.mark.postgres


@pytest.fixture
def fresh_pg_url(pg_url: str) -> Iterator[str]:
    """A URL whose search_path is a new, empty schema on the test server; dropped after.

    A schema per test isolates as well as a database per test here (nothing
    names a schema explicitly) and is much faster to create.
    """
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    name = f"wellbeing_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    try:
        url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={name}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def db(fresh_pg_url: str, tmp_path: Path) -> Iterator[Database]:
    database = Database.open(fresh_pg_url, Paths(tmp_path / "data"))
    assert database.dialect == "postgresql"
    yield database
    database.close()


class TestSchemaPostgres(_Schema):
    pass


class TestWriterPostgres(_Writer):
    """The SQLAlchemy writer only: the sqlite3 writer writes local SQLite files."""

    @pytest.fixture
    def make_writer(self, db: Database) -> WriterFactory:  # type: ignore[override]
        return WriterFactory(
            "sqlalchemy",
            lambda device, hook: UsageWriter(db, device, on_new_names=hook),
            lambda: count_statements(db.engine),
        )


class TestQueriesPostgres(_Queries):
    pass


class TestMigration0004Postgres(_Migration0004):
    @pytest.fixture
    def old_url(self, fresh_pg_url: str) -> str:  # type: ignore[override]
        return fresh_pg_url


class TestMigration0005Postgres(_Migration0005):
    @pytest.fixture
    def old_url(self, fresh_pg_url: str) -> str:  # type: ignore[override]
        return fresh_pg_url


class TestMigration0006Postgres(_Migration0006):
    @pytest.fixture
    def old_url(self, fresh_pg_url: str) -> str:  # type: ignore[override]
        return fresh_pg_url


def test_the_experiment_store_on_postgres(db: Database) -> None:
    """The SQL written once for both layers runs on PostgreSQL too (upserts, RETURNING, claims)."""
    from datetime import date

    from wellbeing.core.experiment import Plan
    from wellbeing.core.limit_targets import LimitTarget
    from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
    from wellbeing.storage.experiment_store import CheckinRecord, ExperimentStore, ResponseRecord

    store = ExperimentStore(SqlAlchemyRunner(db), db.device_id("host", "linux"))
    plan = Plan("randomized", date(2026, 3, 2), (LimitTarget("site", "instagram.com"),),
                seed=4_000_000_000, order=("usual", "limited", "limited", "usual"))
    record = store.create(plan, 10)
    assert store.current() == record
    day = date(2026, 3, 3)
    values = {"mood": 5, "lonely": 2, "anxious": 3, "missed_out": 1}
    assert not store.save_checkin(record.id, CheckinRecord(day, values, "n", False, 11))
    assert store.save_checkin(record.id, CheckinRecord(day, {**values, "mood": 7}, "", True, 12))
    assert store.checkins(record.id)[day].values["mood"] == 7
    assert store.checkins(record.id)[day].late
    store.save_response(record.id, ResponseRecord(day, "who5", "who5-1998", (3,) * 5, 15, 60, 13))
    assert store.responses(record.id)[0].score == 60
    store.save_phone(record.id, day, "instagram.com", 1800)
    assert store.phone(record.id) == [(day, "instagram.com", 1800)]
    assert store.claim_reminder(record.id, day, "checkin", 14)
    assert not store.claim_reminder(record.id, day, "checkin", 15)
    store.set_status(record.id, "abandoned", 16)
    current = store.current()
    assert current is not None
    assert current.status == "abandoned"


class TestLimitStorePostgres(_LimitStore):
    """The SQLAlchemy store only: the sqlite3 store reads and writes local SQLite files."""

    @pytest.fixture
    def make_store(self, db: Database) -> StoreFactory:  # type: ignore[override]
        return lambda device: LimitRepository(db, device)


def test_device_row_on_postgres(db: Database) -> None:
    first = db.device_id("host", "linux")
    assert db.device_id("renamed", "linux") == first
    assert db.set_aside is None


def test_unreachable_database_name(fresh_pg_url: str, tmp_path: Path) -> None:
    from wellbeing.errors import StorageUnavailable

    missing = make_url(fresh_pg_url).set(database="no_such_database_here")
    with pytest.raises(StorageUnavailable, match="no_such_database_here"):
        Database.open(missing.render_as_string(hide_password=False), Paths(tmp_path))
