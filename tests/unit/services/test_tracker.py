"""TrackerService on a scripted platform and a FakeClock, writing through a real UsageWriter.

The loop runs in simulated time: ``FakeProbe.wait_for_change`` advances the
FakeClock, and a ``sleep`` hook lets a test act at a given script second
(pause, break the storage, look into the database mid-run).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.storage.helpers import seconds_by_app
from wellbeing.core.activity import Interval
from wellbeing.core.clock import FakeClock
from wellbeing.errors import StorageUnavailable, Unavailable
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.platform.session import NeverLocked
from wellbeing.services.tracker import IntervalSink, TrackerService, TrackerSettings
from wellbeing.storage.db import Database
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter

XTERM = WindowInfo("xterm", "XTerm", "bash")
FIREFOX = WindowInfo("firefox", "Firefox", "Mozilla Firefox")
XCALC = WindowInfo("xcalc", "XCalc", "Calculator")

Hook = Callable[[float], None]


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(None, Paths(data_dir), clock=clock)
    yield database
    database.close()


@pytest.fixture
def writer(db: Database) -> UsageWriter:
    return UsageWriter(db, db.device_id("test", "linux"))


class Script:
    """A scripted platform whose simulated sleeps call hooks at chosen script seconds."""

    def __init__(self, clock: FakeClock, steps: Sequence[object]) -> None:
        self.clock = clock
        self.start = clock.monotonic
        self.hooks: list[tuple[float, Hook]] = []
        self.probe = FakeProbe.from_script(steps, clock, sleep=self._sleep)
        self.platform = ScriptedPlatform(self.probe)
        self.sleeps = 0

    def at(self, second: float, hook: Hook) -> None:
        """Run ``hook(second)`` once the script clock reaches ``second``."""
        self.hooks.append((second, hook))

    def elapsed(self) -> float:
        return self.clock.monotonic - self.start

    def _sleep(self, seconds: float) -> None:
        self.sleeps += 1
        self.clock.advance(seconds)
        due = [h for h in self.hooks if h[0] <= self.elapsed()]
        self.hooks = [h for h in self.hooks if h[0] > self.elapsed()]
        for second, hook in due:
            hook(second)


def make_tracker(
    script: Script,
    sink: IntervalSink,
    clock: FakeClock,
    *,
    poll: float = 1.0,
    idle_after_seconds: float = 180.0,
) -> TrackerService:
    settings = TrackerSettings(poll_seconds=poll, idle_after_seconds=idle_after_seconds)
    return TrackerService(script.platform, sink, clock, settings)


def local_day(clock: FakeClock) -> date:
    """The local date (offset 0, day starting 04:00) of the clock now."""
    return (datetime.fromtimestamp(clock.wall, UTC) - timedelta(hours=4)).date()


def stored_seconds(db: Database, day: date) -> dict[str, float]:
    """Seconds per app key from the intervals, checked against the daily roll-up."""
    from_intervals = seconds_by_app(db)
    report = UsageQueries(db, today=lambda: day).usage(day, day)
    assert {i.key: i.seconds for i in report.items} == from_intervals
    return from_intervals


class MemorySink:
    """Keeps what a writer would store: final pieces plus the latest running pieces."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.finished: list[Interval] = []
        self.running: list[Interval] = []
        self.saves: list[float] = []
        self.fail: BaseException | None = None
        self.attempts = 0

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        self.attempts += 1
        if self.fail is not None:
            raise self.fail
        self.saves.append(self.clock.monotonic)
        self.finished.extend(finished)
        self.running = list(running)

    def seconds(self) -> dict[str, float]:
        out: defaultdict[str, float] = defaultdict(float)
        for piece in (*self.finished, *self.running):
            out[piece.focus.app_key] += piece.seconds
        return dict(out)


# -- totals -----------------------------------------------------------------------------------


