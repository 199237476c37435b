"""TrackerService and a session probe that says the machine goes to sleep, in simulated time."""

from __future__ import annotations

import pytest

from tests.unit.services.test_tracker import XTERM, MemorySink, Script, make_tracker
from wellbeing.core.clock import FakeClock


class SleepySession:
    """A session probe like SessionWatch: ``preparing`` is what logind last said."""

    name = "sleepy"
    reports_changes = True

    def __init__(self, sink: MemorySink) -> None:
        self.sink = sink
        self.preparing = False
        self.readies: list[float] = []  # xterm seconds written when the sleep was let go
        self.asked = 0

    def is_locked(self) -> bool:
        return False

    def preparing_for_sleep(self) -> bool:
        self.asked += 1
        return self.preparing

    def ready_for_sleep(self) -> None:
        self.readies.append(sum(p.seconds for p in self.sink.finished))

    def close(self) -> None:
        pass


def sleepy(clock: FakeClock) -> tuple[Script, MemorySink, SleepySession]:
    script = Script(clock, [(0, XTERM)])
    sink = MemorySink(clock)
    session = SleepySession(sink)
    script.platform.session = session
    return script, sink, session


def test_going_to_sleep_writes_the_interval_then_lets_the_machine_sleep(
    clock: FakeClock,
) -> None:
    script, sink, session = sleepy(clock)
    tracker = make_tracker(script, sink, clock)

    def go_to_sleep(_: float) -> None:
        session.preparing = True

    def wake_up(_: float) -> None:
        clock.suspend(3600.0)  # the machine slept an hour
        session.preparing = False

    script.at(20, go_to_sleep)
    script.at(23, wake_up)
    tracker.run(duration=40)
    # Written when the sleep was let go: the 20 s before it, and only once per sleep.
    assert session.readies == [pytest.approx(20.0)]
    # Nothing while asleep (the 3 s before the machine slept, the hour), all after waking.
    assert sink.seconds() == pytest.approx({"xterm": 20.0 + 17.0})


def test_a_sleep_while_paused_is_still_let_go(clock: FakeClock) -> None:
    script, sink, session = sleepy(clock)
    tracker = make_tracker(script, sink, clock)
    tracker.pause(None)
    session.preparing = True
    tracker.step()
    assert session.readies == [0.0]


def test_a_failing_write_does_not_hold_the_machine_awake(clock: FakeClock) -> None:
    from wellbeing.errors import StorageUnavailable

    script, sink, session = sleepy(clock)
    tracker = make_tracker(script, sink, clock)
    tracker.step()
    sink.fail = StorageUnavailable("disk full")
    clock.advance(3.0)
    session.preparing = True
    tracker.step()
    assert session.readies == [0.0]  # let go all the same; the interval waits in memory
    assert tracker.pending == 1
    sink.fail = None
    clock.advance(1.0)
    tracker.step()
    assert sink.seconds() == pytest.approx({"xterm": 3.0})
