"""``wellbeing limits list|set|remove|lock|downtime``: daily limits from the command line.

Registered by ``wellbeing.cli`` (:func:`add_limits_parser`, :func:`cmd_limits`).
No Qt. Every change goes through ``services.limit_admin`` (and so through
``core.limit_changes.apply_change``) and is logged as a ``changed`` event.
Anything that cannot be accepted (a bad duration, a zero limit, an unknown
target, bad days, a lock date in the past, loosening a locked limit) is a
usage error: one message on stderr, exit 2, and nothing written.

``limits list --json`` prints a list with one object per limit::

    {"target": "instagram.com", "kind": "site", "key": "instagram.com",
     "seconds_by_weekday": {"mon": 600, ..., "sun": null},
     "today": {"date": "2026-12-04", "limit_seconds": 600, "used_seconds": 245.0},
     "mode": "nag", "locked_until": "2026-12-31" or null, "cooling_off": false,
     "snooze_budget": 2, "warn_before_seconds": 300,
     "pending": null or {"seconds_by_weekday": {...}, "mode": "notify",
                         "effective_at": "2026-12-05T21:00:00Z"}}

``today.limit_seconds`` is null on a weekday without a limit; ``snooze_budget``
is the number of snoozes a day in force (the mode's default unless set).
"""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from wellbeing import logs
from wellbeing.core.durations import format_duration
from wellbeing.core.i18n import translate
from wellbeing.core.limit_changes import settle
from wellbeing.core.limits import (
    MODES,
    Downtime,
    Limit,
    LimitError,
    LimitTarget,
    Mode,
    UsageToday,
    parse_days,
    parse_duration,
)
from wellbeing.errors import UsageError

if TYPE_CHECKING:
    from wellbeing.services.limit_admin import Moment
    from wellbeing.storage.limits import KnownNames, LimitRepository

EXIT_OK = 0


def add_limits_parser(sub: Any) -> None:
    """Add ``limits`` and its subcommands to the top-level subparsers ``sub``."""
    target_help = translate(
        "CliLimits", "an app key (as 'report --json' shows it), a site's domain "
        "(instagram.com), category:NAME, or total")
    target = translate("CliLimits", "TARGET")
    limits = sub.add_parser(
        "limits",
        help=translate("CliLimits", "list, set, remove or lock daily limits, and set downtime"),
        description=translate(
            "CliLimits", "Daily limits on an app, a site, a category or total screen time. "
            "A locked limit can be made stricter but not looser until its date; with "
            "cooling-off, loosening a limit takes effect 24 hours later."),
    )
    actions = limits.add_subparsers(dest="limits_command", required=True,
                                    metavar=translate("CliLimits", "ACTION"))

    show = actions.add_parser(
        "list", help=translate("CliLimits", "every limit with today's use against it"))
    show.add_argument("--json", action="store_true",
                      help=translate("CliLimits", "print a JSON list (see README)"))

    put = actions.add_parser("set", help=translate(
        "CliLimits", "set a daily limit (only the given days of an existing one with --days)"))
    put.add_argument("target", metavar=target, help=target_help)
    put.add_argument("duration", metavar=translate("CliLimits", "DURATION"),
                     help=translate("CliLimits", "like 10m, 1h30m or 90s"))
    put.add_argument("--days", metavar=translate("CliLimits", "DAYS"),
                     help=translate("CliLimits", "the weekdays it applies to: mon-fri, sat,sun, "
                                    "weekdays, daily (default: every day); other days of an "
                                    "existing limit stay"))
    put.add_argument("--mode", choices=MODES,
                     help=translate("CliLimits", "notify (notifications), nag (a 'Time's up' "
                                    "screen) or block (the screen, no 'ignore'); default: "
                                    "unchanged, notify for a new limit"))
    put.add_argument("--cooling-off", action=argparse.BooleanOptionalAction, default=None,
                     help=translate("CliLimits",
                                    "make loosening this limit take effect 24 hours later"))

    remove = actions.add_parser(
        "remove", help=translate("CliLimits", "remove a limit (not a locked one)"))
    remove.add_argument("target", metavar=target, help=target_help)

    lock = actions.add_parser(
        "lock", help=translate("CliLimits", "lock a limit: stricter only, until a date"))
    lock.add_argument("target", metavar=target, help=target_help)
    lock.add_argument("--until", required=True, metavar=translate("CliLimits", "YYYY-MM-DD"),
                      help=translate("CliLimits", "the last day of the lock (inclusive)"))

    downtime = actions.add_parser("downtime", help=translate(
        "CliLimits", "a daily quiet time in which everything not allowed is held back"))
    downtime.add_argument(
        "span", metavar=translate("CliLimits", "HH:MM-HH:MM|off"),
        help=translate("CliLimits", "e.g. 23:00-07:00 (across midnight is fine), or off"))
    downtime.add_argument(
        "--allow", metavar="A,B,...",
        help=translate("CliLimits", "targets always allowed during downtime ({targets})").format(
            targets=target_help))