def test_a_scripted_session_is_stored_to_the_second(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    day = local_day(clock)
    script = Script(
        clock,
        [
            (0, FIREFOX),
            (30, XTERM),
            (45.5, None),  # nothing focused: not counted
            (50, FIREFOX),
            (70, XCALC, 0.0),  # idle from 70: counts until idle_after, then cut back to 70
            (260, XCALC),  # input again
            (300, XTERM),
        ],
    )
    tracker = make_tracker(script, writer, clock, idle_after_seconds=120.0)
    tracker.run(duration=310)
    assert stored_seconds(db, day) == {"firefox": 50.0, "xterm": 25.5, "xcalc": 40.0}
    assert tracker.write_failures == 0


def test_stop_request_ends_the_loop_and_flushes_up_to_now(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    script = Script(clock, [(0, XTERM)])
    tracker = make_tracker(script, writer, clock)
    script.at(12, lambda _: tracker.request_stop())
    tracker.run()
    assert stored_seconds(db, local_day(clock)) == {"xterm": 12.0}


def test_use_ends_when_the_stop_was_requested_not_when_the_loop_noticed(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    script = Script(clock, [(0, XTERM)])
    tracker = make_tracker(script, writer, clock)

    def stop_during_the_wait(_: float) -> None:
        tracker.request_stop()  # e.g. SIGTERM while the probe waits for a change
        clock.advance(0.7)  # the wait goes on until its timeout

    script.at(12, stop_during_the_wait)
    tracker.run()
    assert stored_seconds(db, local_day(clock)) == {"xterm": 12.0}


# -- flush cadence ----------------------------------------------------------------------------


def test_the_running_interval_on_disk_is_never_more_than_five_seconds_old(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    day = local_day(clock)
    script = Script(clock, [(0, XTERM)])
    behind: list[float] = []
    for second in range(1, 60):
        script.at(second, lambda s: behind.append(s - stored_seconds(db, day).get("xterm", 0.0)))
    tracker = make_tracker(script, writer, clock)
    tracker.run(duration=60)
    assert len(behind) == 59
    assert max(behind) <= 5.0
    assert min(behind) >= 0.0


@pytest.mark.parametrize("poll", [0.5, 1.0, 2.0, 5.0])
def test_flushes_come_at_least_every_five_seconds_but_not_every_sample(
    clock: FakeClock, poll: float
) -> None:
    script = Script(clock, [(0, XTERM)])
    sink = MemorySink(clock)
    tracker = make_tracker(script, sink, clock, poll=poll)
    tracker.run(duration=120)
    gaps = [b - a for a, b in zip(sink.saves, sink.saves[1:], strict=False)]
    assert max(gaps) <= 5.0
    if poll < 5.0:
        assert len(sink.saves) < tracker.samples  # the running interval is not rewritten each time
        assert len(sink.saves) <= 120 / (5.0 - poll) + 2
    assert sink.seconds() == {"xterm": 120.0}


def test_switches_wait_for_the_next_due_flush(clock: FakeClock) -> None:
    """Many switches, few writes: finished intervals ride along with the periodic flush."""
    steps = [(t, XTERM if t % 2 == 0 else FIREFOX) for t in range(0, 20)]
    script = Script(clock, steps)
    sink = MemorySink(clock)
    tracker = make_tracker(script, sink, clock)
    tracker.run(duration=20)
    assert len(sink.finished) >= 19  # every switch ended an interval ...
    assert len(sink.saves) <= 20 / 4 + 2  # ... but writes came every ~4 s, plus the last
    gaps = [b - a for a, b in zip(sink.saves, sink.saves[1:], strict=False)]
    assert max(gaps) <= 5.0  # never more than 5 s of use at risk
    finished_at = {p.focus.app_key: p.end_ms for p in sink.finished}
    assert finished_at["xterm"] == pytest.approx((clock.wall - 1) * 1000)


# -- pause and resume -------------------------------------------------------------------------


def test_paused_until_reports_running_timed_and_indefinite(clock: FakeClock) -> None:
    tracker = make_tracker(Script(clock, [(0, XTERM)]), MemorySink(clock), clock)
    assert tracker.paused_until() is None
    tracker.pause(None)
    assert tracker.paused_until() == float("inf")
    assert tracker.is_paused()
    tracker.resume()
    assert tracker.paused_until() is None
    assert not tracker.is_paused()
    until = clock.wall + 30
    tracker.pause(until)
    assert tracker.paused_until() == until
    clock.advance(29.9)
    assert tracker.paused_until() == until
    clock.advance(0.1)
    assert tracker.paused_until() is None  # the timed pause ended by itself
    assert not tracker.is_paused()


def test_paused_time_is_not_counted_and_a_timed_pause_ends_by_itself(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    script = Script(clock, [(0, XTERM)])
    tracker = make_tracker(script, writer, clock)
    script.at(10, lambda _: tracker.pause(clock.wall + 20))
    tracker.run(duration=60)
    assert stored_seconds(db, local_day(clock)) == {"xterm": 40.0}


def test_an_indefinite_pause_lasts_until_resumed(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    script = Script(clock, [(0, XTERM), (20, FIREFOX)])
    tracker = make_tracker(script, writer, clock)
    script.at(10, lambda _: tracker.pause(None))
    script.at(35, lambda _: tracker.resume())
    tracker.run(duration=50)
    assert stored_seconds(db, local_day(clock)) == {"xterm": 10.0, "firefox": 15.0}


# -- storage failures -------------------------------------------------------------------------


class FlakyWriter:
    """A real writer that fails while ``broken`` is set, like a full disk would."""

    def __init__(self, writer: UsageWriter) -> None:
        self.writer = writer
        self.broken = False
        self.failed = 0

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        if self.broken:
            self.failed += 1
            raise StorageUnavailable("Could not save usage to the database: disk I/O error.")
        self.writer.save(finished, running)


def test_a_storage_failure_keeps_tracking_and_loses_nothing(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    script = Script(clock, [(0, XTERM), (15, FIREFOX), (20, XCALC), (25, XTERM)])
    flaky = FlakyWriter(writer)
    tracker = make_tracker(script, flaky, clock)
    script.at(10, lambda _: setattr(flaky, "broken", True))
    mid: dict[str, float] = {}

    def repair(_: float) -> None:
        mid.update(stored_seconds(db, local_day(clock)))
        mid["pending"] = tracker.pending
        flaky.broken = False

    script.at(40, repair)
    tracker.run(duration=50)
    assert mid == {"xterm": 8.0, "pending": 3}  # the flush at 8 s, then nothing got in
    assert flaky.failed >= 25  # retried at (nearly) every sample while broken
    assert tracker.write_failures == flaky.failed
    assert tracker.pending == 0
    assert stored_seconds(db, local_day(clock)) == {"xterm": 40.0, "firefox": 5.0, "xcalc": 5.0}


def test_a_failing_final_flush_is_reported_not_raised(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    sink = MemorySink(clock)
    tracker = make_tracker(Script(clock, [(0, XTERM), (5, FIREFOX)]), sink, clock)
    sink.fail = StorageUnavailable("disk full")
    tracker.run(duration=10)
    assert tracker.pending == 2
    assert "could not write 2 intervals before stopping" in caplog.text


# -- recovery hook ----------------------------------------------------------------------------


def test_a_recovered_sink_receives_the_pending_and_running_intervals(clock: FakeClock) -> None:
    script = Script(clock, [(0, XTERM), (12, FIREFOX), (14, XTERM)])
    broken, fresh = MemorySink(clock), MemorySink(clock)
    errors: list[Exception] = []
    offer: list[IntervalSink | None] = [None]

    def recover(error: Exception) -> IntervalSink | None:
        errors.append(error)
        return offer[0]

    tracker = TrackerService(script.platform, broken, clock, recover=recover)
    script.at(10, lambda _: setattr(broken, "fail", StorageUnavailable("malformed")))
    script.at(18, lambda _: offer.__setitem__(0, fresh))
    tracker.run(duration=30)
    assert tracker.sink is fresh
    assert tracker.recoveries == 1
    assert len(errors) == tracker.write_failures >= 5
    assert all(isinstance(e, StorageUnavailable) for e in errors)
    assert broken.seconds()["xterm"] <= 10.0  # what the broken sink got before
    assert fresh.seconds() == {"xterm": 28.0, "firefox": 2.0}  # the rest, nothing lost
    assert fresh.saves[0] == script.start + 18  # re-written as soon as recovery offered it


def test_a_recovery_that_raises_is_logged_and_tracking_goes_on(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    sink = MemorySink(clock)

    def recover(error: Exception) -> IntervalSink | None:
        raise RuntimeError("recovery bug")

    tracker = TrackerService(Script(clock, [(0, XTERM)]).platform, sink, clock, recover=recover)
    sink.fail = StorageUnavailable("disk full")
    tracker.run(duration=5)
    assert "storage recovery failed" in caplog.text
    assert tracker.samples == 6
    sink.fail = None
    tracker.shutdown()
    assert tracker.pending == 0


# -- the platform going away ------------------------------------------------------------------


class VanishingProbe(FakeProbe):
    """A probe whose X server goes away at script second ``gone_at``."""

    gone_at = 20.0

    def active_window(self) -> WindowInfo | None:
        if self.elapsed() >= self.gone_at:
            raise Unavailable("lost the connection to the X server on :99")
        return super().active_window()


def test_losing_the_platform_ends_the_interval_at_the_last_sample_flushes_and_raises(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    probe = VanishingProbe.from_script([(0, XTERM), (10, FIREFOX)], clock)
    tracker = TrackerService(ScriptedPlatform(probe), writer, clock)
    with pytest.raises(Unavailable, match="X server"):
        tracker.run(duration=60)
    assert tracker.pending == 0
    assert tracker.activity.running() == []
    assert stored_seconds(db, local_day(clock)) == {"xterm": 10.0, "firefox": 9.0}


def test_a_worker_thread_stops_cleanly_and_flushes(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    start = clock.monotonic

    def sleep(seconds: float) -> None:  # only the worker thread moves the clock
        clock.advance(seconds)
        time.sleep(0.001)

    probe = FakeProbe.from_script([(0, XTERM)], clock, sleep=sleep)
    tracker = TrackerService(ScriptedPlatform(probe), writer, clock)
    thread = tracker.start()
    deadline = time.monotonic() + 30
    while clock.monotonic - start < 7 and time.monotonic() < deadline:
        time.sleep(0.01)
    tracker.stop()
    assert not thread.is_alive()
    elapsed = clock.monotonic - start
    stored = stored_seconds(db, local_day(clock))
    assert set(stored) == {"xterm"}
    assert 7 <= stored["xterm"] <= elapsed  # up to the stop request


# -- an event-driven backend ------------------------------------------------------------------


class EventedProbe(FakeProbe):
    """A scripted probe that, like X11's, wakes the loop on every change of what it reports."""

    reports_changes = True

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.wakes = 0

    def wake(self) -> None:
        self.wakes += 1


def evented(script: Script) -> Script:
    """The same script on an :class:`EventedProbe`."""
    probe = EventedProbe(script.probe._steps, script.clock, sleep=script._sleep)
    script.probe = probe
    script.platform = ScriptedPlatform(probe)
    return script


def test_an_event_driven_backend_is_sampled_at_changes_and_flushes_not_every_second(
    clock: FakeClock,
) -> None:
    script = evented(Script(clock, [(0, XTERM), (31.5, FIREFOX), (60.2, XTERM)]))
    sink = MemorySink(clock)
    tracker = make_tracker(script, sink, clock)
    assert tracker.event_driven
    tracker.run(duration=120)
    assert sink.seconds() == pytest.approx({"xterm": 91.3, "firefox": 28.7}, abs=0.001)
    gaps = [b - a for a, b in zip(sink.saves, sink.saves[1:], strict=False)]
    assert max(gaps) <= 5.0  # still never more than 5 s at risk
    assert tracker.samples <= 120 / 4.75 + 2 + 2  # the flushes, the two switches, the ends
    assert tracker.idle_reader.reads <= 2


def test_an_event_driven_backend_keeps_the_scripted_session_to_the_second(
    clock: FakeClock, db: Database, writer: UsageWriter
) -> None:
    """Idle is noticed in time without polling: read when it could matter, every poll after."""
    day = local_day(clock)
    script = evented(
        Script(
            clock,
            [
                (0, FIREFOX),
                (30, XTERM),
                (45.5, None),
                (50, FIREFOX),
                (70, XCALC, 0.0),  # idle from 70
                (260, XCALC),  # input again
                (300, XTERM),
            ],
        )
    )
    tracker = make_tracker(script, writer, clock, idle_after_seconds=120.0)
    tracker.run(duration=310)
    assert stored_seconds(db, day) == {"firefox": 50.0, "xterm": 25.5, "xcalc": 40.0}
    assert tracker.samples < 310 / 2  # polled: 311


def test_an_event_driven_backend_polls_while_storage_fails(clock: FakeClock) -> None:
    script = evented(Script(clock, [(0, XTERM)]))
    sink = MemorySink(clock)
    tracker = make_tracker(script, sink, clock)
    script.at(10, lambda _: setattr(sink, "fail", StorageUnavailable("disk full")))
    script.at(40, lambda _: setattr(sink, "fail", None))
    tracker.run(duration=60)
    assert tracker.write_failures >= 25  # retried at every poll while broken (from ~14 s)
    assert sink.seconds() == {"xterm": 60.0}


def test_pause_resume_and_stop_cut_an_event_driven_wait_short(clock: FakeClock) -> None:
    script = evented(Script(clock, [(0, XTERM)]))
    tracker = make_tracker(script, MemorySink(clock), clock)
    probe = script.probe
    assert isinstance(probe, EventedProbe)
    tracker.pause(None)
    tracker.resume()
    tracker.request_stop()
    assert probe.wakes == 3


def test_a_polled_lock_state_keeps_the_loop_polling(clock: FakeClock) -> None:
    """A lock probe that must be asked (logind) means a sample every poll, events or not."""
    script = evented(Script(clock, [(0, XTERM)]))
    platform = script.platform
    lock = FakeProbe.from_script([(0, XTERM)], clock)  # reports_changes is False
    platform.session = lock
    tracker = make_tracker(script, MemorySink(clock), clock)
    assert not tracker.event_driven
    tracker.run(duration=20)
    assert tracker.samples == 21


class SignalledLock:
    """A lock probe with a descriptor, like LogindSession; ``lose()`` drops the descriptor."""

    name = "signalled"
    reports_changes = True

    def __init__(self) -> None:
        self.fd: int | None = 42
        self.reads = 0

    def fileno(self) -> int | None:
        return self.fd

    def is_locked(self) -> bool:
        self.reads += 1
        return False

    def close(self) -> None:
        pass


class WatchingProbe(EventedProbe):
    """An evented probe that records which descriptors its wait is told to watch."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.watched: list[int] = []

    def watch_fd(self, fd: int) -> None:
        self.watched.append(fd)

    def unwatch_fd(self, fd: int) -> None:
        self.watched.remove(fd)


def watching(script: Script) -> tuple[Script, WatchingProbe, SignalledLock]:
    """The same script on a :class:`WatchingProbe`, with a :class:`SignalledLock` session."""
    probe = WatchingProbe(script.probe._steps, script.clock, sleep=script._sleep)
    script.probe = probe
    script.platform = ScriptedPlatform(probe)
    lock = SignalledLock()
    script.platform.session = lock
    return script, probe, lock


def test_a_lock_probe_that_never_changes_keeps_the_loop_event_driven(clock: FakeClock) -> None:
    script = evented(Script(clock, [(0, XTERM)]))
    script.platform.session = NeverLocked()
    tracker = make_tracker(script, MemorySink(clock), clock)
    assert tracker.event_driven
    assert tracker.watched_fd is None


def test_a_signalled_lock_probe_is_watched_by_the_wait(clock: FakeClock) -> None:
    script, probe, lock = watching(Script(clock, [(0, XTERM)]))
    tracker = make_tracker(script, MemorySink(clock), clock)
    assert tracker.event_driven
    assert probe.watched == [42]
    tracker.run(duration=30)
    assert tracker.samples < 30 / 2  # not polled
    assert lock.reads == tracker.samples


def test_a_paused_tracker_still_reads_the_lock_probe_that_woke_it(clock: FakeClock) -> None:
    script, probe, lock = watching(Script(clock, [(0, XTERM)]))
    tracker = make_tracker(script, MemorySink(clock), clock)
    tracker.pause(None)
    tracker.step()
    assert lock.reads == 1  # else its descriptor stays readable and every wait returns at once


def test_the_descriptor_is_unwatched_once_the_lock_probe_loses_it(clock: FakeClock) -> None:
    script, probe, lock = watching(Script(clock, [(0, XTERM)]))
    tracker = make_tracker(script, MemorySink(clock), clock)
    tracker.step()
    assert probe.watched == [42]
    lock.fd = None  # its bus went away
    tracker.step()
    assert probe.watched == []
    assert tracker.watched_fd is None
    assert tracker.event_driven  # nothing will change any more: no need to poll


def test_a_lock_descriptor_the_wait_cannot_watch_means_polling(clock: FakeClock) -> None:
    script = evented(Script(clock, [(0, XTERM)]))  # EventedProbe has no watch_fd
    script.platform.session = SignalledLock()
    tracker = make_tracker(script, MemorySink(clock), clock)
    assert not tracker.event_driven
    assert tracker.watched_fd is None


# -- the sample observer (the limit enforcer's hook) ---------------------------------------


class _Observer:
    """Asks to be woken ``every`` seconds; raises once when ``fail`` is set."""

    def __init__(self, clock: FakeClock, every: float | None, fail: bool = False) -> None:
        self.clock = clock
        self.every = every
        self.fail = fail
        self.calls: list[tuple[float, str | None, int]] = []

    def observe(
        self,
        now: object,
        window: WindowInfo | None,
        focus: object,
        finished: Sequence[Interval],
        running: Sequence[Interval],
    ) -> float | None:
        self.calls.append((self.clock.monotonic, window.app_key if window else None, len(running)))
        if self.fail:
            self.fail = False
            raise RuntimeError("a bug in the observer")
        return self.every


class _EventProbe(FakeProbe):
    reports_changes = True


class _QuietSession:
    name = "never locked (events)"
    reports_changes = True

    def is_locked(self) -> bool:
        return False

    def close(self) -> None:
        pass


def _event_driven(clock: FakeClock, steps: Sequence[object], observer: object) -> TrackerService:
    probe = _EventProbe.from_script(steps, clock)
    platform = ScriptedPlatform(probe)
    platform.session = _QuietSession()
    return TrackerService(
        platform, MemorySink(clock), clock, TrackerSettings(), observer=observer  # type: ignore[arg-type]
    )


def test_the_observer_sees_every_sample_with_the_window(clock: FakeClock) -> None:
    observer = _Observer(clock, every=None)
    tracker = _event_driven(clock, [(0, FIREFOX), (10, XTERM)], observer)
    tracker.run(duration=20)
    assert len(observer.calls) == tracker.samples
    assert {app for _, app, _ in observer.calls} == {"firefox", "xterm"}


def test_an_event_driven_loop_wakes_when_the_observer_asks(clock: FakeClock) -> None:
    quiet = _Observer(clock, every=None)
    _event_driven(clock, [(0, FIREFOX)], quiet).run(duration=60)
    eager = _Observer(clock, every=0.5)
    clock.advance(1)
    start = clock.monotonic
    _event_driven(clock, [(0, FIREFOX)], eager).run(duration=60)
    # without a wish the loop wakes only to write (about every 4.75 s); with one, every 0.5 s
    assert len(quiet.calls) < 20
    assert len(eager.calls) >= 100
    gaps = [b[0] - a[0] for a, b in zip(eager.calls, eager.calls[1:], strict=False)]
    assert max(gaps) <= 0.5 + 1e-6
    assert eager.calls[0][0] == pytest.approx(start)


def test_a_failing_observer_never_stops_tracking(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    observer = _Observer(clock, every=1.0, fail=True)
    sink = MemorySink(clock)
    tracker = TrackerService(
        ScriptedPlatform(FakeProbe.from_script([(0, FIREFOX)], clock)),
        sink,
        clock,
        TrackerSettings(),
        observer=observer,  # type: ignore[arg-type]
    )
    tracker.run(duration=30)
    assert sink.seconds()["firefox"] == pytest.approx(30, abs=0.01)
    assert len(observer.calls) > 20
    assert "enforcing limits failed" in caplog.text
