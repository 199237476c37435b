"""Writing imported history: one transaction, one device per source, only time not there yet.

An import (ActivityWatch's history, or our own export) arrives as finished
pieces grouped by the device they were recorded on. :func:`write_history`
writes all of them in ONE transaction, so a failure leaves the database as it
was. Each source device is found by its uuid, or created with the name and
platform given. Of each piece, only the time its device does not have yet is
written: the spans already stored for that device (read once per device, over
the import's days) are cut out. Importing the same file twice therefore adds
nothing the second time, and history a device recorded itself is never
doubled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import Connection, Table, select

from wellbeing.core.activity import Interval as Piece
from wellbeing.core.spans import exclusive, subtract, union
from wellbeing.storage.db import Database
from wellbeing.storage.models import Device
from wellbeing.storage.pieces import check_pieces
from wellbeing.storage.rollup import INTERVAL
from wellbeing.storage.writer import insert_pieces

__all__ = ["SourceDevice", "WrittenHistory", "write_device_pieces", "write_history"]

DEVICE: Table = Device.__table__  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class SourceDevice:
    """The device imported history belongs to: a stable uuid, a name, a platform."""

    uuid: str
    name: str
    platform: str


@dataclass(frozen=True, slots=True)
class WrittenHistory:
    """What one device's import wrote, and what it left out as already there."""

    device: SourceDevice
    pieces_written: int
    seconds_written: float
    seconds_already_there: float


def write_history(
    db: Database, histories: Sequence[tuple[SourceDevice, Sequence[Piece]]], *, now_ms: int
) -> list[WrittenHistory]:
    """Write every device's pieces in one transaction (see the module docstring).

    Raises:
        StorageUnavailable: the database could not be written; nothing was.
    """
    results = []
    with db.transaction() as conn:
        for device, pieces in histories:
            check_pieces(pieces)
            device_id = _device_row(conn, device, now_ms)
            new = _not_yet_stored(conn, device_id, pieces)
            insert_pieces(conn, device_id, new)
            offered = sum(p.end_ms - p.start_ms for p in pieces)
            written = sum(p.end_ms - p.start_ms for p in new)
            results.append(WrittenHistory(device, len(new), written / 1000,
                                          (offered - written) / 1000))
    return results


def write_device_pieces(db: Database, device_id: int, pieces: Sequence[Piece]) -> float:
    """Write ``pieces`` of the device ``device_id`` (a spool's), without the time it has.

    One transaction; returns the seconds written.

    Raises:
        StorageUnavailable: the database could not be written; nothing was.
    """
    check_pieces(pieces)
    with db.transaction() as conn:
        new = _not_yet_stored(conn, device_id, pieces)
        insert_pieces(conn, device_id, new)
    return sum(p.end_ms - p.start_ms for p in new) / 1000


def _device_row(conn: Connection, device: SourceDevice, now_ms: int) -> int:
    found = conn.scalar(select(DEVICE.c.id).where(DEVICE.c.uuid == device.uuid))
    if found is not None:
        return int(found)
    created = conn.scalar(
        DEVICE.insert()
        .values(uuid=device.uuid, name=device.name, platform=device.platform,
                created_at_ms=now_ms)
        .returning(DEVICE.c.id)
    )
    assert created is not None
    return int(created)


def _not_yet_stored(conn: Connection, device_id: int, pieces: Sequence[Piece]) -> list[Piece]:
    """``pieces`` without the time ``device_id`` already has (and without overlaps among them)."""
    if not pieces:
        return []
    first = min(p.local_date for p in pieces) - timedelta(days=1)
    last = max(p.local_date for p in pieces) + timedelta(days=1)
    stored = conn.execute(
        select(INTERVAL.c.start_ms, INTERVAL.c.end_ms).where(
            INTERVAL.c.device_id == device_id,
            INTERVAL.c.local_date >= first,
            INTERVAL.c.local_date <= last,
        )
    ).all()
    taken = union((int(start), int(end)) for start, end in stored)
    alone = exclusive((p.start_ms, p.end_ms, p) for p in pieces)
    free = subtract(alone, taken)
    return [replace(p, start_ms=start, end_ms=end) for start, end, p in free]
