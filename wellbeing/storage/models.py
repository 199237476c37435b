"""SQLAlchemy 2 ORM models: the tables every later piece of wellbeing reads and writes.

Times are integer UTC milliseconds since the Unix epoch everywhere (columns
ending in ``_ms``); the local UTC offset in force is stored beside them in
minutes east of UTC, and ``local_date`` is the local day (which starts at the
configured day-start hour) the piece belongs to. Nothing is a timezone-aware
datetime in the database, so SQLite and PostgreSQL store exactly the same values.

``local_date`` is stored as a day number (days since 1970-01-01, see
:class:`DayNumber`): two bytes in SQLite instead of a ten-character text, and
Python code still sees :class:`datetime.date`.

``interval`` and ``daily_usage`` have no surrogate ids: their primary keys are
``(device_id, local_date, start_ms)`` and ``(device_id, local_date, app_id,
site_key)``, and on SQLite both are ``WITHOUT ROWID`` tables, so the rows are
stored in that order and the primary key *is* the ``(device_id, local_date)``
index every read goes through (no second b-tree; migration 0004 measured the
file at half its size). A device never has two pieces starting in the same
millisecond of one day; the writer moves a colliding start (possible only after
the wall clock was set back) by a millisecond.

``daily_usage`` is a roll-up of ``interval`` kept in the same transaction as
the interval writes (see ``storage.writer``). Its ``site_id`` is NULL for use
without a recognised website; because a primary key cannot hold NULL, the row
also carries ``site_key`` = ``site_id`` or 0. Row ids start at 1 on every
dialect, so 0 never names a real site.

Window titles are not stored unless the user opts in; then each distinct title
is kept once in ``window_title`` and intervals point at it (``title_id``,
NULL otherwise). ``app.is_browser`` marks apps whose use is split into sites,
so a by-site report can list their remaining "other browsing" time;
``app.wm_class`` remembers the WM_CLASS last seen for the app (tab-separated
parts) so rules on WM_CLASS can re-label history. Categories, display names
and these flags are refreshed from the current rules (``services.categories``).

Limits (migration 0005): ``usage_limit`` holds one row per device and target
(``target_kind`` = app/site/category/total, ``target_key`` the app key, domain
or category name, ``""`` for total). Its seconds per weekday are one compact
text, ``seconds``: seven comma-separated entries Monday first, each a whole
number of seconds or empty for "no limit that day" (``"600,600,600,600,600,,"``
is 10 minutes Monday to Friday); ``pending_seconds`` is the same for a
loosening waiting out its cooling-off, with ``pending_mode``,
``pending_snooze_budget``, ``pending_cooling_off`` and ``pending_effective_ms``
(all NULL when nothing is pending). ``locked_until`` is a day number like
``local_date``. ``limit_event`` is the bypass log (target NULL for a clock
jump), read by device and day; ``downtime`` has at most one row per device
(``weekdays`` a bit mask, bit 0 = Monday; ``always_allowed`` the allowed
targets one per line). Every change to limits or downtime adds one to the
``limits_revision`` row of ``meta`` in the same transaction, so a running
enforcer notices it with one primary-key read. The text encodings live in
``storage.limit_rows`` (shared with the stdlib ``sqlite3`` store). These
tables are ordinary rowid tables.

Constraint and index names follow :data:`NAMING_CONVENTION` so migrations and
models agree on every dialect.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Shared with the SQLAlchemy-free sqlite3 writer, so they live in storage.pieces.
from wellbeing.storage.pieces import EPOCH_DAY as EPOCH_DAY
from wellbeing.storage.pieces import MAX_TITLE_LENGTH as MAX_TITLE_LENGTH
from wellbeing.storage.pieces import day_number as day_number

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


_EPOCH_ORDINAL = EPOCH_DAY.toordinal()


class DayNumber(TypeDecorator[date]):
    """A calendar date stored as an integer day number (days since 1970-01-01)."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None or isinstance(value, int):
            return value
        if isinstance(value, date):
            return day_number(value)
        raise TypeError(f"a local_date must be a date, not {value!r}")

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        # fromordinal: a third of the cost of adding a timedelta (a year report reads 17k)
        return None if value is None else date.fromordinal(_EPOCH_ORDINAL + int(value))


