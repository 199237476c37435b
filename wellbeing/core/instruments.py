"""Questionnaire definitions, validation and scoring, and the evening check-in's items.

The weekly questionnaires are data (``resources/instruments/<key>.json``, read by
``services.instrument_texts``): the exact stems, items, answer options and values
of their sources, with the citation shown under each. Only instruments free to
reuse are shipped (``research/experiment.md``): WHO-5, the UCLA three-item
loneliness scale, PHQ-8 (never PHQ-9's item 9) and GAD-7.

Scoring follows each source: the sum of the answer values, times a multiplier
(WHO-5 reports its 0–25 raw sum ×4 as 0–100). A score is stored with the
instrument's ``version`` so a later change of text or scoring never mixes with
old answers.

The evening check-in's four items (:data:`DAILY_ITEMS`) are our own, 0–10 each:
short single items are reliable and sensitive to change, and the whole check-in
stays under a minute.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP


class AnswerError(ValueError):
    """Answers that cannot be scored; ``item`` is the 1-based item at fault, None for the count."""

    def __init__(self, message: str, item: int | None = None) -> None:
        super().__init__(message)
        self.item = item


class InstrumentDataError(ValueError):
    """A shipped instrument file is malformed (a bug in the package, not the user's doing)."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer option: its value in the scoring and its exact label."""

    value: int
    label: str


@dataclass(frozen=True, slots=True)
class Band:
    """A named range of the reported score, inclusive at both ends."""

    low: int
    high: int
    label: str


@dataclass(frozen=True, slots=True)
class Instrument:
    """One validated questionnaire, exactly as its source gives it."""

    key: str
    name: str
    version: str
    stem: str
    items: tuple[str, ...]
    choices: tuple[Choice, ...]
    citation: str
    licence: str
    higher_is_better: bool
    score_min: int
    score_max: int
    bands: tuple[Band, ...] = ()
    multiplier: int = 1

    @property
    def values(self) -> frozenset[int]:
        """The answer values an item may take."""
        return frozenset(choice.value for choice in self.choices)

    def band_of(self, score: int) -> str | None:
        """The band ``score`` falls in, or None when the instrument has no bands."""
        for band in self.bands:
            if band.low <= score <= band.high:
                return band.label
        return None


@dataclass(frozen=True, slots=True)
class Score:
    """A scored set of answers, with the instrument version it was scored by."""

    instrument: str
    version: str
    answers: tuple[int, ...]
    raw: int
    score: int
    band: str | None


@dataclass(frozen=True, slots=True)
class DailyItem:
    """One item of the evening check-in, answered 0–10."""

    key: str
    question: str
    low_label: str
    high_label: str
    higher_is_better: bool


DAILY_ITEMS: tuple[DailyItem, ...] = (
    DailyItem("mood", QT_TRANSLATE_NOOP("Checkin", "How is your mood right now?"),
              QT_TRANSLATE_NOOP("Checkin", "Very low"), QT_TRANSLATE_NOOP("Checkin", "Very good"),
              True),
    DailyItem("lonely", QT_TRANSLATE_NOOP("Checkin", "How lonely did you feel today?"),
              QT_TRANSLATE_NOOP("Checkin", "Not at all"),
              QT_TRANSLATE_NOOP("Checkin", "Very lonely"), False),
    DailyItem("anxious", QT_TRANSLATE_NOOP("Checkin", "How anxious did you feel today?"),
              QT_TRANSLATE_NOOP("Checkin", "Not at all"),
              QT_TRANSLATE_NOOP("Checkin", "Very anxious"), False),
    DailyItem(
        "missed_out",
        QT_TRANSLATE_NOOP(
            "Checkin", "How much did you feel you were missing out on what others were doing?"),
        QT_TRANSLATE_NOOP("Checkin", "Not at all"),
        QT_TRANSLATE_NOOP("Checkin", "Very much"),
        False,
    ),
)
"""The evening check-in, in the order it is asked (our own items: the texts are marked for
translation, context "Checkin"; :func:`shown` gives them in the interface's language)."""


def shown(text: str) -> str:
    """A daily item's text (question or label) in the interface's language."""
    return translate("Checkin", text)

DAILY_MIN, DAILY_MAX = 0, 10
"""The range of every daily item."""

WEEKLY_KEYS: tuple[str, ...] = ("who5", "ucla3", "phq8", "gad7")
"""The weekly questionnaires, in the order they are offered."""

MEASURES: tuple[str, ...] = tuple(item.key for item in DAILY_ITEMS) + WEEKLY_KEYS
"""Every measure an experiment reports, daily ones first."""

_HIGHER_IS_BETTER = {item.key: item.higher_is_better for item in DAILY_ITEMS} | {
    "who5": True,
    "ucla3": False,
    "phq8": False,
    "gad7": False,
}


def higher_is_better(measure: str) -> bool:
    """Whether a higher value of ``measure`` means feeling better."""
    try:
        return _HIGHER_IS_BETTER[measure]
    except KeyError:
        raise ValueError(f"Unknown measure {measure!r}; known: {', '.join(MEASURES)}.") from None


def is_daily(measure: str) -> bool:
    """Whether ``measure`` comes from the evening check-in (else a weekly questionnaire)."""
    return measure in _DAILY_KEYS


_DAILY_KEYS = frozenset(item.key for item in DAILY_ITEMS)


def check_daily(values: Mapping[str, int | None]) -> dict[str, int]:
    """The check-in's values, validated: every item answered, each a whole number 0–10.

    Raises:
        AnswerError: naming the first item that is missing or out of range (``item`` is
            its 1-based position in :data:`DAILY_ITEMS`).
    """
    checked: dict[str, int] = {}
    for number, item in enumerate(DAILY_ITEMS, start=1):
        value = values.get(item.key)
        if value is None:
            raise AnswerError(translate("Checkin", '"{question}" is not answered yet.').format(
                question=shown(item.question)), item=number)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(translate(
                "Checkin", '"{question}" needs a whole number 0–10.').format(
                question=shown(item.question)), item=number)
        if not DAILY_MIN <= value <= DAILY_MAX:
            raise AnswerError(translate(
                "Checkin", '"{question}" must be {low}–{high}; got {value}.').format(
                question=shown(item.question), low=DAILY_MIN, high=DAILY_MAX, value=value),
                item=number)
        checked[item.key] = value
    return checked


def score(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Score ``answers`` (one per item, in order) as the instrument's source says.

    Raises:
        AnswerError: the wrong number of answers (``item`` None), or an item unanswered
            or outside the instrument's answer values (``item`` is its 1-based number).
    """
    count = len(instrument.items)
    if len(answers) != count:
        raise AnswerError(translate("Checkin", "{name} has {count} items; got {answers} answers.")
                          .format(name=instrument.name, count=count, answers=len(answers)),
                          item=None)
    allowed = instrument.values
    for number, (text, answer) in enumerate(zip(instrument.items, answers, strict=True), 1):
        if answer is None:
            raise AnswerError(translate(
                "Checkin", 'Item {number} of {name} ("{item}") is not answered.').format(
                number=number, name=instrument.name, item=_short(text)), item=number)
        if isinstance(answer, bool) or not isinstance(answer, int) or answer not in allowed:
            raise AnswerError(translate(
                "Checkin", 'Item {number} of {name} ("{item}") must be {allowed}; got {answer}.'
            ).format(number=number, name=instrument.name, item=_short(text),
                     allowed=_range_text(allowed), answer=answer), item=number)
    given = tuple(int(answer) for answer in answers if answer is not None)
    raw = sum(given)
    reported = raw * instrument.multiplier
    return Score(
        instrument=instrument.key,
        version=instrument.version,
        answers=given,
        raw=raw,
        score=reported,
        band=instrument.band_of(reported),
    )


def instrument_from_data(data: Mapping[str, Any]) -> Instrument:
    """Build an :class:`Instrument` from its shipped JSON, checking its shape and consistency.

    Raises:
        InstrumentDataError: a field is missing or of the wrong type, or the stated score
            range does not follow from the items, values and multiplier.
    """
    try:
        choices = tuple(Choice(int(c["value"]), str(c["label"])) for c in data["choices"])
        bands = tuple(
            Band(int(b["low"]), int(b["high"]), str(b["label"])) for b in data.get("bands", [])
        )
        instrument = Instrument(
            key=_text(data, "key"),
            name=_text(data, "name"),
            version=_text(data, "version"),
            stem=_text(data, "stem"),
            items=tuple(str(item) for item in data["items"]),
            choices=choices,
            citation=_text(data, "citation"),
            licence=_text(data, "licence"),
            higher_is_better=bool(data["higher_is_better"]),
            score_min=int(data["score_min"]),
            score_max=int(data["score_max"]),
            bands=bands,
            multiplier=int(data.get("multiplier", 1)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InstrumentDataError(f"Malformed instrument data: {exc!r}.") from exc
    _check_consistent(instrument)
    return instrument


def _check_consistent(instrument: Instrument) -> None:
    if not instrument.items or not instrument.choices:
        raise InstrumentDataError(f"{instrument.key}: no items or no answer options.")
    values = [choice.value for choice in instrument.choices]
    if len(set(values)) != len(values):
        raise InstrumentDataError(f"{instrument.key}: two answer options share a value.")
    count = len(instrument.items)
    lowest = min(values) * count * instrument.multiplier
    highest = max(values) * count * instrument.multiplier
    if (lowest, highest) != (instrument.score_min, instrument.score_max):
        raise InstrumentDataError(
            f"{instrument.key}: the score range {instrument.score_min}–{instrument.score_max} "
            f"does not follow from the items ({lowest}–{highest})."
        )
    covered = sorted((band.low, band.high) for band in instrument.bands)
    for (_, high), (low, _) in zip(covered, covered[1:], strict=False):
        if low != high + 1:
            raise InstrumentDataError(f"{instrument.key}: the bands leave a gap or overlap.")


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key!r} must be a non-empty text")
    return value


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _range_text(values: frozenset[int]) -> str:
    ordered = sorted(values)
    if ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{ordered[0]}–{ordered[-1]}"
    return ", ".join(str(value) for value in ordered)