def cmd_limits(args: argparse.Namespace) -> int:
    """Run ``wellbeing limits ACTION``."""
    from wellbeing.services.categories import try_sync_categories
    from wellbeing.services.classifier import load_rule_set
    from wellbeing.services.context import open_context
    from wellbeing.services.limit_admin import Moment, open_limit_store

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    ctx = open_context(args.data_dir, args.db)
    try:
        rule_set, _issues = load_rule_set(ctx.config)  # issues are logged as warnings
        try_sync_categories(ctx.db, rule_set)  # category names as 'report' shows them
        store = open_limit_store(ctx)
        moment = Moment.trusted(store, ctx.config.tracking.day_start_hour)
        try:
            return _ACTIONS[args.limits_command](args, store, moment)
        except LimitError as exc:
            raise UsageError(_sentence(str(exc)),
                             hint=translate("CliLimits", "Nothing was changed.")) from exc
    finally:
        ctx.close()


def _cmd_list(args: argparse.Namespace, store: LimitRepository, moment: Moment) -> int:
    limits = [settle(limit, moment.now_ms) for limit in store.limits()]
    usage = store.usage_on(moment.today)
    if args.json:
        print(json.dumps([_limit_json(limit, usage, moment.today) for limit in limits],
                         ensure_ascii=False))
        return EXIT_OK
    print(_table(limits, usage, moment.today))
    downtime = store.downtime()
    if downtime is not None:
        from wellbeing.services.limit_admin import describe_downtime

        print("\n" + translate("CliLimits", "Downtime: {downtime}").format(
            downtime=describe_downtime(downtime, shown=True)))
    return EXIT_OK


def _cmd_set(args: argparse.Namespace, store: LimitRepository, moment: Moment) -> int:
    from wellbeing.services.limit_admin import change_limit, find_target, with_days

    seconds = parse_duration(args.duration)
    days = parse_days(args.days) if args.days is not None else frozenset(range(7))
    target = find_target(args.target, store, _names(store))
    mode: Mode | None = args.mode

    def edit(current: Limit | None) -> Limit:
        wanted = with_days(current, target, seconds, days)
        if mode is not None:
            wanted = replace(wanted, mode=mode)
        if args.cooling_off is not None:
            wanted = replace(wanted, cooling_off=args.cooling_off)
        return wanted

    change = change_limit(store, target, edit, moment)
    _report(target, change.after)
    return EXIT_OK


def _cmd_remove(args: argparse.Namespace, store: LimitRepository, moment: Moment) -> int:
    from wellbeing.services.limit_admin import change_limit, find_target

    target = find_target(args.target, store, _names(store))
    change = change_limit(store, target, lambda current: None, moment)
    if change.after is None:
        print(translate("CliLimits", "Removed the limit on {target}.").format(target=target))
    else:
        _report(target, change.after)
    return EXIT_OK


def _cmd_lock(args: argparse.Namespace, store: LimitRepository, moment: Moment) -> int:
    from wellbeing.services.limit_admin import change_limit, find_target

    until = _lock_date(args.until, moment.today)
    target = find_target(args.target, store, _names(store))

    def edit(current: Limit | None) -> Limit:
        if current is None:
            raise LimitError(translate(
                "CliLimits", "there is no limit on {target} to lock; set one first with "
                "'wellbeing limits set {target} DURATION'").format(target=target))
        return replace(current, locked_until=until)

    change = change_limit(store, target, edit, moment)
    _report(target, change.after)
    return EXIT_OK


def _cmd_downtime(args: argparse.Namespace, store: LimitRepository, moment: Moment) -> int:
    from wellbeing.services.limit_admin import (
        describe_downtime,
        find_target,
        parse_downtime_span,
        set_downtime,
    )

    if args.span.strip().lower() == "off":
        if args.allow:
            raise LimitError(translate("CliLimits", "--allow makes no sense with 'off'"))
        set_downtime(store, None, moment)
        print(translate("CliLimits", "Downtime is off."))
        return EXIT_OK
    start, end = parse_downtime_span(args.span)
    allowed: set[str] = set()
    if args.allow:
        names = _names(store)
        for part in args.allow.split(","):
            if not part.strip():
                raise LimitError(translate(
                    "CliLimits", "'{names}' has an empty name; separate names with commas"
                ).format(names=args.allow))
            allowed.add(str(find_target(part, store, names)))
    downtime = Downtime(start, end, always_allowed=frozenset(allowed))
    set_downtime(store, downtime, moment)
    print(translate("CliLimits", "Downtime set: {downtime}.").format(
        downtime=describe_downtime(downtime, shown=True)))
    return EXIT_OK


