"""Migration 0002 on a database made by 0001 with real rows: nothing is lost, defaults are set."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.migration import MigrationContext
from sqlalchemy import Engine, create_engine, event, inspect, text

from tests.unit.storage.helpers import piece
from wellbeing.core.activity import Focus
from wellbeing.paths import Paths
from wellbeing.storage.db import Database, alembic_config, schema_head
from wellbeing.storage.models import EPOCH_DAY
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.rollup import rebuild_daily_usage
from wellbeing.storage.writer import UsageWriter

OLD_TABLES = ("meta", "device", "category", "app", "site", "interval", "daily_usage")
FIRST_DAY = date(2026, 2, 1)


def _engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    return engine


def _old_database(path: Path) -> None:
    """A database at revision 0001 holding two devices' worth of varied rows."""
    engine = _engine(path)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    rng = random.Random(7)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('device_uuid', 'uuid-1')"))
        conn.execute(text(
            "INSERT INTO device (id, uuid, name, platform, created_at_ms) VALUES "
            "(1, 'uuid-1', 'desk', 'linux', 1700000000000), "
            "(2, 'uuid-2', 'laptop', 'linux', 1700000001000)"
        ))
        conn.execute(text(
            "INSERT INTO category (id, name, color) VALUES (1, 'Social', '#d6336c'), "
            "(2, 'Work', NULL)"
        ))
        conn.execute(text(
            "INSERT INTO app (id, key, display_name, icon, category_id) VALUES "
            "(1, 'firefox', 'Firefox', 'firefox', NULL), "
            "(2, 'code', 'Visual Studio Code', NULL, 2), "
            "(3, 'xterm', 'XTerm', NULL, NULL)"
        ))
        conn.execute(text(
            "INSERT INTO site (id, domain, display_name, category_id) VALUES "
            "(1, 'instagram.com', 'Instagram', 1), (2, 'youtube.com', 'youtube.com', NULL)"
        ))
        rows = []
        start = 1_769_932_800_000  # 2026-02-01T08:00Z
        for n in range(300):
            app_id = rng.choice([1, 1, 2, 3])
            site_id = rng.choice([None, 1, 2]) if app_id == 1 else None
            length = rng.randint(1_000, 600_000)
            rows.append({
                "id": n + 1, "device_id": 1 + n % 2, "app_id": app_id, "site_id": site_id,
                "start_ms": start, "end_ms": start + length, "utc_offset_min": 60,
                "local_date": FIRST_DAY + timedelta(days=n // 60),
            })
            start += length + rng.choice([0, 5_000])
        conn.execute(text(
            "INSERT INTO interval (id, device_id, app_id, site_id, start_ms, end_ms, "
            "utc_offset_min, local_date) VALUES (:id, :device_id, :app_id, :site_id, "
            ":start_ms, :end_ms, :utc_offset_min, :local_date)"
        ), rows)
        rebuild_daily_usage(conn)
    engine.dispose()


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the 0001 tables, in the 0001 columns, ordered.

    ``interval`` and ``daily_usage`` are compared without their ids and with
    dates as dates, so the same snapshot reads a 0001 database and one at the
    head (where 0004 made them clustered tables with day numbers). The meta
    rows later migrations add (0005's ``limits_revision``) are left out.
    """
    columns = {
        "meta": "key, value", "device": "id, uuid, name, platform, created_at_ms",
        "category": "id, name, color", "app": "id, key, display_name, icon, category_id",
        "site": "id, domain, display_name, category_id",
        "interval": "device_id, start_ms, app_id, site_id, end_ms, utc_offset_min, local_date",
        "daily_usage": "device_id, local_date, app_id, site_key, site_id, seconds",
    }
    order = {"interval": "1, 2", "daily_usage": "1, 2, 3, 4"}
    with engine.connect() as conn:
        rows = {
            table: [tuple(r) for r in conn.execute(
                text(f'SELECT {cols} FROM "{table}" ORDER BY {order.get(table, "1")}')
            )]
            for table, cols in columns.items()
        }
    rows["meta"] = [r for r in rows["meta"] if r[0] != "limits_revision"]
    rows["interval"] = [(*r[:6], _as_date(r[6])) for r in rows["interval"]]
    rows["daily_usage"] = sorted((r[0], _as_date(r[1]), *r[2:]) for r in rows["daily_usage"])
    return rows


def _as_date(value: Any) -> date:
    """A local_date as read by raw SQL: ISO text before 0004, a day number from it on."""
    if isinstance(value, int):
        return EPOCH_DAY + timedelta(days=value)
    return date.fromisoformat(value)


@pytest.fixture
def old_paths(data_dir: Path) -> Paths:
    paths = Paths(data_dir)
    data_dir.mkdir(mode=0o700, parents=True)
    _old_database(paths.database)
    return paths


def test_upgrade_keeps_every_row_and_sets_defaults(old_paths: Paths) -> None:
    engine = _engine(old_paths.database)
    before = _snapshot(engine)
    assert len(before["interval"]) == 300
    assert len(before["daily_usage"]) > 10
    engine.dispose()

    with Database.open(None, old_paths) as db:  # the app's own way: upgrade to head
        with db.engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == schema_head()
        assert _snapshot(db.engine) == before
        with db.engine.connect() as conn:
            apps = conn.execute(text("SELECT is_browser, wm_class FROM app")).all()
            titles = conn.execute(text("SELECT title_id FROM interval")).all()
            assert conn.execute(text("SELECT count(*) FROM window_title")).scalar() == 0
            assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert apps == [(0, None)] * 3
        assert titles == [(None,)] * 300
        # the rebuilt interval table kept its foreign keys
        inspector = inspect(db.engine)
        assert {fk["referred_table"] for fk in inspector.get_foreign_keys("interval")} == {
            "device", "app", "site", "window_title"
        }


def test_old_history_reads_and_new_rows_write_after_the_upgrade(old_paths: Paths) -> None:
    engine = _engine(old_paths.database)
    expected = sum(r[5] for r in _snapshot(engine)["daily_usage"] if r[0] == 1)
    engine.dispose()
    with Database.open(None, old_paths) as db:
        queries = UsageQueries(db, today=lambda: FIRST_DAY + timedelta(days=10))
        report = queries.usage(FIRST_DAY, FIRST_DAY + timedelta(days=4), device_id=1)
        assert report.total_seconds == pytest.approx(expected)
        # firefox has site rows, so its site-less use is "other browsing" even before labels
        site_keys = {i.key for i in queries.usage(FIRST_DAY, FIRST_DAY, by="site").items}
        assert "other:firefox" in site_keys
        assert "instagram.com" in site_keys
        titled = Focus("firefox", "Firefox", site="instagram.com", title="Instagram - Firefox")
        UsageWriter(db, 1).save([piece(titled, 9, 10, day=FIRST_DAY + timedelta(days=20))])
        with db.engine.connect() as conn:
            assert conn.execute(text(
                "SELECT w.title FROM interval i JOIN window_title w ON w.id = i.title_id"
            )).scalars().all() == ["Instagram - Firefox"]


def test_downgrade_to_0001_keeps_the_old_rows(old_paths: Paths) -> None:
    with Database.open(None, old_paths) as db:
        before = _snapshot(db.engine)
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0001")
        assert "window_title" not in inspect(db.engine).get_table_names()
        assert _snapshot(db.engine) == before
