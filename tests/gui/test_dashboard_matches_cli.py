"""The dashboard shows what ``wellbeing report --json`` says for the same range (real data)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.helpers import report_json, run_cli
from wellbeing.paths import Paths
from wellbeing.services.reporting import today_local
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.ui.viewmodels import DashboardModel

LAST = date(2026, 11, 26)  # a Thursday: the week view shows 23-29 November


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("dash") / "data"
    res = run_cli("demo-data", "--days", "21", "--seed", "3", "--end", LAST.isoformat(),
                  data_dir=data_dir)
    assert res.returncode == 0, res.stderr
    return data_dir


@pytest.mark.parametrize("by", ["app", "site", "category"])
def test_week_view_equals_report_json(demo_dir: Path, by: str) -> None:
    expected = report_json(demo_dir, "--week", LAST.isoformat(), "--by", by)
    everything = report_json(demo_dir, "--week", LAST.isoformat(), "--by", "app")
    today = today_local(4)  # the CLI's "today" decides which days the average counts
    db = Database.open(None, Paths(demo_dir))
    try:
        model = DashboardModel(UsageQueries(db, today=lambda: today), lambda: today)
        model.go_to(LAST)
        model.set_group_by(by)  # type: ignore[arg-type]
        state = model.state
        shown_range = (state.start.isoformat(), state.end.isoformat())
        assert shown_range == (expected["from"], expected["to"])
        # the headline and the bars always show all use (the list switches grouping)
        assert state.headline.value_seconds == pytest.approx(
            everything["daily_average_seconds"], abs=0.1
        )
        bar_totals = [bar.total_seconds for bar in state.chart.bars]
        assert bar_totals == pytest.approx(
            [d["total_seconds"] for d in everything["days"]], abs=0.01
        )
        model.select_day(None)
        whole_week = {row.key: row.seconds for row in model.state.rows}
        assert whole_week == pytest.approx(
            {item["key"]: item["seconds"] for item in expected["items"]}, abs=0.01
        )
        model.select_day(LAST - timedelta(days=1))
        wanted = (LAST - timedelta(days=1)).isoformat()
        day = next(d for d in expected["days"] if d["date"] == wanted)
        assert {row.key: row.seconds for row in model.state.rows} == pytest.approx(
            {item["key"]: item["seconds"] for item in day["items"]}, abs=0.01
        )
    finally:
        db.close()
