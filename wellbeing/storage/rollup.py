"""The ``daily_usage`` roll-up: adding seconds to it, and rebuilding it from ``interval``.

``daily_usage`` holds, per (device, local date, app, site), the sum of the
seconds of that device's intervals; the writer keeps it equal in the same
transaction as each interval write, and :func:`rebuild_daily_usage` recomputes it
from scratch for repair.

Adding is an upsert on the unique key ``(device_id, local_date, app_id,
site_key)``: ``INSERT ... ON CONFLICT DO UPDATE SET seconds = seconds +
excluded.seconds`` on SQLite and PostgreSQL (each dialect's own ``insert``
construct, chosen by name), and an UPDATE-then-INSERT fallback elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Float,
    Insert,
    Table,
    and_,
    bindparam,
    cast,
    delete,
    func,
    select,
    update,
)
from sqlalchemy import insert as core_insert

from wellbeing.storage.models import DailyUsage, Interval

DAILY_USAGE: Table = DailyUsage.__table__  # type: ignore[assignment]
INTERVAL: Table = Interval.__table__  # type: ignore[assignment]

#: (local_date, app_id, site_id) -> milliseconds to add (may be negative).
UsageDeltas = Mapping[tuple[date, int, int | None], int]


def native_upsert(conn: Connection) -> bool:
    """Whether this dialect has ``INSERT ... ON CONFLICT`` support in SQLAlchemy."""
    return conn.dialect.name in ("sqlite", "postgresql")


def dialect_insert(conn: Connection, table: Table) -> Any:
    """The dialect's own INSERT construct (with ``on_conflict_do_*``) for SQLite/PostgreSQL."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def site_key(site_id: int | None) -> int:
    """The non-null stand-in for ``site_id`` in daily_usage's unique key (0 = no site)."""
    return 0 if site_id is None else site_id


def add_daily_seconds(
    conn: Connection, device_id: int, deltas: UsageDeltas, *, native: bool | None = None
) -> None:
    """Add each delta (milliseconds) to its daily_usage row, creating rows as needed.

    Zero deltas are skipped. With ``native`` None the dialect decides; tests
    pass False to exercise the portable fallback on SQLite.
    """
    rows = [
        {
            "device_id": device_id,
            "local_date": day,
            "app_id": app_id,
            "site_id": site_id,
            "site_key": site_key(site_id),
            "seconds": ms / 1000.0,
        }
        for (day, app_id, site_id), ms in deltas.items()
        if ms != 0
    ]
    if not rows:
        return
    if native is None:
        native = native_upsert(conn)
    if native:
        conn.execute(_native_upsert(conn), rows)
        return
    _add_portably(conn, rows)


_UPSERTS: dict[str, Insert] = {}


def _native_upsert(conn: Connection) -> Insert:
    """The dialect's INSERT … ON CONFLICT DO UPDATE, built once (it runs at every flush)."""
    stmt = _UPSERTS.get(conn.dialect.name)
    if stmt is None:
        ins = dialect_insert(conn, DAILY_USAGE)
        stmt = _UPSERTS[conn.dialect.name] = ins.on_conflict_do_update(
            index_elements=["device_id", "local_date", "app_id", "site_key"],
            set_={"seconds": DAILY_USAGE.c.seconds + ins.excluded.seconds},
        )
    return stmt


def _add_portably(conn: Connection, rows: list[dict[str, Any]]) -> None:
    c = DAILY_USAGE.c
    bump = (
        update(DAILY_USAGE)
        .where(
            and_(
                c.device_id == bindparam("b_device_id"),
                c.local_date == bindparam("b_local_date"),
                c.app_id == bindparam("b_app_id"),
                c.site_key == bindparam("b_site_key"),
            )
        )
        .values(seconds=c.seconds + bindparam("b_seconds", type_=Float))
    )
    missing = []
    for row in rows:
        result = conn.execute(bump, {f"b_{k}": v for k, v in row.items() if k != "site_id"})
        if result.rowcount == 0:
            missing.append(row)
    if missing:
        conn.execute(core_insert(DAILY_USAGE), missing)


def rebuild_daily_usage(conn: Connection, device_id: int | None = None) -> None:
    """Recompute daily_usage from interval (one device, or all when None)."""
    i = INTERVAL.c
    clear = delete(DAILY_USAGE)
    source = select(
        i.device_id,
        i.local_date,
        i.app_id,
        i.site_id,
        func.coalesce(i.site_id, 0),
        cast(func.sum(i.end_ms - i.start_ms), Float) / 1000.0,
    ).group_by(i.device_id, i.local_date, i.app_id, i.site_id)
    if device_id is not None:
        clear = clear.where(DAILY_USAGE.c.device_id == device_id)
        source = source.where(i.device_id == device_id)
    conn.execute(clear)
    conn.execute(
        core_insert(DAILY_USAGE).from_select(
            ["device_id", "local_date", "app_id", "site_id", "site_key", "seconds"], source
        )
    )
