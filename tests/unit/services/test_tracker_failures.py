"""The tracker never fails silently: a dying worker thread restarts once and says so, a bug in
saving stops tracking cleanly instead of retrying forever, and storage trouble is still retried.

The loop runs on a scripted platform and a FakeClock; the thread tests use a real worker
thread whose simulated sleeps move the clock (only the worker thread moves it).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Sequence

import pytest
from sqlalchemy import exc as sa_exc

from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import FakeClock
from wellbeing.errors import StorageUnavailable, TrackingFailed, Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.services.notices import NoticeRelay, TrackerNotice
from wellbeing.services.storage_errors import is_storage_error
from wellbeing.services.tracker import TrackerService, plain_focus

XTERM = WindowInfo("xterm", "XTerm", "bash")
XCALC = WindowInfo("xcalc", "XCalc", "Calculator")


class Sink:
    """Stores what it is given; raises ``fail`` (if set) instead."""

    def __init__(self) -> None:
        self.finished: list[Interval] = []
        self.running: list[Interval] = []
        self.attempts = 0
        self.fail: BaseException | None = None

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        self.attempts += 1
        if self.fail is not None:
            raise self.fail
        self.finished.extend(finished)
        self.running = list(running)

    def seconds(self) -> float:
        return sum(p.seconds for p in (*self.finished, *self.running))


class Crashing:
    """A classifier with a bug: raises on the calls numbered in ``crash_on`` (1-based)."""

    def __init__(self, *crash_on: int) -> None:
        self.crash_on = set(crash_on)
        self.calls = 0

    def __call__(self, window: WindowInfo) -> Focus | None:
        self.calls += 1
        if self.calls in self.crash_on:
            raise KeyError(f"classifier bug #{self.calls}")
        return plain_focus(window)


def worker_probe(clock: FakeClock, steps: Sequence[object]) -> FakeProbe:
    def sleep(seconds: float) -> None:  # only the worker thread moves the clock
        clock.advance(seconds)
        time.sleep(0.001)

    return FakeProbe.from_script(steps, clock, sleep=sleep)


def wait_for(condition: Callable[[], object], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


ALTERNATING = [(t, XTERM if (t // 10) % 2 == 0 else XCALC) for t in range(0, 600, 10)]
"""A new window every 10 s, so the classifier is asked every 10 script seconds."""


# -- the worker thread dies -------------------------------------------------------------------


def test_a_dying_worker_thread_is_restarted_once_and_says_so(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    sink = Sink()
    classify = Crashing(2)  # the second window (script second 10) meets the bug
    heard: list[TrackerNotice] = []
    tracker = TrackerService(
        ScriptedPlatform(worker_probe(clock, ALTERNATING)), sink, clock, classify=classify
    )
    tracker.notices.subscribe(heard.append)
    thread = tracker.start()
    wait_for(lambda: classify.calls >= 5, "the restarted loop to classify again")
    tracker.stop()
    assert not thread.is_alive()
    assert [n.kind for n in heard] == ["restarted"]
    assert "KeyError" in heard[0].message
    assert "quit wellbeing" in heard[0].message
    assert heard[0].recording
    assert tracker.restarted == 1
    assert caplog.text.count("tracking stopped by an unexpected error") == 1
    assert "restarting tracking after the error above (restart 1 of 1)" in caplog.text
    assert sink.seconds() >= 30  # what came before the crash and after the restart is kept


def test_a_second_death_stops_tracking_and_says_what_to_do(clock: FakeClock) -> None:
    sink = Sink()
    classify = Crashing(2, 4)
    heard: list[TrackerNotice] = []
    tracker = TrackerService(
        ScriptedPlatform(worker_probe(clock, ALTERNATING)), sink, clock, classify=classify
    )
    tracker.notices.subscribe(heard.append)
    thread = tracker.start()
    thread.join(30)
    assert not thread.is_alive()  # it ended by itself, nobody asked it to stop
    assert [n.kind for n in heard] == ["restarted", "stopped"]
    assert not heard[1].recording
    assert "Time is not counted now" in heard[1].message
    assert classify.calls == 4  # no third run


def test_losing_the_platform_is_restarted_once_too(clock: FakeClock) -> None:
    class Vanishing(FakeProbe):
        def active_window(self) -> WindowInfo | None:
            if self.elapsed() >= 5:
                raise Unavailable("lost the connection to the X server on :99")
            return super().active_window()

    probe = Vanishing.from_script([(0, XTERM)], clock)
    tracker = TrackerService(ScriptedPlatform(probe), Sink(), clock)
    heard: list[TrackerNotice] = []
    tracker.notices.subscribe(heard.append)
    thread = tracker.start()
    thread.join(30)
    assert [n.kind for n in heard] == ["restarted", "stopped"]
    assert "X server" in heard[0].message


def test_a_stop_asked_for_is_neither_restarted_nor_reported(clock: FakeClock) -> None:
    tracker = TrackerService(ScriptedPlatform(worker_probe(clock, [(0, XTERM)])), Sink(), clock)
    heard: list[TrackerNotice] = []
    tracker.notices.subscribe(heard.append)
    thread = tracker.start()
    wait_for(lambda: tracker.samples > 3, "a few samples")
    tracker.stop()
    assert not thread.is_alive()
    assert heard == []
    assert tracker.restarted == 0


# -- a bug in saving ---------------------------------------------------------------------------


def test_a_bug_in_save_stops_tracking_cleanly_instead_of_retrying(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    sink = Sink()
    probe = FakeProbe.from_script([(0, XTERM), (8, XCALC), (12, XTERM)], clock)
    tracker = TrackerService(ScriptedPlatform(probe), sink, clock)
    for _ in range(10):
        tracker.step()
        clock.advance(1.0)
    saved_before, attempts_before = sink.seconds(), sink.attempts
    assert saved_before > 0
    sink.fail = TypeError("save() got an unexpected keyword argument")
    with pytest.raises(TrackingFailed, match="TypeError") as caught:
        tracker.run(duration=600)
    assert isinstance(caught.value.__cause__, TypeError)
    assert tracker.failure is sink.fail
    # The failing save, then one last attempt at stopping: no retry at every sample.
    assert sink.attempts - attempts_before == 2
    assert tracker.write_failures == 2
    assert tracker.samples < 10 + 10  # it stopped within the next flush period, not after 600 s
    assert caplog.text.count("because of a bug, not the storage") == 1  # reported once...
    assert caplog.text.count("Traceback") == 1  # ...with its traceback
    assert "could not write" in caplog.text  # and what was lost is said
    assert sink.seconds() == saved_before  # nothing written after the bug


def test_a_bug_in_save_ends_the_worker_thread_with_one_stopped_notice(clock: FakeClock) -> None:
    sink = Sink()
    sink.fail = AttributeError("'NoneType' object has no attribute 'execute'")
    tracker = TrackerService(ScriptedPlatform(worker_probe(clock, [(0, XTERM)])), sink, clock)
    heard: list[TrackerNotice] = []
    tracker.notices.subscribe(heard.append)
    thread = tracker.start()
    thread.join(30)
    assert not thread.is_alive()
    assert [n.kind for n in heard] == ["stopped"]  # not restarted: it would fail the same way
    assert "AttributeError" in heard[0].message
    assert "report this bug" in heard[0].message
    assert sink.attempts == 2


def test_storage_trouble_is_still_retried_at_every_sample(clock: FakeClock) -> None:
    sink = Sink()
    probe = FakeProbe.from_script([(0, XTERM)], clock)
    tracker = TrackerService(ScriptedPlatform(probe), sink, clock)
    sink.fail = sqlite3.OperationalError("database or disk is full")
    tracker.run(duration=30)
    assert tracker.failure is None
    assert sink.attempts >= 25
    sink.fail = None
    tracker.shutdown()
    assert sink.seconds() == 30.0


def test_an_injected_predicate_decides_what_storage_trouble_is(clock: FakeClock) -> None:
    sink = Sink()
    probe = FakeProbe.from_script([(0, XTERM)], clock)
    tracker = TrackerService(
        ScriptedPlatform(probe), sink, clock, storage_error=lambda e: isinstance(e, ValueError)
    )
    sink.fail = ValueError("the test's storage is away")
    tracker.run(duration=10)
    assert tracker.failure is None
    sink.fail = StorageUnavailable("disk full")  # not storage for this predicate
    with pytest.raises(TrackingFailed):
        tracker.run(duration=10)


@pytest.mark.parametrize(
    ("error", "storage"),
    [
        (sqlite3.OperationalError("database is locked"), True),
        (sqlite3.DatabaseError("database disk image is malformed"), True),
        (OSError(28, "No space left on device"), True),
        (StorageUnavailable("Could not save usage to the database: disk I/O error."), True),
        (sa_exc.OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error")), True),
        (sa_exc.DatabaseError("INSERT", {}, sqlite3.DatabaseError("malformed")), True),
        (sa_exc.TimeoutError("QueuePool limit reached"), True),
        (TypeError("unsupported operand"), False),
        (KeyError("app"), False),
        (AttributeError("no attribute 'execute'"), False),
        (sa_exc.InvalidRequestError("This session is in 'prepared' state"), False),
        (sa_exc.ArgumentError("bad column"), False),
    ],
)
def test_storage_errors_are_told_from_bugs(error: BaseException, storage: bool) -> None:
    assert is_storage_error(error) is storage


# -- the relay ------------------------------------------------------------------------------


def test_notices_before_anyone_listens_reach_the_first_listener() -> None:
    relay = NoticeRelay()
    relay.set_aside("moved aside to X")
    heard: list[TrackerNotice] = []
    relay.subscribe(heard.append)
    relay.post(TrackerNotice("stopped", "Tracking stopped", "quit and start again"))
    assert [(n.kind, n.title) for n in heard] == [
        ("set_aside", "Database was damaged"), ("stopped", "Tracking stopped")]
    assert relay.posted == heard


def test_a_listener_that_raises_does_not_silence_the_others(
    caplog: pytest.LogCaptureFixture,
) -> None:
    relay = NoticeRelay()
    heard: list[str] = []

    def broken(notice: TrackerNotice) -> None:
        raise RuntimeError("listener bug")

    relay.subscribe(broken)
    relay.subscribe(lambda n: heard.append(n.kind))
    relay.post(TrackerNotice("restarted", "t", "m"))
    assert heard == ["restarted"]
    assert "could not pass on the notice" in caplog.text


def test_the_relay_is_safe_from_many_threads() -> None:
    relay = NoticeRelay()
    heard: list[TrackerNotice] = []
    lock = threading.Lock()

    def listen(notice: TrackerNotice) -> None:
        with lock:
            heard.append(notice)

    def post_many() -> None:
        for _ in range(200):
            relay.post(TrackerNotice("restarted", "t", "m"))

    threads = [threading.Thread(target=post_many) for _ in range(4)]
    for t in threads:
        t.start()
    relay.subscribe(listen)
    for t in threads:
        t.join()
    assert len(heard) == len(relay.posted) == 800
