from __future__ import annotations

from wellbeing.core.activity import ActivityTracker, Focus, Sample
from wellbeing.core.clock import FakeClock
from wellbeing.core.idle_inhibit import IdleInhibition

A = Focus("mpv", "mpv")


def test_without_inhibitors_idle_is_the_input_idle() -> None:
    inhibition = IdleInhibition()
    assert inhibition.effective_idle(250.0, 1000.0) == 250.0
    assert inhibition.released_at is None
    assert inhibition.held is False


def test_while_held_idle_is_zero_whatever_the_input_says() -> None:
    inhibition = IdleInhibition()
    assert inhibition.update(True, 100.0) is True
    assert inhibition.effective_idle(5400.0, 5500.0) == 0.0
    assert inhibition.update(True, 200.0) is False  # no change
    assert inhibition.held is True


def test_after_release_idle_runs_from_the_release_or_the_last_input() -> None:
    inhibition = IdleInhibition()
    inhibition.update(True, 100.0)
    assert inhibition.update(False, 5500.0) is True
    assert inhibition.released_at == 5500.0
    assert inhibition.effective_idle(5400.0, 5530.0) == 30.0  # still since the release
    assert inhibition.effective_idle(10.0, 5530.0) == 10.0  # input after the release
    assert inhibition.effective_idle(5400.0, 5490.0) == 0.0  # never negative


def test_a_film_counts_and_the_idle_cut_stops_at_its_end() -> None:
    """The core, fed what the inhibition makes of a still keyboard, counts the film only."""
    clock = FakeClock()
    tracker = ActivityTracker(idle_after=180.0)
    inhibition = IdleInhibition()
    start = clock.monotonic
    last_input = start
    final = []
    for second in range(3600):
        if second == 10:
            inhibition.update(True, clock.monotonic)  # the film starts
        if second == 3000:
            inhibition.update(False, clock.monotonic)  # the film ends; nobody is there
        idle = inhibition.effective_idle(clock.monotonic - last_input, clock.monotonic)
        final += tracker.feed(Sample(clock.now(), A, idle))
        clock.advance(1.0)
    final += tracker.close()
    assert [(p.end_ms - p.start_ms) / 1000 for p in final] == [3000.0]
