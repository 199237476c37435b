"""``wellbeing import`` of ActivityWatch exports, end to end: SQLite and real PostgreSQL.

What the report shows after an import equals window time inside not-afk time;
importing again adds nothing; a cut or garbage file exits 3 and writes nothing
(the database's rows are compared before and after); ``--dry-run`` writes
nothing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import run_cli
from tests.integration.test_storage_postgres import fresh_pg_url  # noqa: F401 - a fixture
from tests.unit.services.test_aw_import import AFK, WINDOW, bucket, event, export

UTC_ENV = {"TZ": "UTC"}
DB = "wellbeing.sqlite3"


def import_json(data_dir: Path, path: Path, *extra: str) -> dict[str, Any]:
    done = run_cli(*extra, "import", "--json", str(path), data_dir=data_dir, env=UTC_ENV)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def day_report(data_dir: Path, *extra: str) -> dict[str, float]:
    done = run_cli(*extra, "report", "--json", "--date", "2026-11-30", data_dir=data_dir,
                   env=UTC_ENV)
    assert done.returncode == 0, done.stderr
    return {item["key"]: item["seconds"] for item in json.loads(done.stdout)["items"]}


def rows(data_dir: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(data_dir / DB) as conn:
        return conn.execute(
            "SELECT device_id, local_date, start_ms, end_ms, app_id FROM interval "
            "ORDER BY 1, 2, 3"
        ).fetchall() + conn.execute(
            "SELECT * FROM daily_usage ORDER BY 1, 2, 3, 4").fetchall()


def test_import_reimport_and_refusals_on_the_local_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                  bucket("afkstatus", "laptop", AFK))
    first = import_json(data_dir, path)
    assert first["hosts"][0]["seconds_written"] == 40.0
    assert day_report(data_dir) == {"firefox": 30.0, "code": 10.0}
    again = import_json(data_dir, path)["hosts"][0]
    assert (again["seconds_written"], again["seconds_already_there"]) == (0.0, 40.0)
    assert day_report(data_dir) == {"firefox": 30.0, "code": 10.0}
    before = rows(data_dir)

    more = export(tmp_path, bucket("currentwindow", "desk", [
        event(100, 30, {"app": "Code", "title": "x"})]), name="more.json")
    planned = run_cli("import", "--dry-run", str(more), data_dir=data_dir, env=UTC_ENV)
    assert planned.returncode == 0, planned.stderr
    assert "Would import" in planned.stdout
    assert "desk (ActivityWatch)" in planned.stdout
    assert rows(data_dir) == before

    cut = tmp_path / "cut.json"
    cut.write_bytes(more.read_bytes()[:-3])
    garbage = tmp_path / "garbage.json"
    garbage.write_text("not json at all", encoding="utf-8")
    for bad, says in ((cut, "cut short"), (garbage, "not valid JSON"),
                      (tmp_path / "missing.json", "is not a file")):
        done = run_cli("import", str(bad), data_dir=data_dir, env=UTC_ENV)
        assert done.returncode == 3, done.stderr
        assert says in done.stderr
        assert rows(data_dir) == before


def test_a_bad_event_late_in_the_file_writes_nothing_at_all(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    good = bucket("currentwindow", "laptop", WINDOW)
    bad = {**bucket("currentwindow", "desk", []), "events": [
        *WINDOW, {"timestamp": "2026-11-30T10:00:00Z", "duration": -1, "data": {}}]}
    path = export(tmp_path, good, bad)
    done = run_cli("import", str(path), data_dir=data_dir, env=UTC_ENV)
    assert done.returncode == 3
    assert "bucket 'aw-watcher-window_desk', event 2" in done.stderr
    assert day_report(data_dir) == {}


@pytest.mark.postgres
def test_import_into_postgresql_and_again(tmp_path: Path, fresh_pg_url: str) -> None:  # noqa: F811
    data_dir = tmp_path / "data"
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                  bucket("afkstatus", "laptop", AFK))
    first = import_json(data_dir, path, "--db", fresh_pg_url)["hosts"][0]
    assert first["seconds_written"] == 40.0
    second = import_json(data_dir, path, "--db", fresh_pg_url)["hosts"][0]
    assert second["seconds_written"] == 0.0
    assert day_report(data_dir, "--db", fresh_pg_url) == {"firefox": 30.0, "code": 10.0}
