"""The self-experiment's protocol: designs, phases, the random order, and what is due on a day.

Modelled on Hunt et al. 2018 ("No More FOMO"): a baseline week of tracking, then
limited weeks (10 minutes per platform per day by default). Two designs:

- **classic**: 7 baseline days, then 21 limited days, and optionally a
  follow-up week with the limits off;
- **randomized** ("stronger evidence"): the baseline week, then ``pairs``
  pairs of weeks, each pair one limited and one usual week in an order drawn
  at the start (seeded, stored, and not shown until the end). Only a random
  order makes the randomisation test valid (``core.stats``).

All phases are whole weeks of local days (the app's days, which start at the
day-start hour). A check-in is for one day and can be answered until that day
ends (the next morning); later it is still taken for a day of the experiment,
marked late. Questionnaires are due on the last day of the baseline and of
every later week.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product
from typing import Literal

from wellbeing.core.i18n import translate
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.core.limits import Mode

Design = Literal["classic", "randomized"]
PhaseKind = Literal["baseline", "limited", "usual", "follow-up"]

WEEK = 7
BASELINE_DAYS = WEEK
CLASSIC_LIMITED_DAYS = 3 * WEEK
MIN_PAIRS = 2
MAX_PAIRS = 4
DEFAULT_LIMIT_SECONDS = 600
DEFAULT_CHECKIN_MINUTE = 21 * 60
PROMPT_WINDOW = (10 * 60, 20 * 60)
"""Random prompts fall between these minutes of the day (waking hours, before the check-in)."""
PROMPT_GAP_MINUTES = 120


class ExperimentPlanError(ValueError):
    """A plan that cannot be run; the message says why."""


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of an experiment: its kind and its first and last day (inclusive)."""

    kind: PhaseKind
    first: date
    last: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


@dataclass(frozen=True, slots=True)
class Plan:
    """An experiment as set up, with its stored random draws."""

    design: Design
    start: date
    targets: tuple[LimitTarget, ...]
    limit_seconds: int = DEFAULT_LIMIT_SECONDS
    checkin_minute: int = DEFAULT_CHECKIN_MINUTE
    prompts_per_day: int = 0
    primary: str = "mood"
    follow_up: bool = False
    pairs: int = MIN_PAIRS
    seed: int = 0
    order: tuple[PhaseKind, ...] = ()
    mode: Mode = "nag"


def check_plan(plan: Plan) -> None:
    """Refuse a plan that cannot be run.

    Raises:
        ExperimentPlanError: no targets, a target that is not an app or a site, a limit
            outside 1 minute..4 hours, a check-in time or prompt count out of range, too
            few pairs, or a drawn order that does not fit the design.
    """
    if not plan.targets:
        raise ExperimentPlanError(translate(
            "Experiment", "Choose at least one app or site to limit."))
    for target in plan.targets:
        if target.kind not in ("app", "site"):
            raise ExperimentPlanError(translate(
                "Experiment", "{target} is not an app or a site; the experiment limits single "
                "platforms.").format(target=target))
    if not 60 <= plan.limit_seconds <= 4 * 3600:
        raise ExperimentPlanError(translate(
            "Experiment", "The daily limit must be between 1 minute and 4 hours."))
    if not 0 <= plan.checkin_minute < 24 * 60:
        raise ExperimentPlanError(translate(
            "Experiment", "The check-in time must be a time of day (00:00 to 23:59)."))
    if not 0 <= plan.prompts_per_day <= 2:
        raise ExperimentPlanError(translate("Experiment", "At most 2 extra prompts a day."))
    if plan.design == "randomized":
        if not MIN_PAIRS <= plan.pairs <= MAX_PAIRS:
            raise ExperimentPlanError(translate(
                "Experiment", "The random-order design needs {least} to {most} pairs of weeks."
            ).format(least=MIN_PAIRS, most=MAX_PAIRS))
        if plan.order and plan.order not in possible_orders(plan):
            raise ExperimentPlanError(translate(
                "Experiment", "The stored order does not fit the design."))
        if plan.follow_up:
            raise ExperimentPlanError(translate(
                "Experiment", "The follow-up week belongs to the classic design."))
    elif plan.order:
        raise ExperimentPlanError(translate(
            "Experiment", "The classic design has no random order."))


