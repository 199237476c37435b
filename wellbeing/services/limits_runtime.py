"""Limits at run time: the enforcer, the notifier chain, the timed jobs and quiet mode, wired.

Both ways of tracking use this. :class:`LimitsRuntime` is the tracker's
sample observer: it hands each sample to the
:class:`~wellbeing.services.enforcer.LimitEnforcer` and, when the jobs run on
the tracker's own deadline (the headless ``wellbeing track``), runs the jobs
that are due and asks the tracker to wake for the next one. In the tray app
(``tracker_runs_jobs=False``) a timer on the GUI thread drives the same
:class:`~wellbeing.services.scheduler.DeadlineRunner` (``ui.job_timer``).

The jobs: the daily backup of the SQLite file (``storage.backup``), the weekly
summary notification (``services.weekly_summary``), downtime's start and
end, which turn the desktop's own Do Not Disturb on and off
(``services.quiet``; restored after a crash at start), and the day rollover,
which wakes the tracker so the enforcer starts the new day at once (it would
notice it at the next sample anyway).

A notification's "15 more minutes" button (nag limits while no screen can be
shown) counts as a snooze, like the screen's button.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from wellbeing.config import Config
from wellbeing.core.activity import Focus, Interval
from wellbeing.core.clock import Clock, Instant
from wellbeing.core.limits import Downtime, LimitState
from wellbeing.errors import Unavailable
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.services.enforcer import LimitEnforcer
from wellbeing.services.experiment_jobs import Opener, schedule_experiment_jobs
from wellbeing.services.limit_ports import (
    LimitStore,
    Notifier,
    TimesUpPresenter,
    WindowActions,
)
from wellbeing.services.notifier import NotifierChain, build_notifiers
from wellbeing.services.quiet import QuietMode
from wellbeing.services.scheduler import Job, JobScheduler
from wellbeing.services.tracker import TrackerService

log = logging.getLogger("wellbeing.limits")


@dataclass
class LimitsRuntime:
    """Everything that keeps limits while tracking; the tracker's ``observer``."""

    enforcer: LimitEnforcer
    notifier: NotifierChain
    scheduler: JobScheduler
    quiet: QuietMode | None
    runs_jobs: bool
    """The jobs run on the tracker's deadline (headless) rather than on their own."""
    in_scheduler_thread: Callable[[Callable[[], None]], None] = staticmethod(lambda fn: fn())
    """Runs a call where the scheduler may be touched (the thread that drives it)."""

    def __post_init__(self) -> None:
        self._scheduled_downtime: Downtime | None = None

    def observe(
        self,
        now: Instant,
        window: WindowInfo | None,
        focus: Focus | None,
        finished: Sequence[Interval],
        running: Sequence[Interval],
    ) -> float | None:
        """The enforcer's step, then the jobs that are due (headless); the next wake."""
        due = self.enforcer.observe(now, window, focus, finished, running)
        self._follow_downtime()
        if not self.runs_jobs:
            return due
        try:
            self.scheduler.run_due(now)
        except Exception:  # noqa: BLE001 - a failing job must not stop tracking
            log.exception("a timed job failed")
        next_job = self.scheduler.seconds_until_next_job(now)
        if next_job is None:
            return due
        return next_job if due is None else min(due, next_job)

    def start(self) -> None:
        """Load limits, restore a quiet mode a crash left on, start the jobs."""
        if self.quiet is not None:
            try:
                self.quiet.recover()
            except Exception:  # noqa: BLE001 - never keep tracking from starting
                log.warning("could not restore Do Not Disturb after a crash", exc_info=True)
        self.enforcer.start()
        self._follow_downtime(force=True)
        self.scheduler.start()

    def close(self) -> None:
        self.scheduler.shutdown()
        if self.quiet is not None and self.quiet.active_until() is not None:
            self.quiet.end()
        self.notifier.close()

    def _follow_downtime(self, *, force: bool = False) -> None:
        downtime = self.enforcer.downtime
        if not force and downtime == self._scheduled_downtime:
            return
        self._scheduled_downtime = downtime
        if force:
            self.scheduler.reschedule_downtime(downtime)
        else:
            self.in_scheduler_thread(lambda: self.scheduler.reschedule_downtime(downtime))


