"""The experiment's timed work: phase changes, the check-in reminder, the weekly questionnaires.

A job every quarter of an hour (:data:`TICK_MINUTES`) opens the experiment
briefly and does what is due; with no experiment running it reads one row and
returns, without loading the experiment's service (the tray app at rest stays
as light after its first quarter of an hour as before; issue 11). What it does:

- keeps the phase limits in step (``ExperimentService.sync``): a new limited
  week's limits appear, a finished one's go, also after the computer was off;
- at the check-in time, one notification: "Evening check-in" (with the
  weekly questionnaires on their days), and at most one reminder 90 minutes
  later while the day is still unanswered;
- with daytime prompts chosen, one notice at each prompt's random time (open
  for an hour; one missed while asleep is not sent late);
- a computer that was asleep or off at those times gets one notification when
  it comes back, never a burst: each reminder is claimed in the database
  (``experiment_reminder``) before it is sent, so it fires once, also across
  restarts.

The notification's button ``experiment-checkin`` asks the tray app to open
the check-in; elsewhere the text says where to find it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing.core.i18n import translate
from wellbeing.core.timetable import WeeklyTime
from wellbeing.services.limit_ports import Notice, Notifier
from wellbeing.services.scheduler import JobScheduler, JobSpec

if TYPE_CHECKING:
    from wellbeing.services.experiment import ExperimentService

log = logging.getLogger("wellbeing.experiment")

TICK_MINUTES = 15
REMIND_AFTER_MINUTES = 90
CHECKIN_ACTION = "experiment-checkin"
PROMPT_ACTION = "experiment-prompt"
NOTICE_KEY = "experiment:checkin"

Opener = Callable[[], contextlib.AbstractContextManager["ExperimentService | None"]]
"""Opens the experiment for one job run (None when none is running or it cannot be
opened now)."""


def due_notices(service: ExperimentService, now: datetime) -> list[Notice]:
    """What to tell the user at ``now`` (local), each reminder claimed so it is sent once."""
    service.sync()
    record = service.store.current()
    if record is None or record.status != "active":
        return []
    plan = record.plan
    today = service.status()
    if today is None or today.checkin_open_for is None:
        return []
    day = today.checkin_open_for
    minute = now.hour * 60 + now.minute if now.date() == day else 24 * 60
    notices = _prompt_notices(service, record.id, day, minute, int(now.timestamp() * 1000))
    if minute < plan.checkin_minute:
        return notices
    answered = day in service.store.checkins(record.id)
    if answered:
        return notices
    now_ms = int(now.timestamp() * 1000)
    first = service.store.claim_reminder(record.id, day, "checkin", now_ms)
    if first:
        if minute >= plan.checkin_minute + REMIND_AFTER_MINUTES:  # woke late: this is the one
            service.store.claim_reminder(record.id, day, "checkin-again", now_ms)
        return [*notices, _checkin_notice(service, day, again=False)]
    if minute >= plan.checkin_minute + REMIND_AFTER_MINUTES and service.store.claim_reminder(
        record.id, day, "checkin-again", now_ms
    ):
        return [*notices, _checkin_notice(service, day, again=True)]
    return notices


def _prompt_notices(
    service: ExperimentService, experiment_id: int, day: date, minute: int, now_ms: int
) -> list[Notice]:
    """The daytime prompt open now, once; an expired one is never sent (it would mislead)."""
    slot = service.open_prompt(minute)
    if slot is None or not service.store.claim_reminder(experiment_id, day, f"prompt-{slot}",
                                                        now_ms):
        return []
    return [Notice(
        key=f"experiment:prompt:{slot}",
        title=translate("Notices", "A quick question"),
        body=translate("Notices",
                       "How is your mood right now? One tap, 0 to 10. (Open for an hour.)"),
        actions=((PROMPT_ACTION, translate("Notices", "Answer")),),
    )]


def _checkin_notice(service: ExperimentService, day: date, *, again: bool) -> Notice:
    status = service.status()
    weekly = bool(status and status.questionnaires_due)
    body = (translate("Notices", "Four quick questions about today, under a minute. This "
                                 "week's short questionnaires are ready too. (Wellbeing → "
                                 "Experiment.)") if weekly else
            translate("Notices", "Four quick questions about today, under a minute. "
                                 "(Wellbeing → Experiment.)"))
    return Notice(
        key=NOTICE_KEY,
        title=(translate("Notices", "A gentle reminder: evening check-in") if again
               else translate("Notices", "Evening check-in")),
        body=body,
        actions=((CHECKIN_ACTION, translate("Notices", "Check in")),),
    )


def schedule_experiment_jobs(
    scheduler: JobScheduler,
    opener: Opener,
    notifier: Notifier,
    now: Callable[[], datetime] | None = None,
) -> None:
    """Add the quarter-hourly experiment job to ``scheduler``."""
    local_now = now or (lambda: datetime.now().astimezone())

    def tick() -> None:
        with opener() as service:
            if service is None:
                return
            for notice in due_notices(service, local_now()):
                notifier.notify(notice)

    for minute in range(0, 24 * 60, TICK_MINUTES):
        scheduler.add(
            JobSpec(f"experiment-{minute:04d}", WeeklyTime(minute // 60, minute % 60), tick,
                    grace_seconds=TICK_MINUTES * 60)
        )


def sqlite_opener(
    database: Path, device_id: Callable[[], int | None], today: Callable[[], date]
) -> Opener:
    """Open the experiment on the local file with a connection of its own (any thread)."""

    @contextlib.contextmanager
    def open_() -> Iterator[ExperimentService | None]:
        from wellbeing.storage.experiment_store import ExperimentStore, SqliteRunner
        from wellbeing.storage.sqlite_file import connect

        device = device_id()
        if device is None or not database.is_file():
            yield None
            return
        conn = connect(database)
        try:
            store = ExperimentStore(SqliteRunner(conn), device)
            if not store.has_active():
                yield None
                return
            from wellbeing.services.experiment import ExperimentService
            from wellbeing.storage.sqlite_limits import SqliteLimitStore

            yield ExperimentService(
                store,
                SqliteLimitStore(conn, device),
                today=today,
                now_ms=lambda: int(time.time() * 1000),
            )
        finally:
            conn.close()

    return open_
