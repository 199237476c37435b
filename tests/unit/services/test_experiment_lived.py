"""Whole experiments lived through day by day on a fake calendar, on a real SQLite file.

The experiment's rows go through both SQL runners (sqlite3 and SQLAlchemy);
limits and tracked usage come from the in-memory limit store the enforcer's
tests use (usage is what ``LimitStore.usage_on`` reports from the tracker's
rows in the real stores).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.unit.services.limit_fakes import MemoryLimitStore
from wellbeing.core import experiment as protocol
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.core.limits import UsageToday
from wellbeing.core.stats import mean
from wellbeing.errors import ExperimentError
from wellbeing.paths import Paths
from wellbeing.services.experiment import Checkin, ExperimentService, Setup
from wellbeing.services.experiment_export import export_experiment
from wellbeing.storage.db import Database
from wellbeing.storage.experiment_alchemy import SqlAlchemyRunner
from wellbeing.storage.experiment_store import ExperimentStore, SqliteRunner

START = date(2026, 3, 2)
INSTAGRAM = LimitTarget("site", "instagram.com")
FACEBOOK = LimitTarget("site", "facebook.com")


class Calendar:
    def __init__(self) -> None:
        self.today = START
        self.ms = 1_772_000_000_000

    def now_ms(self) -> int:
        self.ms += 1000
        return self.ms


@pytest.fixture(params=["sqlite3", "sqlalchemy"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[
    Callable[[], ExperimentStore]
]:
    paths = Paths(tmp_path / "data")
    db = Database.open(None, paths)
    device = db.device_id("host", "linux")
    conn: sqlite3.Connection | None = None
    if request.param == "sqlite3":
        conn = sqlite3.connect(paths.database, isolation_level=None)
        yield lambda: ExperimentStore(SqliteRunner(conn), device)  # type: ignore[arg-type]
        conn.close()
    else:
        yield lambda: ExperimentStore(SqlAlchemyRunner(db), device)
    db.close()


def service(store: ExperimentStore, limits: MemoryLimitStore, cal: Calendar) -> ExperimentService:
    return ExperimentService(store, limits, today=lambda: cal.today, now_ms=cal.now_ms)


def live_day(limits: MemoryLimitStore, day: date, kind: str | None, extra: float = 0) -> None:
    """Tracked use that day: heavy in the baseline and usual weeks, light when limited."""
    heavy = kind in ("baseline", "usual", None)
    limits.usage[day] = UsageToday(
        by_site={"instagram.com": (1500.0 if heavy else 450.0) + extra,
                 "facebook.com": 300.0},
    )


def test_a_classic_experiment_from_start_to_report(
    make_store: Callable[[], ExperimentStore], tmp_path: Path
) -> None:
    cal, limits = Calendar(), MemoryLimitStore()
    svc = service(make_store(), limits, cal)
    status = svc.start(Setup("classic", (INSTAGRAM, FACEBOOK), primary="mood"))
    assert status.phase == "baseline"
    assert status.days_total == 28
    assert limits.limits() == []
    skipped = {START + timedelta(days=3), START + timedelta(days=15)}
    seen_limits: dict[date, list[str]] = {}
    for offset in range(28):
        cal.today = START + timedelta(days=offset)
        svc = service(make_store(), limits, cal)  # a restart every day
        svc.sync()
        phase = protocol.phase_on(svc.plan(), cal.today)  # type: ignore[arg-type]
        assert phase is not None
        seen_limits[cal.today] = sorted(str(limit.target) for limit in limits.limits())
        if phase.kind == "limited":
            for limit in limits.limits():
                assert limit.locked_until == START + timedelta(days=27)
                assert limit.experiment_id == status.experiment_id
                assert limit.mode == "nag"
                assert limit.seconds_by_weekday == (600,) * 7
        extra = 200.0 if offset == 10 else 0.0  # one day over the limit
        live_day(limits, cal.today, phase.kind, extra)
        if cal.today not in skipped:
            mood = 5 + (2 if phase.kind == "limited" else 0) + offset % 2
            svc.checkin(Checkin(mood, 3, 3, 2))
        if cal.today in protocol.questionnaire_days(svc.plan()):  # type: ignore[arg-type]
            svc.answer("who5", [3, 3, 3, 3, 3])
    assert seen_limits[START + timedelta(days=6)] == []
    assert seen_limits[START + timedelta(days=7)] == ["facebook.com", "instagram.com"]
    assert seen_limits[START + timedelta(days=27)] == ["facebook.com", "instagram.com"]

    cal.today = START + timedelta(days=28)
    svc = service(make_store(), limits, cal)
    status = svc.status()
    assert status is not None
    assert status.finished
    assert limits.limits() == []  # the limits went with the end
    assert status.checkins_missing == tuple(sorted(skipped))
    assert status.checkins_done == 26
    assert (status.adherence_days_within, status.adherence_days) == (20, 21)

    files = export_experiment(svc, tmp_path / "out")
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    report = svc.report().to_json()
    # The report's numbers equal a plain recomputation from the exported CSV.
    with (tmp_path / "out" / "checkins.csv").open() as f:
        rows = list(csv.DictReader(f))
    with (tmp_path / "out" / "phases.csv").open() as f:
        phases = list(csv.DictReader(f))
    limited_from = date.fromisoformat(phases[1]["from"])
    baseline = [float(r["mood"]) for r in rows if date.fromisoformat(r["date"]) < limited_from]
    limited = [float(r["mood"]) for r in rows if date.fromisoformat(r["date"]) >= limited_from]
    mood = report["measures"]["mood"]
    assert mood["baseline_mean"] == round(mean(baseline), 4)
    assert mood["limited_mean"] == round(mean(limited), 4)
    assert mood["n"] == {"baseline": 6, "limited": 20}
    assert mood["ci95"][0] > 0
    with (tmp_path / "out" / "daily_usage.csv").open() as f:
        usage = list(csv.DictReader(f))
    base_days = {r["date"] for r in usage if date.fromisoformat(r["date"]) < limited_from}
    base_total = sum(float(r["seconds"]) for r in usage if r["date"] in base_days)
    assert report["usage"]["baseline_daily_seconds"] == round(base_total / 7, 4)
    assert report["adherence"] == {"days_within_limit": 20, "days": 21}
    saved = json.loads((tmp_path / "out" / "experiment.json").read_text())
    assert saved["report"] == report
    assert len(saved["questionnaires"]) == 4


def test_a_randomized_experiment_limits_only_its_limited_weeks(
    make_store: Callable[[], ExperimentStore],
) -> None:
    cal, limits = Calendar(), MemoryLimitStore()
    svc = service(make_store(), limits, cal)
    svc.start(Setup("randomized", (INSTAGRAM,), pairs=2))
    plan = svc.plan()
    assert plan is not None
    assert protocol.days_total(plan) == 35
    assert sorted(plan.order) == ["limited", "limited", "usual", "usual"]
    for offset in range(35):
        cal.today = START + timedelta(days=offset)
        svc.sync()
        phase = protocol.phase_on(plan, cal.today)
        assert phase is not None
        limited_now = [limit for limit in limits.limits() if limit.experiment_id is not None]
        assert bool(limited_now) == (phase.kind == "limited")
        status = svc.status()
        assert status is not None
        assert status.phase == phase.kind
        live_day(limits, cal.today, phase.kind)
        svc.checkin(Checkin(7 if phase.kind == "limited" else 5, 2, 2, 2))
    cal.today = START + timedelta(days=35)
    report = svc.report().to_json()
    assert report["design"] == "randomized"
    assert [p["kind"] for p in report["phases"]][1:] == list(plan.order)
    assert report["measures"]["mood"]["p"] == pytest.approx(0.5)  # the most extreme of 4 orders
    assert limits.limits() == []


def test_bad_answers_and_days_are_refused_and_nothing_is_kept(
    make_store: Callable[[], ExperimentStore],
) -> None:
    cal, limits = Calendar(), MemoryLimitStore()
    svc = service(make_store(), limits, cal)
    with pytest.raises(ExperimentError, match="No experiment is running"):
        svc.checkin(Checkin(5, 5, 5, 5))
    svc.start(Setup("classic", (INSTAGRAM,)))
    with pytest.raises(ExperimentError, match="already running"):
        svc.start(Setup("classic", (INSTAGRAM,)))
    with pytest.raises(ExperimentError, match="lonely"):
        svc.checkin(Checkin(5, None, 5, 5))
    with pytest.raises(ExperimentError, match="0–10; got 11"):
        svc.checkin(Checkin(11, 5, 5, 5))
    with pytest.raises(ExperimentError, match="future"):
        svc.checkin(Checkin(5, 5, 5, 5), day=START + timedelta(days=1))
    with pytest.raises(ExperimentError, match="outside the experiment"):
        svc.checkin(Checkin(5, 5, 5, 5), day=START - timedelta(days=1))
    with pytest.raises(ExperimentError, match="Item 2 of PHQ-8"):
        svc.answer("phq8", [0, 4, 0, 0, 0, 0, 0, 0])
    with pytest.raises(ExperimentError, match="has 7 items"):
        svc.answer("gad7", [0, 0])
    assert svc.store.checkins(svc.store.current().id) == {}  # type: ignore[union-attr]
    first = svc.checkin(Checkin(5, 5, 5, 5))
    second = svc.checkin(Checkin(6, 5, 5, 5))
    assert (first.replaced, second.replaced) == (False, True)
    cal.today = START + timedelta(days=1)
    late = svc.checkin(Checkin(4, 5, 5, 5), day=START)
    assert late.late
    assert late.replaced


def test_abandon_keeps_the_answers_and_lifts_the_locked_limits(
    make_store: Callable[[], ExperimentStore],
) -> None:
    cal, limits = Calendar(), MemoryLimitStore()
    svc = service(make_store(), limits, cal)
    svc.start(Setup("classic", (INSTAGRAM,)))
    svc.checkin(Checkin(5, 5, 5, 5))
    cal.today = START + timedelta(days=8)
    svc.sync()
    assert limits.limits()[0].is_locked(cal.today)
    svc.abandon()
    assert limits.limits() == []
    record = svc.store.current()
    assert record is not None
    assert record.status == "abandoned"
    assert len(svc.store.checkins(record.id)) == 1


def test_a_target_with_the_users_own_limit_is_refused(
    make_store: Callable[[], ExperimentStore],
) -> None:
    from wellbeing.core.limits import Limit

    cal, limits = Calendar(), MemoryLimitStore()
    limits.save_limit(Limit(INSTAGRAM, (1200,) * 7))
    svc = service(make_store(), limits, cal)
    with pytest.raises(ExperimentError, match="already have a limit on instagram.com"):
        svc.start(Setup("classic", (INSTAGRAM,)))
    assert svc.store.current() is None
