"""``wellbeing delete`` and ``wellbeing backup list|restore`` on real data folders.

Deleting days removes exactly those days (intervals and their daily totals
stay consistent), asks first, and refuses today or everything while a real
``wellbeing track`` runs; deleting everything takes the backups too and keeps
the settings. Restoring puts a backup in place, keeps the file it replaces,
refuses a damaged backup and a running tracker.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import run_cli, start_cli, wait_until_tracking
from tests.integration.xhelpers import wait_until
from wellbeing.storage.backup import backup_sqlite

UTC_ENV = {"TZ": "UTC"}
END = date(2026, 10, 31)


def cli(data_dir: Path, *args: str, code: int = 0) -> subprocess.CompletedProcess[str]:
    done = run_cli(*args, data_dir=data_dir, env=UTC_ENV, timeout=120)
    assert done.returncode == code, done.stdout + done.stderr
    return done


def by_day(data_dir: Path) -> dict[str, float]:
    payload: dict[str, Any] = json.loads(cli(
        data_dir, "report", "--json", "--from", "2026-10-01", "--to", END.isoformat()).stdout)
    return {d["date"]: d["total_seconds"] for d in payload["days"] if d["total_seconds"]}


def rollup_matches_intervals(data_dir: Path) -> bool:
    with sqlite3.connect(data_dir / "wellbeing.sqlite3") as conn:
        intervals = dict(conn.execute(
            "SELECT local_date, SUM(end_ms - start_ms) / 1000.0 FROM interval GROUP BY 1"))
        totals = dict(conn.execute("SELECT local_date, SUM(seconds) FROM daily_usage GROUP BY 1"))
    return intervals.keys() == totals.keys() and all(
        abs(intervals[d] - totals[d]) < 0.01 for d in intervals)


@pytest.fixture
def month(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    cli(data_dir, "demo-data", "--days", "31", "--seed", "5", "--end", END.isoformat())
    (data_dir / "config.toml").write_text("# my settings\n", encoding="utf-8")
    return data_dir


@pytest.fixture
def tracking(tmp_path: Path) -> Iterator[Path]:
    """A fresh data folder with a real ``wellbeing track`` (fake platform) running in it."""
    data_dir = tmp_path / "live"
    proc = start_cli("--fake-platform", "track", data_dir=data_dir)
    try:
        wait_until_tracking(proc, data_dir)
        yield data_dir
    finally:
        proc.terminate()
        proc.wait(30)


def test_deleting_days_asks_then_removes_exactly_those_days(month: Path) -> None:
    before = by_day(month)
    refused = cli(month, "delete", "--from", "2026-10-10", "--to", "2026-10-12", code=2)
    assert "Add --yes" in refused.stderr
    assert by_day(month) == before
    done = cli(month, "delete", "--from", "2026-10-10", "--to", "2026-10-12", "--yes")
    assert "on 3 days, from 2026-10-10 to 2026-10-12, on every device" in done.stdout
    gone = {"2026-10-10", "2026-10-11", "2026-10-12"}
    assert by_day(month) == {d: s for d, s in before.items() if d not in gone}
    assert rollup_matches_intervals(month)
    again = cli(month, "delete", "--date", "2026-10-11", "--yes")
    assert "nothing to delete" in again.stdout
    cli(month, "delete", "--date", "2026-10-13", "--device", "no-such-pc", "--yes", code=2)


def test_deleting_everything_takes_the_backups_and_keeps_the_settings(month: Path) -> None:
    backups = month / "backups"
    backup_sqlite(month / "wellbeing.sqlite3", backups, END)
    cli(month, "limits", "set", "firefox", "1h")
    asked = cli(month, "delete", "--all", code=2)
    assert "1 automatic backups" in asked.stderr
    assert "1 limits" in asked.stderr
    cli(month, "delete", "--all", "--yes")
    assert by_day(month) == {}
    assert list(backups.iterdir()) == []
    assert (month / "config.toml").read_text(encoding="utf-8") == "# my settings\n"
    assert "firefox" not in cli(month, "limits", "list").stdout
    with sqlite3.connect(month / "wellbeing.sqlite3") as conn:
        assert conn.execute("SELECT COUNT(*) FROM app").fetchone() == (0,)


def test_today_and_everything_wait_for_a_running_tracker(tracking: Path) -> None:
    def recorded_today() -> float:
        done = run_cli("report", "--json", data_dir=tracking, timeout=60)
        return float(json.loads(done.stdout)["total_seconds"]) if done.returncode == 0 else 0.0

    wait_until(recorded_today, timeout=60, interval=0.5, what="the tracker's first save")
    app_today = date.fromisoformat(json.loads(run_cli(
        "report", "--json", data_dir=tracking, timeout=60).stdout)["to"])  # day starts at 04:00
    today = run_cli("delete", "--date", app_today.isoformat(), "--yes",
                    data_dir=tracking, timeout=60)
    assert today.returncode == 1, today.stdout + today.stderr
    assert "is running" in today.stderr
    assert recorded_today() > 0
    everything = run_cli("delete", "--all", "--yes", data_dir=tracking, timeout=60)
    assert everything.returncode == 1
    assert "Quit it first" in everything.stderr
    yesterday = run_cli("delete", "--date", (app_today - timedelta(days=2)).isoformat(),
                        "--yes", data_dir=tracking, timeout=60)
    assert yesterday.returncode == 0, yesterday.stderr  # past days: fine while it runs
    backups = tracking / "backups"
    backup_sqlite(tracking / "wellbeing.sqlite3", backups, app_today)
    restore = run_cli("backup", "restore", app_today.isoformat(), "--yes",
                      data_dir=tracking, timeout=60)
    assert restore.returncode == 1
    assert "is running" in restore.stderr


def test_restoring_a_backup_keeps_the_file_it_replaces(month: Path) -> None:
    backups = month / "backups"
    backup_sqlite(month / "wellbeing.sqlite3", backups, END)
    before = by_day(month)
    cli(month, "delete", "--from", "2026-10-01", "--to", "2026-10-20", "--yes")
    listed = json.loads(cli(month, "backup", "list", "--json").stdout)
    assert [b["date"] for b in listed] == [END.isoformat()]
    done = cli(month, "backup", "restore", END.isoformat(), "--yes")
    assert "The database you had is kept as" in done.stdout
    assert by_day(month) == before
    kept = list(month.glob("wellbeing.sqlite3.before-restore-*"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as conn:  # the replaced file holds what it held
        days = {r[0] for r in conn.execute("SELECT DISTINCT local_date FROM interval")}
    assert len(days) == 11

    damaged = backups / "wellbeing-2026-10-30.sqlite3"
    shutil.copy(backups / f"wellbeing-{END.isoformat()}.sqlite3", damaged)
    with damaged.open("r+b") as raw:
        raw.seek(4096 * 2)
        raw.write(b"\xff" * 4096 * 3)
    bad = cli(month, "backup", "restore", "2026-10-30", "--yes", code=3)
    assert "damaged" in bad.stderr
    assert by_day(month) == before
    cli(month, "backup", "restore", "1999-01-01", "--yes", code=2)
