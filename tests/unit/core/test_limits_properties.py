"""Property tests of core.limits.evaluate: random limits, downtime, days, choices and clock jumps.

The simulated enforcer (``limit_sim.Sim``) checks on every step that nothing
is due before ``next_check_seconds`` said, that something is due when it steps
exactly onto that deadline, and that an action once carried out is not due
again. Here we add what must hold over a whole run.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.core.limit_sim import Sim
from wellbeing.core.limits import MODES, Action, Downtime, Limit, LimitTarget

TARGETS = [
    LimitTarget("app", "supertuxkart"),
    LimitTarget("app", "firefox"),
    LimitTarget("site", "youtube.com"),
    LimitTarget("category", "Video"),
    LimitTarget("total"),
]
FRONTS: list[tuple[str, str | None, str | None] | None] = [
    ("supertuxkart", None, "Games"),
    ("firefox", "youtube.com", "Video"),
    ("firefox", "en.wikipedia.org", "Reference"),
    ("org.gnome.TextEditor", None, None),
    None,
]
ZONES = [ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("UTC")]

seconds = st.sampled_from([60, 120, 300, 600, 900, 1800])
limits_st = st.lists(
    st.builds(
        Limit,
        target=st.sampled_from(TARGETS),
        seconds_by_weekday=st.tuples(*[st.one_of(st.none(), seconds)] * 7),
        mode=st.sampled_from(MODES),
        locked_until=st.one_of(st.none(), st.dates(date(2026, 3, 25), date(2026, 4, 2))),
        snooze_budget=st.one_of(st.none(), st.integers(0, 3)),
        warn_before_seconds=st.sampled_from([0, 30, 60, 300]),
    ),
    max_size=4,
    unique_by=lambda limit: limit.target,
)
downtime_st = st.one_of(
    st.none(),
    st.builds(
        Downtime,
        start_minute=st.integers(0, 1439),
        end_minute=st.integers(0, 1439),
        weekdays=st.frozensets(st.integers(0, 6)),
        always_allowed=st.frozensets(
            st.sampled_from(["org.gnome.TextEditor", "category:Reference", "youtube.com"])
        ),
    ),
)
ops_st = st.lists(
    st.one_of(
        st.tuples(st.just("focus"), st.integers(0, len(FRONTS) - 1)),
        st.tuples(st.just("use"), st.integers(1, 4 * 3600)),
        st.tuples(st.just("use_every"), st.integers(1, 1800)),
        st.tuples(st.just("jump"), st.sampled_from([-90_000, -3600, -59, 59, 3600, 90_000])),
        st.tuples(st.just("change"), st.integers(0, 3)),
        st.tuples(st.just("ignore"), st.integers(0, 3)),
    ),
    max_size=25,
)
starts_st = st.datetimes(datetime(2026, 3, 27), datetime(2026, 3, 30))


def chooser_from(rng: random.Random) -> object:
    def choose(action: Action, sim: Sim) -> str:
        return rng.choice(["snooze", "ignore", "close", "dismiss", "dismiss"])

    return choose


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    limits=limits_st,
    downtime=downtime_st,
    ops=ops_st,
    start=starts_st,
    zone=st.sampled_from(ZONES),
    day_start_hour=st.sampled_from([0, 4]),
    rng=st.randoms(use_true_random=False),
)
def test_random_days_keep_every_promise(
    limits: list[Limit],
    downtime: Downtime | None,
    ops: list[tuple[str, int]],
    start: datetime,
    zone: ZoneInfo,
    day_start_hour: int,
    rng: random.Random,
) -> None:
    sim = Sim(
        list(limits),
        start=start.replace(tzinfo=zone),
        day_start_hour=day_start_hour,
        downtime=downtime,
        chooser=chooser_from(rng),  # type: ignore[arg-type]
    )
    for op, value in ops:
        if op == "focus":
            front = FRONTS[value]
            sim.focus(*front) if front is not None else sim.focus(None)
        elif op == "use":
            sim.use(value)
        elif op == "use_every":
            sim.use(3 * value, every=value / 7)
        elif op == "jump":
            sim.set_clock(value)
        elif op == "change" and value < len(sim.limits):
            old = sim.limits[value]
            new = tuple(None if s is None else max(60, s // 2) for s in old.seconds_by_weekday)
            sim.limits[value] = replace(old, seconds_by_weekday=new)
            sim.record(old.target, "changed")
        elif op == "ignore" and value < len(sim.limits):
            sim.record(sim.limits[value].target, "ignored")
        assert sim.last is not None
        for state in sim.last.states:
            assert 0 <= state.snoozes_left <= state.limit.budget
            assert state.used_seconds >= 0

    # Each warning and each reach is told at most once a day (a change starts them over).
    changes = Counter((e.local_date, e.target) for e in sim.events if e.kind == "changed")
    told = Counter(
        (e.local_date, e.target, e.kind) for e in sim.events if e.kind in ("warned", "reached")
    )
    for (day, target, _kind), count in told.items():
        assert count <= 1 + changes[(day, target)], (day, target, _kind, count)
    # A snooze is only taken from a budget that has one left.
    snoozes = Counter((e.local_date, e.target) for e in sim.events if e.kind == "snoozed")
    budgets = {limit.target: limit.budget for limit in sim.limits}
    for (day, target), count in snoozes.items():
        if target in budgets:
            assert count <= max(budgets[target], 2), (day, target, count)


@settings(max_examples=60, deadline=None)
@given(
    limit=limits_st.filter(bool).map(lambda limits: limits[0]),
    front=st.integers(0, len(FRONTS) - 2),
    start=starts_st,
)
def test_a_whole_day_of_one_thing_tells_each_thing_once(
    limit: Limit, front: int, start: datetime
) -> None:
    sim = Sim([limit], start=start.replace(tzinfo=UTC))
    focus = FRONTS[front]
    assert focus is not None
    sim.focus(*focus)
    first = sim.now().local_date
    sim.use(26 * 3600)
    for day in (first, first + timedelta(days=1)):
        kinds = Counter(sim.kinds(day))
        assert kinds["notify_warning"] <= 1
        assert kinds["notify_reached"] <= 1
        if limit.mode != "notify":
            # Without choices: one screen a focus, and a new day is a new focus.
            assert kinds["show_times_up"] <= 1
            assert kinds["notify_still_over"] == 0