def draw_order(pairs: int, seed: int) -> tuple[PhaseKind, ...]:
    """The week kinds after the baseline: each pair (limited, usual) or (usual, limited)."""
    rng = random.Random(seed)
    order: list[PhaseKind] = []
    for _ in range(pairs):
        first: PhaseKind = "limited" if rng.random() < 0.5 else "usual"
        order.extend((first, "usual" if first == "limited" else "limited"))
    return tuple(order)


def possible_orders(plan: Plan) -> list[tuple[PhaseKind, ...]]:
    """Every order the randomised design could have drawn (2 ** pairs of them)."""
    pair_orders: tuple[tuple[PhaseKind, PhaseKind], ...] = (
        ("limited", "usual"),
        ("usual", "limited"),
    )
    return [
        tuple(kind for pair in choice for kind in pair)
        for choice in product(pair_orders, repeat=plan.pairs)
    ]


def phases(plan: Plan) -> tuple[Phase, ...]:
    """The phases in order; each is whole weeks and they follow each other without a gap."""
    baseline = Phase("baseline", plan.start, plan.start + timedelta(days=BASELINE_DAYS - 1))
    result = [baseline]
    first = baseline.last + timedelta(days=1)
    if plan.design == "classic":
        result.append(Phase("limited", first, first + timedelta(days=CLASSIC_LIMITED_DAYS - 1)))
        if plan.follow_up:
            after = result[-1].last + timedelta(days=1)
            result.append(Phase("follow-up", after, after + timedelta(days=WEEK - 1)))
        return tuple(result)
    order = plan.order or draw_order(plan.pairs, plan.seed)
    for kind in order:
        result.append(Phase(kind, first, first + timedelta(days=WEEK - 1)))
        first += timedelta(days=WEEK)
    return tuple(result)


def phase_on(plan: Plan, day: date) -> Phase | None:
    """The phase ``day`` falls in; None before the start or after the end."""
    return next((phase for phase in phases(plan) if day in phase), None)


def last_day(plan: Plan) -> date:
    """The experiment's last day."""
    return phases(plan)[-1].last


def days_total(plan: Plan) -> int:
    return (last_day(plan) - plan.start).days + 1


def questionnaire_days(plan: Plan) -> tuple[date, ...]:
    """The last day of the baseline and of every later week."""
    end = last_day(plan)
    day = plan.start + timedelta(days=WEEK - 1)
    found: list[date] = []
    while day <= end:
        found.append(day)
        day += timedelta(days=WEEK)
    return tuple(found)


def phone_question_days(plan: Plan) -> tuple[date, ...]:
    """When the check-in asks for the phone's screen time: the same end-of-week days."""
    return questionnaire_days(plan)


def prompt_minutes(plan: Plan, day: date) -> tuple[int, ...]:
    """The extra prompts' times on ``day``: random, in waking hours, at least 2 h apart.

    Seeded by the plan's seed and the day, so they are the same at every start.
    """
    if plan.prompts_per_day == 0:
        return ()
    rng = random.Random(plan.seed * 100_003 + day.toordinal())
    low, high = PROMPT_WINDOW
    high = min(high, plan.checkin_minute - PROMPT_GAP_MINUTES)
    if high <= low:
        return ()
    while True:
        picks = sorted(rng.randrange(low, high + 1) for _ in range(plan.prompts_per_day))
        if all(b - a >= PROMPT_GAP_MINUTES for a, b in zip(picks, picks[1:], strict=False)):
            return tuple(picks)


def limited_on(plan: Plan, day: date) -> Phase | None:
    """The limited phase ``day`` is in, or None when the limits are off that day."""
    phase = phase_on(plan, day)
    return phase if phase is not None and phase.kind == "limited" else None


def within_limit(plan: Plan, used: Mapping[str, float]) -> bool:
    """Whether a day's use (seconds per ``str(target)``) kept every target within its limit."""
    return all(used.get(str(target), 0.0) <= plan.limit_seconds for target in plan.targets)


def checkin_is_late(day: date, today: date) -> bool:
    """A check-in for ``day`` is late once that day is over (the next morning has come)."""
    return day < today
