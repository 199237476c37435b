"""Running a self-experiment: start it, keep its limits in step with its phases, take answers.

The plan and phases are ``core.experiment``; the report is
``core.experiment_report``; rows live in ``storage.experiment_store``. This
service joins them with the limits of issue 9 (``LimitStore``): on every
:meth:`ExperimentService.sync` (at start, at each day rollover, on wake, and
before any command), a limited phase has one locked nag-mode limit per target
(``experiment_id`` set, locked through the phase's last day), and any other day
has none of the experiment's limits. Sync is idempotent, so a computer that was
off catches up at its next start.

A target that already has a limit of the user's is refused at start (the
experiment needs its own, locked limit there; the message says what to do).
Abandoning keeps every answer and removes only the experiment's limits.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from wellbeing.core import experiment as protocol
from wellbeing.core.experiment import Design, PhaseKind, Plan
from wellbeing.core.experiment_report import Report, ReportInput, build_report
from wellbeing.core.i18n import translate
from wellbeing.core.instruments import MEASURES, AnswerError, Score, check_daily, score
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.core.limits import Limit
from wellbeing.errors import ExperimentError
from wellbeing.services.instrument_texts import instrument
from wellbeing.services.limit_ports import LimitStore
from wellbeing.storage.experiment_store import (
    CheckinRecord,
    ExperimentRecord,
    ExperimentStore,
    ResponseRecord,
)

PROMPT_OPEN_MINUTES = 60
"""A daytime prompt can be answered this long after it comes, then it expires."""


@dataclass(frozen=True, slots=True)
class Setup:
    """What the wizard or ``experiment start`` asks for."""

    design: Design
    targets: tuple[LimitTarget, ...]
    limit_seconds: int = protocol.DEFAULT_LIMIT_SECONDS
    checkin_minute: int = protocol.DEFAULT_CHECKIN_MINUTE
    prompts_per_day: int = 0
    primary: str = "mood"
    follow_up: bool = False
    pairs: int = protocol.MIN_PAIRS
    start: date | None = None


@dataclass(frozen=True, slots=True)
class Checkin:
    mood: int | None
    lonely: int | None
    anxious: int | None
    missed_out: int | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class CheckinSaved:
    day: date
    replaced: bool
    late: bool


@dataclass(frozen=True, slots=True)
class Status:
    """Where an experiment stands today (the future random order is never exposed)."""

    experiment_id: int
    design: Design
    primary: str
    day_number: int
    days_total: int
    phase: PhaseKind | None
    phase_first: date | None
    phase_last: date | None
    adherence_days_within: int
    adherence_days: int
    checkins_done: int
    checkins_missing: tuple[date, ...]
    questionnaires_due: tuple[tuple[str, date], ...]
    phone_due: bool
    checkin_open_for: date | None
    finished: bool
    abandoned: bool
    targets: tuple[str, ...] = ()
    limit_seconds: int = protocol.DEFAULT_LIMIT_SECONDS


class ExperimentService:
    """The experiment of one device, over its store and its limits."""

    def __init__(
        self,
        store: ExperimentStore,
        limits: LimitStore,
        *,
        today: Callable[[], date],
        now_ms: Callable[[], int],
    ) -> None:
        self.store = store
        self.limits = limits
        self._today = today
        self._now_ms = now_ms

    # -- setting up and ending -----------------------------------------------------------

    def start(self, setup: Setup) -> Status:
        """Start an experiment (the baseline begins on ``setup.start``, default today)."""
        current = self.store.current()
        if current is not None and current.status == "active":
            raise ExperimentError(
                translate("Experiment", "An experiment is already running."),
                hint=translate("Experiment", "See it with 'wellbeing experiment status'; end it "
                               "with 'wellbeing experiment abandon' (its data is kept)."),
            )
        today = self._today()
        start = setup.start or today
        if start < today:
            raise ExperimentError(
                translate("Experiment", "The start day {day} has passed.").format(
                    day=start.isoformat()),
                hint=translate("Experiment", "Start today or on a later day."),
            )
        if setup.primary not in MEASURES:
            raise ExperimentError(
                translate("Experiment", "There is no measure called {name}.").format(
                    name=repr(setup.primary)),
                hint=translate("Experiment", "Choose one of: {names}.").format(
                    names=", ".join(MEASURES)),
            )
        # From os.urandom, as secrets.randbits would: secrets itself loads hmac and
        # OpenSSL's libcrypto (3.3 MiB mapped) into the tray app for 4 bytes.
        seed = int.from_bytes(os.urandom(4), "big")
        plan = Plan(
            design=setup.design,
            start=start,
            targets=tuple(dict.fromkeys(setup.targets)),
            limit_seconds=setup.limit_seconds,
            checkin_minute=setup.checkin_minute,
            prompts_per_day=setup.prompts_per_day,
            primary=setup.primary,
            follow_up=setup.follow_up,
            pairs=setup.pairs,
            seed=seed,
            order=protocol.draw_order(setup.pairs, seed) if setup.design == "randomized" else (),
        )
        try:
            protocol.check_plan(plan)
        except protocol.ExperimentPlanError as exc:
            raise ExperimentError(str(exc)) from exc
        mine = {str(limit.target): limit for limit in self.limits.limits()}
        taken = [
            str(t) for t in plan.targets if str(t) in mine and mine[str(t)].experiment_id is None
        ]
        if taken:
            raise ExperimentError(
                translate("Experiment", "You already have a limit on {targets}.").format(
                    targets=", ".join(taken)),
                hint=translate("Experiment", "The experiment sets its own locked limit there. "
                               "Remove yours first ('wellbeing limits remove TARGET') or choose "
                               "other targets."),
            )
        self.store.create(plan, self._now_ms())
        self.sync()
        status = self.status()
        assert status is not None
        return status

    def abandon(self) -> None:
        """End the running experiment early: every answer is kept, its limits go."""
        record = self._active()
        self._remove_limits(record)
        self.store.set_status(record.id, "abandoned", self._now_ms())

    def plan(self) -> Plan | None:
        record = self.store.current()
        return None if record is None else record.plan

    # -- phases and limits -----------------------------------------------------------------

    def sync(self) -> list[str]:
        """Bring the experiment's limits and status in step with today; what changed, in words."""
        record = self.store.current()
        if record is None or record.status != "active":
            return []
        today = self._today()
        plan = record.plan
        if today > protocol.last_day(plan):
            self._remove_limits(record)
            self.store.set_status(record.id, "finished", self._now_ms())
            return ["The experiment is over: its limits are gone; the report is ready."]
        phase = protocol.limited_on(plan, today)
        if phase is None:
            return self._remove_limits(record)
        changes = []
        current = {str(limit.target): limit for limit in self.limits.limits()}
        for target in plan.targets:
            wanted = Limit(
                target=target,
                seconds_by_weekday=(plan.limit_seconds,) * 7,
                mode=plan.mode,
                locked_until=phase.last,
                warn_before_seconds=min(120, plan.limit_seconds // 2),
                experiment_id=record.id,
            )
            existing = current.get(str(target))
            if existing is not None and replace(existing, id=None) == wanted:
                continue
            if existing is not None and existing.experiment_id not in (None, record.id):
                continue
            self.limits.save_limit(wanted)
            changes.append(f"Limited: {target} to {plan.limit_seconds // 60} min a day.")
        return changes

    def _remove_limits(self, record: ExperimentRecord) -> list[str]:
        removed = []
        for limit in self.limits.limits():
            if limit.experiment_id == record.id and self.limits.remove_limit(limit.target):
                removed.append(f"Limit lifted: {limit.target}.")
        return removed

    # -- answers -------------------------------------------------------------------------

    def checkin(self, answers: Checkin, day: date | None = None) -> CheckinSaved:
        """Store the evening check-in for ``day`` (default today); a second replaces the first."""
        record = self._active()
        today = self._today()
        chosen = self._experiment_day(record, day or today, today, "check in")
        try:
            values = check_daily(
                {
                    "mood": answers.mood,
                    "lonely": answers.lonely,
                    "anxious": answers.anxious,
                    "missed_out": answers.missed_out,
                }
            )
        except AnswerError as exc:
            raise ExperimentError(str(exc)) from exc
        late = protocol.checkin_is_late(chosen, today)
        replaced = self.store.save_checkin(
            record.id, CheckinRecord(chosen, values, answers.note.strip(), late, self._now_ms())
        )
        return CheckinSaved(chosen, replaced, late)

    def answer(self, key: str, answers: Sequence[int | None], day: date | None = None) -> Score:
        """Score and store a weekly questionnaire for ``day`` (default today)."""
        record = self._active()
        today = self._today()
        chosen = self._experiment_day(record, day or today, today, "answer a questionnaire")
        found = instrument(key)
        try:
            result = score(found, answers)
        except AnswerError as exc:
            raise ExperimentError(str(exc)) from exc
        self.store.save_response(
            record.id,
            ResponseRecord(chosen, found.key, found.version, result.answers, result.raw,
                           result.score, self._now_ms()),
        )
        return result

    def open_prompt(self, now_minute: int) -> int | None:
        """The slot of today's prompt that can be answered at ``now_minute``, or None.

        A prompt is open from its time for :data:`PROMPT_OPEN_MINUTES` (a late answer
        says less about the moment it asks about).
        """
        record = self.store.current()
        if record is None or record.status != "active":
            return None
        for slot, minute in enumerate(protocol.prompt_minutes(record.plan, self._today())):
            if minute <= now_minute < minute + PROMPT_OPEN_MINUTES:
                return slot
        return None

    def answer_prompt(self, mood: int, now_minute: int) -> int:
        """Store the mood-right-now answer to the prompt open at ``now_minute``; its slot."""
        record = self._active()
        if isinstance(mood, bool) or not 0 <= mood <= 10:
            raise ExperimentError(translate("Experiment", "Mood right now must be 0–10; got "
                                            "{mood}.").format(mood=mood))
        slot = self.open_prompt(now_minute)
        if slot is None:
            raise ExperimentError(
                translate("Experiment", "No prompt is open now."),
                hint=translate("Experiment", "A prompt can be answered for {minutes} minutes "
                               "after it comes; the evening check-in is always there.").format(
                    minutes=PROMPT_OPEN_MINUTES),
            )
        self.store.save_prompt(record.id, self._today(), slot, mood, self._now_ms())
        return slot

    def record_phone(self, target: str, seconds_per_day: int, day: date | None = None) -> None:
        """Store the phone's screen time a user read off for a target (seconds a day)."""
        record = self._active()
        today = self._today()
        chosen = self._experiment_day(record, day or today, today, "record phone time")
        if not 0 <= seconds_per_day <= 86_400:
            raise ExperimentError(translate(
                "Experiment", "Phone time must be between 0 and 24 hours a day."))
        if target not in {str(t) for t in record.plan.targets}:
            raise ExperimentError(
                translate("Experiment", "{target} is not one of this experiment's targets.")
                .format(target=target),
                hint=translate("Experiment", "Use one of: {targets}.").format(
                    targets=", ".join(str(t) for t in record.plan.targets)),
            )
        self.store.save_phone(record.id, chosen, target, seconds_per_day)

    def _active(self) -> ExperimentRecord:
        self.sync()
        record = self.store.current()
        if record is None or record.status != "active":
            raise ExperimentError(
                translate("Experiment", "No experiment is running."),
                hint=translate("Experiment", "Start one with 'wellbeing experiment start' or "
                               "from the dashboard."),
            )
        return record

    def _experiment_day(self, record: ExperimentRecord, day: date, today: date, what: str) -> date:
        if day > today:
            if what == "check in":
                text = translate("Experiment", "You cannot check in for {day}: it is in the "
                                               "future.")
            elif what == "answer a questionnaire":
                text = translate("Experiment", "You cannot answer a questionnaire for {day}: it is "
                                               "in the future.")
            else:
                text = translate("Experiment", "You cannot record phone time for {day}: it is in "
                                               "the future.")
            raise ExperimentError(text.format(day=day.isoformat()))
        if not record.plan.start <= day <= protocol.last_day(record.plan):
            raise ExperimentError(translate(
                "Experiment", "{day} is outside the experiment ({first} to {last})."
            ).format(day=day.isoformat(), first=record.plan.start.isoformat(),
                     last=protocol.last_day(record.plan).isoformat()))
        return day

    # -- reading -----------------------------------------------------------------------

    def status(self) -> Status | None:
        """Where the current (or last) experiment stands; None if there has never been one."""
        self.sync()
        record = self.store.current()
        if record is None:
            return None
        plan, today = record.plan, self._today()
        end = protocol.last_day(plan)
        phase = protocol.phase_on(plan, today)
        over_until = min(today - timedelta(days=1), end)
        checkins = self.store.checkins(record.id)
        past = _days(plan.start, over_until)
        adherence = self._adherence(plan, over_until)
        answered = {(r.day, r.instrument) for r in self.store.responses(record.id)}
        due_day = max((d for d in protocol.questionnaire_days(plan) if d <= today), default=None)
        due: tuple[tuple[str, date], ...] = ()
        phone_due = False
        if due_day is not None and record.status == "active":
            due = tuple((key, due_day) for key in ("who5", "ucla3", "phq8", "gad7")
                        if (due_day, key) not in answered)
            phone_due = not any(day == due_day for day, _, _ in self.store.phone(record.id))
        return Status(
            experiment_id=record.id,
            design=plan.design,
            primary=plan.primary,
            day_number=max(0, min((today - plan.start).days + 1, protocol.days_total(plan))),
            days_total=protocol.days_total(plan),
            phase=None if phase is None else phase.kind,
            phase_first=None if phase is None else phase.first,
            phase_last=None if phase is None else phase.last,
            adherence_days_within=adherence[0],
            adherence_days=adherence[1],
            checkins_done=len(checkins),
            checkins_missing=tuple(day for day in past if day not in checkins),
            questionnaires_due=due,
            phone_due=phone_due,
            checkin_open_for=today if record.status == "active" and phase is not None else None,
            finished=record.status == "finished",
            abandoned=record.status == "abandoned",
            targets=tuple(str(t) for t in plan.targets),
            limit_seconds=plan.limit_seconds,
        )

    def _adherence(self, plan: Plan, until: date) -> tuple[int, int]:
        days = [d for d in _days(plan.start, until) if protocol.limited_on(plan, d) is not None]
        within = sum(1 for d in days if protocol.within_limit(plan, self.usage_on(plan, d)))
        return within, len(days)

    def usage_on(self, plan: Plan, day: date) -> dict[str, float]:
        """Tracked seconds per target (``str(target)``) on ``day``."""
        usage = self.limits.usage_on(day)
        return {str(target): usage.of(target) for target in plan.targets}

    def report_input(self) -> ReportInput:
        record = self.store.current()
        if record is None:
            raise ExperimentError(
                translate("Experiment", "There is no experiment to report on."),
                hint=translate("Experiment", "Start one with 'wellbeing experiment start'."),
            )
        plan, today = record.plan, self._today()
        end = protocol.last_day(plan)
        until = min(today - timedelta(days=1), end)
        checkins = self.store.checkins(record.id)
        return ReportInput(
            design=plan.design,
            primary=plan.primary,
            phases=protocol.phases(plan),
            seed=plan.seed,
            daily={day: {k: float(v) for k, v in c.values.items()} for day, c in checkins.items()},
            weekly=[(r.day, r.instrument, float(r.score)) for r in self.store.responses(record.id)],
            usage={day: self.usage_on(plan, day) for day in _days(plan.start, until)},
            limit_seconds=plan.limit_seconds,
            targets=tuple(str(t) for t in plan.targets),
            possible_orders=protocol.possible_orders(plan) if plan.design == "randomized" else (),
            phone=self.store.phone(record.id),
            prompts=[(day, float(mood)) for day, _, mood in self.store.prompts(record.id)],
            today=None if today > end else today,
        )

    def report(self) -> Report:
        """The report: at the end, or "so far" while the experiment runs."""
        self.sync()
        return build_report(self.report_input())


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]
