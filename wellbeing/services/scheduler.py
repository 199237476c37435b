"""Timed jobs: the day rollover, the weekly summary, downtime start and end, the daily backup.

:class:`JobScheduler` keeps them on a :class:`DeadlineRunner`, which is not a
thread and imports no scheduling library: whoever drives it asks
:meth:`JobScheduler.seconds_until_next_job` how long it may wait at most and
calls :meth:`JobScheduler.run_due` after each wait. Two drivers:

- the headless ``wellbeing track``: the tracker loop, which wakes every few
  seconds to write anyway, so the jobs cost no extra wake-ups; jobs run in the
  tracker's thread;
- the tray app: a single-shot Qt timer on the GUI thread
  (:mod:`wellbeing.ui.job_timer`), armed for the next job but never for more
  than :data:`WAKE_CHECK_SECONDS`; jobs run on the GUI thread, except those
  marked ``worker`` (the backup), handed to ``in_worker`` (a short-lived thread)
  so the window never waits for the disk.

The tray app used APScheduler's ``QtScheduler`` before (issue 9). Measured with
``benchmarks/scheduler_footprint.py`` (VmRSS from ``/proc/self/status`` after
importing and starting the five jobs, Python 3.11, Debian 12, median of 5): the
runner adds 0.4 MiB and 11 ms of imports, a started APScheduler scheduler
8.3 MiB and 130 ms (``apscheduler`` imports ``importlib.metadata`` and
``asyncio``, which imports ``ssl``, before any scheduler exists). In the tray
app it was 9 MiB of its 60 MiB budget (issue 11), so both drivers use the
runner and APScheduler is no longer imported anywhere.

The jobs follow :class:`~wellbeing.core.timetable.WeeklyTime` (``next_time``
and ``last_time``, DST-safe) in the system's time zone. A run missed several
times runs once (coalesced), within a grace chosen per job so that a laptop that
slept through 04:00 rolls over when it wakes: daily jobs always run late (their
grace is longer than a day), the weekly summary up to two days late, a downtime
start only while that downtime lasts. The runner reads the wall clock at every
call, so a suspend or a clock step is noticed at the next call; a timer does not
count time spent in suspend, hence the tray's :data:`WAKE_CHECK_SECONDS`.

Call the ``schedule_*`` methods from the thread that drives the runner. No Qt here.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Literal

from wellbeing.core.clock import Clock, Instant
from wellbeing.core.limits import Downtime
from wellbeing.core.timetable import ALL_DAYS, WeeklyTime, last_time, next_time
from wellbeing.paths import Paths
from wellbeing.platform.system_clock import local_zone

__all__ = [
    "BACKUP",
    "DAY_ROLLOVER",
    "DOWNTIME_END",
    "DOWNTIME_START",
    "WEEKLY_SUMMARY",
    "DeadlineRunner",
    "JobScheduler",
    "JobSpec",
]

log = logging.getLogger("wellbeing.scheduler")

Job = Callable[[], object]
Where = Literal["scheduler", "worker"]

DAY_ROLLOVER = "day-rollover"
WEEKLY_SUMMARY = "weekly-summary"
DOWNTIME_START = "downtime-start"
DOWNTIME_END = "downtime-end"
BACKUP = "daily-backup"

DAILY_GRACE_S = 26 * 3600
"""Longer than any local day (25 h at DST), so a missed daily job always runs (once)."""
WEEKLY_SUMMARY_GRACE_S = 2 * 86_400
"""A summary missed on Monday morning still comes until Wednesday morning."""
BACKUP_AFTER_DAY_START_MIN = 15
"""The backup runs this many minutes after the day starts (after the rollover)."""
WAKE_CHECK_SECONDS = 60
"""A driver whose timer stops in suspend (the tray's) reads the wall clock at least this often."""


@dataclass(frozen=True)
class JobSpec:
    """One timed job.

    Attributes:
        id: one of the job names above (a new spec with the same id replaces the old).
        when: the local times it runs at.
        run: what it does; an exception is logged and the job keeps its schedule.
        grace_seconds: a run missed (asleep, switched off) by more than this is skipped.
        where: ``scheduler``: the thread that drives the runner (the tracker's,
            or the tray's GUI thread); ``worker``: handed to the runner's
            ``in_worker`` when it has one (the tray app: a short-lived thread),
            else run like the others.
    """

    id: str
    when: WeeklyTime
    run: Job
    grace_seconds: int = DAILY_GRACE_S
    where: Where = "scheduler"


class DeadlineRunner:
    """Runs :class:`JobSpec` jobs when a loop that wakes anyway tells it the time.

    Not a thread: :meth:`run_due` runs what is due (coalesced, within its grace)
    in the caller's thread, or hands ``worker`` jobs to ``in_worker``, and
    :meth:`seconds_until_next_job` says how long the caller may sleep. Reading the
    wall clock at each call, it notices a suspend or a clock step at the next call.
    A call with nothing due costs one comparison.
    """

    def __init__(
        self, clock: Clock, zone: tzinfo, in_worker: Callable[[Job], None] | None = None
    ) -> None:
        self._clock = clock
        self._zone = zone
        self._in_worker = in_worker
        self._lock = threading.Lock()
        self._jobs: dict[str, tuple[JobSpec, float]] = {}  # id -> (spec, next wall time)
        self._earliest = math.inf
        self._last_wall = -math.inf
        self._stopped = False
        self.runs = 0

    def add(self, spec: JobSpec) -> None:
        wall = self._clock.now().wall
        with self._lock:
            self._jobs[spec.id] = (spec, self._next_after(spec, wall))
            self._update_earliest()

    def remove(self, job_id: str) -> bool:
        with self._lock:
            found = self._jobs.pop(job_id, None) is not None
            self._update_earliest()
        return found

    def next_run(self, job_id: str) -> datetime | None:
        entry = self._jobs.get(job_id)
        return None if entry is None else datetime.fromtimestamp(entry[1], UTC)

    def job_ids(self) -> list[str]:
        return sorted(self._jobs)

    def start(self) -> None:
        self._stopped = False

    def shutdown(self) -> None:
        self._stopped = True

    def seconds_until_next_job(self, now: Instant | None = None) -> float | None:
        """Seconds until the next job is due (0 if one is); None when there are no jobs."""
        if not self._jobs or self._stopped:
            return None
        wall = (now or self._clock.now()).wall
        return max(0.0, self._earliest - wall)

    def run_due(self, now: Instant | None = None) -> int:
        """Run every job that is due, oldest first; return how many ran."""
        if self._stopped:
            return 0
        wall = (now or self._clock.now()).wall
        if wall < self._last_wall - 1.0:  # the clock was set back: deadlines from now on
            with self._lock:
                for job_id, (spec, _) in list(self._jobs.items()):
                    self._jobs[job_id] = (spec, self._next_after(spec, wall))
                self._update_earliest()
        self._last_wall = wall
        if wall < self._earliest:
            return 0
        due: list[tuple[float, JobSpec]] = []
        moment = datetime.fromtimestamp(wall, UTC)
        with self._lock:
            for job_id, (spec, next_wall) in list(self._jobs.items()):
                if next_wall > wall:
                    continue
                latest = last_time(spec.when, moment, self._zone).timestamp()  # coalesce
                self._jobs[job_id] = (spec, self._next_after(spec, wall))
                if wall - latest <= spec.grace_seconds:
                    due.append((latest, spec))
                else:
                    log.info("job %s skipped: missed by %.0f s", spec.id, wall - latest)
            self._update_earliest()
        for _, spec in sorted(due, key=lambda item: item[0]):
            self.runs += 1
            if spec.where == "worker" and self._in_worker is not None:
                self._in_worker(_logged(spec))
            else:
                _logged(spec)()
        return len(due)

    def _next_after(self, spec: JobSpec, wall: float) -> float:
        return next_time(spec.when, datetime.fromtimestamp(wall, UTC), self._zone).timestamp()

    def _update_earliest(self) -> None:
        self._earliest = min((entry[1] for entry in self._jobs.values()), default=math.inf)


def _logged(spec: JobSpec) -> Callable[[], None]:
    """``spec.run``, with an exception logged instead of stopping whatever runs it."""

    def run() -> None:
        try:
            spec.run()
        except Exception:  # noqa: BLE001 - a job must never stop the loop that runs it
            log.exception("job %s failed", spec.id)

    return run


class JobScheduler:
    """The app's timed jobs on a :class:`DeadlineRunner` (see the module docstring).

    Args:
        clock: the clock the runner reads.
        zone: the time zone of the job times (default: the system's).
        in_worker: runs a ``worker`` job elsewhere (the tray app: in a thread);
            None runs it in the driving thread, like the others.
    """

    def __init__(
        self,
        *,
        clock: Clock,
        zone: tzinfo | None = None,
        in_worker: Callable[[Job], None] | None = None,
    ) -> None:
        self.clock = clock
        self.zone = zone if zone is not None else local_zone()
        self._backend = DeadlineRunner(clock, self.zone, in_worker)
        self._downtime: Downtime | None = None
        self._downtime_calls: tuple[Job, Job] | None = None

    # -- running ---------------------------------------------------------------------------

    def start(self) -> None:
        self._backend.start()

    def shutdown(self) -> None:
        """Stop running jobs; a job running in a worker finishes on its own."""
        self._backend.shutdown()

    def run_due(self, now: Instant | None = None) -> int:
        """Run what is due now (call after every wait); return how many ran."""
        return self._backend.run_due(now)

    def seconds_until_next_job(self, now: Instant | None = None) -> float | None:
        """Seconds until the next job (0: one is due), or None without jobs (or stopped)."""
        return self._backend.seconds_until_next_job(now)

    def job_ids(self) -> list[str]:
        return self._backend.job_ids()

    def next_run(self, job_id: str) -> datetime | None:
        """When ``job_id`` runs next (UTC), or None if it is not scheduled."""
        return self._backend.next_run(job_id)

    # -- the jobs ------------------------------------------------------------------------

    def add(self, spec: JobSpec) -> None:
        """Any timed job (one with the same id is replaced); the methods below build on it."""
        self._backend.add(spec)

    def schedule_day_rollover(self, callback: Job, day_start_hour: int) -> None:
        """``callback`` at the start of every tracking day (``day_start_hour``:00 local)."""
        self._backend.add(JobSpec(DAY_ROLLOVER, WeeklyTime(day_start_hour), callback))

    def schedule_weekly_summary(self, callback: Job, when: WeeklyTime | None) -> None:
        """``callback`` at ``when`` each week (None: no weekly summary)."""
        if when is None:
            self._backend.remove(WEEKLY_SUMMARY)
            return
        self._backend.add(
            JobSpec(WEEKLY_SUMMARY, when, callback, grace_seconds=WEEKLY_SUMMARY_GRACE_S)
        )

    def schedule_backup(self, callback: Job, day_start_hour: int) -> None:
        """``callback`` daily, :data:`BACKUP_AFTER_DAY_START_MIN` after the day starts."""
        when = WeeklyTime(day_start_hour, BACKUP_AFTER_DAY_START_MIN)
        self._backend.add(JobSpec(BACKUP, when, callback, where="worker"))

    def schedule_daily_backup(
        self, paths: Paths, url: str | None, day_start_hour: int, keep: int = 7
    ) -> None:
        """The daily SQLite backup of the database in use (skipped, logged, for others);
        the newest ``keep`` are kept."""
        from wellbeing.storage.backup import daily_backup

        def backup() -> None:
            today = datetime.fromtimestamp(self.clock.now().wall, self.zone).date()
            daily_backup(paths, url, today, keep=keep)

        self.schedule_backup(backup, day_start_hour)

    def schedule_downtime(
        self, downtime: Downtime | None, on_start: Job, on_end: Job
    ) -> None:
        """``on_start`` / ``on_end`` when ``downtime`` begins and ends (None or disabled: never)."""
        self._downtime_calls = (on_start, on_end)
        self._downtime = None
        self.reschedule_downtime(downtime)

    def reschedule_downtime(self, downtime: Downtime | None) -> None:
        """Move the downtime jobs to a changed ``downtime``, keeping the callbacks."""
        if self._downtime_calls is None:
            raise RuntimeError("schedule_downtime() first")
        if downtime == self._downtime and self._backend.next_run(DOWNTIME_END) is not None:
            return
        self._downtime = downtime
        times = downtime_times(downtime)
        if times is None:
            self._backend.remove(DOWNTIME_START)
            self._backend.remove(DOWNTIME_END)
            return
        start, end, length_s = times
        on_start, on_end = self._downtime_calls
        self._backend.add(JobSpec(DOWNTIME_START, start, on_start, grace_seconds=length_s))
        self._backend.add(JobSpec(DOWNTIME_END, end, on_end))


def downtime_times(downtime: Downtime | None) -> tuple[WeeklyTime, WeeklyTime, int] | None:
    """When a downtime starts and ends each week, and how long it lasts (s); None if never.

    ``weekdays`` are the days it starts on; an end at or before the start is the
    next morning. A downtime that starts and ends at the same minute has no length
    and is never scheduled.
    """
    if downtime is None or not downtime.enabled or not downtime.weekdays:
        return None
    start_min, end_min = downtime.start_minute % 1440, downtime.end_minute % 1440
    if start_min == end_min:
        return None
    days = frozenset(downtime.weekdays) & ALL_DAYS
    end_days = days if end_min > start_min else frozenset((d + 1) % 7 for d in days)
    start = WeeklyTime(start_min // 60, start_min % 60, days)
    end = WeeklyTime(end_min // 60, end_min % 60, end_days)
    length_s = ((end_min - start_min) % 1440) * 60
    return start, end, length_s
