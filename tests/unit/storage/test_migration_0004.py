"""Migration 0004 on a real 0003 database: day numbers and clustered tables lose nothing.

The old database is made by Alembic's own 0001-0003 scripts and filled with
SQL written against that schema (text dates, ids), including two intervals of
one device that start in the same millisecond (a wall clock set back). The
same tests run on PostgreSQL (tests/integration/test_storage_postgres.py).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, inspect, text

from tests.unit.storage.helpers import piece
from wellbeing.core.activity import Focus
from wellbeing.paths import Paths
from wellbeing.storage.db import Database, alembic_config, current_revision, schema_head
from wellbeing.storage.models import EPOCH_DAY
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter

FIRST_DAY = date(2026, 3, 1)
DAYS = 6
TWIN_START = 1_772_400_000_000  # 2026-03-01T21:20Z, inside FIRST_DAY at UTC+1


def _as_date(value: Any) -> date:
    if isinstance(value, int):
        return EPOCH_DAY + timedelta(days=value)
    if isinstance(value, str):
        return date.fromisoformat(value)
    assert isinstance(value, date)
    return value


def _fill_0003(engine: Engine) -> None:
    """Upgrade to 0003 and add two devices' varied rows, written as 0003 code wrote them."""
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
    rng = random.Random(4)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO device (id, uuid, name, platform, created_at_ms) VALUES "
            "(1, 'uuid-1', 'desk', 'linux', 1700000000000), "
            "(2, 'uuid-2', 'laptop', 'linux', 1700000001000)"
        ))
        conn.execute(text("INSERT INTO category (id, name, color) VALUES (1, 'Social', '#d6336c')"))
        conn.execute(text(
            "INSERT INTO app (id, key, display_name, icon, category_id, is_browser) VALUES "
            "(1, 'firefox', 'Firefox', NULL, NULL, true), (2, 'code', 'Code', NULL, NULL, false)"
        ))
        conn.execute(text(
            "INSERT INTO site (id, domain, display_name, category_id) VALUES "
            "(1, 'instagram.com', 'Instagram', 1)"
        ))
        conn.execute(text("INSERT INTO window_title (id, title) VALUES (1, 'Instagram - Firefox')"))
        rows: list[dict[str, Any]] = []
        for device in (1, 2):
            start = 1_772_348_400_000  # 2026-03-01T07:00Z
            for _ in range(150):
                app_id = rng.choice([1, 2])
                site_id = rng.choice([None, 1]) if app_id == 1 else None
                length = rng.randint(500, 900_000)
                day = FIRST_DAY + timedelta(days=(start - 1_772_348_400_000) // 86_400_000)
                rows.append({
                    "device_id": device, "app_id": app_id, "site_id": site_id,
                    "title_id": 1 if site_id else None, "start_ms": start,
                    "end_ms": start + length, "utc_offset_min": 60, "local_date": day,
                })
                start += length + rng.choice([0, 3_000, 3_600_000])
        # a wall clock set back: two pieces of device 1 start in the same millisecond
        for length in (40_000, 15_000):
            rows.append({
                "device_id": 1, "app_id": 2, "site_id": None, "title_id": None,
                "start_ms": TWIN_START, "end_ms": TWIN_START + length, "utc_offset_min": 60,
                "local_date": FIRST_DAY,
            })
        for n, row in enumerate(rows, start=1):
            row["id"] = n
        conn.execute(text(
            'INSERT INTO "interval" (id, device_id, app_id, site_id, title_id, start_ms, end_ms, '
            "utc_offset_min, local_date) VALUES (:id, :device_id, :app_id, :site_id, :title_id, "
            ":start_ms, :end_ms, :utc_offset_min, :local_date)"
        ), rows)
        usage: defaultdict[tuple[int, date, int, int | None], float] = defaultdict(float)
        for row in rows:
            key = (row["device_id"], row["local_date"], row["app_id"], row["site_id"])
            usage[key] += (row["end_ms"] - row["start_ms"]) / 1000
        conn.execute(text(
            "INSERT INTO daily_usage (device_id, local_date, app_id, site_id, site_key, seconds) "
            "VALUES (:d, :day, :a, :s, :k, :sec)"
        ), [{"d": d, "day": day, "a": a, "s": s, "k": s or 0, "sec": sec}
            for (d, day, a, s), sec in usage.items()])


def _snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Both tables' rows without ids, dates as dates, in one order for any schema."""
    with engine.connect() as conn:
        intervals = conn.execute(text(
            "SELECT device_id, start_ms, end_ms, app_id, site_id, title_id, utc_offset_min, "
            'local_date FROM "interval" ORDER BY device_id, start_ms, end_ms'
        )).all()
        usage = conn.execute(text(
            "SELECT device_id, local_date, app_id, site_id, site_key, seconds FROM daily_usage"
        )).all()
    return {
        "interval": [(*r[:7], _as_date(r[7])) for r in intervals],
        "daily_usage": sorted(
            ((r[0], _as_date(r[1]), *r[2:]) for r in usage), key=lambda r: (*r[:3], r[4])
        ),
    }


class TestMigration0004:
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
        engine.dispose()
        url = None if old_url.startswith("sqlite") else old_url  # SQLite: the app's own file
        return url, Paths(tmp_path / "data")

    def test_upgrade_keeps_every_row_and_moves_a_twin_start(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        before = _snapshot(engine)
        engine.dispose()
        assert len(before["interval"]) == 302
        expected = [r for r in before["interval"] if r[1] != TWIN_START]
        twins = sorted((r for r in before["interval"] if r[1] == TWIN_START), key=lambda r: -r[2])
        # the first by id (40 s) keeps its start, the second moves 1 ms
        expected += [twins[0], (twins[1][0], TWIN_START + 1, *twins[1][2:])]

        with Database.open(*old_db) as db:
            with db.engine.connect() as conn:
                assert current_revision(conn) == schema_head()
            after = _snapshot(db.engine)
            assert sorted(after["interval"]) == sorted(expected)
            assert after["daily_usage"] == before["daily_usage"]
            inspector = inspect(db.engine)
            assert inspector.get_pk_constraint("interval")["constrained_columns"] == [
                "device_id", "local_date", "start_ms"
            ]
            assert inspector.get_indexes("interval") == []
            assert {fk["referred_table"] for fk in inspector.get_foreign_keys("interval")} == {
                "device", "app", "site", "window_title"
            }
            if db.dialect == "sqlite":
                with db.engine.connect() as conn:
                    assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
                    assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                    # the rebuilt tables' old pages were given back (VACUUM after the upgrade)
                    assert conn.execute(text("PRAGMA freelist_count")).scalar() == 0
                    sql = conn.execute(text(
                        "SELECT group_concat(sql) FROM sqlite_master WHERE name IN "
                        "('interval', 'daily_usage')"
                    )).scalar()
                assert sql.count("WITHOUT ROWID") == 2
                assert old_db[1].database.stat().st_mode & 0o777 == 0o600

    def test_history_reads_and_new_rows_write_after_the_upgrade(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        engine = create_engine(old_url)
        old = _snapshot(engine)
        engine.dispose()
        last = FIRST_DAY + timedelta(days=DAYS)
        expected = sum(r[5] for r in old["daily_usage"] if r[0] == 1 and r[1] <= last)
        with Database.open(*old_db) as db:
            queries = UsageQueries(db, today=lambda: FIRST_DAY + timedelta(days=20))
            report = queries.usage(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS), device_id=1)
            assert report.total_seconds == pytest.approx(expected)
            assert report.days[0].date == FIRST_DAY
            day_after = FIRST_DAY + timedelta(days=20)
            UsageWriter(db, 1).save([piece(Focus("code", "Code"), 9, 10, day=day_after)])
            again = queries.usage(day_after, day_after, device_id=1)
            assert again.total_seconds == pytest.approx(3600)

    def test_downgrade_to_0003_keeps_the_rows(
        self, old_db: tuple[str | None, Paths], old_url: str
    ) -> None:
        with Database.open(*old_db) as db:
            upgraded = _snapshot(db.engine)
            with db.engine.begin() as conn:
                command.downgrade(alembic_config(conn), "0003")
            assert _snapshot(db.engine) == upgraded
            inspector = inspect(db.engine)
            for table in ("interval", "daily_usage"):
                assert inspector.get_pk_constraint(table)["constrained_columns"] == ["id"]
            assert {tuple(i["column_names"]) for i in inspector.get_indexes("interval")} == {
                ("device_id", "local_date")
            }
            with db.engine.connect() as conn:
                dates = conn.execute(text('SELECT DISTINCT local_date FROM "interval"')).scalars()
                assert {_as_date(d) for d in dates} <= {
                    FIRST_DAY + timedelta(days=n) for n in range(DAYS + 1)
                }