class Base(DeclarativeBase):
    """Declarative base whose metadata the Alembic environment compares against."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Meta(Base):
    """Small key/value facts about this database (e.g. this machine's device uuid)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Device(Base):
    """One machine whose use is recorded; identified by a random uuid, never the hostname."""

    __tablename__ = "device"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    platform: Mapped[str] = mapped_column(String(64))
    created_at_ms: Mapped[int] = mapped_column(BigInteger)


class Category(Base):
    """A user-visible group of apps and sites ("Social", "Work")."""

    __tablename__ = "category"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    color: Mapped[str | None] = mapped_column(String(16))


class App(Base):
    """An application, by its stable key (desktop-file id, exe name or bundle id)."""

    __tablename__ = "app"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)
    display_name: Mapped[str] = mapped_column(String(255))
    icon: Mapped[str | None] = mapped_column(String(255))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    is_browser: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    wm_class: Mapped[str | None] = mapped_column(String(255))


class Site(Base):
    """A website recognised from a browser window title by a rule."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    domain: Mapped[str] = mapped_column(String(255), unique=True)
    display_name: Mapped[str] = mapped_column(String(255))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))


class WindowTitle(Base):
    """A window title, kept only when the user turned on storing titles (dictionary-encoded)."""

    __tablename__ = "window_title"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(MAX_TITLE_LENGTH), unique=True)


class Interval(Base):
    """One stretch of active foreground use inside one local day (the recorded fact)."""

    __tablename__ = "interval"
    __table_args__ = (
        PrimaryKeyConstraint("device_id", "local_date", "start_ms"),
        {"sqlite_with_rowid": False},
    )

    # Primary-key columns first and in key order: SQLite 3.40.0-3.41.0 (Debian 12 has
    # 3.40.1) reports false "NULL value" errors in quick_check for WITHOUT ROWID tables
    # whose key order differs from the column order, and a failed quick_check sets the
    # database aside.
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    local_date: Mapped[date] = mapped_column(DayNumber)
    start_ms: Mapped[int] = mapped_column(BigInteger)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    title_id: Mapped[int | None] = mapped_column(ForeignKey("window_title.id"))
    end_ms: Mapped[int] = mapped_column(BigInteger)
    utc_offset_min: Mapped[int] = mapped_column(Integer)


class DailyUsage(Base):
    """Seconds of use per device, local day, app and site: the roll-up dashboards read."""

    __tablename__ = "daily_usage"
    __table_args__ = (
        PrimaryKeyConstraint("device_id", "local_date", "app_id", "site_key"),
        {"sqlite_with_rowid": False},
    )

    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))  # key columns first
    local_date: Mapped[date] = mapped_column(DayNumber)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id"))
    site_key: Mapped[int] = mapped_column(Integer)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    seconds: Mapped[float] = mapped_column(Float)


class UsageLimit(Base):
    """A daily limit of one device on one target (see the module docstring for ``seconds``)."""

    __tablename__ = "usage_limit"
    __table_args__ = (UniqueConstraint("device_id", "target_kind", "target_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_key: Mapped[str] = mapped_column(String(255))
    seconds: Mapped[str] = mapped_column(String(64))
    mode: Mapped[str] = mapped_column(String(16))
    locked_until: Mapped[date | None] = mapped_column(DayNumber)
    cooling_off: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pending_seconds: Mapped[str | None] = mapped_column(String(64))
    pending_mode: Mapped[str | None] = mapped_column(String(16))
    pending_snooze_budget: Mapped[int | None] = mapped_column(Integer)
    pending_cooling_off: Mapped[bool | None] = mapped_column(Boolean)
    pending_effective_ms: Mapped[int | None] = mapped_column(BigInteger)
    snooze_budget: Mapped[int | None] = mapped_column(Integer)
    warn_before_seconds: Mapped[int] = mapped_column(Integer)
    experiment_id: Mapped[int | None] = mapped_column(Integer)
    created_ms: Mapped[int] = mapped_column(BigInteger)
    updated_ms: Mapped[int] = mapped_column(BigInteger)


class LimitEventRow(Base):
    """One entry of the bypass log: warned, reached, snoozed, ignored, changed, a clock jump."""

    __tablename__ = "limit_event"
    __table_args__ = (Index("ix_limit_event_device_id_local_date", "device_id", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    target_kind: Mapped[str | None] = mapped_column(String(16))
    target_key: Mapped[str | None] = mapped_column(String(255))
    local_date: Mapped[date] = mapped_column(DayNumber)
    kind: Mapped[str] = mapped_column(String(16))
    at_ms: Mapped[int] = mapped_column(BigInteger)
    detail: Mapped[str] = mapped_column(Text, default="", server_default="")


class DowntimeRow(Base):
    """A device's daily downtime (at most one row per device)."""

    __tablename__ = "downtime"

    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"), primary_key=True)
    start_minute: Mapped[int] = mapped_column(Integer)
    end_minute: Mapped[int] = mapped_column(Integer)
    weekdays: Mapped[int] = mapped_column(Integer)
    always_allowed: Mapped[str] = mapped_column(Text, default="", server_default="")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    updated_ms: Mapped[int] = mapped_column(BigInteger)


