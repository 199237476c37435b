"""The experiment report: a planted effect is found, a planted null is not over-claimed."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from wellbeing.core.experiment import Phase, PhaseKind
from wellbeing.core.experiment_report import ReportInput, build_report
from wellbeing.core.stats import block_bootstrap_ci, mean

START = date(2026, 3, 2)  # a Monday
CLASSIC = (
    Phase("baseline", START, START + timedelta(days=6)),
    Phase("limited", START + timedelta(days=7), START + timedelta(days=27)),
)
TARGETS = ("site:instagram.com", "site:facebook.com")


def days(phase: Phase) -> list[date]:
    return [phase.first + timedelta(days=n) for n in range((phase.last - phase.first).days + 1)]


def planted(phases: tuple[Phase, ...], shift: float, seed: int = 5) -> dict[date, dict[str, float]]:
    """Mood rises by ``shift`` in limited weeks; loneliness never changes (noise only)."""
    rng = random.Random(seed)
    daily: dict[date, dict[str, float]] = {}
    for phase in phases:
        for day in days(phase):
            bump = shift if phase.kind == "limited" else 0.0
            daily[day] = {
                "mood": round(5 + bump + rng.gauss(0, 0.6), 1),
                "lonely": round(4 + rng.gauss(0, 0.6), 1),
                "anxious": 3.0,
                "missed_out": 2.0,
            }
    return daily


def usage(phases: tuple[Phase, ...]) -> dict[date, dict[str, float]]:
    return {
        day: {TARGETS[0]: 1500.0 if phase.kind == "baseline" else 500.0, TARGETS[1]: 300.0}
        for phase in phases
        for day in days(phase)
    }


def report_input(**changes: object) -> ReportInput:
    base: dict[str, object] = {
        "design": "classic",
        "primary": "mood",
        "phases": CLASSIC,
        "seed": 1234,
        "daily": planted(CLASSIC, shift=1.5),
        "weekly": [
            (START + timedelta(days=6), "who5", 48.0),
            (START + timedelta(days=13), "who5", 60.0),
        ],
        "usage": usage(CLASSIC),
        "limit_seconds": 600,
        "targets": TARGETS,
    }
    base.update(changes)
    return ReportInput(**base)  # type: ignore[arg-type]


def test_a_planted_effect_is_found_and_a_planted_null_is_not_over_claimed() -> None:
    """40 simulated people (fixed seeds): mood shifted by 1.5 points, loneliness unchanged."""
    found = claimed = 0
    for seed in range(40):
        report = build_report(report_input(daily=planted(CLASSIC, 1.5, seed=seed))).to_json()
        mood, lonely = report["measures"]["mood"], report["measures"]["lonely"]
        found += mood["ci95"][0] > 0
        claimed += lonely["ci95"][0] > 0 or lonely["ci95"][1] < 0
    assert found == 40
    assert claimed <= 4  # a 95% interval may miss about 1 in 20; never a habit of it


def test_the_summary_leads_with_the_primary_and_does_not_over_claim() -> None:
    report = build_report(report_input()).to_json()
    assert report["summary"].startswith("Your evening mood averaged")
    assert "fits a benefit" in report["summary"]
    assert "small or none" in report["summary"]
    assert "not a diagnosis" in report["summary"]
    flat = {d: {**v, "mood": 5.0 + (d.day % 3)} for d, v in planted(CLASSIC, 0).items()}
    null = build_report(report_input(daily=flat)).to_json()
    low, high = null["measures"]["mood"]["ci95"]
    assert low < 0 < high
    assert "cannot tell a real change" in null["summary"]
    assert "fits a benefit" not in null["summary"]
    worse = {day: {**v, "mood": 10 - v["mood"]} for day, v in planted(CLASSIC, 1.5).items()}
    assert "not helping you" in build_report(report_input(daily=worse)).to_json()["summary"]


def test_numbers_equal_a_plain_recomputation() -> None:
    data = report_input()
    report = build_report(data).to_json()
    baseline = [data.daily[d]["mood"] for d in days(CLASSIC[0])]
    limited = [data.daily[d]["mood"] for d in days(CLASSIC[1])]
    mood = report["measures"]["mood"]
    assert mood["baseline_mean"] == round(mean(baseline), 4)
    assert mood["limited_mean"] == round(mean(limited), 4)
    assert mood["difference"] == round(mean(limited) - mean(baseline), 4)
    assert mood["ci95"] == [round(v, 4) for v in block_bootstrap_ci(baseline, limited, seed=1234)]
    assert mood["n"] == {"baseline": 7, "limited": 21}
    assert mood["p"] is None  # classic design: no test
    assert report["usage"]["baseline_daily_seconds"] == 1800.0
    assert report["usage"]["limited_daily_seconds"] == 800.0
    assert report["usage"]["per_target"][TARGETS[0]]["limited_daily_seconds"] == 500.0
    assert report["adherence"] == {"days_within_limit": 21, "days": 21}
    assert build_report(data).to_json() == report  # reproducible to the digit


def test_the_json_has_the_documented_shape() -> None:
    report = build_report(report_input()).to_json()
    assert report["design"] == "classic"
    assert report["primary"] == "mood"
    assert report["phases"] == [
        {"kind": "baseline", "from": "2026-03-02", "to": "2026-03-08"},
        {"kind": "limited", "from": "2026-03-09", "to": "2026-03-29"},
    ]
    assert set(report["measures"]) == {
        "mood", "lonely", "anxious", "missed_out", "who5", "ucla3", "phq8", "gad7",
    }
    for measure in report["measures"].values():
        keys = {"baseline_mean", "limited_mean", "difference", "ci95", "nap", "p", "n", "note"}
        assert keys <= set(measure)
    assert {"baseline_daily_seconds", "limited_daily_seconds", "per_target"} <= set(report["usage"])
    assert set(report["adherence"]) == {"days_within_limit", "days"}
    assert isinstance(report["summary"], str)


def test_too_few_check_ins_give_not_enough_data_but_keep_the_means() -> None:
    sparse = {day: values for day, values in planted(CLASSIC, 1.5).items() if day.day % 2 == 0}
    baseline_days = [d for d in days(CLASSIC[0]) if d in sparse]
    assert len(baseline_days) < 5
    report = build_report(report_input(daily=sparse)).to_json()
    mood = report["measures"]["mood"]
    assert mood["difference"] is None
    assert mood["ci95"] is None
    assert mood["nap"] is None
    assert mood["baseline_mean"] is not None
    assert "Not enough data" in mood["note"]
    assert report["summary"].startswith("There is not enough data yet")


def test_questionnaires_are_described_never_tested() -> None:
    report = build_report(report_input(primary="who5")).to_json()
    who5 = report["measures"]["who5"]
    assert who5["difference"] is None
    assert who5["ci95"] is None
    assert who5["p"] is None
    assert who5["baseline_mean"] == 48.0
    assert who5["limited_mean"] == 60.0
    assert "once a week" in who5["note"]
    assert report["summary"].startswith("Your WHO-5 well-being score was 48.0")


def randomized() -> tuple[tuple[Phase, ...], list[tuple[PhaseKind, ...]]]:
    kinds: tuple[PhaseKind, ...] = ("limited", "usual", "usual", "limited")
    phases = [Phase("baseline", START, START + timedelta(days=6))]
    for week, kind in enumerate(kinds, start=1):
        first = START + timedelta(days=7 * week)
        phases.append(Phase(kind, first, first + timedelta(days=6)))
    orders: list[tuple[PhaseKind, ...]] = [
        (a, b, c, d)
        for a, b in (("limited", "usual"), ("usual", "limited"))
        for c, d in (("limited", "usual"), ("usual", "limited"))
    ]
    return tuple(phases), orders


def test_the_randomized_design_gives_a_p_value_only_when_every_week_is_over() -> None:
    phases, orders = randomized()
    data = report_input(
        design="randomized",
        phases=phases,
        possible_orders=orders,
        daily=planted(phases, shift=2.0),
        usage=usage(phases),
    )
    mood = build_report(data).to_json()["measures"]["mood"]
    assert mood["p"] == pytest.approx(0.5)  # the most extreme of 4 orders, two-sided: 2 of 4
    assert mood["usual_mean"] is not None
    assert mood["n"]["usual"] == 14
    assert "smallest p it can give is 0.25" in mood["note"]
    so_far = build_report(
        report_input(
            design="randomized",
            phases=phases,
            possible_orders=orders,
            daily=planted(phases, 2.0),
            today=phases[3].first,
        )
    ).to_json()
    assert so_far["so_far"] is True
    assert so_far["measures"]["mood"]["p"] is None
    assert "report so far" in so_far["summary"]


def test_a_report_so_far_counts_only_finished_days() -> None:
    today = START + timedelta(days=10)  # baseline done, 3 limited days over
    report = build_report(report_input(today=today)).to_json()
    assert report["measures"]["mood"]["n"] == {"baseline": 7, "limited": 3}
    assert report["adherence"]["days"] == 3
    assert report["so_far"] is True


def test_dose_response_and_phone_entries() -> None:
    phone = [(START + timedelta(days=6), TARGETS[0], 3600)]
    report = build_report(report_input(phone=phone)).to_json()
    dose = report["dose_response"]
    assert dose["n"] == 28
    assert dose["slope_per_10_min"] < 0
    assert report["phone"] == [
        {"date": "2026-03-08", "phase": "baseline", "target": TARGETS[0],
         "daily_seconds": 3600, "self_reported": True}
    ]


def test_adherence_counts_days_over_the_limit() -> None:
    use = usage(CLASSIC)
    use[START + timedelta(days=8)] = {TARGETS[0]: 601.0}
    report = build_report(report_input(usage=use)).to_json()
    assert report["adherence"] == {"days_within_limit": 20, "days": 21}
