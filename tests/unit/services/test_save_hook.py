"""The after-save callback: once per save that wrote intervals, also after a recovery."""

from __future__ import annotations

from collections.abc import Sequence

from tests.unit.services.test_tracker import XTERM, MemorySink, Script
from wellbeing.core.activity import Interval
from wellbeing.core.clock import FakeClock
from wellbeing.errors import StorageUnavailable
from wellbeing.services.save_hook import NotifyingSink, notify_after_saves
from wellbeing.services.tracker import IntervalSink, TrackerService


class CountingSink(MemorySink):
    """Also numbers the saves that had intervals to write."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__(clock)
        self.with_intervals: list[int] = []

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        super().save(finished, running)
        if finished or running:
            self.with_intervals.append(len(self.saves))


def test_each_save_with_intervals_calls_back_once(clock: FakeClock) -> None:
    script = Script(clock, [(0, XTERM)])
    sink = CountingSink(clock)
    tracker = TrackerService(script.platform, sink, clock)
    calls: list[int] = []
    notify_after_saves(tracker, lambda: calls.append(len(sink.saves)))
    tracker.run(duration=30)
    assert len(sink.with_intervals) >= 5, "the tracker saved every few seconds"
    assert calls == sink.with_intervals


def test_a_save_with_nothing_to_write_calls_nothing(clock: FakeClock) -> None:
    calls: list[None] = []
    sink = NotifyingSink(MemorySink(clock), lambda: calls.append(None))
    sink.save([], [])
    assert calls == []


def test_a_sink_from_the_recovery_calls_back_too(clock: FakeClock) -> None:
    script = Script(clock, [(0, XTERM)])
    broken, fresh = MemorySink(clock), MemorySink(clock)

    def recover(error: Exception) -> IntervalSink | None:
        return fresh

    tracker = TrackerService(script.platform, broken, clock, recover=recover)
    calls: list[int] = []
    notify_after_saves(tracker, lambda: calls.append(len(fresh.saves)))
    script.at(10, lambda _: setattr(broken, "fail", StorageUnavailable("malformed")))
    tracker.run(duration=30)
    assert fresh.saves
    assert calls[-len(fresh.saves):] == list(range(1, len(fresh.saves) + 1))


def test_a_failing_callback_does_not_fail_the_save(clock: FakeClock) -> None:
    inner = MemorySink(clock)

    def fail() -> None:
        raise RuntimeError("a view broke")

    script = Script(clock, [(0, XTERM)])
    tracker = TrackerService(script.platform, inner, clock)
    notify_after_saves(tracker, fail)
    tracker.run(duration=12)
    assert inner.seconds() == {"xterm": 12.0}
    assert tracker.write_failures == 0