class ExperimentRow(Base):
    """A self-experiment of one device (migration 0006); its rows are never deleted."""

    __tablename__ = "experiment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    design: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[date] = mapped_column(DayNumber)
    primary_measure: Mapped[str] = mapped_column(String(16))
    targets: Mapped[str] = mapped_column(Text)
    limit_seconds: Mapped[int] = mapped_column(Integer)
    checkin_minute: Mapped[int] = mapped_column(Integer)
    prompts_per_day: Mapped[int] = mapped_column(Integer)
    follow_up: Mapped[bool] = mapped_column(Boolean)
    pairs: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int] = mapped_column(BigInteger)
    drawn_order: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(16))
    created_ms: Mapped[int] = mapped_column(BigInteger)
    ended_ms: Mapped[int | None] = mapped_column(BigInteger)


class CheckinRow(Base):
    """The evening check-in of one experiment day (a second one replaces the first)."""

    __tablename__ = "experiment_checkin"

    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id"), primary_key=True)
    local_date: Mapped[date] = mapped_column(DayNumber, primary_key=True)
    mood: Mapped[int] = mapped_column(Integer)
    lonely: Mapped[int] = mapped_column(Integer)
    anxious: Mapped[int] = mapped_column(Integer)
    missed_out: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    late: Mapped[bool] = mapped_column(Boolean)
    answered_ms: Mapped[int] = mapped_column(BigInteger)


class QuestionnaireRow(Base):
    """A questionnaire answered for one experiment day: answers, score and instrument version."""

    __tablename__ = "questionnaire_response"

    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id"), primary_key=True)
    local_date: Mapped[date] = mapped_column(DayNumber, primary_key=True)
    instrument: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[str] = mapped_column(String(32))
    answers: Mapped[str] = mapped_column(String(64))
    raw: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    answered_ms: Mapped[int] = mapped_column(BigInteger)


class PhoneReportRow(Base):
    """Screen time a user read off their phone for one target (seconds a day), self-reported."""

    __tablename__ = "experiment_phone"

    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id"), primary_key=True)
    local_date: Mapped[date] = mapped_column(DayNumber, primary_key=True)
    target: Mapped[str] = mapped_column(String(255), primary_key=True)
    seconds: Mapped[int] = mapped_column(Integer)


class PromptRow(Base):
    """The answer to one of the day's short random prompts (mood right now, 0-10)."""

    __tablename__ = "experiment_prompt"

    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id"), primary_key=True)
    local_date: Mapped[date] = mapped_column(DayNumber, primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    mood: Mapped[int] = mapped_column(Integer)
    answered_ms: Mapped[int] = mapped_column(BigInteger)


class ReminderRow(Base):
    """A reminder sent (so each fires once, across restarts)."""

    __tablename__ = "experiment_reminder"

    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id"), primary_key=True)
    local_date: Mapped[date] = mapped_column(DayNumber, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    sent_ms: Mapped[int] = mapped_column(BigInteger)
