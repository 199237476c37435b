"""The shipped questionnaires score exactly as their sources say; bad answers name the item."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing import resources
from wellbeing.core.instruments import (
    DAILY_ITEMS,
    MEASURES,
    AnswerError,
    InstrumentDataError,
    check_daily,
    higher_is_better,
    instrument_from_data,
    score,
)
from wellbeing.errors import UsageError
from wellbeing.services.instrument_texts import instrument, load_instruments


def test_the_four_free_instruments_ship() -> None:
    found = load_instruments()
    assert list(found) == ["who5", "ucla3", "phq8", "gad7"]
    assert [len(found[key].items) for key in found] == [5, 3, 8, 7]
    for loaded in found.values():
        assert loaded.citation
        assert loaded.licence
        assert loaded.version


def test_who5_scores_raw_times_four() -> None:
    who5 = instrument("who5")
    assert [c.value for c in who5.choices] == [5, 4, 3, 2, 1, 0]
    assert who5.choices[1].label == "Most of the time"
    result = score(who5, [4, 4, 4, 4, 4])  # all "Most of the time"
    assert (result.raw, result.score) == (20, 80)
    assert score(who5, [5] * 5).score == 100
    assert score(who5, [0] * 5).score == 0
    assert score(who5, [1, 1, 1, 2, 2]).score == 28
    assert score(who5, [1, 1, 1, 2, 2]).band == "low well-being (worth talking to someone about)"
    assert score(who5, [3, 3, 3, 3, 0]).score == 48  # <= 50: below average
    assert score(who5, [3, 3, 3, 3, 0]).band == "below-average well-being"
    assert score(who5, [3, 3, 3, 3, 1]).band == "good well-being"  # 52


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0] * 8, 0, "none or minimal"),
        ([1, 1, 1, 1, 0, 0, 0, 0], 4, "none or minimal"),
        ([1, 1, 1, 1, 1, 0, 0, 0], 5, "mild"),
        ([2, 2, 2, 2, 1, 0, 0, 0], 9, "mild"),
        ([2, 2, 2, 2, 2, 0, 0, 0], 10, "moderate"),
        ([3, 3, 3, 3, 3, 0, 0, 0], 15, "moderately severe"),
        ([3, 3, 3, 3, 3, 3, 2, 0], 20, "severe"),
        ([3] * 8, 24, "severe"),
    ],
)
def test_phq8_sum_and_bands(answers: list[int], total: int, band: str) -> None:
    result = score(instrument("phq8"), answers)
    assert (result.raw, result.score, result.band) == (total, total, band)


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ([0] * 7, 0, "minimal"),
        ([1, 1, 1, 1, 0, 0, 0], 4, "minimal"),
        ([1, 1, 1, 1, 1, 0, 0], 5, "mild"),
        ([2, 2, 2, 2, 2, 0, 0], 10, "moderate"),
        ([3, 3, 3, 3, 3, 0, 0], 15, "severe"),
        ([3] * 7, 21, "severe"),
    ],
)
def test_gad7_sum_and_bands(answers: list[int], total: int, band: str) -> None:
    result = score(instrument("gad7"), answers)
    assert (result.score, result.band) == (total, band)


def test_ucla3_runs_three_to_nine_without_bands() -> None:
    ucla = instrument("ucla3")
    assert [c.label for c in ucla.choices] == ["Hardly ever or never", "Some of the time", "Often"]
    assert score(ucla, [1, 1, 1]).score == 3
    assert score(ucla, [3, 3, 3]).score == 9
    assert score(ucla, [1, 2, 3]).band is None
    with pytest.raises(AnswerError, match="Item 2 .* must be 1–3; got 0") as info:
        score(ucla, [1, 0, 1])
    assert info.value.item == 2


def test_phq9_item_9_is_never_shipped() -> None:
    for key in ("who5", "ucla3", "phq8", "gad7"):
        text = resources.read_text(f"instruments/{key}.json").lower()
        assert "better off dead" not in text
        assert "hurting yourself" not in text


def test_wrong_count_and_unanswered_items_are_named() -> None:
    phq8 = instrument("phq8")
    with pytest.raises(AnswerError, match="has 8 items; got 7") as info:
        score(phq8, [0] * 7)
    assert info.value.item is None
    with pytest.raises(AnswerError, match='Item 3 of PHQ-8 .*"Trouble falling') as info:
        score(phq8, [0, 0, None, 0, 0, 0, 0, 0])
    assert info.value.item == 3
    with pytest.raises(AnswerError, match="must be 0–3; got 5"):
        score(phq8, [0, 0, 0, 0, 5, 0, 0, 0])
    with pytest.raises(AnswerError):
        score(phq8, [True, 0, 0, 0, 0, 0, 0, 0])


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=7, max_size=7))
def test_gad7_score_is_the_sum_within_range(answers: list[int]) -> None:
    result = score(instrument("gad7"), answers)
    assert result.score == sum(answers)
    assert 0 <= result.score <= 21
    assert result.band is not None


def test_unknown_questionnaire_names_the_valid_ones() -> None:
    with pytest.raises(UsageError) as info:
        instrument("bdi2")
    assert "who5, ucla3, phq8, gad7" in info.value.user_message()


def test_a_malformed_definition_is_refused() -> None:
    data = json.loads(resources.read_text("instruments/who5.json"))
    data["score_max"] = 25  # forgot the multiplier
    with pytest.raises(InstrumentDataError, match="score range"):
        instrument_from_data(data)
    del data["items"]
    with pytest.raises(InstrumentDataError):
        instrument_from_data(data)


def test_daily_check_in_items() -> None:
    assert [item.key for item in DAILY_ITEMS] == ["mood", "lonely", "anxious", "missed_out"]
    assert MEASURES[:4] == ("mood", "lonely", "anxious", "missed_out")
    assert higher_is_better("mood")
    assert not higher_is_better("lonely")
    assert higher_is_better("who5")
    assert not higher_is_better("phq8")
    assert check_daily({"mood": 7, "lonely": 2, "anxious": 3, "missed_out": 0}) == {
        "mood": 7, "lonely": 2, "anxious": 3, "missed_out": 0,
    }
    with pytest.raises(AnswerError, match="lonely") as info:
        check_daily({"mood": 7, "anxious": 3, "missed_out": 0})
    assert info.value.item == 2
    with pytest.raises(AnswerError, match="0–10; got 11"):
        check_daily({"mood": 11, "lonely": 2, "anxious": 3, "missed_out": 0})
