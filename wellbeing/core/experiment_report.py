"""The experiment's report: what changed between baseline and limited weeks, said honestly.

Pure: it takes the experiment's phases and data (``ReportInput``) and returns a
``Report`` whose ``to_json()`` is the documented shape of ``wellbeing
experiment report --json``. The same report, "so far", is built at any time
mid-experiment (``today``): phases are cut at the day before today, since today
is not over.

What it will and will not say (``research/experiment.md``):
- the difference is always limited minus baseline, with a moving-block
  bootstrap interval and NAP, but only when both phases have at least
  :data:`MIN_DAILY_POINTS` values; otherwise "not enough data" (the means are
  still shown);
- weekly questionnaires give one point per week: they are described (means per
  phase), never tested;
- a p-value only for the randomised design, from the randomisation test over
  the orders the design could draw, and only once every week is over;
- the summary leads with the measure chosen before the baseline, never with
  the best-looking one, and says what studies found on average: a small
  effect or none.

The summary and the notes are English in the JSON; each is also kept as marked
texts with their values (:class:`~wellbeing.core.tr_noop.Said`), so
``to_json(shown=True)`` gives them in the interface's language for the window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from wellbeing.core import stats
from wellbeing.core.experiment import Design, Phase, PhaseKind
from wellbeing.core.experiment_words import LABELS as LABELS
from wellbeing.core.experiment_words import MIN_DAILY_POINTS as MIN_DAILY_POINTS
from wellbeing.core.experiment_words import joined, say, summary_parts
from wellbeing.core.instruments import MEASURES, higher_is_better, is_daily
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Decimal, Said

JSON_DIGITS = 4
"""Figures in the JSON are rounded to this many decimals (the report is reproducible)."""

PHASE_KINDS: tuple[PhaseKind, ...] = ("baseline", "limited", "usual", "follow-up")
"""Every kind of phase, in the order the report lists them."""

@dataclass(frozen=True, slots=True)
class ReportInput:
    """Everything a report is built from (the service reads it from storage).

    Attributes:
        daily: evening check-in values per day, by measure name.
        weekly: (day answered for, questionnaire key, score) per questionnaire.
        usage: tracked seconds per day per target (``str(LimitTarget)``).
        possible_orders: for the randomised design, every order of the weeks after
            the baseline that the design could have drawn.
        phone: (day, target, seconds a day) the user read off their phone.
        today: build a "so far" report: only days before ``today`` count.
    """

    design: Design
    primary: str
    phases: Sequence[Phase]
    seed: int
    daily: Mapping[date, Mapping[str, float]]
    weekly: Sequence[tuple[date, str, float]]
    usage: Mapping[date, Mapping[str, float]]
    limit_seconds: int
    targets: Sequence[str] = ()
    possible_orders: Sequence[Sequence[PhaseKind]] = ()
    phone: Sequence[tuple[date, str, int]] = ()
    prompts: Sequence[tuple[date, float]] = ()
    today: date | None = None


@dataclass(frozen=True, slots=True)
class MeasureResult:
    """One measure compared between phases (None where there is nothing to say)."""

    name: str
    baseline_mean: float | None
    limited_mean: float | None
    difference: float | None
    ci95: tuple[float, float] | None
    nap: float | None
    p: float | None
    n: Mapping[str, int]
    note: str
    usual_mean: float | None = None
    follow_up_mean: float | None = None
    note_parts: tuple[Said, ...] = ()

    def shown_note(self, point: str = ".") -> str:
        """The note in the interface's language (decimals with ``point``)."""
        return joined(self.note_parts, point) if self.note_parts else self.note

    def to_json(self, *, shown: bool = False, point: str = ".") -> dict[str, Any]:
        """The JSON shape; ``shown``: the note in the interface's language (for the window)."""
        data: dict[str, Any] = {
            "baseline_mean": _round(self.baseline_mean),
            "limited_mean": _round(self.limited_mean),
            "difference": _round(self.difference),
            "ci95": None if self.ci95 is None else [_round(v) for v in self.ci95],
            "nap": _round(self.nap),
            "p": _round(self.p),
            "n": dict(self.n),
            "note": self.shown_note(point) if shown else self.note,
            "higher_is_better": higher_is_better(self.name),
        }
        if "usual" in self.n:
            data["usual_mean"] = _round(self.usual_mean)
        if "follow-up" in self.n:
            data["follow_up_mean"] = _round(self.follow_up_mean)
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """The whole report; ``to_json()`` is what ``experiment report --json`` prints."""

    design: Design
    primary: str
    phases: tuple[Phase, ...]
    measures: Mapping[str, MeasureResult]
    usage: Mapping[str, Any]
    adherence: Mapping[str, int]
    summary: str
    so_far: bool
    dose_response: stats.DoseResponse | None = None
    phone: Sequence[Mapping[str, Any]] = ()
    daily: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    weekly: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    prompts: Mapping[str, Any] = field(default_factory=dict)
    summary_parts: tuple[Said, ...] = ()

    def shown_summary(self, point: str = ".") -> str:
        """The summary in the interface's language (decimals with ``point``)."""
        return joined(self.summary_parts, point) if self.summary_parts else self.summary

    def to_json(self, *, shown: bool = False, point: str = ".") -> dict[str, Any]:
        """What ``experiment report --json`` prints (English); ``shown``: the summary and the
        notes in the interface's language, decimals with ``point`` (for the window)."""
        dose = self.dose_response
        return {
            "design": self.design,
            "primary": self.primary,
            "phases": [
                {"kind": p.kind, "from": p.first.isoformat(), "to": p.last.isoformat()}
                for p in self.phases
            ],
            "measures": {name: result.to_json(shown=shown, point=point)
                         for name, result in self.measures.items()},
            "usage": dict(self.usage),
            "adherence": dict(self.adherence),
            "summary": self.shown_summary(point) if shown else self.summary,
            "so_far": self.so_far,
            "dose_response": None
            if dose is None
            else {
                "measure": "mood",
                "slope_per_10_min": _round(dose.slope_per_10_min),
                "r": _round(dose.r),
                "n": dose.n,
            },
            "phone": [dict(entry) for entry in self.phone],
            "daily": [dict(entry) for entry in self.daily],
            "weekly": [dict(entry) for entry in self.weekly],
            "prompts": dict(self.prompts),
        }