_ACTIONS = {
    "list": _cmd_list,
    "set": _cmd_set,
    "remove": _cmd_remove,
    "lock": _cmd_lock,
    "downtime": _cmd_downtime,
}


# -- helpers ----------------------------------------------------------------------------


def _names(store: LimitRepository) -> KnownNames:
    return store.known_names()


def _lock_date(text: str, today: date) -> date:
    try:
        until = date.fromisoformat(text.strip())
    except ValueError:
        raise LimitError(translate(
            "CliLimits", "'{text}' is not a real date in the form YYYY-MM-DD").format(text=text)
        ) from None
    if until < today:
        raise LimitError(translate(
            "CliLimits", "the lock date {until} is in the past (today is {today}); give today "
            "or a later day").format(until=until.isoformat(), today=today.isoformat()))
    return until


def _sentence(text: str) -> str:
    """The message with a full stop (not capitalised: it may start with an app key)."""
    return text + ("" if text.endswith((".", "?")) else ".")


def _report(target: LimitTarget, limit: Limit | None) -> None:
    from wellbeing.services.limit_admin import describe_limit

    if limit is None:
        print(translate("CliLimits", "No limit on {target}.").format(target=target))
        return
    print(translate("CliLimits", "Limit on {target}: {limit}.").format(
        target=target, limit=describe_limit(limit, shown=True)))
    if limit.pending is not None:
        print(translate("CliLimits", "Cooling-off: the looser part takes effect 24 hours after "
                        "it was asked for; the stricter part applies now."))


def _today_cell(limit: Limit, usage: UsageToday, today: date) -> str:
    from wellbeing.services.limit_admin import format_seconds

    allowed = limit.seconds_on(today)
    used = format_duration(usage.of(limit.target))
    if allowed is None:
        return translate("CliLimits", "{used} (no limit today)").format(used=used)
    return translate("CliLimits", "{used} of {allowed}").format(
        used=used, allowed=format_seconds(allowed))


def _table(limits: list[Limit], usage: UsageToday, today: date) -> str:
    from wellbeing.services.limit_admin import describe_pending, describe_seconds

    if not limits:
        return translate(
            "CliLimits", "No limits yet. Set one with: wellbeing limits set TARGET DURATION "
            "(e.g. wellbeing limits set instagram.com 10m --days mon-fri)")
    header = (translate("CliLimits", "TARGET"), translate("CliLimits", "TODAY"),
              translate("CliLimits", "MODE"), translate("CliLimits", "DAYS"),
              translate("CliLimits", "LOCK"), translate("CliLimits", "PENDING"))
    rows = [header]
    for limit in limits:
        pending = describe_pending(limit, shown=True)
        lock = ""
        if limit.locked_until is not None and limit.locked_until >= today:
            lock = translate("CliLimits", "until {day}").format(
                day=limit.locked_until.isoformat())
        rows.append((str(limit.target), _today_cell(limit, usage, today), limit.mode,
                     describe_seconds(limit.seconds_by_weekday, shown=True), lock, pending))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _limit_json(limit: Limit, usage: UsageToday, today: date) -> dict[str, object]:
    from wellbeing.services.limit_admin import weekday_map

    pending: dict[str, object] | None = None
    if limit.pending is not None:
        when = datetime.fromtimestamp(limit.pending.effective_at_ms / 1000, UTC)
        pending = {
            "seconds_by_weekday": weekday_map(limit.pending.seconds_by_weekday),
            "mode": limit.pending.mode,
            "effective_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
    return {
        "target": str(limit.target),
        "kind": limit.target.kind,
        "key": limit.target.key,
        "seconds_by_weekday": weekday_map(limit.seconds_by_weekday),
        "today": {
            "date": today.isoformat(),
            "limit_seconds": limit.seconds_on(today),
            "used_seconds": round(usage.of(limit.target), 3),
        },
        "mode": limit.mode,
        "locked_until": None if limit.locked_until is None else limit.locked_until.isoformat(),
        "cooling_off": limit.cooling_off,
        "snooze_budget": limit.budget,
        "warn_before_seconds": limit.warn_before_seconds,
        "pending": pending,
    }

