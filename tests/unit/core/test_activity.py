from __future__ import annotations

from datetime import date

import pytest

from wellbeing.core.activity import (
    MAX_PENDING_EVENTS,
    ActivityTracker,
    Focus,
    Interval,
    Sample,
    TrackerEvent,
)
from wellbeing.core.clock import FakeClock, Instant

A = Focus("firefox", "Firefox")
B = Focus("code", "VS Code", site=None, title="main.py")
T0 = 1_780_000_000.0  # FakeClock's default wall: 2026-05-28 20:26:40 UTC
DAY0 = date(2026, 5, 28)
BOUNDARY = 1_780_027_200.0  # 2026-05-29 04:00:00 UTC


def ms(wall: float) -> int:
    return round(wall * 1000)


def iv(
    focus: Focus, start: float, end: float, segment: int, *, offset: int = 0, day: date = DAY0
) -> Interval:
    return Interval(focus, ms(start), ms(end), offset, day, segment)


class Rig:
    """A tracker fed from a FakeClock, collecting final pieces and events."""

    def __init__(self, clock: FakeClock, **options: float) -> None:
        self.clock = clock
        self.tracker = ActivityTracker(**options)  # type: ignore[arg-type]
        self.final: list[Interval] = []

    def feed(
        self, focus: Focus | None, idle: float = 0.0, locked: bool = False, asleep: bool = False
    ) -> list[Interval]:
        out = self.tracker.feed(Sample(self.clock.now(), focus, idle, locked, asleep))
        self.final.extend(out)
        return out

    def use(self, focus: Focus | None, seconds: int, idle: float = 0.0) -> None:
        """Advance second by second, sampling ``focus`` after each step."""
        for _ in range(seconds):
            self.clock.advance(1.0)
            self.feed(focus, idle)

    def kinds(self) -> list[str]:
        return [e.kind for e in self.tracker.drain_events()]


@pytest.fixture
def rig(clock: FakeClock) -> Rig:
    return Rig(clock)


def test_steady_use_runs_one_growing_interval(rig: Rig) -> None:
    rig.feed(A)
    assert rig.tracker.running() == []
    rig.use(A, 10)
    assert rig.final == []
    assert rig.tracker.running() == [iv(A, T0, T0 + 10, 1)]
    assert rig.tracker.close() == [iv(A, T0, T0 + 10, 1)]
    assert rig.tracker.running() == []
    assert rig.kinds() == []


def test_running_keeps_segment_and_start_while_growing(rig: Rig) -> None:
    rig.feed(A)
    seen = set()
    for _ in range(5):
        rig.use(A, 1)
        (piece,) = rig.tracker.running()
        seen.add((piece.segment, piece.start_ms))
    assert seen == {(1, ms(T0))}


def test_focus_change_is_contiguous_at_the_new_sample(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 3)
    rig.clock.advance(1.0)
    assert rig.feed(B) == [iv(A, T0, T0 + 4, 1)]
    rig.use(B, 2)
    assert rig.tracker.running() == [iv(B, T0 + 4, T0 + 6, 2)]


def test_the_earlier_focus_holds_until_the_later_sample(rig: Rig) -> None:
    rig.feed(A)
    rig.clock.advance(7.5)  # one late sample: A is assumed in front all along
    assert rig.feed(B) == [iv(A, T0, T0 + 7.5, 1)]


def test_no_focus_runs_nothing(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 2)
    rig.clock.advance(1.0)
    assert rig.feed(None) == [iv(A, T0, T0 + 3, 1)]
    rig.use(None, 5)
    assert rig.tracker.running() == []
    rig.clock.advance(1.0)
    rig.feed(B)  # nothing was in front between the last two samples
    rig.use(B, 1)
    assert rig.tracker.running() == [iv(B, T0 + 9, T0 + 10, 2)]
    assert rig.kinds() == ["no_focus"]