def build_report(data: ReportInput) -> Report:
    """Compare every measure between phases and say what it means, leading with the primary."""
    if data.primary not in MEASURES:
        raise ValueError(f"unknown primary measure {data.primary!r}")
    phases = tuple(data.phases)
    cut = _last_counted_day(data)
    measures = {
        name: _measure(name, data, phases, cut, seed=data.seed + index)
        for index, name in enumerate(MEASURES)
    }
    usage = _usage(data, phases, cut)
    adherence = _adherence(data, phases, cut)
    dose = _dose(data, phases, cut)
    summary = summary_parts(data, measures[data.primary], adherence, usage, cut)
    return Report(
        design=data.design,
        primary=data.primary,
        phases=phases,
        measures=measures,
        usage=usage,
        adherence=adherence,
        summary=joined(summary, None),
        summary_parts=tuple(summary),
        so_far=cut is not None and bool(phases) and cut < phases[-1].last,
        dose_response=dose,
        phone=_phone(data, phases),
        daily=_daily_rows(data, phases, cut),
        weekly=[
            {"date": day.isoformat(), "key": key, "score": value}
            for day, key, value in sorted(data.weekly)
            if cut is None or day <= cut
        ],
        prompts=_prompts(data, phases, cut),
    )


def _prompts(data: ReportInput, phases: Sequence[Phase], cut: date | None) -> dict[str, Any]:
    """The daytime prompts' mood-right-now, described per phase (never tested)."""
    by_kind: dict[str, list[float]] = {}
    for day, mood in data.prompts:
        if cut is not None and day > cut:
            continue
        phase = next((p.kind for p in phases if p.first <= day <= p.last), None)
        if phase is not None:
            by_kind.setdefault(phase, []).append(mood)
    return {
        "measure": "mood right now, at random daytime prompts",
        "means": {kind: _round(stats.mean(values)) for kind, values in by_kind.items()},
        "n": {kind: len(values) for kind, values in by_kind.items()},
        "note": "Described, not tested: the evening check-in is the daily measure.",
    }


