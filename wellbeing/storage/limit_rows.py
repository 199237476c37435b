"""Rows of the limit tables to and from ``core.limits`` values, for both limit stores.

Standard library only: shared by ``storage.limits`` (SQLAlchemy) and
``storage.sqlite_limits`` (the headless tracker's ``sqlite3``), so both read and
write exactly the same values. The encodings are described in
``storage.models`` (``seconds`` as seven comma-separated entries, downtime
weekdays as a bit mask, allowed targets one per line).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from wellbeing.core.limits import (
    MODES,
    Downtime,
    Limit,
    LimitEvent,
    LimitTarget,
    Mode,
    PendingChange,
    TargetKind,
    UsageToday,
)
from wellbeing.storage.pieces import EPOCH_DAY, day_number

__all__ = [
    "LIMIT_COLUMNS",
    "OTHER_CATEGORY",
    "REVISION_KEY",
    "decode_seconds",
    "downtime_from_row",
    "downtime_values",
    "encode_seconds",
    "event_from_row",
    "event_values",
    "limit_from_row",
    "limit_values",
    "ordered",
    "usage_from_rows",
]

REVISION_KEY = "limits_revision"
"""The ``meta`` row counting changes to limits and downtime."""

OTHER_CATEGORY = "Other"
"""Where uncategorised use counts (as in ``report --by category``)."""

LIMIT_COLUMNS = (
    "id", "target_kind", "target_key", "seconds", "mode", "locked_until", "cooling_off",
    "pending_seconds", "pending_mode", "pending_snooze_budget", "pending_cooling_off",
    "pending_effective_ms", "snooze_budget", "warn_before_seconds", "experiment_id",
)
"""The ``usage_limit`` columns :func:`limit_from_row` reads, in its order."""

_KINDS: tuple[TargetKind, ...] = ("app", "site", "category", "total")


def encode_seconds(seconds: Sequence[int | None]) -> str:
    """Seven entries, Monday first: ``"600,600,600,600,600,,"`` (empty: no limit that day)."""
    if len(seconds) != 7:
        raise ValueError(f"a limit needs 7 weekdays, not {len(seconds)}")
    return ",".join("" if s is None else str(int(s)) for s in seconds)


def decode_seconds(text: str) -> tuple[int | None, ...]:
    parts = text.split(",")
    if len(parts) != 7:
        raise ValueError(f"stored limit seconds {text!r} do not have 7 weekdays")
    return tuple(int(part) if part else None for part in parts)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return EPOCH_DAY + timedelta(days=int(value))


def _mode(value: Any) -> Mode:
    if value not in MODES:
        raise ValueError(f"stored limit mode {value!r} is unknown")
    mode: Mode = value
    return mode


def _target(kind: Any, key: Any) -> LimitTarget:
    if kind not in _KINDS:
        raise ValueError(f"stored limit target kind {kind!r} is unknown")
    target_kind: TargetKind = kind
    return LimitTarget(target_kind, str(key or ""))


def limit_from_row(row: Sequence[Any]) -> Limit:
    """A :class:`Limit` from the :data:`LIMIT_COLUMNS` of one ``usage_limit`` row."""
    (row_id, kind, key, seconds, mode, locked_until, cooling_off, pending_seconds, pending_mode,
     pending_budget, pending_cooling_off, pending_ms, snooze_budget, warn_before,
     experiment_id) = row
    pending = None
    if pending_seconds is not None and pending_ms is not None:
        pending = PendingChange(
            seconds_by_weekday=decode_seconds(pending_seconds),
            mode=_mode(pending_mode),
            effective_at_ms=int(pending_ms),
            snooze_budget=pending_budget,
            cooling_off=bool(pending_cooling_off),
        )
    return Limit(
        target=_target(kind, key),
        seconds_by_weekday=decode_seconds(seconds),
        mode=_mode(mode),
        locked_until=_day(locked_until),
        cooling_off=bool(cooling_off),
        pending=pending,
        snooze_budget=snooze_budget,
        warn_before_seconds=int(warn_before),
        id=int(row_id),
        experiment_id=experiment_id,
    )


def limit_values(limit: Limit) -> dict[str, Any]:
    """The ``usage_limit`` columns of ``limit`` (not id, device, or the times), as stored."""
    pending = limit.pending
    return {
        "target_kind": limit.target.kind,
        "target_key": limit.target.key,
        "seconds": encode_seconds(limit.seconds_by_weekday),
        "mode": limit.mode,
        "locked_until": None if limit.locked_until is None else day_number(limit.locked_until),
        "cooling_off": limit.cooling_off,
        "pending_seconds": None if pending is None else encode_seconds(pending.seconds_by_weekday),
        "pending_mode": None if pending is None else pending.mode,
        "pending_snooze_budget": None if pending is None else pending.snooze_budget,
        "pending_cooling_off": None if pending is None else pending.cooling_off,
        "pending_effective_ms": None if pending is None else pending.effective_at_ms,
        "snooze_budget": limit.snooze_budget,
        "warn_before_seconds": limit.warn_before_seconds,
        "experiment_id": limit.experiment_id,
    }


def event_values(event: LimitEvent) -> dict[str, Any]:
    """The ``limit_event`` columns of ``event`` (not id or device)."""
    return {
        "target_kind": None if event.target is None else event.target.kind,
        "target_key": None if event.target is None else event.target.key,
        "local_date": day_number(event.local_date),
        "kind": event.kind,
        "at_ms": event.at_ms,
        "detail": event.detail,
    }


def event_from_row(row: Sequence[Any]) -> LimitEvent:
    """From ``(target_kind, target_key, local_date, kind, at_ms, detail)``."""
    kind, key, local_date, event_kind, at_ms, detail = row
    day = _day(local_date)
    assert day is not None
    return LimitEvent(
        target=None if kind is None else _target(kind, key),
        kind=event_kind,
        local_date=day,
        at_ms=int(at_ms),
        detail=detail or "",
    )


def downtime_values(downtime: Downtime) -> dict[str, Any]:
    """The ``downtime`` columns (not device or time)."""
    return {
        "start_minute": downtime.start_minute,
        "end_minute": downtime.end_minute,
        "weekdays": sum(1 << day for day in downtime.weekdays),
        "always_allowed": "\n".join(sorted(downtime.always_allowed)),
        "enabled": downtime.enabled,
    }


def downtime_from_row(row: Sequence[Any]) -> Downtime:
    """From ``(start_minute, end_minute, weekdays, always_allowed, enabled)``."""
    start, end, weekdays, allowed, enabled = row
    return Downtime(
        start_minute=int(start),
        end_minute=int(end),
        weekdays=frozenset(day for day in range(7) if int(weekdays) >> day & 1),
        always_allowed=frozenset(line for line in (allowed or "").split("\n") if line),
        enabled=bool(enabled),
    )


def usage_from_rows(rows: Iterable[Sequence[Any]]) -> UsageToday:
    """Sum ``(app key, site domain or None, category name or None, seconds)`` rows.

    An app counts its sites' time too; a category is the site's where the time
    is a site's, else the app's (the caller coalesces), and :data:`OTHER_CATEGORY`
    when there is none.
    """
    by_app: defaultdict[str, float] = defaultdict(float)
    by_site: defaultdict[str, float] = defaultdict(float)
    by_category: defaultdict[str, float] = defaultdict(float)
    total = 0.0
    for app_key, domain, category, seconds in rows:
        value = float(seconds)
        by_app[app_key] += value
        if domain is not None:
            by_site[domain] += value
        by_category[category or OTHER_CATEGORY] += value
        total += value
    return UsageToday(
        by_app=dict(by_app), by_site=dict(by_site), by_category=dict(by_category), total=total
    )


def ordered(limits: Iterable[Limit]) -> list[Limit]:
    """Limits in the stable order the stores return: by target text."""
    return sorted(limits, key=lambda limit: (str(limit.target), limit.target.kind))