def test_idle_ends_at_the_last_input(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 10)  # last input at T0 + 10
    for t in range(11, 191):
        rig.clock.advance(1.0)
        rig.feed(A, idle=t - 10)
        if t < 190:  # below the threshold, reading counts as use
            assert rig.tracker.running() == [iv(A, T0, T0 + t, 1)]
    assert rig.final == [iv(A, T0, T0 + 10, 1)]
    assert rig.tracker.running() == []
    assert rig.kinds() == ["idle"]


def test_input_resumes_from_the_first_input(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 10)
    for t in range(11, 200):
        rig.clock.advance(1.0)
        rig.feed(A, idle=t - 10)
    rig.clock.advance(1.0)
    rig.feed(A, idle=0.4)  # first input at T0 + 199.6, between the samples
    assert rig.tracker.running() == [iv(A, T0 + 199.6, T0 + 200, 2)]
    rig.clock.advance(1.0)
    rig.feed(A, idle=10.0)  # reports input older than the previous sample: nothing earlier
    assert rig.tracker.running() == [iv(A, T0 + 199.6, T0 + 201, 2)]
    assert rig.kinds() == ["idle", "active"]


def test_first_input_never_before_the_previous_sample(rig: Rig) -> None:
    rig.feed(A, idle=500.0)
    rig.clock.advance(1.0)
    rig.feed(A, idle=500.0)
    rig.clock.advance(1.0)
    rig.feed(A, idle=5.0)  # input 5 s ago, but the previous sample saw idle
    assert rig.tracker.running() == [iv(A, T0 + 1, T0 + 2, 1)]


def test_resume_belongs_to_the_app_in_front_while_idle(rig: Rig) -> None:
    rig.feed(A, idle=300.0)
    rig.clock.advance(1.0)
    finals = rig.feed(B, idle=0.25)
    assert finals == [iv(A, T0 + 0.75, T0 + 1, 1)]
    rig.use(B, 1)
    assert rig.tracker.running() == [iv(B, T0 + 1, T0 + 2, 2)]


def test_idle_cut_never_before_a_known_input(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)  # input seen at T0 + 5
    rig.clock.advance(1.0)
    rig.feed(A, idle=1000.0)  # an idle counter that disagrees with what was seen
    assert rig.final == [iv(A, T0, T0 + 5, 1)]


def test_focus_change_while_away_counts_nothing_for_the_new_window(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 100, idle=0.0)
    for t in range(101, 171):
        rig.clock.advance(1.0)
        rig.feed(A, idle=t - 100)
    rig.clock.advance(1.0)
    rig.feed(B, idle=71.0)  # a window takes focus; nobody is there
    assert rig.final == [iv(A, T0, T0 + 171, 1)]
    assert rig.tracker.running() == []
    rig.clock.advance(1.0)
    rig.feed(B, idle=72.0)
    assert rig.tracker.running() == [iv(B, T0 + 171, T0 + 172, 2)]
    for t in range(173, 300):
        rig.clock.advance(1.0)
        rig.feed(B, idle=t - 100)
    assert rig.final == [iv(A, T0, T0 + 171, 1)]  # B's provisional piece vanished
    assert rig.tracker.running() == []