def _last_counted_day(data: ReportInput) -> date | None:
    return None if data.today is None else data.today - timedelta(days=1)


def _days(phase: Phase, cut: date | None) -> list[date]:
    last = phase.last if cut is None else min(phase.last, cut)
    count = (last - phase.first).days + 1
    return [phase.first + timedelta(days=n) for n in range(max(count, 0))]


def _values(
    name: str, data: ReportInput, phases: Sequence[Phase], kind: PhaseKind, cut: date | None
) -> list[float]:
    values: list[float] = []
    for phase in phases:
        if phase.kind != kind:
            continue
        if is_daily(name):
            for day in _days(phase, cut):
                value = data.daily.get(day, {}).get(name)
                if value is not None:
                    values.append(float(value))
        else:
            values.extend(
                float(score)
                for day, key, score in sorted(data.weekly)
                if key == name
                and phase.first <= day <= phase.last
                and (cut is None or day <= cut)
            )
    return values


def _measure(
    name: str, data: ReportInput, phases: Sequence[Phase], cut: date | None, seed: int
) -> MeasureResult:
    kinds = [kind for kind in PHASE_KINDS if _has(phases, kind)]
    by_kind = {kind: _values(name, data, phases, kind, cut) for kind in kinds}
    baseline, limited = by_kind.get("baseline", []), by_kind.get("limited", [])
    n: dict[str, int] = {kind: len(values) for kind, values in by_kind.items()}
    means = {kind: (stats.mean(v) if v else None) for kind, v in by_kind.items()}

    def result(
        notes: Sequence[Said],
        difference: float | None = None,
        ci95: tuple[float, float] | None = None,
        nap: float | None = None,
        p: float | None = None,
    ) -> MeasureResult:
        return MeasureResult(
            name=name,
            baseline_mean=means.get("baseline"),
            limited_mean=means.get("limited"),
            difference=difference,
            ci95=ci95,
            nap=nap,
            p=p,
            n=n,
            note=joined(notes, None),
            usual_mean=means.get("usual"),
            follow_up_mean=means.get("follow-up"),
            note_parts=tuple(notes),
        )

    if not is_daily(name):
        return result([say(QT_TRANSLATE_NOOP(
            "Report", "Questionnaires are answered once a week, so each phase has only a few "
            "points ({baseline} in the baseline, {limited} in limited weeks): the means describe "
            "them; no difference is estimated."),
            baseline=n.get("baseline", 0), limited=n.get("limited", 0))])
    if len(baseline) < MIN_DAILY_POINTS or len(limited) < MIN_DAILY_POINTS:
        return result([say(QT_TRANSLATE_NOOP(
            "Report", "Not enough data: a difference needs at least {least} check-ins in each "
            "phase (baseline has {baseline}, limited weeks {limited})."),
            least=MIN_DAILY_POINTS, baseline=len(baseline), limited=len(limited))])
    p, p_note = _randomization(name, data, phases, cut)
    note = say(QT_TRANSLATE_NOOP(
        "Report", "Difference is limited minus baseline; the range is a 95% moving-block "
        "bootstrap interval."))
    return result(
        [note] if p_note is None else [note, p_note],
        difference=stats.mean(limited) - stats.mean(baseline),
        ci95=stats.block_bootstrap_ci(baseline, limited, seed=seed),
        nap=stats.nap(baseline, limited, higher_is_better=higher_is_better(name)),
        p=p,
    )


def _has(phases: Sequence[Phase], kind: str) -> bool:
    return any(phase.kind == kind for phase in phases)


