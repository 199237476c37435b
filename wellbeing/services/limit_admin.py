"""Setting, removing and locking limits and downtime the way a person asks for it.

Shared by the CLI (``wellbeing limits ...``) and, later, the dashboard's limit
editor, so both follow the same rules:

- every change goes through ``core.limit_changes.apply_change`` (tighten at
  once, loosen after cooling-off, never loosen a locked limit early), and a
  ``changed`` event records it in the bypass log (``detail`` says what the
  limit became; a downtime change is recorded with no target and
  ``detail`` starting with ``downtime``);
- anything that cannot be accepted raises ``core.limits.LimitError`` (or its
  ``LimitLocked``) *before* anything is written.

Texts people type and read (``10m``, ``1h30m``, ``mon-fri``) are parsed by
``core.limits`` and written back by :func:`format_seconds` and
:func:`describe_seconds`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from wellbeing.core.i18n import translate
from wellbeing.core.limit_changes import apply_change, settle
from wellbeing.core.limits import (
    WEEKDAY_NAMES,
    Downtime,
    Limit,
    LimitError,
    LimitEvent,
    LimitTarget,
    format_days,
    resolve_target,
)
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.services.context import Context
from wellbeing.services.limit_ports import LimitStore
from wellbeing.services.trusted_time import trusted_moment
from wellbeing.storage.limits import KnownNames, LimitRepository

__all__ = [
    "LimitChange",
    "Moment",
    "change_limit",
    "describe_downtime",
    "describe_limit",
    "describe_pending",
    "describe_seconds",
    "find_target",
    "format_minute",
    "format_seconds",
    "open_limit_store",
    "parse_downtime_span",
    "set_downtime",
    "weekday_map",
    "with_days",
]


@dataclass(frozen=True, slots=True)
class Moment:
    """When a change is asked for: the local tracking day (for locks) and UTC ms."""

    today: date
    now_ms: int

    @classmethod
    def now(cls, today: date) -> Moment:
        return cls(today, int(time.time() * 1000))

    @classmethod
    def trusted(cls, store: LimitStore, day_start_hour: int) -> Moment:
        """Now by trusted time: the clock's changes recorded in this boot do not count.

        Setting the clock past a lock's date therefore does not unlock it early.
        """
        wall = time.time()
        offset = round(time.localtime(wall).tm_gmtoff / 60)
        today, now_ms = trusted_moment(store, wall, offset, day_start_hour)
        return cls(today, now_ms)


@dataclass(frozen=True, slots=True)
class LimitChange:
    """What a change did: the limit before and after (None: none), and the event's detail."""

    before: Limit | None
    after: Limit | None
    detail: str


def open_limit_store(ctx: Context) -> LimitRepository:
    """The limit store of the opened data dir's device (SQLAlchemy; also knows the names)."""
    return LimitRepository(ctx.db, ctx.device_id)


def find_target(text: str, store: LimitStore, names: KnownNames) -> LimitTarget:
    """The target ``text`` names: a limit already set (as ``list`` shows it), or a known name.

    Raises:
        LimitError: not a known app, site, category or ``total`` (with close matches).
    """
    for limit in store.limits():
        if str(limit.target).lower() == text.strip().lower():
            return limit.target
    return resolve_target(text, apps=names.apps, sites=names.sites, categories=names.categories)


def change_limit(
    store: LimitStore,
    target: LimitTarget,
    edit: Callable[[Limit | None], Limit | None],
    moment: Moment,
) -> LimitChange:
    """Change the limit on ``target`` into ``edit(current)`` under the change rules, and log it.

    ``edit`` gets the limit in force (a due pending loosening applied; None if
    there is none) and returns the
    wanted one (None: remove); it may raise :class:`LimitError`.

    Raises:
        LimitError: ``edit`` refused, or the change loosens a locked limit
            (``LimitLocked``); nothing was written.
    """
    current = next((limit for limit in store.limits() if limit.target == target), None)
    if current is not None:
        current = settle(current, moment.now_ms)
    wanted = edit(current)
    after = apply_change(current, wanted, today=moment.today, now_ms=moment.now_ms)
    if after is None:
        if current is None:
            raise LimitError(translate("Limits", "there is no limit on {target}").format(
                target=target))
        store.remove_limit(target)
        detail = "removed"
    else:
        after = store.save_limit(after)
        detail = describe_limit(after)
    store.record_event(LimitEvent(target, "changed", moment.today, moment.now_ms, detail))
    return LimitChange(current, after, detail)


def set_downtime(store: LimitStore, downtime: Downtime | None, moment: Moment) -> str:
    """Set (None: turn off) the downtime and log it; returns the event's detail."""
    store.save_downtime(downtime)
    detail = "downtime off" if downtime is None else f"downtime {describe_downtime(downtime)}"
    store.record_event(LimitEvent(None, "changed", moment.today, moment.now_ms, detail))
    return detail


# -- texts ----------------------------------------------------------------------------


def format_seconds(seconds: int) -> str:
    """A limit as people type it: ``10m``, ``1h30m``, ``90s`` → ``1m30s``, ``2h``."""
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours}h" if hours else "", f"{minutes}m" if minutes else "",
             f"{secs}s" if secs else ""]
    return "".join(parts) or "0s"


