from __future__ import annotations

import sys
import time

from wellbeing.platform.system_clock import SystemClock


def test_reads_all_clocks() -> None:
    clock = SystemClock()
    before = time.time()
    first = clock.now()
    second = clock.now()
    assert before <= first.wall <= second.wall
    assert first.monotonic <= second.monotonic
    assert first.boot <= second.boot
    assert first.utc_offset_min * 60 == time.localtime(first.wall).tm_gmtoff


def test_boot_time_runs_at_least_as_far_as_monotonic_on_linux() -> None:
    clock = SystemClock()
    now = clock.now()
    if sys.platform.startswith("linux"):
        assert clock.has_boottime
        assert now.boot >= now.monotonic  # boottime = monotonic + time suspended
    else:
        assert not clock.has_boottime
