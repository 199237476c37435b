"""The experiment report's words: its summary sentences, English in the JSON, shown translated.

Each sentence is a :class:`~wellbeing.core.tr_noop.Said` (context "Report"):
``str()`` is the English text of ``experiment report --json``,
``shown()`` the interface's language. What the summary may say, and in what
order, is :mod:`wellbeing.core.experiment_report`'s rule (the measure chosen
before the baseline first; what studies found on average).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from wellbeing.core.instruments import higher_is_better, is_daily
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Decimal, Said

if TYPE_CHECKING:
    from wellbeing.core.experiment_report import MeasureResult, ReportInput

MIN_DAILY_POINTS = 5
"""A phase needs this many daily values before a difference is estimated."""

LABELS = {
    "mood": "evening mood",
    "lonely": "loneliness",
    "anxious": "anxiety",
    "missed_out": "feeling of missing out",
    "who5": "WHO-5 well-being score",
    "ucla3": "UCLA loneliness score",
    "phq8": "PHQ-8 depression score",
    "gad7": "GAD-7 anxiety score",
}
"""How each measure is named in sentences."""

NOT_ADVICE = QT_TRANSLATE_NOOP("Report", "This is not a diagnosis or medical advice.")


def say(source: str, **values: Any) -> Said:
    """A sentence of the report (context "Report"), English in the JSON, translated where shown."""
    return Said("Report", source, values)


def _label(name: str) -> Said:
    """A measure's name in sentences (marked in ``ui.experiment_report.MEASURE_NAMES``)."""
    return Said("ReportView", LABELS[name])


def joined(parts: Sequence[Said], point: str | None) -> str:
    """The sentences, English (``point`` None) or shown with the decimal ``point``."""
    return " ".join(str(part) if point is None else part.shown(point) for part in parts)


def summary_parts(
    data: ReportInput,
    primary: MeasureResult,
    adherence: Mapping[str, int],
    usage: Mapping[str, Any],
    cut: date | None,
) -> list[Said]:
    parts = _primary_sentence(primary)
    if adherence["days"]:
        parts.append(say(QT_TRANSLATE_NOOP(
            "Report", "You kept within your limits on {within} of {days} limited days."),
            within=adherence["days_within_limit"], days=adherence["days"]))
    before, during = usage.get("baseline_daily_seconds"), usage.get("limited_daily_seconds")
    if before is not None and during is not None:
        parts.append(say(QT_TRANSLATE_NOOP(
            "Report", "On this computer the chosen sites and apps took {before} min a day in the "
            "baseline and {during} min a day in limited weeks."),
            before=_minutes(before), during=_minutes(during)))
    if cut is not None and data.phases and cut < data.phases[-1].last:
        parts.append(say(QT_TRANSLATE_NOOP(
            "Report", "This is a report so far: the experiment is still running.")))
    parts.append(say(NOT_ADVICE))
    return parts


def _primary_sentence(result: MeasureResult) -> list[Said]:
    label = _label(result.name)
    if result.difference is None or result.ci95 is None:
        if is_daily(result.name):
            return [say(QT_TRANSLATE_NOOP(
                "Report", "There is not enough data yet to compare your {label} between the "
                "baseline and limited weeks ({baseline} and {limited} check-ins; {least} in each "
                "are needed)."),
                label=label, baseline=result.n.get("baseline", 0),
                limited=result.n.get("limited", 0), least=MIN_DAILY_POINTS)]
        return [_describe_weekly(result, label), say(QT_TRANSLATE_NOOP(
            "Report", "Questionnaires come once a week, too few points to tell a change from "
            "chance; in studies the average effect of using social media less was small or "
            "none."))]
    size = abs(result.difference)
    low, high = result.ci95
    values = {"label": label, "size": _number(size), "low": _number(low), "high": _number(high)}
    if result.difference > 0:
        sentence = say(QT_TRANSLATE_NOOP(
            "Report", "Your {label} averaged {size} points higher in limited weeks than in the "
            "baseline (95% range {low} to {high})."), **values)
    else:
        sentence = say(QT_TRANSLATE_NOOP(
            "Report", "Your {label} averaged {size} points lower in limited weeks than in the "
            "baseline (95% range {low} to {high})."), **values)
    improved = (result.difference > 0) == higher_is_better(result.name)
    excludes_zero = low > 0 or high < 0
    if excludes_zero and improved:
        verdict = say(QT_TRANSLATE_NOOP(
            "Report", "That fits a benefit for you, but other changes in your life could explain "
            "it; in studies the average effect of using social media less was small or none."))
    elif excludes_zero:
        verdict = say(QT_TRANSLATE_NOOP(
            "Report", "That fits limiting not helping you in this period, though other changes "
            "in your life could explain it; in studies the average effect of using social media "
            "less was small or none."))
    else:
        verdict = say(QT_TRANSLATE_NOOP(
            "Report", "The range includes no change at all, so this cannot tell a real change "
            "from day-to-day ups and downs; in studies the average effect of using social media "
            "less was small or none."))
    parts = [sentence, verdict]
    if result.p is not None:
        parts.append(say(QT_TRANSLATE_NOOP("Report", "The random-order test gives p = {p}."),
                          p=Decimal(result.p, 2)))
    return parts


def _describe_weekly(result: MeasureResult, label: Said) -> Said:
    before, during = result.baseline_mean, result.limited_mean
    if before is None and during is None:
        return say(QT_TRANSLATE_NOOP("Report", "No {label} has been recorded yet."), label=label)
    if during is None:
        return say(QT_TRANSLATE_NOOP("Report", "Your {label} was {value} in the baseline."),
                    label=label, value=_number(before or 0.0))
    if before is None:
        return say(QT_TRANSLATE_NOOP("Report", "Your {label} was {value} in limited weeks."),
                    label=label, value=_number(during))
    return say(QT_TRANSLATE_NOOP(
        "Report", "Your {label} was {before} at the end of the baseline and averaged {during} in "
        "limited weeks."), label=label, before=_number(before), during=_number(during))


def _number(value: float) -> Decimal:
    return Decimal(value, 1, minus="−")


def _minutes(seconds: float) -> int:
    return round(seconds / 60)
