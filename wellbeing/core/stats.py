"""Effect estimates for one person's experiment: bootstrap interval, NAP, randomisation test.

Daily values of one person are autocorrelated (a bad week drags on), so the
interval of a difference comes from a moving-block bootstrap: each phase's
series is resampled in overlapping blocks of consecutive days, which keeps
short-range dependence that a plain bootstrap would break (Künsch 1989). The
interval is the expanded percentile interval of the resampled differences
(:func:`expanded_tail`: plain percentiles are too narrow for a week of data).

NAP (non-overlap of all pairs; Parker & Vannest 2009) is the share of
(baseline day, treated day) pairs in which the treated day was better, ties
counting half: 0.5 means no difference, 1.0 that every treated day beat every
baseline day. It reads in plain words ("on 70% of day pairs...").

The randomisation test (Edgington; Onghena 1992) is valid under
autocorrelation only because the phase order was drawn at random: the p-value
is the share of the orders the design could have drawn whose statistic is at
least as extreme as the one observed. With 2 pairs of weeks there are 4
orders, so no result can be "significant" at 5%; the report says so.

Everything is seeded (``random.Random(seed)``): a report is reproducible to
the digit from its stored seed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

TOLERANCE = 1e-12
"""Statistics this close count as equal (float sums in a different order)."""


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean.

    Raises:
        ValueError: no values.
    """
    if not values:
        raise ValueError("the mean of no values")
    return math.fsum(values) / len(values)


def default_block(length: int) -> int:
    """The block length for a series of ``length`` days: about its cube root, at least 1."""
    return max(1, int(round(length ** (1 / 3))))


def block_bootstrap_ci(
    baseline: Sequence[float],
    treated: Sequence[float],
    *,
    seed: int,
    resamples: int = 4000,
    block: int | None = None,
    level: float = 0.95,
) -> tuple[float, float]:
    """A percentile interval for ``mean(treated) - mean(baseline)`` by moving-block bootstrap.

    Each series is resampled within itself: whole overlapping blocks of
    ``block`` consecutive values (default :func:`default_block` of its length)
    are drawn with replacement and joined until the series' length is reached.

    Raises:
        ValueError: a series is empty, or ``level`` is not between 0 and 1.
    """
    if not baseline or not treated:
        raise ValueError("both phases need values")
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    rng = random.Random(seed)
    differences = sorted(
        _resampled_mean(treated, block, rng) - _resampled_mean(baseline, block, rng)
        for _ in range(resamples)
    )
    tail = expanded_tail((1 - level) / 2, min(len(baseline), len(treated)))
    return _quantile(differences, tail), _quantile(differences, 1 - tail)


def expanded_tail(tail: float, size: int) -> float:
    """The percentile to read for a ``tail`` share when the smaller sample has ``size`` values.

    Percentile intervals are too narrow for small samples (a week of check-ins):
    the expanded percentile interval (Hesterberg 2015, "What teachers should
    know about the bootstrap") reads further out, at
    Phi(-sqrt(n/(n-1)) * t(1-tail, n-1)), so its coverage is close to the stated one.
    """
    if size < 2:
        return tail
    normal = NormalDist()
    t = _t_quantile(1 - tail, size - 1)
    return normal.cdf(-math.sqrt(size / (size - 1)) * t)


def _t_quantile(share: float, df: int) -> float:
    """Student's t quantile by the Cornish-Fisher expansion (within 0.01 for df >= 3)."""
    z = NormalDist().inv_cdf(share)
    return (
        z
        + (z**3 + z) / (4 * df)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * df**3)
        + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * df**4)
    )


def _resampled_mean(series: Sequence[float], block: int | None, rng: random.Random) -> float:
    length = len(series)
    size = min(block if block is not None else default_block(length), length)
    starts = length - size + 1
    drawn: list[float] = []
    while len(drawn) < length:
        first = rng.randrange(starts)
        drawn.extend(series[first : first + size])
    return math.fsum(drawn[:length]) / length


def _quantile(ordered: Sequence[float], share: float) -> float:
    """The ``share`` quantile of sorted values, interpolated linearly between order statistics."""
    position = share * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    weight = position - below
    return ordered[below] * (1 - weight) + ordered[above] * weight


