from __future__ import annotations

import dataclasses

import pytest

from wellbeing.core.clock import Clock, FakeClock, Instant


def test_now_reads_every_clock_at_once() -> None:
    clock = FakeClock(100.0, monotonic=5.0, boot=7.0, utc_offset_min=60)
    assert clock.now() == Instant(100.0, 5.0, 7.0, 60)


def test_default_start_is_a_fixed_known_moment(clock: FakeClock) -> None:
    assert clock.now() == Instant(1_780_000_000.0, 1000.0, 1000.0, 0)


def test_advance_moves_every_clock(clock: FakeClock) -> None:
    before = clock.now()
    clock.advance(2.5)
    after = clock.now()
    assert after.wall - before.wall == 2.5
    assert after.monotonic - before.monotonic == 2.5
    assert after.boot - before.boot == 2.5
    assert after.utc_offset_min == before.utc_offset_min


def test_suspend_stops_monotonic_only(clock: FakeClock) -> None:
    before = clock.now()
    clock.suspend(3600.0)
    after = clock.now()
    assert after.monotonic == before.monotonic
    assert after.boot - before.boot == 3600.0
    assert after.wall - before.wall == 3600.0


@pytest.mark.parametrize("step", [3600.0, -86_400.0])
def test_step_wall_moves_wall_only(clock: FakeClock, step: float) -> None:
    before = clock.now()
    clock.step_wall(step)
    after = clock.now()
    assert after.wall - before.wall == step
    assert (after.monotonic, after.boot) == (before.monotonic, before.boot)


def test_set_offset_changes_only_the_offset(clock: FakeClock) -> None:
    before = clock.now()
    clock.set_offset(-300)
    after = clock.now()
    assert after.utc_offset_min == -300
    assert (after.wall, after.monotonic, after.boot) == (before.wall, before.monotonic, before.boot)


def test_instant_is_a_frozen_value(clock: FakeClock) -> None:
    instant = clock.now()
    clock.advance(1.0)
    assert instant.wall == 1_780_000_000.0  # a reading does not move with the clock
    with pytest.raises(dataclasses.FrozenInstanceError):
        instant.wall = 0.0  # type: ignore[misc]


def test_fake_clock_satisfies_the_protocol() -> None:
    def read(source: Clock) -> Instant:
        return source.now()

    assert isinstance(read(FakeClock()), Instant)