def _randomization(
    name: str, data: ReportInput, phases: Sequence[Phase], cut: date | None
) -> tuple[float | None, Said | None]:
    if data.design != "randomized":
        return None, None
    weeks = [phase for phase in phases if phase.kind in ("limited", "usual")]
    if not weeks or not data.possible_orders:
        return None, None
    if cut is not None and cut < weeks[-1].last:
        return None, say(QT_TRANSLATE_NOOP(
            "Report", "The randomisation test runs once every week is over."))
    blocks = [_values(name, data, [week], week.kind, None) for week in weeks]
    actual = [week.kind == "limited" for week in weeks]
    possible = [[kind == "limited" for kind in order] for order in data.possible_orders]
    p = stats.randomization_p(blocks, actual, possible)
    if p is None:
        return None, say(QT_TRANSLATE_NOOP(
            "Report", "The randomisation test needs check-ins in both kinds of week."))
    smallest = 1 / len(possible)
    return p, say(QT_TRANSLATE_NOOP(
        "Report", "p is from a randomisation test over the {orders} orders the design could draw "
        "(the smallest p it can give is {smallest})."),
        orders=len(possible), smallest=Decimal(smallest, 2))


def _usage(data: ReportInput, phases: Sequence[Phase], cut: date | None) -> dict[str, Any]:
    targets = sorted(set(data.targets) | {t for day in data.usage.values() for t in day})
    per_target: dict[str, dict[str, float | None]] = {target: {} for target in targets}
    result: dict[str, Any] = {}
    for kind in ("baseline", "limited", "usual", "follow-up"):
        days = [day for phase in phases if phase.kind == kind for day in _days(phase, cut)]
        if not _has(phases, kind):
            continue
        key = f"{kind.replace('-', '_')}_daily_seconds"
        totals = [sum(data.usage.get(day, {}).get(t, 0.0) for t in targets) for day in days]
        result[key] = _round(stats.mean(totals)) if totals else None
        for target in targets:
            seconds = [data.usage.get(day, {}).get(target, 0.0) for day in days]
            per_target[target][key] = _round(stats.mean(seconds)) if seconds else None
    result.setdefault("baseline_daily_seconds", None)
    result.setdefault("limited_daily_seconds", None)
    result["per_target"] = per_target
    result["tracked_on"] = "this computer only (phones are not seen)"
    return result


def _adherence(data: ReportInput, phases: Sequence[Phase], cut: date | None) -> dict[str, int]:
    days = [day for phase in phases if phase.kind == "limited" for day in _days(phase, cut)]
    within = sum(
        1
        for day in days
        if all(seconds <= data.limit_seconds for seconds in data.usage.get(day, {}).values())
    )
    return {"days_within_limit": within, "days": len(days)}


def _dose(
    data: ReportInput, phases: Sequence[Phase], cut: date | None
) -> stats.DoseResponse | None:
    pairs = [
        (sum(data.usage.get(day, {}).values()) / 60, float(data.daily[day]["mood"]))
        for phase in phases
        for day in _days(phase, cut)
        if day in data.daily and data.daily[day].get("mood") is not None
    ]
    return stats.dose_response(pairs)


def _phone(data: ReportInput, phases: Sequence[Phase]) -> list[dict[str, Any]]:
    entries = []
    for day, target, seconds in sorted(data.phone):
        phase = next((p.kind for p in phases if p.first <= day <= p.last), None)
        entries.append(
            {
                "date": day.isoformat(),
                "phase": phase,
                "target": target,
                "daily_seconds": seconds,
                "self_reported": True,
            }
        )
    return entries


def _daily_rows(
    data: ReportInput, phases: Sequence[Phase], cut: date | None
) -> list[dict[str, Any]]:
    rows = []
    for phase in phases:
        for day in _days(phase, cut):
            mood = data.daily.get(day, {}).get("mood")
            rows.append(
                {
                    "date": day.isoformat(),
                    "phase": phase.kind,
                    "usage_seconds": _round(sum(data.usage.get(day, {}).values())),
                    "mood": mood,
                }
            )
    return rows


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, JSON_DIGITS)