def nap(baseline: Sequence[float], treated: Sequence[float], *, higher_is_better: bool) -> float:
    """Non-overlap of all pairs: the share of pairs where the treated value is better.

    Raises:
        ValueError: a series is empty.
    """
    if not baseline or not treated:
        raise ValueError("both phases need values")
    better = 0.0
    for before in baseline:
        for after in treated:
            if abs(after - before) <= TOLERANCE:
                better += 0.5
            elif (after > before) == higher_is_better:
                better += 1.0
    return better / (len(baseline) * len(treated))


def assignment_statistic(
    blocks: Sequence[Sequence[float]], limited: Sequence[bool]
) -> float | None:
    """Mean of the days in limited blocks minus the mean of the days in the others.

    None when one side has no values (the statistic is undefined).
    """
    treated = [value for block, on in zip(blocks, limited, strict=True) if on for value in block]
    usual = [value for block, on in zip(blocks, limited, strict=True) if not on for value in block]
    if not treated or not usual:
        return None
    return mean(treated) - mean(usual)


def randomization_p(
    blocks: Sequence[Sequence[float]],
    actual: Sequence[bool],
    possible: Sequence[Sequence[bool]],
) -> float | None:
    """The two-sided randomisation p-value of the actual assignment of weeks.

    ``blocks`` are the daily values of each week after the baseline; ``actual``
    says which were limited; ``possible`` lists every assignment the design
    could have drawn (the actual one among them). The p-value is the share of
    possible assignments whose statistic is at least as far from zero as the
    observed one. None when the observed statistic is undefined.

    Raises:
        ValueError: the actual assignment is not among the possible ones.
    """
    if tuple(actual) not in {tuple(option) for option in possible}:
        raise ValueError("the actual assignment is not one the design could draw")
    observed = assignment_statistic(blocks, actual)
    if observed is None:
        return None
    extreme = 0
    counted = 0
    for option in possible:
        statistic = assignment_statistic(blocks, option)
        if statistic is None:
            continue
        counted += 1
        if abs(statistic) >= abs(observed) - TOLERANCE:
            extreme += 1
    return extreme / counted


def lag1_autocorrelation(values: Sequence[float]) -> float | None:
    """The lag-1 autocorrelation of a daily series; None with fewer than 3 values or no spread."""
    if len(values) < 3:
        return None
    centre = mean(values)
    deviations = [value - centre for value in values]
    spread = math.fsum(d * d for d in deviations)
    if spread <= TOLERANCE:
        return None
    return math.fsum(a * b for a, b in zip(deviations, deviations[1:], strict=False)) / spread


@dataclass(frozen=True, slots=True)
class DoseResponse:
    """How a daily measure moves with that day's minutes of use (least squares).

    Attributes:
        slope_per_10_min: the change of the measure per 10 more minutes of use.
        r: Pearson's correlation.
        n: the number of days.
    """

    slope_per_10_min: float
    r: float
    n: int


MIN_DOSE_DAYS = 5
"""Fewer days than this give no dose-response estimate."""


def dose_response(pairs: Sequence[tuple[float, float]]) -> DoseResponse | None:
    """Fit ``measure = a + b * minutes`` over (minutes that day, measure) pairs.

    None with fewer than :data:`MIN_DOSE_DAYS` days, or when the minutes or the
    measure never vary.
    """
    if len(pairs) < MIN_DOSE_DAYS:
        return None
    minutes = [float(x) for x, _ in pairs]
    values = [float(y) for _, y in pairs]
    mx, my = mean(minutes), mean(values)
    sxx = math.fsum((x - mx) ** 2 for x in minutes)
    syy = math.fsum((y - my) ** 2 for y in values)
    sxy = math.fsum((x - mx) * (y - my) for x, y in zip(minutes, values, strict=True))
    if sxx <= TOLERANCE or syy <= TOLERANCE:
        return None
    return DoseResponse(
        slope_per_10_min=10 * sxy / sxx, r=sxy / math.sqrt(sxx * syy), n=len(pairs)
    )
