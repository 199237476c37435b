"""The protocol: phases, the random order within pairs, due days, prompts, limits kept."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core import experiment as protocol
from wellbeing.core.experiment import ExperimentPlanError, Phase, Plan
from wellbeing.core.limit_targets import LimitTarget

INSTAGRAM = LimitTarget("site", "instagram.com")
START = date(2026, 3, 23)  # the week of Europe's spring DST change (29 March)


def classic(**changes: object) -> Plan:
    return Plan("classic", START, (INSTAGRAM,), **changes)  # type: ignore[arg-type]


def test_classic_is_a_baseline_week_then_three_limited_weeks() -> None:
    assert protocol.phases(classic()) == (
        Phase("baseline", date(2026, 3, 23), date(2026, 3, 29)),
        Phase("limited", date(2026, 3, 30), date(2026, 4, 19)),
    )
    assert protocol.days_total(classic()) == 28
    with_follow_up = protocol.phases(classic(follow_up=True))
    assert with_follow_up[-1] == Phase("follow-up", date(2026, 4, 20), date(2026, 4, 26))


def test_phase_on_every_day_and_none_outside() -> None:
    plan = classic()
    assert protocol.phase_on(plan, START - timedelta(days=1)) is None
    assert protocol.phase_on(plan, date(2026, 3, 29)).kind == "baseline"  # type: ignore[union-attr]
    assert protocol.phase_on(plan, date(2026, 3, 30)).kind == "limited"  # type: ignore[union-attr]
    assert protocol.phase_on(plan, protocol.last_day(plan) + timedelta(days=1)) is None
    assert protocol.limited_on(plan, date(2026, 3, 29)) is None
    assert protocol.limited_on(plan, date(2026, 4, 19)) is not None


def test_questionnaires_at_the_end_of_every_week() -> None:
    assert protocol.questionnaire_days(classic()) == (
        date(2026, 3, 29), date(2026, 4, 5), date(2026, 4, 12), date(2026, 4, 19))


@given(st.integers(min_value=2, max_value=4), st.integers(min_value=0, max_value=2**32 - 1))
def test_the_draw_is_balanced_within_pairs_and_reproducible(pairs: int, seed: int) -> None:
    order = protocol.draw_order(pairs, seed)
    assert order == protocol.draw_order(pairs, seed)
    assert len(order) == 2 * pairs
    for first, second in zip(order[::2], order[1::2], strict=True):
        assert {first, second} == {"limited", "usual"}
    plan = Plan("randomized", START, (INSTAGRAM,), pairs=pairs, seed=seed, order=order)
    assert order in protocol.possible_orders(plan)
    assert [p.kind for p in protocol.phases(plan)][1:] == list(order)


def test_the_draw_is_not_fixed() -> None:
    seen = Counter(protocol.draw_order(2, seed) for seed in range(200))
    assert len(seen) == 4  # every order of 2 pairs happens
    assert min(seen.values()) > 20


def test_possible_orders_are_all_two_to_the_pairs() -> None:
    plan = Plan("randomized", START, (INSTAGRAM,), pairs=3)
    orders = protocol.possible_orders(plan)
    assert len(orders) == len(set(orders)) == 8


def test_prompts_are_seeded_two_hours_apart_before_the_check_in() -> None:
    plan = classic(prompts_per_day=2, seed=99)
    for offset in range(28):
        day = START + timedelta(days=offset)
        minutes = protocol.prompt_minutes(plan, day)
        assert minutes == protocol.prompt_minutes(plan, day)
        assert len(minutes) == 2
        assert minutes[1] - minutes[0] >= 120
        assert minutes[0] >= 10 * 60
        assert minutes[1] <= plan.checkin_minute - 120
    assert protocol.prompt_minutes(classic(), START) == ()
    assert protocol.prompt_minutes(classic(prompts_per_day=1, checkin_minute=9 * 60), START) == ()


def test_within_limit_and_late_check_ins() -> None:
    plan = classic(limit_seconds=600)
    assert protocol.within_limit(plan, {"instagram.com": 600.0})
    assert not protocol.within_limit(plan, {"instagram.com": 600.5})
    assert protocol.within_limit(plan, {})
    assert not protocol.checkin_is_late(START, START)
    assert protocol.checkin_is_late(START, START + timedelta(days=1))


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (Plan("classic", START, ()), "at least one"),
        (Plan("classic", START, (LimitTarget("total"),)), "not an app or a site"),
        (classic(limit_seconds=30), "between 1 minute"),
        (classic(checkin_minute=24 * 60), "time of day"),
        (classic(prompts_per_day=3), "At most 2"),
        (Plan("randomized", START, (INSTAGRAM,), pairs=1), "2 to 4 pairs"),
        (Plan("randomized", START, (INSTAGRAM,), order=("limited", "limited", "usual", "usual")),
         "does not fit"),
        (Plan("randomized", START, (INSTAGRAM,), follow_up=True), "classic design"),
        (classic(order=("limited", "usual")), "no random order"),
    ],
)
def test_plans_that_cannot_run_are_refused(plan: Plan, message: str) -> None:
    with pytest.raises(ExperimentPlanError, match=message):
        protocol.check_plan(plan)
