"""Limits, downtime and the bypass log in the database, through SQLAlchemy (SQLite, PostgreSQL).

:class:`LimitRepository` satisfies ``services.limit_ports.LimitStore`` for the
tray app, ``track --db URL`` and the CLI; ``storage.sqlite_limits`` is its
stdlib ``sqlite3`` twin for the headless tracker, and both pass the same tests.
Rows are turned into ``core.limits`` values by ``storage.limit_rows``.

Each write is one short transaction. Writes to limits or downtime add one to
the ``limits_revision`` meta row in the same transaction, so :meth:`revision`
(one primary-key read) tells a running enforcer to reload. Limits, downtime and
events belong to the device the repository was made for; :meth:`usage_on`
counts every device's use (a limit holds across devices sharing a database).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection, Integer, Table, Text, cast, delete, func, select, update
from sqlalchemy import insert as core_insert
from sqlalchemy.exc import OperationalError

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.core.limits import (
    DeviceScope,
    Downtime,
    Limit,
    LimitEvent,
    LimitTarget,
    UsageToday,
)
from wellbeing.errors import StorageUnavailable
from wellbeing.storage.db import Database
from wellbeing.storage.limit_rows import (
    LIMIT_COLUMNS,
    REVISION_KEY,
    downtime_from_row,
    downtime_values,
    event_from_row,
    event_values,
    limit_from_row,
    limit_values,
    ordered,
    usage_from_rows,
)
from wellbeing.storage.models import (
    App,
    Category,
    DailyUsage,
    Device,
    DowntimeRow,
    LimitEventRow,
    Meta,
    Site,
    UsageLimit,
    day_number,
)
from wellbeing.storage.pieces import unwritable
from wellbeing.storage.rollup import dialect_insert

__all__ = ["KnownNames", "LimitRepository"]

LIMIT: Table = UsageLimit.__table__  # type: ignore[assignment]
EVENT: Table = LimitEventRow.__table__  # type: ignore[assignment]
DOWNTIME: Table = DowntimeRow.__table__  # type: ignore[assignment]
META: Table = Meta.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class KnownNames:
    """What a limit can be set on by name: app keys, site domains and category names."""

    apps: list[str]
    sites: list[str]
    categories: list[str]


class LimitRepository:
    """This device's limits, downtime and limit events (``services.limit_ports.LimitStore``).

    Args:
        db: the open database.
        device_id: the ``device`` row limits and events belong to.
        clock: where ``created_ms``/``updated_ms`` come from (default: the system clock).

    Raises (every method): :class:`~wellbeing.errors.StorageUnavailable` when the
    database cannot be read or written (busy, disk full, server gone).
    """

    def __init__(self, db: Database, device_id: int, *, clock: Clock | None = None) -> None:
        self._db = db
        self._device_id = device_id
        self._clock = clock

    def limits(self) -> list[Limit]:
        """Every limit of this device, by target text."""
        columns = [LIMIT.c[name] for name in LIMIT_COLUMNS]
        with self._read() as conn:
            rows = conn.execute(select(*columns).where(LIMIT.c.device_id == self._device_id))
            return ordered(limit_from_row(tuple(row)) for row in rows)

    def save_limit(self, limit: Limit) -> Limit:
        """Insert or replace the limit on ``limit.target``; returns it with its id."""
        values = limit_values(limit)
        now = self._now_ms()
        with self._write() as conn:
            stmt = dialect_insert(conn, LIMIT).values(
                device_id=self._device_id, created_ms=now, updated_ms=now, **values
            )
            row_id = conn.scalar(stmt.on_conflict_do_update(
                index_elements=[LIMIT.c.device_id, LIMIT.c.target_kind, LIMIT.c.target_key],
                set_={**values, "updated_ms": now},
            ).returning(LIMIT.c.id))
            _bump_revision(conn)
        assert row_id is not None
        return replace(limit, id=int(row_id))

    def remove_limit(self, target: LimitTarget) -> bool:
        """Delete the limit on ``target`` (its events stay); False if there was none."""
        with self._write() as conn:
            removed = conn.execute(
                delete(LIMIT).where(
                    LIMIT.c.device_id == self._device_id,
                    LIMIT.c.target_kind == target.kind,
                    LIMIT.c.target_key == target.key,
                )
            ).rowcount
            if removed:
                _bump_revision(conn)
        return bool(removed)

    def downtime(self) -> Downtime | None:
        c = DOWNTIME.c
        with self._read() as conn:
            row = conn.execute(
                select(c.start_minute, c.end_minute, c.weekdays, c.always_allowed, c.enabled)
                .where(c.device_id == self._device_id)
            ).first()
        return None if row is None else downtime_from_row(tuple(row))

    def save_downtime(self, downtime: Downtime | None) -> None:
        """Set this device's downtime; None removes it."""
        with self._write() as conn:
            conn.execute(delete(DOWNTIME).where(DOWNTIME.c.device_id == self._device_id))
            if downtime is not None:
                conn.execute(core_insert(DOWNTIME).values(
                    device_id=self._device_id, updated_ms=self._now_ms(),
                    **downtime_values(downtime),
                ))
            _bump_revision(conn)

    def events(self, first: date, last: date) -> list[LimitEvent]:
        """This device's events of local days ``first`` .. ``last``, oldest first."""
        c = EVENT.c
        with self._read() as conn:
            rows = conn.execute(
                select(c.target_kind, c.target_key, c.local_date, c.kind, c.at_ms, c.detail)
                .where(
                    c.device_id == self._device_id,
                    c.local_date.between(day_number(first), day_number(last)),
                )
                .order_by(c.at_ms, c.id)
            )
            return [event_from_row(tuple(row)) for row in rows]

    def record_event(self, event: LimitEvent) -> None:
        with self._write() as conn:
            conn.execute(
                core_insert(EVENT).values(device_id=self._device_id, **event_values(event))
            )

    def usage_on(self, day: date, devices: DeviceScope = "all") -> UsageToday:
        """Use on local ``day`` by app, site, category and in total (``devices``: whose)."""
        device_ids = select(Device.id)
        if devices == "this":
            device_ids = device_ids.where(Device.id == self._device_id)
        elif devices == "others":
            device_ids = device_ids.where(Device.id != self._device_id)
        usage, app, site, category = (
            DailyUsage.__table__.c, App.__table__.c, Site.__table__.c, Category.__table__.c
        )
        stmt = (
            select(app.key, site.domain, category.name, func.sum(usage.seconds))
            .select_from(
                DailyUsage.__table__.join(App.__table__, app.id == usage.app_id)
                .outerjoin(Site.__table__, site.id == usage.site_id)
                .outerjoin(
                    Category.__table__,
                    category.id == func.coalesce(site.category_id, app.category_id),
                )
            )
            # device_id IN (...) keeps the (device_id, local_date) primary key usable
            .where(
                usage.device_id.in_(device_ids.scalar_subquery()),
                usage.local_date == day_number(day),
            )
            .group_by(app.key, site.domain, category.name)
        )
        with self._read() as conn:
            return usage_from_rows(tuple(row) for row in conn.execute(stmt))

    def revision(self) -> int:
        """The change counter of limits and downtime (one primary-key read)."""
        with self._read() as conn:
            value = conn.scalar(select(META.c.value).where(META.c.key == REVISION_KEY))
        return int(value) if value is not None else 0

    def known_names(self) -> KnownNames:
        """Every app key, site domain and category name in the database, sorted."""
        with self._read() as conn:
            return KnownNames(
                apps=sorted(conn.scalars(select(App.key))),
                sites=sorted(conn.scalars(select(Site.domain))),
                categories=sorted(conn.scalars(select(Category.name))),
            )

    # -- internals ---------------------------------------------------------------------

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self._db.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise StorageUnavailable(
                translate("Storage", "Could not read limits from the database: {error}.").format(
                    error=exc.orig or exc),
                hint=translate("Storage",
                               "Check that the database is reachable ('wellbeing doctor')."),
            ) from exc

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self._db.transaction() as conn:
                yield conn
        except OperationalError as exc:
            raise unwritable(exc.orig or exc) from exc

    def _now_ms(self) -> int:
        wall = self._clock.now().wall if self._clock is not None else time.time()
        return int(wall * 1000)


def _bump_revision(conn: Connection) -> None:
    """Add one to the ``limits_revision`` meta row (creating it if a migration did not)."""
    bumped = conn.execute(
        update(META)
        .where(META.c.key == REVISION_KEY)
        .values(value=cast(cast(META.c.value, Integer) + 1, Text))
    ).rowcount
    if not bumped:
        conn.execute(core_insert(META).values(key=REVISION_KEY, value="1"))

