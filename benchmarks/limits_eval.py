"""Time core.limits.evaluate with 50 limits, as the enforcer calls it after every sample.

The 50 limits are a mix a heavy user might set: 30 apps and 12 sites in all
three modes, 7 categories and the total as notifications, some with other
minutes on the weekend, some locked. A day (16 hours) is simulated once
beforehand: a switch every 5 s, mostly between ten apps without a limit, now
and then to a limited one (some in a browser on a limited site), usage
growing, and every action ``evaluate`` returns recorded as an event, so later
moments carry the day's bypass log so far; downtime is on for the last ten
minutes. Then about 2,000 of those moments, spread over the day, are evaluated
again, timed one call at a time; the figures are those of the best of five
passes.

Prints one JSON object; the budget is 1 ms per evaluation of 50 limits
(issue "Daily limits that hold").
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import emit, log  # noqa: E402
from wellbeing.core.limits import (  # noqa: E402
    MODES,
    Downtime,
    InFront,
    Limit,
    LimitClock,
    LimitEvent,
    LimitTarget,
    UsageToday,
    evaluate,
    limit_clock_at,
)

LIMITS = 50
BUDGET_US = 1000.0
PASSES = 5
SWITCH_S = 5
DAY_START_MS = 1_780_632_000_000  # Friday 2026-06-05 04:00 UTC
DAY_HOURS = 16
APPS = [f"app{n:02d}" for n in range(40)]
SITES = [f"site{n:02d}.example" for n in range(12)]
CATEGORIES = ["Social", "Video", "Games", "News", "Shopping", "Chat", "Music"]

Moment = tuple[UsageToday, InFront | None, tuple[LimitEvent, ...], LimitClock]


def limits(rng: random.Random) -> list[Limit]:
    targets = (
        [LimitTarget("app", key) for key in APPS[:30]]
        + [LimitTarget("site", domain) for domain in SITES]
        + [LimitTarget("category", name) for name in CATEGORIES]
        + [LimitTarget("total")]
    )
    out = []
    for index, target in enumerate(targets[:LIMITS]):
        weekday = rng.choice([300, 600, 1200, 1800, 3600])
        weekend = rng.choice([weekday, weekday * 2, None])
        out.append(
            Limit(
                target,
                (weekday,) * 5 + (weekend, weekend),
                mode=MODES[index % 3] if target.kind in ("app", "site") else "notify",
                locked_until=date(2026, 6, 30) if index % 7 == 0 else None,
            )
        )
    return out


def simulate_day(rules: list[Limit], downtime: Downtime, rng: random.Random) -> list[Moment]:
    """The inputs of every evaluation of a day, its bypass log growing as a day's does.

    Most switches go to ten apps without a limit; a limited app (or site) whose
    "Time's up" screen has been shown is left alone for the rest of the day.
    """
    used: Counter[str] = Counter()
    events: list[LimitEvent] = []
    moments: list[Moment] = []
    free, limited = APPS[30:], list(APPS[:30])
    for step in range(DAY_HOURS * 3600 // SWITCH_S):
        wall_ms = DAY_START_MS + step * SWITCH_S * 1000
        app = rng.choice(limited) if limited and rng.random() < 0.3 else rng.choice(free)
        site = rng.choice(SITES) if app in APPS[:3] else None
        category = rng.choice(CATEGORIES)
        for key in (f"app:{app}", f"site:{site}", f"category:{category}", "total"):
            if site is not None or not key.startswith("site:"):
                used[key] += SWITCH_S
        usage = UsageToday(
            {k[4:]: float(v) for k, v in used.items() if k.startswith("app:")},
            {k[5:]: float(v) for k, v in used.items() if k.startswith("site:")},
            {k[9:]: float(v) for k, v in used.items() if k.startswith("category:")},
            float(used["total"]),
        )
        in_front = InFront(app, site, category, since_ms=wall_ms)
        now = limit_clock_at(wall_ms, 0, 4)
        moments.append((usage, in_front, tuple(events), now))
        result = evaluate(rules, usage, in_front, events, now, downtime=downtime)
        for action in result.actions:
            events.append(action.event)
            if action.kind == "show_times_up" and app in limited:
                limited.remove(app)
    return moments
def timed_pass(rules: list[Limit], downtime: Downtime, moments: list[Moment]) -> list[int]:
    timings: list[int] = []
    clock = time.perf_counter_ns
    gc.disable()
    try:
        for usage, in_front, events, now in moments:
            start = clock()
            evaluate(rules, usage, in_front, events, now, downtime=downtime)
            timings.append(clock() - start)
    finally:
        gc.enable()
    return timings


def main() -> None:
    rng = random.Random(20260605)
    rules = limits(rng)
    downtime = Downtime(19 * 60 + 50, 23 * 60, always_allowed=frozenset({"category:Chat"}))
    moments = simulate_day(rules, downtime, rng)
    sample = moments[:: max(1, len(moments) // 2000)]  # about 2,000, spread over the day
    log(f"{len(rules)} limits, {len(sample)} moments, up to {len(moments[-1][2])} events")
    passes = [timed_pass(rules, downtime, sample) for _ in range(PASSES)]
    timings = min(passes, key=statistics.median)
    median_us = statistics.median(timings) / 1000
    p99_us = sorted(timings)[int(len(timings) * 0.99)] / 1000
    emit({
        "benchmark": "limits_eval",
        "limits": len(rules),
        "moments": len(sample),
        "events_at_end": len(moments[-1][2]),
        "median_us": round(median_us, 1),
        "p99_us": round(p99_us, 1),
        "budget_us": BUDGET_US,
        "ratio_to_budget": round(median_us / BUDGET_US, 4),
    })


if __name__ == "__main__":
    main()
