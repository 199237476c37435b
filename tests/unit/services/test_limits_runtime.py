"""LimitsRuntime: the enforcer, the notifier chain and the timed jobs wired as ``track`` does."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.unit.services.limit_fakes import MemoryLimitStore
from tests.unit.services.test_enforcer import FIREFOX, _classify, daily
from wellbeing.config import Config
from wellbeing.core.activity import Interval
from wellbeing.core.clock import FakeClock
from wellbeing.core.downtime import Downtime
from wellbeing.core.limits import Limit, LimitTarget
from wellbeing.paths import Paths
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.services.limits_runtime import attach_limits
from wellbeing.services.notifier import FakeNotifier
from wellbeing.services.tracker import TrackerService, TrackerSettings


class _NullSink:
    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        pass


def _tracker(clock: FakeClock) -> TrackerService:
    probe = FakeProbe.from_script([(0, FIREFOX)], clock)
    return TrackerService(
        ScriptedPlatform(probe), _NullSink(), clock, TrackerSettings(), classify=_classify
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(wall=1_780_308_000.0)  # Monday 2026-06-01 10:00 UTC


def test_track_wires_the_enforcer_and_a_notification_button_snoozes(
    clock: FakeClock, tmp_path: Path
) -> None:
    store = MemoryLimitStore()
    store.save_limit(
        Limit(LimitTarget("app", "firefox"), daily(60), mode="nag", warn_before_seconds=0)
    )
    tracker = _tracker(clock)
    runtime = attach_limits(tracker, store, Config(), Paths(tmp_path), fake=True)
    try:
        assert tracker.observer is runtime
        tracker.run(duration=70)
        (fake,) = [n for n in runtime.notifier.notifiers if isinstance(n, FakeNotifier)]
        reached = [n for n in fake.notices if n.title.startswith("Time's up")]
        assert len(reached) == 1
        # without a screen, the notice offers the snooze as a button
        assert reached[0].actions == (("snooze", "15 more minutes (2 left)"),)
        fake.fire(reached[0].key, "snooze")
        tracker.run(duration=5)
        assert store.kinds().count("snoozed") == 1
    finally:
        runtime.close()


def test_the_jobs_run_on_the_trackers_deadline_and_follow_downtime(
    clock: FakeClock, tmp_path: Path
) -> None:
    store = MemoryLimitStore()
    tracker = _tracker(clock)
    runtime = attach_limits(tracker, store, Config(), Paths(tmp_path), fake=True)
    try:
        assert runtime.runs_jobs
        assert {"daily-backup", "day-rollover"} <= set(runtime.scheduler.job_ids())
        assert "downtime-start" not in runtime.scheduler.job_ids()
        store.save_downtime(Downtime(23 * 60, 7 * 60))
        tracker.run(duration=5)  # the enforcer re-reads the store; the jobs follow
        assert {"downtime-start", "downtime-end"} <= set(runtime.scheduler.job_ids())
    finally:
        runtime.close()
