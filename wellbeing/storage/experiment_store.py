"""The self-experiment's rows (migration 0006), written once in SQL both database layers run.

Like ``storage.usage_sql``, the statements are plain SQL that SQLite and
PostgreSQL share, with ``:name`` parameters, run through a tiny
:class:`SqlRunner`: :class:`SqliteRunner` over the standard library's
``sqlite3`` (the tray app on the local file, which never imports SQLAlchemy)
or ``storage.experiment_alchemy.SqlAlchemyRunner`` over ``storage.db.Database``
(the CLI, any dialect; kept apart so this module never imports SQLAlchemy).
Days are day numbers (days since 1970-01-01), times integer ms.

Nothing here deletes a row: an experiment that ends or is abandoned keeps its
check-ins, answers and draws; only its ``status`` and ``ended_ms`` change.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol, cast

from wellbeing.core.experiment import Design, PhaseKind, Plan
from wellbeing.core.limit_targets import LimitTarget
from wellbeing.core.limits import Mode

EPOCH_DAY = date(1970, 1, 1)
Params = Mapping[str, Any]


class Sql(Protocol):
    """One transaction: run statements, get rows back."""

    def rows(self, sql: str, params: Params) -> Sequence[Sequence[Any]]: ...

    def execute(self, sql: str, params: Params) -> int:
        """Run a statement; return the number of rows it changed."""
        ...


class SqlRunner(Protocol):
    def transaction(self) -> contextlib.AbstractContextManager[Sql]: ...


class SqliteRunner:
    """:class:`SqlRunner` over a ``sqlite3`` connection in autocommit mode."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        if connection.isolation_level is not None:
            raise ValueError("the connection must be in autocommit mode (isolation_level=None)")
        self._conn = connection

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Sql]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield _SqliteSql(self._conn)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")


class _SqliteSql:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Params) -> Sequence[Sequence[Any]]:
        return self._conn.execute(sql, dict(params)).fetchall()

    def execute(self, sql: str, params: Params) -> int:
        return self._conn.execute(sql, dict(params)).rowcount


def day_number(day: date) -> int:
    return (day - EPOCH_DAY).days


def from_day_number(value: int) -> date:
    return EPOCH_DAY + timedelta(days=int(value))


@dataclass(frozen=True, slots=True)
class ExperimentRecord:
    """A stored experiment: its id, plan and status (active, finished, abandoned)."""

    id: int
    plan: Plan
    status: str
    created_ms: int
    ended_ms: int | None


@dataclass(frozen=True, slots=True)
class CheckinRecord:
    day: date
    values: Mapping[str, int]
    note: str
    late: bool
    answered_ms: int


@dataclass(frozen=True, slots=True)
class ResponseRecord:
    day: date
    instrument: str
    version: str
    answers: tuple[int, ...]
    raw: int
    score: int
    answered_ms: int


_COLUMNS = (
    "id, design, status, start_date, primary_measure, targets, limit_seconds, checkin_minute, "
    "prompts_per_day, follow_up, pairs, seed, drawn_order, mode, created_ms, ended_ms"
)


def _target_text(target: LimitTarget) -> str:
    return f"{target.kind}:{target.key}"


def _target_of(text: str) -> LimitTarget:
    kind, _, key = text.partition(":")
    return LimitTarget(cast("Any", kind), key)


def _record(row: Sequence[Any]) -> ExperimentRecord:
    (ident, design, status, start, primary, targets, limit_seconds, checkin_minute, prompts,
     follow_up, pairs, seed, order, mode, created_ms, ended_ms) = row
    plan = Plan(
        design=cast("Design", design),
        start=from_day_number(start),
        targets=tuple(_target_of(t) for t in str(targets).split(",") if t),
        limit_seconds=int(limit_seconds),
        checkin_minute=int(checkin_minute),
        prompts_per_day=int(prompts),
        primary=str(primary),
        follow_up=bool(follow_up),
        pairs=int(pairs),
        seed=int(seed),
        order=tuple(cast("PhaseKind", k) for k in str(order).split(",") if k),
        mode=cast("Mode", mode),
    )
    return ExperimentRecord(int(ident), plan, str(status), int(created_ms),
                            None if ended_ms is None else int(ended_ms))