def _words(text: str, shown: bool) -> str:
    """``text`` (marked for lupdate) in the interface's language when ``shown``, else English."""
    return translate("LimitTexts", text) if shown else text


def describe_seconds(seconds: Sequence[int | None], *, shown: bool = False) -> str:
    """Seconds per weekday in words: ``10m mon-fri, 30m sat,sun``; ``no days`` when none.

    Durations and days stay as they are typed (``10m``, ``mon-fri``) in any
    language; ``shown`` translates the words around them (the log's detail is English).
    """
    groups: dict[int, list[int]] = {}
    for day, value in enumerate(seconds):
        if value is not None:
            groups.setdefault(value, []).append(day)
    if not groups:
        return _words(QT_TRANSLATE_NOOP("LimitTexts", "no days"), shown)
    ordered = sorted(groups.items(), key=lambda item: item[1][0])
    return ", ".join(f"{format_seconds(value)} {format_days(days)}" for value, days in ordered)


def describe_limit(limit: Limit, *, shown: bool = False) -> str:
    """One line: days, mode, lock, cooling-off, and a pending loosening (UTC time).

    English (what the bypass log records) unless ``shown``.
    """
    parts = [describe_seconds(limit.seconds_by_weekday, shown=shown), limit.mode]
    if limit.locked_until is not None:
        parts.append(_words(QT_TRANSLATE_NOOP("LimitTexts", "locked until {day}"), shown).format(
            day=limit.locked_until.isoformat()))
    if limit.cooling_off:
        parts.append(_words(QT_TRANSLATE_NOOP("LimitTexts", "cooling-off"), shown))
    pending = describe_pending(limit, shown=shown)
    if pending:
        parts.append(pending)
    return "; ".join(parts)


def describe_pending(limit: Limit, *, shown: bool = False) -> str:
    """The pending loosening of ``limit`` (its UTC time, what it becomes); "" when none."""
    if limit.pending is None:
        return ""
    when = datetime.fromtimestamp(limit.pending.effective_at_ms / 1000, UTC)
    return _words(QT_TRANSLATE_NOOP("LimitTexts", "from {when} UTC: {becomes}, {mode}"),
                  shown).format(when=f"{when:%Y-%m-%d %H:%M}",
                                becomes=describe_seconds(limit.pending.seconds_by_weekday,
                                                         shown=shown),
                                mode=limit.pending.mode)


def format_minute(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def describe_downtime(downtime: Downtime, *, shown: bool = False) -> str:
    """``23:00-07:00 starting mon-fri, allowed: a, b (off)``; English unless ``shown``."""
    text = f"{format_minute(downtime.start_minute)}-{format_minute(downtime.end_minute)}"
    if len(downtime.weekdays) < 7:
        text = _words(QT_TRANSLATE_NOOP("LimitTexts", "{span} starting {days}"), shown).format(
            span=text, days=format_days(downtime.weekdays))
    if downtime.always_allowed:
        text = _words(QT_TRANSLATE_NOOP("LimitTexts", "{downtime}, allowed: {targets}"),
                      shown).format(downtime=text,
                                    targets=", ".join(sorted(downtime.always_allowed)))
    if not downtime.enabled:
        text = _words(QT_TRANSLATE_NOOP("LimitTexts", "{downtime} (off)"), shown).format(
            downtime=text)
    return text


def parse_downtime_span(text: str) -> tuple[int, int]:
    """Minutes after midnight of ``"23:00-07:00"``: (1380, 420).

    Raises:
        LimitError: not two times ``HH:MM`` joined by ``-``, or they are equal.
    """
    parts = text.strip().split("-")
    if len(parts) != 2:
        raise LimitError(translate(
            "LimitTexts", "'{text}' is not a time span; write it like 23:00-07:00, or 'off'"
        ).format(text=text))
    start, end = (_parse_minute(part, text) for part in parts)
    if start == end:
        raise LimitError(translate(
            "LimitTexts", "downtime '{text}' starts when it ends; give two different times"
        ).format(text=text))
    return start, end


def _parse_minute(part: str, whole: str) -> int:
    pieces = part.strip().split(":")
    if len(pieces) != 2 or not all(p.isdigit() and len(p) <= 2 for p in pieces):
        raise LimitError(translate("LimitTexts", "'{part}' in '{whole}' is not a time like 23:00"
                                   ).format(part=part.strip(), whole=whole))
    hour, minute = int(pieces[0]), int(pieces[1])
    if hour > 23 or minute > 59:
        raise LimitError(translate(
            "LimitTexts", "'{part}' in '{whole}' is not a time of day (00:00 to 23:59)"
        ).format(part=part.strip(), whole=whole))
    return hour * 60 + minute


def weekday_map(seconds: Sequence[int | None]) -> dict[str, int | None]:
    """``{"mon": 600, ..., "sun": None}`` for JSON."""
    return dict(zip(WEEKDAY_NAMES, seconds, strict=True))


def with_days(current: Limit | None, target: LimitTarget, seconds: int,
              days: frozenset[int]) -> Limit:
    """``current`` (or a new notify limit) with ``seconds`` on ``days``, other days kept."""
    base = current if current is not None else Limit(target, (None,) * 7)
    week = tuple(seconds if day in days else base.seconds_by_weekday[day] for day in range(7))
    return replace(base, seconds_by_weekday=week, pending=None)