def build_limits_runtime(
    store: LimitStore,
    config: Config,
    paths: Paths,
    clock: Clock,
    *,
    db_url: str | None = None,
    fake: bool = False,
    presenter: TimesUpPresenter | None = None,
    window_actions: WindowActions | None = None,
    extra_notifiers: Iterable[Notifier] = (),
    tracker_runs_jobs: bool = True,
    in_worker: Callable[[Job], None] | None = None,
    wake: Callable[[], None] | None = None,
    in_scheduler_thread: Callable[[Callable[[], None]], None] | None = None,
    experiment: Callable[[Callable[[], date]], Opener] | None = None,
    on_action: Callable[[str, str], None] | None = None,
) -> LimitsRuntime:
    """Wire the enforcer to the notifier chain, the timed jobs and quiet mode (not started).

    With ``tracker_runs_jobs`` the tracker's samples drive the jobs; otherwise
    the caller does (``runtime.scheduler.run_due`` on its own thread, which
    ``in_scheduler_thread`` calls into). ``in_worker`` runs the backup elsewhere.
    """
    notifier = build_notifiers(extra_notifiers, fake=fake, on_demand=True)
    warn = config.limits.warn_before_minutes
    enforcer = LimitEnforcer(
        store,
        notifier,
        clock,
        day_start_hour=config.tracking.day_start_hour,
        presenter=presenter,
        window_actions=window_actions,
        wake=wake,
        warn_before_seconds=round(warn * 60),
    )
    quiet = None if fake else _quiet_mode(paths, clock)
    scheduler = JobScheduler(clock=clock, in_worker=in_worker)
    runtime = LimitsRuntime(enforcer, notifier, scheduler, quiet, runs_jobs=tracker_runs_jobs)
    if in_scheduler_thread is not None:
        runtime.in_scheduler_thread = in_scheduler_thread
    day_start = config.tracking.day_start_hour

    def weekly() -> None:
        from wellbeing.services.weekly_summary import weekly_notice

        notifier.notify(weekly_notice(store, enforcer.today()))

    def downtime_starts() -> None:
        downtime = enforcer.downtime
        if quiet is None or downtime is None:
            return
        try:
            quiet.start(_downtime_end_wall(downtime, clock))
        except Unavailable as exc:
            log.info("downtime: Do Not Disturb not switched (%s)", exc.message)

    def downtime_ends() -> None:
        if quiet is not None:
            quiet.end()
        enforcer.refresh()

    # the enforcer notices a new day at the next sample; the job makes that sample come now
    scheduler.schedule_day_rollover(enforcer.refresh, day_start)
    scheduler.schedule_daily_backup(paths, db_url, day_start, keep=config.backups.keep)
    scheduler.schedule_weekly_summary(weekly, config.notifications.weekly_summary_at)
    scheduler.schedule_downtime(None, downtime_starts, downtime_ends)
    if experiment is not None:  # check-in reminders and phase limits, on trusted days
        schedule_experiment_jobs(scheduler, experiment(enforcer.today), notifier)
    snooze = _snooze_from_notification(enforcer)

    def handle(key: str, action_id: str) -> None:
        snooze(key, action_id)
        if on_action is not None:  # other buttons (the experiment's "Check in")
            on_action(key, action_id)

    notifier.set_action_handler(handle)
    return runtime


def _quiet_mode(paths: Paths, clock: Clock) -> QuietMode | None:
    from wellbeing.platform.dnd import detect_dnd

    try:
        return QuietMode(paths.data_dir, detect_dnd(), clock)
    except Unavailable as exc:
        log.info("quiet mode unavailable: %s", exc.message)
        return None


def _downtime_end_wall(downtime: Downtime, clock: Clock) -> float:
    """Wall time (epoch s) when the downtime that is starting now ends."""
    now = datetime.fromtimestamp(clock.now().wall).astimezone()
    minutes_now = now.hour * 60 + now.minute
    length = (downtime.end_minute - downtime.start_minute) % 1440 or 1440
    left = (downtime.start_minute + length - minutes_now) % 1440 or length
    return clock.now().wall + left * 60 - now.second


def _snooze_from_notification(enforcer: LimitEnforcer) -> Callable[[str, str], None]:
    def on_action(key: str, action_id: str) -> None:
        if not key.startswith("limit:") or action_id != "snooze":
            return
        state: LimitState | None = enforcer.state_of(key.removeprefix("limit:"))
        if state is not None:
            enforcer.choose(state, None, "snooze")

    return on_action


def attach_limits(
    tracker: TrackerService,
    store: LimitStore,
    config: Config,
    paths: Paths,
    *,
    db_url: str | None = None,
    fake: bool = False,
    presenter: TimesUpPresenter | None = None,
    extra_notifiers: Iterable[Notifier] = (),
    tracker_runs_jobs: bool = True,
    in_worker: Callable[[Job], None] | None = None,
    in_scheduler_thread: Callable[[Callable[[], None]], None] | None = None,
    experiment: Callable[[Callable[[], date]], Opener] | None = None,
    on_action: Callable[[str, str], None] | None = None,
) -> LimitsRuntime:
    """Build the runtime, make it ``tracker``'s observer and start it (before tracking starts).

    With a ``presenter`` the platform's window actions (closing, minimising) are
    used when the backend offers them.
    """
    actions: WindowActions | None = None
    if presenter is not None:
        offer: Callable[[], WindowActions] | None = getattr(
            tracker.platform.foreground, "window_actions", None
        )
        if offer is not None:
            try:
                actions = offer()
            except Unavailable as exc:
                log.info("windows cannot be closed or minimised here: %s", exc.message)
    runtime = build_limits_runtime(
        store,
        config,
        paths,
        tracker.clock,
        db_url=db_url,
        fake=fake,
        presenter=presenter,
        window_actions=actions,
        extra_notifiers=extra_notifiers,
        tracker_runs_jobs=tracker_runs_jobs,
        in_worker=in_worker,
        wake=tracker.wake,
        in_scheduler_thread=in_scheduler_thread,
        experiment=experiment,
        on_action=on_action,
    )
    tracker.observer = runtime
    runtime.start()
    return runtime