class ExperimentStore:
    """A device's experiments and everything answered in them."""

    def __init__(self, runner: SqlRunner, device_id: int) -> None:
        self._runner = runner
        self._device_id = device_id

    def create(self, plan: Plan, now_ms: int) -> ExperimentRecord:
        """Store a new active experiment."""
        params = {
            "device": self._device_id,
            "design": plan.design,
            "start": day_number(plan.start),
            "primary": plan.primary,
            "targets": ",".join(_target_text(t) for t in plan.targets),
            "limit_seconds": plan.limit_seconds,
            "checkin_minute": plan.checkin_minute,
            "prompts": plan.prompts_per_day,
            "follow_up": plan.follow_up,
            "pairs": plan.pairs,
            "seed": plan.seed,
            "drawn_order": ",".join(plan.order),
            "mode": plan.mode,
            "now": now_ms,
        }
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "INSERT INTO experiment (device_id, design, status, start_date, primary_measure, "
                "targets, limit_seconds, checkin_minute, prompts_per_day, follow_up, pairs, seed, "
                "drawn_order, mode, created_ms) VALUES (:device, :design, 'active', :start, "
                ":primary, :targets, :limit_seconds, :checkin_minute, :prompts, :follow_up, "
                ":pairs, :seed, :drawn_order, :mode, :now) RETURNING id",
                params,
            )
        return ExperimentRecord(int(rows[0][0]), plan, "active", now_ms, None)

    def has_active(self) -> bool:
        """Whether an experiment is running: one row read, nothing else loaded.

        The timed jobs ask this every quarter of an hour before they build the
        experiment's service, whose modules (its report, the instruments,
        ``statistics`` and ``decimal``) a tray without an experiment never needs.
        """
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT 1 FROM experiment WHERE device_id = :device AND status = 'active' "
                "LIMIT 1",
                {"device": self._device_id},
            )
        return bool(rows)

    def current(self) -> ExperimentRecord | None:
        """The active experiment, else the most recent one, else None."""
        with self._runner.transaction() as sql:
            rows = sql.rows(
                f"SELECT {_COLUMNS} FROM experiment WHERE device_id = :device "
                "ORDER BY CASE status WHEN 'active' THEN 0 ELSE 1 END, id DESC LIMIT 1",
                {"device": self._device_id},
            )
        return _record(rows[0]) if rows else None

    def set_status(self, experiment_id: int, status: str, now_ms: int) -> None:
        with self._runner.transaction() as sql:
            sql.execute(
                "UPDATE experiment SET status = :status, ended_ms = :now WHERE id = :id",
                {"status": status, "now": now_ms, "id": experiment_id},
            )

    def save_checkin(self, experiment_id: int, record: CheckinRecord) -> bool:
        """Store a day's check-in; True when it replaced an earlier one for that day."""
        params = {
            "id": experiment_id,
            "day": day_number(record.day),
            "note": record.note,
            "late": record.late,
            "ms": record.answered_ms,
            **{key: int(value) for key, value in record.values.items()},
        }
        with self._runner.transaction() as sql:
            existed = sql.rows(
                "SELECT 1 FROM experiment_checkin WHERE experiment_id = :id AND local_date = :day",
                params,
            )
            sql.execute(
                "INSERT INTO experiment_checkin (experiment_id, local_date, mood, lonely, anxious, "
                "missed_out, note, late, answered_ms) VALUES (:id, :day, :mood, :lonely, "
                ":anxious, :missed_out, :note, :late, :ms) "
                "ON CONFLICT (experiment_id, local_date) DO UPDATE SET mood = :mood, "
                "lonely = :lonely, anxious = :anxious, missed_out = :missed_out, note = :note, "
                "late = :late, answered_ms = :ms",
                params,
            )
        return bool(existed)

    def checkins(self, experiment_id: int) -> dict[date, CheckinRecord]:
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT local_date, mood, lonely, anxious, missed_out, note, late, answered_ms "
                "FROM experiment_checkin WHERE experiment_id = :id ORDER BY local_date",
                {"id": experiment_id},
            )
        return {
            from_day_number(day): CheckinRecord(
                from_day_number(day),
                {"mood": mood, "lonely": lonely, "anxious": anxious, "missed_out": missed},
                str(note),
                bool(late),
                int(ms),
            )
            for day, mood, lonely, anxious, missed, note, late, ms in rows
        }

    def save_response(self, experiment_id: int, record: ResponseRecord) -> bool:
        """Store a questionnaire's answers for a day; True when it replaced earlier ones."""
        params = {
            "id": experiment_id,
            "day": day_number(record.day),
            "instrument": record.instrument,
            "version": record.version,
            "answers": ",".join(str(a) for a in record.answers),
            "raw": record.raw,
            "score": record.score,
            "ms": record.answered_ms,
        }
        with self._runner.transaction() as sql:
            existed = sql.rows(
                "SELECT 1 FROM questionnaire_response WHERE experiment_id = :id "
                "AND local_date = :day AND instrument = :instrument",
                params,
            )
            sql.execute(
                "INSERT INTO questionnaire_response (experiment_id, local_date, instrument, "
                "version, answers, raw, score, answered_ms) VALUES (:id, :day, :instrument, "
                ":version, :answers, :raw, :score, :ms) "
                "ON CONFLICT (experiment_id, local_date, instrument) DO UPDATE SET "
                "version = :version, answers = :answers, raw = :raw, score = :score, "
                "answered_ms = :ms",
                params,
            )
        return bool(existed)

    def responses(self, experiment_id: int) -> list[ResponseRecord]:
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT local_date, instrument, version, answers, raw, score, answered_ms "
                "FROM questionnaire_response WHERE experiment_id = :id "
                "ORDER BY local_date, instrument",
                {"id": experiment_id},
            )
        return [
            ResponseRecord(
                from_day_number(day), str(key), str(version),
                tuple(int(a) for a in str(answers).split(",") if a), int(raw), int(score), int(ms),
            )
            for day, key, version, answers, raw, score, ms in rows
        ]

    def save_phone(self, experiment_id: int, day: date, target: str, seconds: int) -> None:
        with self._runner.transaction() as sql:
            sql.execute(
                "INSERT INTO experiment_phone (experiment_id, local_date, target, seconds) "
                "VALUES (:id, :day, :target, :seconds) ON CONFLICT (experiment_id, local_date, "
                "target) DO UPDATE SET seconds = :seconds",
                {"id": experiment_id, "day": day_number(day), "target": target,
                 "seconds": seconds},
            )

    def phone(self, experiment_id: int) -> list[tuple[date, str, int]]:
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT local_date, target, seconds FROM experiment_phone "
                "WHERE experiment_id = :id ORDER BY local_date, target",
                {"id": experiment_id},
            )
        return [(from_day_number(day), str(target), int(s)) for day, target, s in rows]

    def save_prompt(self, experiment_id: int, day: date, slot: int, mood: int, now_ms: int) -> None:
        """Store the answer to the day's prompt number ``slot`` (a second answer replaces it)."""
        with self._runner.transaction() as sql:
            sql.execute(
                "INSERT INTO experiment_prompt (experiment_id, local_date, slot, mood, "
                "answered_ms) VALUES (:id, :day, :slot, :mood, :now) "
                "ON CONFLICT (experiment_id, local_date, slot) "
                "DO UPDATE SET mood = :mood, answered_ms = :now",
                {"id": experiment_id, "day": day_number(day), "slot": slot, "mood": mood,
                 "now": now_ms},
            )

    def prompts(self, experiment_id: int) -> list[tuple[date, int, int]]:
        """Every prompt answered: (day, slot, mood)."""
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT local_date, slot, mood FROM experiment_prompt WHERE experiment_id = :id "
                "ORDER BY local_date, slot",
                {"id": experiment_id},
            )
        return [(from_day_number(day), int(slot), int(mood)) for day, slot, mood in rows]

    def claim_reminder(self, experiment_id: int, day: date, kind: str, now_ms: int) -> bool:
        """Record a reminder as sent; False when it was sent before (it must not fire again)."""
        with self._runner.transaction() as sql:
            changed = sql.execute(
                "INSERT INTO experiment_reminder (experiment_id, local_date, kind, sent_ms) "
                "VALUES (:id, :day, :kind, :now) ON CONFLICT DO NOTHING",
                {"id": experiment_id, "day": day_number(day), "kind": kind, "now": now_ms},
            )
        return changed == 1

    def reminders(self, experiment_id: int) -> list[tuple[date, str]]:
        with self._runner.transaction() as sql:
            rows = sql.rows(
                "SELECT local_date, kind FROM experiment_reminder WHERE experiment_id = :id "
                "ORDER BY local_date, kind",
                {"id": experiment_id},
            )
        return [(from_day_number(day), str(kind)) for day, kind in rows]
