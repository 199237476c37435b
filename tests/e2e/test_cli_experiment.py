"""``wellbeing experiment`` as a subprocess: a day of it, and bad input refused without a write."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import run_cli
from wellbeing.services.reporting import today_local

TABLES = ("experiment", "experiment_checkin", "questionnaire_response", "usage_limit")


def state(data_dir: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = sqlite3.connect(data_dir / "wellbeing.sqlite3")
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def ok(data_dir: Path, *args: str) -> str:
    res = run_cli("experiment", *args, data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    return res.stdout


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("experiment") / "data"
    out = ok(data_dir, "start", "--targets", "instagram.com,facebook.com", "--limit", "10m",
             "--checkin-at", "21:00")
    assert "day 1 of 28" in out
    assert "not medical advice" in out
    return data_dir


def test_a_day_of_the_experiment_from_the_command_line(running: Path) -> None:
    status = json.loads(ok(running, "status", "--json"))
    assert status["phase"] == "baseline"
    assert status["days_total"] == 28
    assert status["targets"] == ["instagram.com", "facebook.com"]
    first = ok(running, "checkin", "--mood", "6", "--lonely", "3", "--anxious", "4",
               "--missed-out", "2", "--note", "a quiet day")
    assert "saved" in first
    again = ok(running, "checkin", "--mood", "7", "--lonely", "3", "--anxious", "4",
               "--missed-out", "2")
    assert "replaced the earlier one" in again
    assert "who5: 60" in ok(running, "questionnaire", "who5", "--answers", "3,3,3,3,3")
    report = json.loads(ok(running, "report", "--json"))
    assert report["design"] == "classic"
    assert report["primary"] == "mood"
    assert [p["kind"] for p in report["phases"]] == ["baseline", "limited"]
    mood = report["measures"]["mood"]
    assert mood["difference"] is None
    assert mood["ci95"] is None
    assert "Not enough data" in mood["note"]
    assert set(report["measures"]) == {
        "mood", "lonely", "anxious", "missed_out", "who5", "ucla3", "phq8", "gad7"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["checkin", "--mood", "11", "--lonely", "3", "--anxious", "4", "--missed-out", "2"],
         "0–10; got 11"),
        (["checkin", "--mood", "5", "--lonely", "3", "--anxious", "4", "--missed-out", "2",
          "--date", "2099-01-01"], "future"),
        (["checkin", "--mood", "5", "--lonely", "3", "--anxious", "4", "--missed-out", "2",
          "--date", "2001-01-01"], "outside the experiment"),
        (["questionnaire", "phq8", "--answers", "0,0,0"], "has 8 items; got 3"),
        (["questionnaire", "gad7", "--answers", "0,0,9,0,0,0,0"], "Item 3 of GAD-7"),
        (["questionnaire", "who5", "--answers", "3,x,3,3,3"], "Answer 2"),
        (["start", "--targets", "instagram.com"], "already running"),
        (["phone", "tiktok.com", "--minutes", "30"], "not one of this experiment's targets"),
    ],
)
def test_bad_input_exits_2_naming_the_problem_and_changes_nothing(
    running: Path, args: list[str], message: str
) -> None:
    before = state(running)
    res = run_cli("experiment", *args, data_dir=running)
    assert res.returncode == 2, res.stderr
    assert message in res.stderr
    assert state(running) == before


def test_start_refuses_bad_setups(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    cases = [
        (["--targets", "total"], "not an app or a site"),
        (["--targets", "instagram.com", "--checkin-at", "25:00"], "time of day"),
        (["--targets", "instagram.com", "--start",
          (today_local(4) - timedelta(days=2)).isoformat()], "has passed"),
        (["--targets", "instagram.com", "--design", "randomized", "--pairs", "1"], "pairs"),
        (["--targets", "instagram.com", "--limit", "0m"], ""),
    ]
    for args, message in cases:
        res = run_cli("experiment", "start", *args, data_dir=data_dir)
        assert res.returncode == 2, (args, res.stderr)
        assert message in res.stderr
    assert json.loads(ok(data_dir, "status", "--json")) is None


def test_export_and_abandon_keep_everything(running: Path, tmp_path: Path) -> None:
    ok(running, "export", "-o", str(tmp_path / "out"))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["checkins.csv", "daily_usage.csv", "draws.csv", "experiment.json",
                     "phases.csv", "phone.csv", "questionnaires.csv"]
    assert all((tmp_path / "out" / n).stat().st_mode & 0o777 == 0o600 for n in names)
    checkins_before = state(running)["experiment_checkin"]
    assert "Everything you answered is kept" in ok(running, "abandon")
    after = state(running)
    assert after["experiment_checkin"] == checkins_before
    assert after["experiment"][0][3] == "abandoned"
    assert after["usage_limit"] == []
