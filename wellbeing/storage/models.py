"""SQLAlchemy 2 ORM models: the tables every later piece of wellbeing reads and writes.

Times are integer UTC milliseconds since the Unix epoch everywhere (columns
ending in ``_ms``); the local UTC offset in force is stored beside them in
minutes east of UTC, and ``local_date`` is the local day (which starts at the
configured day-start hour) the piece belongs to. Nothing is a timezone-aware
datetime in the database, so SQLite and PostgreSQL store exactly the same values.

``daily_usage`` is a roll-up of ``interval`` kept in the same transaction as
the interval writes (see ``storage.writer``). Its ``site_id`` is NULL for use
without a recognised website; because NULLs never collide in a UNIQUE
constraint (on any dialect), the row also carries ``site_key`` = ``site_id`` or
0, and uniqueness is on ``(device_id, local_date, app_id, site_key)``. Row ids
start at 1 on every dialect, so 0 never names a real site. The same
constraint's leading columns serve as the ``(device_id, local_date)`` index the
dashboards read through.

Window titles are not stored unless the user opts in; then each distinct title
is kept once in ``window_title`` and intervals point at it (``title_id``,
NULL otherwise). ``app.is_browser`` marks apps whose use is split into sites,
so a by-site report can list their remaining "other browsing" time;
``app.wm_class`` remembers the WM_CLASS last seen for the app (tab-separated
parts) so rules on WM_CLASS can re-label history. Categories, display names
and these flags are refreshed from the current rules (``services.categories``).

Constraint and index names follow :data:`NAMING_CONVENTION` so migrations and
models agree on every dialect.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Longer titles are cut to this many characters (keeps the unique index small everywhere).
MAX_TITLE_LENGTH = 500

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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
        Index("ix_interval_device_id_local_date", "device_id", "local_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    title_id: Mapped[int | None] = mapped_column(ForeignKey("window_title.id"))
    start_ms: Mapped[int] = mapped_column(BigInteger)
    end_ms: Mapped[int] = mapped_column(BigInteger)
    utc_offset_min: Mapped[int] = mapped_column(Integer)
    local_date: Mapped[date] = mapped_column(Date)


class DailyUsage(Base):
    """Seconds of use per device, local day, app and site: the roll-up dashboards read."""

    __tablename__ = "daily_usage"
    __table_args__ = (UniqueConstraint("device_id", "local_date", "app_id", "site_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"))
    local_date: Mapped[date] = mapped_column(Date)
    app_id: Mapped[int] = mapped_column(ForeignKey("app.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    site_key: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
