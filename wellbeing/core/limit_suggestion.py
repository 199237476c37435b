"""A value to propose for "Set limit…", from the person's own last four weeks.

Pure: no Qt, no storage, no OS. The proposal is a quarter below the median of
the days on which the target was used at all (days without use say nothing
about how long a day with use is), rounded to 5 minutes and at least 5
minutes. Without any day of use there is nothing to propose: the editor then
starts empty and shows no median.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from math import floor, isfinite

from wellbeing.core.limit_targets import MAX_DAILY_SECONDS

SUGGESTION_DAYS = 28
"""How many of the last days are looked at."""
SUGGESTION_SHARE = 0.75
"""The proposal is this share of the median day."""
SUGGESTION_STEP_S = 300
"""It is rounded to this, and is never less."""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed daily limit.

    Attributes:
        seconds: the proposal (a multiple of 5 minutes, at least 5 minutes).
        median_seconds: the median of the days with use, to show beside it.
        days: how many days with use it is based on.
    """

    seconds: int
    median_seconds: float
    days: int


def suggest_limit(daily_seconds: Sequence[float]) -> Suggestion | None:
    """A limit from one target's daily use, oldest day first (days without use as 0).

    Only the last :data:`SUGGESTION_DAYS` entries count. Returns None when none of
    them has any use.
    """
    used = [s for s in daily_seconds[-SUGGESTION_DAYS:] if isfinite(s) and s > 0]
    if not used:
        return None
    median = float(statistics.median(used))
    steps = floor(median * SUGGESTION_SHARE / SUGGESTION_STEP_S + 0.5)
    seconds = min(max(steps * SUGGESTION_STEP_S, SUGGESTION_STEP_S), MAX_DAILY_SECONDS)
    return Suggestion(seconds=seconds, median_seconds=median, days=len(used))
