from wellbeing.core.clock import FakeClock
from wellbeing.services.idle_reader import IdleReader


class CountingIdle:
    name = "counting"

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.last_input = clock.monotonic
        self.calls = 0

    def idle_seconds(self) -> float:
        self.calls += 1
        return self.clock.monotonic - self.last_input

    def close(self) -> None:
        pass


def test_active_user_is_read_once_per_idle_limit() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 180.0, margin=3.0, max_step=4.0)
    for _ in range(600):  # ten minutes of typing, sampled every second
        probe.last_input = clock.monotonic - 0.2
        assert reader.idle_seconds(clock.now()) < 180.0 - 3.0
        clock.advance(1.0)
    assert probe.calls <= 600 / 170 + 2


def test_reads_every_sample_near_and_past_the_limit_and_sees_the_real_value() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 10.0, margin=3.0, max_step=4.0)
    values = []
    for _ in range(20):  # nobody touches anything
        values.append(reader.idle_seconds(clock.now()))
        clock.advance(1.0)
    assert values[-1] == 19.0  # the real idle time once it matters
    assert all(v >= 0 for v in values)
    assert probe.calls >= 12  # from 7 s on, every sample asks


def test_suspend_and_gaps_force_a_real_read() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 180.0, margin=3.0, max_step=4.0)
    reader.idle_seconds(clock.now())
    clock.advance(1.0)
    reader.idle_seconds(clock.now())
    assert probe.calls == 1
    clock.suspend(600)
    clock.advance(1.0)
    reader.idle_seconds(clock.now())
    assert probe.calls == 2
    clock.advance(30.0)  # a long pause between samples
    reader.idle_seconds(clock.now())
    assert probe.calls == 3


def test_the_bound_is_never_below_the_real_idle_time() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 60.0, margin=3.0, max_step=4.0)
    for step in range(200):
        if step % 37 == 0:
            probe.last_input = clock.monotonic
        got = reader.idle_seconds(clock.now())
        real = clock.monotonic - probe.last_input
        assert got >= real - 1e-9
        if got >= 60.0 - 3.0:
            assert got == real
        clock.advance(1.0)


def test_quiet_until_is_when_the_bound_reaches_the_margin() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 180.0, margin=3.0, max_step=10.0)
    assert reader.quiet_until() is None  # nothing read yet: the next sample must ask
    probe.last_input = clock.monotonic - 20.0
    start = clock.monotonic
    reader.idle_seconds(clock.now())
    until = reader.quiet_until()
    assert until == start + 180.0 - 3.0 - 20.0
    while clock.monotonic + 5.0 < until:  # samples every 5 s up to then use the bound
        clock.advance(5.0)
        reader.idle_seconds(clock.now())
    assert probe.calls == 1
    clock.advance(until - clock.monotonic)
    reader.idle_seconds(clock.now())  # at quiet_until the platform is asked again
    assert probe.calls == 2


def test_quiet_until_is_none_near_and_past_the_limit() -> None:
    clock = FakeClock()
    probe = CountingIdle(clock)
    reader = IdleReader(probe, 10.0, margin=3.0, max_step=4.0)
    probe.last_input = clock.monotonic - 7.0
    reader.idle_seconds(clock.now())
    assert reader.quiet_until() is None
    clock.advance(5.0)
    reader.idle_seconds(clock.now())
    assert reader.quiet_until() is None
    probe.last_input = clock.monotonic  # input again: quiet for a while
    clock.advance(1.0)
    reader.idle_seconds(clock.now())
    assert reader.quiet_until() == clock.monotonic - 1.0 + 10.0 - 3.0