def test_lock_ends_at_the_last_unlocked_sample(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.advance(1.0)
    assert rig.feed(A, locked=True) == [iv(A, T0, T0 + 5, 1)]
    for _ in range(3):
        rig.clock.advance(1.0)
        rig.feed(A, locked=True)
    assert rig.tracker.running() == []
    rig.clock.advance(1.0)
    rig.feed(A)  # unlocked: counts from here, not from the last locked sample
    rig.use(A, 2)
    assert rig.tracker.running() == [iv(A, T0 + 10, T0 + 12, 2)]
    assert rig.kinds() == ["locked", "unlocked"]


def test_a_lock_reported_as_it_happened_ends_at_that_sample(rig: Rig) -> None:
    rig.feed(A)
    rig.clock.advance(4.5)  # an event-driven sampler: nothing to sample until the signal
    out = rig.tracker.feed(Sample(rig.clock.now(), A, 0.0, locked=True, lock_exact=True))
    assert out == [iv(A, T0, T0 + 4.5, 1)]
    rig.clock.advance(3.0)
    rig.feed(A)
    rig.clock.advance(1.0)
    out = rig.tracker.feed(Sample(rig.clock.now(), A, 200.0, locked=True, lock_exact=True))
    assert out == []  # idle cut it at the last input, before it began: the earlier end wins


def test_lock_after_idle_cut_adds_nothing(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 2)
    for t in range(3, 183):
        rig.clock.advance(1.0)
        rig.feed(A, idle=t - 2)
    rig.clock.advance(1.0)
    rig.feed(A, idle=181.0, locked=True)
    assert rig.final == [iv(A, T0, T0 + 2, 1)]


def test_lock_and_idle_in_one_sample_ends_at_the_earlier(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 10)
    rig.clock.advance(1.0)
    assert rig.feed(A, idle=600.0, locked=True) == [iv(A, T0, T0 + 10, 1)]


def test_suspend_counts_none_of_the_sleep(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.suspend(3600.0)
    rig.clock.advance(1.0)
    assert rig.feed(A) == [iv(A, T0, T0 + 5, 1)]
    rig.use(A, 2)
    assert rig.tracker.running() == [iv(A, T0 + 3606, T0 + 3608, 2)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [("suspend", "machine slept 3600.0 s")]
    assert events[0].wall == T0 + 3606


def test_going_to_sleep_ends_the_run_at_that_sample(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.advance(0.5)
    assert rig.feed(A, asleep=True) == [iv(A, T0, T0 + 5.5, 1)]
    assert rig.tracker.running() == []
    rig.clock.advance(0.2)  # the machine still runs a moment: nothing counts
    assert rig.feed(A, asleep=True) == []
    rig.clock.suspend(3600.0)
    rig.clock.advance(0.3)
    assert rig.feed(A, asleep=True) == []  # awake, but not yet told so
    rig.clock.advance(1.0)
    rig.feed(A)  # told it woke up: counts from here
    rig.use(A, 2)
    assert rig.tracker.running() == [iv(A, T0 + 3607, T0 + 3609, 2)]
    assert rig.kinds() == ["suspend", "suspend", "wake"]


def test_a_sleep_too_short_for_the_clocks_still_counts_nothing(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 3)
    rig.clock.advance(1.0)
    rig.feed(A, asleep=True)
    rig.clock.suspend(1.0)  # below the clocks' tolerance
    rig.clock.advance(1.0)
    rig.feed(B)
    rig.use(B, 1)
    assert rig.final == [iv(A, T0, T0 + 4, 1)]
    # Placed through the frame (the second asleep is within the clocks' tolerance), and
    # starting at the first awake sample: the monotonic second after going to sleep is out.
    assert rig.tracker.running() == [iv(B, T0 + 5, T0 + 6, 2)]


def test_going_to_sleep_after_an_idle_cut_or_a_lock_keeps_the_earlier_end(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 10)
    rig.clock.advance(1.0)
    assert rig.feed(A, idle=200.0, asleep=True) == [iv(A, T0, T0 + 10, 1)]
    rig.clock.advance(1.0)
    rig.feed(A)
    rig.use(A, 4)
    rig.clock.advance(1.0)
    assert rig.feed(A, locked=True, asleep=True) == [iv(A, T0 + 12, T0 + 16, 2)]


def test_input_during_sleep_is_not_a_resume_from_idle(rig: Rig) -> None:
    rig.feed(A)
    rig.clock.advance(200.0)
    rig.feed(A, idle=200.0)  # away: nothing runs
    rig.clock.advance(1.0)
    rig.feed(A, idle=0.5, asleep=True)  # the idle counter says input, but it is asleep
    assert rig.tracker.running() == []
    rig.clock.advance(1.0)
    rig.feed(A, idle=0.1)
    rig.use(A, 1)
    assert rig.tracker.running() == [iv(A, T0 + 202, T0 + 203, 1 + 1)]


def test_short_sleeps_that_add_up_break_the_run(rig: Rig) -> None:
    rig.feed(A)
    for _ in range(3):
        rig.clock.suspend(1.5)  # each below the tolerance...
        rig.clock.advance(1.0)
        rig.feed(A)
    # ...but the second makes 3 s of sleep in this frame: the run ends at the
    # previous sample and a new frame starts at the current one (wall T0 + 5).
    assert rig.final == [iv(A, T0, T0 + 1, 1)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [("suspend", "short sleeps added up to 3.0 s")]
    rig.use(A, 1)
    assert rig.tracker.running() == [iv(A, T0 + 5, T0 + 7, 2)]  # the third sleep is not counted


@pytest.mark.parametrize("step", [3600.0, -3600.0, 2.5, -86_400.0])
def test_wall_clock_step_ends_the_run_and_places_the_next_by_new_wall(
    rig: Rig, step: float
) -> None:
    """Forward: by the new wall time. Back: where the last run ended, never over it
    (unless the clock was set back over an hour: it was plainly wrong before)."""
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.step_wall(step)
    rig.clock.advance(1.0)
    assert rig.feed(A) == [iv(A, T0, T0 + 5, 1)]
    rig.use(A, 4)
    start = T0 + 5 if -3600 <= step < 0 else T0 + 6 + step
    (piece,) = rig.tracker.running()
    assert (piece.start_ms, piece.end_ms, piece.segment) == (ms(start), ms(start + 4), 2)
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [
        ("clock_step", f"wall clock jumped {step:+.1f} s")
    ]


def test_wall_jitter_below_tolerance_is_ignored_durations_from_monotonic(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.step_wall(1.5)
    rig.use(A, 5)
    assert rig.final == []
    assert rig.tracker.running() == [iv(A, T0, T0 + 10, 1)]  # not T0 + 11.5
    assert rig.kinds() == []


def test_wall_drifting_in_small_steps_is_a_clock_step(rig: Rig) -> None:
    rig.feed(A)
    for _ in range(3):
        rig.clock.step_wall(0.9)
        rig.clock.advance(1.0)
        rig.feed(A)
    assert rig.final == [iv(A, T0, T0 + 2, 1)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [
        ("clock_step", "wall clock drifted +2.7 s in small steps")
    ]


def test_gap_counts_nothing(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.advance(20.0)
    assert rig.feed(A) == [iv(A, T0, T0 + 5, 1)]
    rig.use(A, 1)
    assert rig.tracker.running() == [iv(A, T0 + 25, T0 + 26, 2)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [("gap", "no sample for 20.0 s")]


def test_gap_up_to_max_gap_still_counts(rig: Rig) -> None:
    rig.feed(A)
    rig.clock.advance(15.0)
    rig.feed(A)
    assert rig.tracker.running() == [iv(A, T0, T0 + 15, 1)]


def test_offset_change_splits_contiguously(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.set_offset(60)
    rig.clock.advance(1.0)
    assert rig.feed(A) == [iv(A, T0, T0 + 6, 1)]
    rig.use(A, 2)
    assert rig.tracker.running() == [iv(A, T0 + 6, T0 + 8, 2, offset=60)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [
        ("offset_change", "UTC offset changed +0 -> +60 min")
    ]


def test_offset_change_moves_the_day_boundary() -> None:
    # 03:30 UTC at +0 is day 28; the zone becomes +60: 04:30 local, day 29.
    clock = FakeClock(BOUNDARY - 1800)
    rig = Rig(clock)
    rig.feed(A)
    clock.set_offset(60)
    rig.use(A, 2)
    assert rig.final == [iv(A, BOUNDARY - 1800, BOUNDARY - 1799, 1)]
    assert rig.tracker.running() == [
        iv(A, BOUNDARY - 1799, BOUNDARY - 1798, 2, offset=60, day=date(2026, 5, 29))
    ]


def test_day_boundary_final_piece_returned_once() -> None:
    clock = FakeClock(BOUNDARY - 5)
    rig = Rig(clock)
    rig.feed(A)
    rig.use(A, 4)
    assert rig.final == []
    rig.clock.advance(1.0)
    earlier = iv(A, BOUNDARY - 5, BOUNDARY, 1)
    assert rig.feed(A) == [earlier]  # the sample at 04:00:00 settles the old day
    assert rig.tracker.running() == []
    rig.use(A, 3)
    assert rig.final == [earlier]
    later = iv(A, BOUNDARY, BOUNDARY + 3, 1, day=date(2026, 5, 29))
    assert rig.tracker.running() == [later]
    assert rig.tracker.close() == [later]


def test_day_boundary_while_reading_stays_provisional_until_input() -> None:
    clock = FakeClock(BOUNDARY - 60)
    rig = Rig(clock)
    rig.feed(A)  # last input at 03:59:00
    rig.use(A, 70, idle=0.0)  # input every second up to 04:00:10
    assert rig.final == [iv(A, BOUNDARY - 60, BOUNDARY, 1)]
    clock2 = FakeClock(BOUNDARY - 60)
    rig2 = Rig(clock2)
    rig2.feed(A)
    for t in range(1, 71):
        clock2.advance(1.0)
        rig2.feed(A, idle=float(t))  # reading: no input since 03:59:00
    assert rig2.final == []
    assert rig2.tracker.running() == [
        iv(A, BOUNDARY - 60, BOUNDARY, 1),
        iv(A, BOUNDARY, BOUNDARY + 10, 1, day=date(2026, 5, 29)),
    ]
    clock2.advance(1.0)
    rig2.feed(A, idle=0.5)  # input at 04:00:10.5 settles the earlier day
    assert rig2.final == [iv(A, BOUNDARY - 60, BOUNDARY, 1)]
    assert rig2.tracker.running() == [
        iv(A, BOUNDARY, BOUNDARY + 11, 1, day=date(2026, 5, 29))
    ]


def test_idle_cut_before_the_boundary_drops_the_new_day_piece() -> None:
    clock = FakeClock(BOUNDARY - 60)
    rig = Rig(clock)
    rig.feed(A)
    rig.use(A, 30)  # last input 03:59:30
    for t in range(1, 181):
        clock.advance(1.0)
        rig.feed(A, idle=float(t))
    assert rig.final == [iv(A, BOUNDARY - 60, BOUNDARY - 30, 1)]
    assert rig.tracker.running() == []


def test_run_spanning_two_boundaries(clock: FakeClock) -> None:
    rig = Rig(clock, max_gap=100_000.0)
    rig.feed(A)
    for _ in range(20):
        clock.advance(3600.0 * 3)
        rig.feed(A)
    clock.advance(1.0)
    rig.feed(None)
    days = [(p.local_date, p.seconds) for p in rig.final]
    assert days == [
        (date(2026, 5, 28), BOUNDARY - T0),
        (date(2026, 5, 29), 86_400.0),
        (date(2026, 5, 30), 86_400.0),
        (date(2026, 5, 31), T0 + 60 * 3600 + 1 - BOUNDARY - 2 * 86_400),
    ]
    assert {p.segment for p in rig.final} == {1}
    assert len({p.start_ms for p in rig.final}) == 4


def test_day_start_hour_is_respected(clock: FakeClock) -> None:
    rig = Rig(clock, day_start_hour=22)  # 20:26:40 UTC is still day 27 under a 22:00 start
    rig.feed(A)
    rig.use(A, 1)
    assert rig.tracker.running()[0].local_date == date(2026, 5, 27)


def test_older_sample_is_ignored(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 3)
    stale = Instant(T0 + 2, 1002.0, 1002.0, 0)
    assert rig.tracker.feed(Sample(stale, B, 0.0)) == []
    assert rig.tracker.running() == [iv(A, T0, T0 + 3, 1)]
    events = rig.tracker.drain_events()
    assert [(e.kind, e.detail) for e in events] == [
        ("clock_step", "monotonic clock went back 1.000 s; sample ignored")
    ]
    rig.use(A, 1)
    assert rig.tracker.running() == [iv(A, T0, T0 + 4, 1)]


def test_equal_monotonic_samples_make_no_empty_intervals(rig: Rig) -> None:
    rig.feed(A)
    rig.feed(B)
    rig.feed(A)
    rig.feed(None)
    rig.feed(B)
    assert rig.final == []
    assert rig.tracker.running() == []
    rig.use(B, 1)
    (piece,) = rig.tracker.running()
    assert (piece.focus, piece.start_ms, piece.end_ms) == (B, ms(T0), ms(T0 + 1))


def test_close_extends_to_a_continuous_instant(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 5)
    rig.clock.advance(0.5)
    assert rig.tracker.close(rig.clock.now()) == [iv(A, T0, T0 + 5.5, 1)]


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("gap", "gap"), ("suspend", "suspend"), ("step", "clock_step")],
)
def test_close_after_a_fault_ends_at_the_last_sample(rig: Rig, fault: str, kind: str) -> None:
    rig.feed(A)
    rig.use(A, 5)
    if fault == "gap":
        rig.clock.advance(60.0)
    elif fault == "suspend":
        rig.clock.suspend(60.0)
    else:
        rig.clock.step_wall(-60.0)
    assert rig.tracker.close(rig.clock.now()) == [iv(A, T0, T0 + 5, 1)]
    assert rig.kinds() == [kind]


def test_close_without_instant_and_feed_afterwards_starts_afresh(rig: Rig) -> None:
    rig.feed(A)
    rig.use(A, 2)
    assert rig.tracker.close() == [iv(A, T0, T0 + 2, 1)]
    assert rig.tracker.close() == []
    rig.clock.advance(100.0)
    rig.feed(B)
    rig.use(B, 1)
    assert rig.tracker.running() == [iv(B, T0 + 102, T0 + 103, 2)]
    assert rig.kinds() == []


def test_first_segment_sets_numbering(clock: FakeClock) -> None:
    rig = Rig(clock, first_segment=41)
    rig.feed(A)
    rig.use(A, 1)
    rig.use(B, 2)
    assert [p.segment for p in rig.final + rig.tracker.running()] == [41, 42]


def test_events_carry_wall_and_drain_once(rig: Rig) -> None:
    rig.feed(A)
    rig.clock.advance(1.0)
    rig.feed(A, locked=True)
    assert rig.tracker.drain_events() == [TrackerEvent("locked", T0 + 1, "screen locked")]
    assert rig.tracker.drain_events() == []


def test_pending_events_are_bounded(rig: Rig) -> None:
    rig.feed(A)
    for i in range(MAX_PENDING_EVENTS * 3):
        rig.clock.advance(1.0)
        rig.feed(A, locked=i % 2 == 0)
    assert len(rig.tracker.drain_events()) == MAX_PENDING_EVENTS


def test_long_session_keeps_constant_state(rig: Rig) -> None:
    rig.feed(A)
    for i in range(20_000):
        rig.clock.advance(1.0)
        rig.feed(A if i % 600 < 300 else B)
    assert len(rig.tracker.running()) == 1
    assert rig.tracker.drain_events() == []
    assert sum(p.end_ms - p.start_ms for p in rig.final + rig.tracker.running()) == 20_000_000


@pytest.mark.parametrize(
    "options",
    [
        {"idle_after": 0.0},
        {"idle_after": float("nan")},
        {"max_gap": -1.0},
        {"step_tolerance": -0.1},
        {"day_start_hour": 24},
    ],
)
def test_bad_options_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must"):
        ActivityTracker(**options)  # type: ignore[arg-type]
