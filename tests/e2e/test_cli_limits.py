"""``wellbeing limits`` as a subprocess on a demo database: bad input changes nothing.

The demo history (``wellbeing demo-data``) ends today, so ``limits list``
has today's use to show; it is checked against ``report --json``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import report_json, run_cli
from wellbeing.services.reporting import today_local

LIMIT_TABLES = ("usage_limit", "limit_event", "downtime")


def limits_state(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the limit tables and the revision counter, read without the app's code."""
    with sqlite3.connect(data_dir / "wellbeing.sqlite3") as conn:
        state = {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in LIMIT_TABLES
        }
        state["meta"] = conn.execute(
            "SELECT * FROM meta WHERE key = 'limits_revision'"
        ).fetchall()
    conn.close()
    return state


def limits(data_dir: Path, *args: str) -> Any:
    res = run_cli("limits", *args, data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    return res


def listed(data_dir: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(limits(data_dir, "list", "--json").stdout)
    return data


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with 14 days of demo history up to today (made once, copied per test)."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    today = today_local(4)
    res = run_cli("demo-data", "--days", "14", "--end", today.isoformat(), data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    return data_dir


@pytest.fixture
def data_dir(demo_dir: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "data"
    shutil.copytree(demo_dir, copy)
    return copy


@pytest.fixture(scope="module")
def committed_dir(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo dir with a locked nag limit on firefox and a cooling-off limit on Social."""
    data_dir = tmp_path_factory.mktemp("committed") / "data"
    shutil.copytree(demo_dir, data_dir)
    until = (today_local(4) + timedelta(days=30)).isoformat()
    limits(data_dir, "set", "firefox", "1h", "--mode", "nag")
    limits(data_dir, "lock", "firefox", "--until", until)
    limits(data_dir, "set", "category:Social", "30m", "--cooling-off")
    return data_dir


BAD_INPUTS = {
    "duration-words": (("set", "firefox", "ten minutes"), "is not a duration"),
    "duration-unit": (("set", "firefox", "10x"), "is not a duration"),
    "duration-zero": (("set", "firefox", "0m"), "more than zero"),
    "duration-negative": (("set", "firefox", "-10m"), "wellbeing limits set --help"),
    "duration-too-long": (("set", "firefox", "25h"), "at most 24h"),
    "unknown-target": (("set", "firefx", "10m"), "did you mean firefox"),
    "unknown-category": (("set", "category:Socal", "10m"), "did you mean Social"),
    "bad-days": (("set", "code", "10m", "--days", "mon-funday"), "is not a day"),
    "empty-days": (("set", "code", "10m", "--days", ","), "are not days"),
    "bad-mode": (("set", "code", "10m", "--mode", "strict"), "invalid choice"),
    "lock-in-the-past": (("lock", "firefox", "--until", "2020-01-01"), "in the past"),
    "lock-malformed": (("lock", "firefox", "--until", "2026-13-01"), "not a real date"),
    "lock-without-limit": (("lock", "code", "--until", "2099-01-01"), "no limit on code"),
    "loosen-locked": (("set", "firefox", "2h"), "you can make it stricter, not looser"),
    "loosen-locked-mode": (("set", "firefox", "1h", "--mode", "notify"), "not looser"),
    "loosen-locked-day": (("set", "firefox", "3h", "--days", "sat"), "not looser"),
    "unlock-earlier": (("lock", "firefox", "--until", today_local(4).isoformat()), "not looser"),
    "remove-locked": (("remove", "firefox"), "cannot be removed"),
    "remove-missing": (("remove", "code"), "no limit on code"),
    "downtime-bad": (("downtime", "23:00"), "is not a time span"),
    "downtime-hour": (("downtime", "25:00-07:00"), "not a time of day"),
    "downtime-allow": (("downtime", "23:00-07:00", "--allow", "firefx"), "did you mean"),
    "no-action": ((), "the following arguments are required"),
}


@pytest.mark.parametrize(("args", "says"), list(BAD_INPUTS.values()), ids=list(BAD_INPUTS))
def test_bad_input_exits_2_and_changes_nothing(
    committed_dir: Path, args: tuple[str, ...], says: str
) -> None:
    before = limits_state(committed_dir)
    res = run_cli("limits", *args, data_dir=committed_dir)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert says in res.stderr
    assert res.stderr.startswith("wellbeing: ")
    assert "Traceback" not in res.stderr
    assert res.stdout == ""
    assert limits_state(committed_dir) == before


def test_set_list_lock_remove_round_trip(data_dir: Path) -> None:
    assert listed(data_dir) == []
    limits(data_dir, "set", "instagram.com", "10m", "--mode", "nag")
    limits(data_dir, "set", "total", "4h")
    shown = listed(data_dir)
    assert [item["target"] for item in shown] == ["instagram.com", "total"]
    assert shown[0]["seconds_by_weekday"] == dict.fromkeys(
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), 600
    )
    assert shown[0]["mode"] == "nag"
    assert shown[0]["snooze_budget"] == 2
    until = (today_local(4) + timedelta(days=7)).isoformat()
    out = limits(data_dir, "lock", "instagram.com", "--until", until).stdout
    assert f"locked until {until}" in out
    assert listed(data_dir)[0]["locked_until"] == until
    limits(data_dir, "set", "instagram.com", "5m")  # stricter: fine while locked
    assert listed(data_dir)[0]["today"]["limit_seconds"] == 300
    assert run_cli("limits", "remove", "instagram.com", data_dir=data_dir).returncode == 2
    limits(data_dir, "remove", "total")
    assert [item["target"] for item in listed(data_dir)] == ["instagram.com"]
    text = limits(data_dir, "list").stdout
    assert "instagram.com" in text
    assert f"until {until}" in text
    with sqlite3.connect(data_dir / "wellbeing.sqlite3") as conn:
        events = conn.execute(
            "SELECT target_key, kind, detail FROM limit_event ORDER BY id"
        ).fetchall()
    conn.close()
    assert [(key, kind) for key, kind, _ in events] == [
        ("instagram.com", "changed"), ("", "changed"), ("instagram.com", "changed"),
        ("instagram.com", "changed"), ("", "changed"),
    ]
    assert events[-1][2] == "removed"


def test_days_merge_into_the_existing_limit(data_dir: Path) -> None:
    limits(data_dir, "set", "youtube.com", "10m", "--days", "mon-fri")
    limits(data_dir, "set", "youtube.com", "30m", "--days", "sat,sun")
    (item,) = listed(data_dir)
    assert item["seconds_by_weekday"] == {
        "mon": 600, "tue": 600, "wed": 600, "thu": 600, "fri": 600, "sat": 1800, "sun": 1800
    }
    assert "10m mon-fri, 30m sat,sun" in limits(data_dir, "list").stdout
    limits(data_dir, "set", "youtube.com", "20m", "--days", "wed")
    assert listed(data_dir)[0]["seconds_by_weekday"]["wed"] == 1200


def test_cooling_off_keeps_a_loosening_pending(data_dir: Path) -> None:
    limits(data_dir, "set", "reddit.com", "15m", "--cooling-off")
    out = limits(data_dir, "set", "reddit.com", "1h").stdout
    assert "Cooling-off" in out
    (item,) = listed(data_dir)
    assert item["today"]["limit_seconds"] == 900
    assert item["pending"]["seconds_by_weekday"]["mon"] == 3600
    assert item["pending"]["effective_at"].endswith("Z")
    limits(data_dir, "set", "reddit.com", "10m")  # a tightening cancels it
    assert listed(data_dir)[0]["pending"] is None


def test_json_shape_and_today_use_match_the_report(data_dir: Path) -> None:
    today = today_local(4).isoformat()
    for target in ("firefox", "instagram.com", "category:Social", "total"):
        limits(data_dir, "set", target, "2h")
    limits(data_dir, "downtime", "23:00-07:00", "--allow", "code,category:Work")
    shown = {item["target"]: item for item in listed(data_dir)}
    expected = {
        "firefox": _seconds(report_json(data_dir, "--date", today, "--by", "app"), "firefox"),
        "instagram.com": _seconds(
            report_json(data_dir, "--date", today, "--by", "site"), "instagram.com"
        ),
        "category:Social": _seconds(
            report_json(data_dir, "--date", today, "--by", "category"), "Social"
        ),
        "total": report_json(data_dir, "--date", today)["total_seconds"],
    }
    assert expected["total"] > 0
    for target, seconds in expected.items():
        item = shown[target]
        assert set(item) == {
            "target", "kind", "key", "seconds_by_weekday", "today", "mode", "locked_until",
            "cooling_off", "snooze_budget", "warn_before_seconds", "pending",
        }
        assert item["today"]["date"] == today
        assert item["today"]["used_seconds"] == pytest.approx(seconds, abs=0.01), target
    assert shown["category:Social"]["kind"] == "category"
    assert shown["category:Social"]["key"] == "Social"
    assert shown["total"]["key"] == ""
    assert "Downtime: 23:00-07:00, allowed: category:Work, code" in limits(
        data_dir, "list"
    ).stdout
    limits(data_dir, "downtime", "off")
    assert "Downtime" not in limits(data_dir, "list").stdout


def _seconds(report: dict[str, Any], key: str) -> float:
    return float(next((i["seconds"] for i in report["items"] if i["key"] == key), 0.0))
