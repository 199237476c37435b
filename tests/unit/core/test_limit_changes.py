"""core.limit_changes: tightening applies at once; loosening waits (cooling-off) or is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core.limit_changes import apply_change, is_loosening, settle
from wellbeing.core.limits import COOLING_OFF_S, Limit, LimitLocked, LimitTarget, PendingChange

TODAY = date(2026, 12, 4)
NOW = 1_796_400_000_000
DAY_MS = COOLING_OFF_S * 1000
INSTA = LimitTarget("site", "instagram.com")


def limit(*seconds: int | None, **fields: object) -> Limit:
    """A limit on instagram.com; one number is every day, seven are Monday to Sunday."""
    week = seconds * 7 if len(seconds) == 1 else seconds
    return Limit(INSTA, tuple(week), **fields)  # type: ignore[arg-type]


class TestWithoutCommitments:
    def test_a_new_limit_applies_as_asked(self) -> None:
        wanted = limit(600, mode="nag")
        assert apply_change(None, wanted, today=TODAY, now_ms=NOW) == wanted

    def test_removing_nothing_is_nothing(self) -> None:
        assert apply_change(None, None, today=TODAY, now_ms=NOW) is None

    def test_loosening_an_open_limit_applies_at_once_and_keeps_the_id(self) -> None:
        current = limit(600, id=7)
        result = apply_change(current, limit(1800), today=TODAY, now_ms=NOW)
        assert result == limit(1800, id=7)

    def test_removing_an_open_limit(self) -> None:
        assert apply_change(limit(600), None, today=TODAY, now_ms=NOW) is None

    def test_another_target_is_refused(self) -> None:
        other = Limit(LimitTarget("total"), (600,) * 7)
        with pytest.raises(ValueError, match="total"):
            apply_change(limit(600), other, today=TODAY, now_ms=NOW)


class TestLock:
    locked = limit(600, mode="nag", locked_until=date(2026, 12, 31))

    @pytest.mark.parametrize(
        "looser",
        [
            limit(900, mode="nag", locked_until=date(2026, 12, 31)),
            limit(600, 600, 600, 600, 600, 600, None, mode="nag", locked_until=date(2026, 12, 31)),
            limit(600, mode="notify", locked_until=date(2026, 12, 31)),
            limit(600, mode="nag", locked_until=date(2026, 12, 20)),
            limit(600, mode="nag"),
            limit(600, mode="nag", locked_until=date(2026, 12, 31), snooze_budget=3),
        ],
        ids=["more-time", "a-day-unlimited", "milder-mode", "earlier-lock", "unlock", "budget"],
    )
    def test_loosening_is_refused_with_a_clear_message(self, looser: Limit) -> None:
        with pytest.raises(LimitLocked) as caught:
            apply_change(self.locked, looser, today=TODAY, now_ms=NOW)
        assert str(caught.value) == (
            "instagram.com is locked until 2026-12-31: you can make it stricter, not looser"
        )

    def test_removing_is_refused(self) -> None:
        with pytest.raises(LimitLocked, match="cannot be removed"):
            apply_change(self.locked, None, today=TODAY, now_ms=NOW)

    def test_the_lock_holds_through_its_last_day(self) -> None:
        with pytest.raises(LimitLocked):
            apply_change(self.locked, None, today=date(2026, 12, 31), now_ms=NOW)
        assert apply_change(self.locked, None, today=date(2027, 1, 1), now_ms=NOW) is None

    @pytest.mark.parametrize(
        "stricter",
        [
            limit(300, mode="nag", locked_until=date(2026, 12, 31)),
            limit(600, mode="block", locked_until=date(2026, 12, 31)),
            limit(600, mode="nag", locked_until=date(2027, 6, 30)),
            limit(600, mode="nag", locked_until=date(2026, 12, 31), snooze_budget=1),
            limit(600, mode="nag", locked_until=date(2026, 12, 31), cooling_off=True),
        ],
        ids=["less-time", "block", "later-lock", "smaller-budget", "cooling-off"],
    )
    def test_tightening_applies_at_once(self, stricter: Limit) -> None:
        assert apply_change(self.locked, stricter, today=TODAY, now_ms=NOW) == stricter

    def test_a_new_limit_with_a_lock_is_a_tightening(self) -> None:
        assert apply_change(None, self.locked, today=TODAY, now_ms=NOW) == self.locked

    def test_an_ended_lock_is_no_lock(self) -> None:
        ended = replace(self.locked, locked_until=date(2026, 11, 30))
        assert apply_change(ended, limit(3600), today=TODAY, now_ms=NOW) == limit(3600)


class TestCoolingOff:
    current = limit(600, cooling_off=True, id=3)

    def test_loosening_waits_a_day(self) -> None:
        result = apply_change(self.current, limit(1800, cooling_off=True), today=TODAY, now_ms=NOW)
        assert result is not None
        assert result.seconds_by_weekday == (600,) * 7
        assert result.id == 3
        assert result.pending == PendingChange((1800,) * 7, "notify", NOW + DAY_MS)
        assert settle(result, NOW + DAY_MS - 1) == result
        assert settle(result, NOW + DAY_MS) == limit(1800, cooling_off=True, id=3)

    def test_tightening_applies_at_once_and_cancels_the_pending_loosening(self) -> None:
        waiting = apply_change(self.current, limit(1800, cooling_off=True), today=TODAY, now_ms=NOW)
        assert waiting is not None
        assert waiting.pending is not None
        result = apply_change(waiting, limit(300, cooling_off=True), today=TODAY, now_ms=NOW + 1)
        assert result == limit(300, cooling_off=True, id=3)

    def test_a_mixed_change_tightens_now_and_loosens_later(self) -> None:
        wanted = limit(300, 300, 300, 300, 300, 3600, 3600, mode="nag", cooling_off=True)
        result = apply_change(self.current, wanted, today=TODAY, now_ms=NOW)
        assert result is not None
        assert result.seconds_by_weekday == (300, 300, 300, 300, 300, 600, 600)
        assert result.mode == "nag"
        assert result.pending is not None
        assert result.pending.seconds_by_weekday == wanted.seconds_by_weekday
        assert settle(result, NOW + DAY_MS) == replace(wanted, id=3)

    def test_turning_cooling_off_off_waits_too(self) -> None:
        result = apply_change(self.current, limit(600), today=TODAY, now_ms=NOW)
        assert result is not None
        assert result.cooling_off
        assert result.pending is not None
        assert not result.pending.cooling_off
        settled = settle(result, NOW + DAY_MS)
        assert not settled.cooling_off
        # now a loosening applies at once
        assert apply_change(settled, limit(1800), today=TODAY, now_ms=NOW + DAY_MS) == limit(
            1800, id=3
        )

    def test_a_raised_budget_waits_and_a_smaller_one_does_not(self) -> None:
        nag = limit(600, mode="nag", cooling_off=True)
        raised = apply_change(nag, replace(nag, snooze_budget=5), today=TODAY, now_ms=NOW)
        assert raised is not None
        assert raised.budget == 2
        assert raised.pending is not None
        assert raised.pending.snooze_budget == 5
        lowered = apply_change(nag, replace(nag, snooze_budget=1), today=TODAY, now_ms=NOW)
        assert lowered == replace(nag, snooze_budget=1)

    def test_removal_waits_a_day_then_leaves_a_limit_that_limits_nothing(self) -> None:
        result = apply_change(self.current, None, today=TODAY, now_ms=NOW)
        assert result is not None
        assert result.seconds_by_weekday == (600,) * 7
        assert result.pending is not None
        assert result.pending.seconds_by_weekday == (None,) * 7
        settled = settle(result, NOW + DAY_MS)
        assert settled.seconds_by_weekday == (None,) * 7
        assert apply_change(settled, None, today=TODAY, now_ms=NOW + DAY_MS) is None

    def test_a_due_pending_change_is_settled_before_comparing(self) -> None:
        waiting = apply_change(self.current, limit(1800, cooling_off=True), today=TODAY, now_ms=NOW)
        later = NOW + DAY_MS + 5
        result = apply_change(waiting, limit(1200, cooling_off=True), today=TODAY, now_ms=later)
        assert result == limit(1200, cooling_off=True, id=3)  # 1800 -> 1200 is a tightening

    def test_a_lock_wins_over_cooling_off(self) -> None:
        both = replace(self.current, locked_until=date(2026, 12, 31))
        looser = replace(both, seconds_by_weekday=(900,) * 7)
        with pytest.raises(LimitLocked):
            apply_change(both, looser, today=TODAY, now_ms=NOW)

    def test_the_lead_and_experiment_are_no_commitment(self) -> None:
        wanted = replace(self.current, warn_before_seconds=60, experiment_id=4)
        assert apply_change(self.current, wanted, today=TODAY, now_ms=NOW) == wanted


seconds = st.one_of(st.none(), st.integers(min_value=1, max_value=86_400))
limits = st.builds(
    Limit,
    target=st.just(INSTA),
    seconds_by_weekday=st.tuples(*[seconds] * 7),
    mode=st.sampled_from(["notify", "nag", "block"]),
    locked_until=st.one_of(st.none(), st.dates(date(2026, 11, 1), date(2027, 3, 1))),
    cooling_off=st.booleans(),
    snooze_budget=st.one_of(st.none(), st.integers(0, 4)),
)


@given(limits, st.one_of(st.none(), limits))
def test_a_change_never_loosens_what_is_in_force(current: Limit, wanted: Limit | None) -> None:
    """Whatever is asked, what applies now is never looser than a locked or cooling limit."""
    try:
        result = apply_change(current, wanted, today=TODAY, now_ms=NOW)
    except LimitLocked:
        assert current.is_locked(TODAY)
        return
    if current.is_locked(TODAY) or current.cooling_off:
        assert result is not None or not is_loosening(current, replace(
            current, seconds_by_weekday=(None,) * 7, mode="notify", locked_until=None,
            cooling_off=False, snooze_budget=None), today=TODAY)
        if result is not None:
            assert not is_loosening(current, result, today=TODAY)
    if result is not None and result.pending is not None:
        assert result.pending.effective_at_ms == NOW + DAY_MS
        wanted_or_removed = settle(result, NOW + DAY_MS)
        if wanted is not None:
            assert wanted_or_removed.seconds_by_weekday == wanted.seconds_by_weekday
            assert wanted_or_removed.mode == wanted.mode


def test_from_notify_to_nag_is_stricter_whatever_the_budget() -> None:
    locked = limit(600, locked_until=date(2026, 12, 31))
    nag = replace(locked, mode="nag", snooze_budget=4)
    assert apply_change(locked, nag, today=TODAY, now_ms=NOW) == nag
