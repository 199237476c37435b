from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from tests.unit.storage.helpers import count_statements
from wellbeing.storage.db import Database, alembic_config, migrate, schema_head
from wellbeing.storage.models import Base

TABLES = {
    "usage_limit", "limit_event", "downtime",
    "experiment", "experiment_checkin", "questionnaire_response", "experiment_phone",
    "experiment_reminder", "experiment_prompt",
    "meta", "device", "category", "app", "site", "interval", "daily_usage", "window_title"
}


class TestSchema:
    """Run on SQLite here and on PostgreSQL by tests/integration/test_storage_postgres.py."""

    def test_head_matches_the_models(self, db: Database) -> None:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []

    def test_tables_and_revision(self, db: Database) -> None:
        inspector = inspect(db.engine)
        assert set(inspector.get_table_names()) == TABLES | {"alembic_version"}
        with db.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == schema_head()

    def test_day_reads_go_through_the_primary_keys(self, db: Database) -> None:
        inspector = inspect(db.engine)
        assert inspector.get_pk_constraint("interval")["constrained_columns"] == [
            "device_id", "local_date", "start_ms"
        ]
        assert inspector.get_pk_constraint("daily_usage")["constrained_columns"] == [
            "device_id", "local_date", "app_id", "site_key"
        ]
        assert inspector.get_indexes("interval") == []  # the key is the day index (0004)
        if db.dialect == "sqlite":  # rows stored in key order, no second b-tree
            with db.engine.connect() as conn:
                for table in ("interval", "daily_usage"):
                    sql = conn.execute(
                        text("SELECT sql FROM sqlite_master WHERE name = :n"), {"n": table}
                    ).scalar()
                    assert sql.rstrip().endswith("WITHOUT ROWID"), sql

    def test_migrate_on_a_current_schema_writes_nothing(self, db: Database) -> None:
        with count_statements(db.engine) as counter:
            migrate(db.engine)
        verbs = {statement.split()[0].upper() for statement in counter.statements}
        assert "SELECT" in verbs  # it did look at the version table
        assert verbs <= {"SELECT", "PRAGMA"}, counter.statements  # table_info on SQLite

    def test_downgrade_to_base_and_up_again(self, db: Database) -> None:
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        migrate(db.engine)
        migrate(db.engine)  # a second upgrade is a no-op
        assert set(inspect(db.engine).get_table_names()) == TABLES | {"alembic_version"}


def test_schema_head_read_from_scripts_equals_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from wellbeing.storage.db import alembic_config, schema_head

    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [schema_head()]


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from wellbeing.paths import resolve\n"
        "from wellbeing.storage.db import Database\n"
        f"paths = resolve({str(tmp_path / 'data')!r})\n"
        "Database.open(None, paths).close()\n"
        "first = 'alembic' in sys.modules\n"
        "Database.open(None, paths).close()\n"
        "print(first, 'alembic.command' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["True", "True"]  # the first open migrates, and needs Alembic
    probe_second = probe.replace("Database.open(None, paths).close()\nfirst", "first", 1)
    out = subprocess.run(
        [sys.executable, "-c", probe_second], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]  # the database is at the head now: no Alembic at all
