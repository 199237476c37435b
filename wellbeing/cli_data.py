"""``wellbeing export`` and ``wellbeing import``: your data out, and history in.

Registered by ``wellbeing.cli`` (:func:`add_data_parsers`, :func:`cmd_export`,
:func:`cmd_import`). No Qt.

- ``wellbeing export --format json|csv [--from D --to D] -o FILE`` writes every
  table (``storage.data_export``), 0600.
- ``wellbeing import FILE`` reads our own JSON export (``services.data_import``)
  or an ActivityWatch export (``services.aw_import``), recognised from the
  file (``--format`` to say which), and writes it in one transaction; a file
  that cannot be used is refused with where the problem is, nothing is
  written, and the exit code is 3. ``--dry-run`` says what would be imported
  and writes nothing. Importing twice adds nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.core.durations import format_duration
from wellbeing.core.i18n import decimal, translate
from wellbeing.errors import ImportRefused

EXIT_OK = 0
FORMATS = ("auto", "wellbeing", "activitywatch")


def add_data_parsers(sub: Any) -> None:
    """Add ``export`` and ``import`` to the top-level subparsers ``sub``."""
    day = translate("CliData", "YYYY-MM-DD")
    file = translate("CliData", "FILE")
    export = sub.add_parser(
        "export",
        help=translate("CliData", "write all your data to a JSON file or a zip of CSV files"),
        description=translate(
            "CliData", "Write intervals, daily totals, limits, limit events and the "
            "self-experiment's answers to FILE (readable by you only)."),
    )
    export.add_argument("--format", choices=("json", "csv"), default="json", help=translate(
        "CliData", "json: one document; csv: a zip with a CSV file per table"))
    export.add_argument("--from", dest="first", type=_iso_date, metavar=day,
                        help=translate("CliData", "first day (default: the first recorded)"))
    export.add_argument("--to", dest="last", type=_iso_date, metavar=day,
                        help=translate("CliData", "last day (default: the last recorded)"))
    export.add_argument("-o", "--output", type=Path, required=True, metavar=file,
                        help=translate("CliData", "where to write (replaced if it exists)"))
    parser = sub.add_parser(
        "import",
        help=translate("CliData", "bring back a wellbeing export, or history from ActivityWatch"),
        description=translate(
            "CliData", "Import a wellbeing JSON export, or an ActivityWatch export (its web "
            "UI: Raw Data > Export all buckets as JSON, or GET /api/0/export). Each "
            "ActivityWatch computer becomes a device '<hostname> (ActivityWatch)'. "
            "Importing again adds only what is new."),
    )
    _add_delete_and_backup(sub)
    parser.add_argument("file", type=Path, metavar=file,
                        help=translate("CliData", "the export file (.json)"))
    parser.add_argument("--format", choices=FORMATS, default="auto", help=translate(
        "CliData", "what the file is (default: recognised from its content)"))
    parser.add_argument("--dry-run", action="store_true", help=translate(
        "CliData", "read the file and say what would be imported; write nothing"))
    parser.add_argument("--json", action="store_true",
                        help=translate("CliData", "print the result as JSON"))


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "CliData", "{text} is not a real date in the form YYYY-MM-DD").format(text=repr(text))
        ) from None


def cmd_export(args: argparse.Namespace) -> int:
    """Run ``wellbeing export``."""
    from wellbeing.errors import UsageError
    from wellbeing.services.context import open_context
    from wellbeing.storage.data_export import export_data

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    if args.first and args.last and args.first > args.last:
        raise UsageError(translate("CliData", "--from {first} is after --to {last}").format(
            first=args.first, last=args.last))
    target: Path = args.output
    if target.is_dir():
        raise UsageError(translate(
            "CliData", "{folder} is a folder; give a file name, e.g. {folder}/wellbeing.json"
        ).format(folder=target))
    ctx = open_context(args.data_dir, args.db)
    try:
        try:
            summary = export_data(ctx.db, target, args.format, first=args.first, last=args.last)
        except OSError as exc:
            raise UsageError(
                translate("CliData", "cannot write {file}: {error}").format(
                    file=target, error=exc.strerror or exc),
                hint=translate("CliData", "Nothing was written; choose another place.")) from exc
    finally:
        ctx.close()
    counts = ", ".join(_rows_of(name, count) for name, count in summary.rows.items() if count)
    wrote = (translate("CliData", "Wrote {file} ({format}, readable by you only): {counts}.")
             if counts else
             translate("CliData", "Wrote {file} ({format}, readable by you only): no records."))
    print(wrote.format(file=target, format=args.format, counts=counts))
    return EXIT_OK


def _rows_of(table: str, count: int) -> str:
    """How many rows of an exported table, e.g. "3 limit events"."""
    words = {
        "intervals": translate("CliData", "{count} intervals"),
        "daily_totals": translate("CliData", "{count} daily totals"),
        "limits": translate("CliData", "{count} limits"),
        "limit_events": translate("CliData", "{count} limit events"),
        "experiments": translate("CliData", "{count} experiments"),
        "checkins": translate("CliData", "{count} checkins"),
        "questionnaires": translate("CliData", "{count} questionnaires"),
        "phone_reports": translate("CliData", "{count} phone reports"),
        "prompts": translate("CliData", "{count} prompts"),
    }
    return words.get(table, f"{{count}} {table.replace('_', ' ')}").format(count=count)


def cmd_import(args: argparse.Namespace) -> int:
    """Run ``wellbeing import``."""
    from wellbeing.services.data_import import detect_format

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    _check_format(args.file, args.format)
    fmt = detect_format(args.file) if args.format == "auto" else args.format
    if fmt == "wellbeing":
        return _import_own(args)
    return _import_activitywatch(args)


def _import_own(args: argparse.Namespace) -> int:
    from wellbeing.services.categories import try_sync_categories
    from wellbeing.services.classifier import load_rule_set
    from wellbeing.services.context import open_context
    from wellbeing.services.data_import import read_own_export
    from wellbeing.storage.history_import import write_history

    ctx = open_context(args.data_dir, args.db)
    try:
        own = read_own_export(args.file, keep_titles=ctx.config.privacy.store_titles)
        written = [] if args.dry_run else write_history(
            ctx.db, own.histories, now_ms=round(time.time() * 1000))
        if not args.dry_run:
            try_sync_categories(ctx.db, load_rule_set(ctx.config)[0])
    finally:
        ctx.close()
    devices = []
    for index, (device, pieces) in enumerate(own.histories):
        result = written[index] if written else None
        devices.append({
            "device": device.name, "uuid": device.uuid, "intervals_in_file": len(pieces),
            "seconds_in_file": round(sum(p.end_ms - p.start_ms for p in pieces) / 1000, 3),
            "seconds_written": None if result is None else round(result.seconds_written, 3),
            "seconds_already_there": (None if result is None
                                      else round(result.seconds_already_there, 3)),
        })
    if args.json:
        print(json.dumps({"file": str(args.file), "format": "wellbeing",
                          "dry_run": args.dry_run, "devices": devices}, ensure_ascii=False))
        return EXIT_OK
    lines = [_import_heading(args.file, dry_run=args.dry_run)]
    for d in devices:
        in_file = format_duration(float(d["seconds_in_file"]))  # type: ignore[arg-type]
        if args.dry_run:
            line = translate("CliData", "{device}: {time} of use").format(
                device=d["device"], time=in_file)
        else:
            added = format_duration(float(d["seconds_written"]))  # type: ignore[arg-type]
            line = translate("CliData", "{device}: {time} of use, {added} added").format(
                device=d["device"], time=in_file, added=added)
        lines.append("  " + line)
    print("\n".join(lines if devices else [translate(
        "CliData", "{file} holds no usage history.").format(file=args.file.name)]))
    return EXIT_OK


def _import_activitywatch(args: argparse.Namespace) -> int:
    from wellbeing.services.aw_import import read_plan
    from wellbeing.services.categories import try_sync_categories
    from wellbeing.services.classifier import WindowClassifier, load_rule_set
    from wellbeing.services.context import open_context
    from wellbeing.storage.history_import import SourceDevice, write_history

    ctx = open_context(args.data_dir, args.db)
    try:
        rule_set, _issues = load_rule_set(ctx.config)
        classifier = WindowClassifier(rule_set, ctx.config.privacy)
        plan = read_plan(args.file, classifier,
                         day_start_hour=ctx.config.tracking.day_start_hour)
        histories = [(SourceDevice(h.device_uuid, h.device_name, "activitywatch"), h.pieces)
                     for h in plan.hosts]
        written = [] if args.dry_run else write_history(
            ctx.db, histories, now_ms=round(time.time() * 1000)
        )
        if not args.dry_run:
            try_sync_categories(ctx.db, rule_set)  # names and categories of the new apps
    finally:
        ctx.close()
    hosts = []
    for index, host in enumerate(plan.hosts):
        result = written[index] if written else None
        hosts.append({
            "hostname": host.hostname,
            "device": host.device_name,
            "window_events": host.window_events,
            "afk_events": host.afk_events,
            "web_events": host.web_events,
            "afk_filtered": host.has_afk,
            "seconds_in_file": round(host.seconds, 3),
            "seconds_written": None if result is None else round(result.seconds_written, 3),
            "seconds_already_there": (None if result is None
                                      else round(result.seconds_already_there, 3)),
            "intervals_written": None if result is None else result.pieces_written,
        })
    if args.json:
        print(json.dumps({"file": str(args.file), "format": "activitywatch",
                          "dry_run": args.dry_run, "hosts": hosts,
                          "ignored_buckets": plan.ignored_buckets}, ensure_ascii=False))
        return EXIT_OK
    print(_summary(args.file, hosts, plan.ignored_buckets, dry_run=args.dry_run))
    return EXIT_OK


def _check_format(path: Path, wanted: str) -> None:
    """Refuse early what is plainly unusable (the rest is found while reading)."""
    if wanted not in FORMATS:
        raise ImportRefused(translate("CliData", "unknown format {format}").format(
            format=repr(wanted)))
    if not path.is_file():
        raise ImportRefused(translate("CliData", "{path} is not a file").format(path=path))


def _import_heading(path: Path, *, dry_run: bool) -> str:
    if dry_run:
        return translate("CliData", "Would import from {file}:").format(file=path.name)
    return translate("CliData", "Imported from {file}:").format(file=path.name)


def _summary(path: Path, hosts: list[dict[str, object]], ignored: list[str], *,
             dry_run: bool) -> str:
    if not hosts:
        lines = [translate("CliData", "{file} has no window history (no 'currentwindow' "
                           "bucket); nothing to import.").format(file=path.name)]
    else:
        lines = [_import_heading(path, dry_run=dry_run)]
    for host in hosts:
        in_file = format_duration(float(host["seconds_in_file"]))  # type: ignore[arg-type]
        lines.append("  " + translate(
            "CliData", "{device}: {window} window events, {afk} AFK events, {web} web events"
        ).format(device=host["device"], window=host["window_events"], afk=host["afk_events"],
                 web=host["web_events"]))
        if dry_run:
            lines.append("    " + translate("CliData", "{time} of use").format(time=in_file))
        else:
            added = format_duration(float(host["seconds_written"]))  # type: ignore[arg-type]
            there = format_duration(
                float(host["seconds_already_there"])  # type: ignore[arg-type]
            )
            lines.append("    " + translate(
                "CliData", "{time} of use: {added} added, {there} already there").format(
                time=in_file, added=added, there=there))
        if not host["afk_filtered"]:
            lines.append("    " + translate(
                "CliData", "no AFK bucket for this computer: all its window time counts"))
    if ignored:
        lines.append(translate("CliData", "Left out (not window, AFK or browser history): "
                               "{buckets}").format(buckets=", ".join(ignored)))
    return "\n".join(lines)


# -- delete and backup ---------------------------------------------------------------------


def _add_delete_and_backup(sub: Any) -> None:
    day = translate("CliData", "YYYY-MM-DD")
    yes = translate("CliData", "do not ask for confirmation")
    delete = sub.add_parser(
        "delete", help=translate("CliData", "delete a day, a range of days, or all your data"),
        description=translate(
            "CliData", "Says exactly what goes and asks before deleting (unless --yes). "
            "Days before today can be deleted while wellbeing runs; today and --all need "
            "it quit first."),
    )
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("--all", action="store_true", help=translate(
        "CliData", "everything recorded, with the automatic backups (settings stay)"))
    which.add_argument("--date", type=_iso_date, metavar=day,
                       help=translate("CliData", "one day"))
    which.add_argument("--from", dest="first", type=_iso_date, metavar=day,
                       help=translate("CliData", "first day of a range (with --to)"))
    delete.add_argument("--to", dest="last", type=_iso_date, metavar=day,
                        help=translate("CliData", "last day of the range (default: today)"))
    delete.add_argument("--device", metavar=translate("CliData", "NAME"),
                        help=translate("CliData", "only this device's days"))
    delete.add_argument("--yes", action="store_true", help=yes)
    add_restart(delete)
    backup = sub.add_parser("backup", help=translate(
        "CliData", "list the automatic backups, or go back to one"))
    actions = backup.add_subparsers(dest="backup_command", required=True,
                                    metavar=translate("CliData", "ACTION"))
    listing = actions.add_parser("list", help=translate("CliData", "the backups there are"))
    listing.add_argument("--json", action="store_true")
    restore = actions.add_parser("restore", help=translate(
        "CliData", "go back to a backup (the database in use is kept beside it)"))
    restore.add_argument("which", metavar=translate("CliData", "DATE|FILE"),
                         help=translate("CliData", "the backup's date, as 'list' shows"))
    restore.add_argument("--yes", action="store_true", help=yes)
    add_restart(restore)


def add_restart(parser: Any) -> None:
    parser.add_argument(
        "--restart-app", action="store_true",
        help=translate(
            "CliData", "what the app's Your data window uses: wait (up to a minute) for the "
            "running wellbeing to quit, do it, tell how it went in a notification, and start "
            "wellbeing again"))


def wait_s(args: argparse.Namespace) -> float:
    from wellbeing.services.app_restart import WAIT_S

    return WAIT_S if getattr(args, "restart_app", False) else 0.0


def then_restart(args: argparse.Namespace, title: str, run: Callable[[], int]) -> int:
    """``run``; with ``--restart-app`` its outcome is also told in a notification, and
    the tray app is started again whatever happened."""
    if not getattr(args, "restart_app", False):
        return run()
    import io

    from wellbeing.errors import WellbeingError
    from wellbeing.services import app_restart

    said = io.StringIO()
    try:
        with contextlib.redirect_stdout(said):
            code = run()
    except WellbeingError as exc:
        app_restart.tell(translate("CliData", "Wellbeing: nothing was changed"), exc.message)
        raise
    except Exception as exc:
        app_restart.tell(translate("CliData", "Wellbeing: nothing was changed"),
                         f"{type(exc).__name__}: {exc}")
        raise
    else:
        print(said.getvalue(), end="")
        app_restart.tell(title, said.getvalue().strip())
        return code
    finally:
        app_restart.start_app(args.data_dir, args.db)


def confirm(sentence: str, yes: bool) -> bool:
    """Say ``sentence`` and ask on a terminal; without one, --yes is required."""
    import sys

    from wellbeing.errors import UsageError

    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError(f"{sentence[0].lower()}{sentence[1:]}",
                         hint=translate("CliData", "Add --yes to confirm; nothing was changed."))
    answer = input(f"{sentence}.\n" + translate("CliData", "Type yes to go on: "))
    # "yes" is understood in every language; the translation names its own word
    return answer.strip().lower() in ("yes", translate("CliData", "yes").lower())


def cmd_delete(args: argparse.Namespace) -> int:
    """Run ``wellbeing delete``."""
    return then_restart(args, translate("CliData", "Wellbeing: deleted"), lambda: _delete(args))


def _delete(args: argparse.Namespace) -> int:
    from wellbeing.errors import UsageError
    from wellbeing.services import data_admin
    from wellbeing.services.context import open_context
    from wellbeing.services.reporting import today_local
    from wellbeing.storage.data_delete import (
        count_everything,
        count_range,
        delete_everything,
        delete_range,
    )

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    if args.last is not None and args.first is None:
        raise UsageError(translate("CliData", "--to goes with --from"))
    ctx = open_context(args.data_dir, args.db)
    try:
        today = today_local(ctx.config.tracking.day_start_hour)
        if args.all:
            counted = count_everything(ctx.db)
            what = data_admin.describe_everything(counted, ctx.paths)
            if not confirm(translate("CliData", "This deletes {what}").format(what=what),
                           args.yes):
                print(translate("CliData", "Nothing was deleted."))
                return EXIT_OK
            with data_admin.holding_the_lock(ctx.paths, "delete", wait_s=wait_s(args)):
                delete_everything(ctx.db)
                gone = data_admin.delete_backups(ctx.paths)
            print(translate(
                "CliData", "Deleted {intervals} intervals, {limits} limits, {events} limit "
                "events, {experiments} experiments and {backups} backups. Your settings stay."
            ).format(intervals=counted.intervals, limits=counted.limits,
                     events=counted.limit_events, experiments=counted.experiments,
                     backups=gone))
            return EXIT_OK
        first = args.date or args.first
        last = args.date or args.last or today
        if first > last:
            raise UsageError(translate("CliData", "--from {first} is after --to {last}").format(
                first=first, last=last))
        device_id = _device_id(ctx, args.device)
        counted = count_range(ctx.db, first, last, device_id)
        if counted.intervals == 0 and counted.limit_events == 0:
            print(translate("CliData", "Nothing recorded on those days: nothing to delete."))
            return EXIT_OK
        what = data_admin.describe_range(counted, first, last, args.device)
        if not confirm(translate("CliData", "This deletes {what}").format(what=what), args.yes):
            print(translate("CliData", "Nothing was deleted."))
            return EXIT_OK
        lock = (data_admin.holding_the_lock(ctx.paths, "delete-today",
                                            wait_s=wait_s(args))
                if last >= today else contextlib.nullcontext())
        with lock:
            delete_range(ctx.db, first, last, device_id)
    finally:
        ctx.close()
    print(translate("CliData", "Deleted {what}.").format(what=what))
    return EXIT_OK


def _device_id(ctx: Any, name: str | None) -> int | None:
    from sqlalchemy import select

    from wellbeing.errors import UsageError
    from wellbeing.storage.models import Device

    if name is None:
        return None
    with ctx.db.transaction() as conn:
        rows = conn.execute(select(Device.id, Device.name)).all()
    for device_id, device_name in rows:
        if device_name == name:
            return int(device_id)
    names = ", ".join(sorted(str(n) for _, n in rows))
    raise UsageError(
        translate("CliData", "no device is named {name}").format(name=repr(name)),
        hint=(translate("CliData", "Devices: {names}.").format(names=names) if names
              else translate("CliData", "Devices: none.")))


def cmd_backup(args: argparse.Namespace) -> int:
    """Run ``wellbeing backup list|restore``."""
    from wellbeing.storage.backup import backups_dir, list_backups

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    paths = paths_module.resolve(args.data_dir)
    if args.backup_command == "list":
        found = list_backups(backups_dir(paths))
        rows = [{"date": b.name.removeprefix("wellbeing-").removesuffix(".sqlite3"),
                 "path": str(b), "bytes": b.stat().st_size} for b in found]
        if args.json:
            print(json.dumps(rows))
        elif not rows:
            print(translate("CliData", "No backups yet in {folder} (one is made every day).")
                  .format(folder=backups_dir(paths)))
        else:
            print(translate("CliData", "Backups in {folder}:").format(folder=backups_dir(paths)))
            for row in rows:
                size = decimal(int(row["bytes"]) / 1e6, 1)  # type: ignore[call-overload]
                print("  " + translate("CliData", "{date}  {size} MB").format(
                    date=row["date"], size=size))
        return EXIT_OK
    return then_restart(args, translate("CliData", "Wellbeing: backup restored"),
                        lambda: _restore(args))


def _restore(args: argparse.Namespace) -> int:
    from wellbeing.services import data_admin

    paths = paths_module.resolve(args.data_dir)
    backup = data_admin.find_backup(paths, args.which)
    database = paths.database if args.db is None else args.db
    if not confirm(translate("CliData", "This replaces the database in use ({database}) with "
                             "the backup {backup}; the one in use is kept beside it").format(
                                 database=database, backup=backup.name), args.yes):
        print(translate("CliData", "Nothing was changed."))
        return EXIT_OK
    restored = data_admin.restore(paths, args.db, backup, wait_s=wait_s(args))
    done = (translate("CliData", "Restored the backup {backup} to {database}. The database you "
                      "had is kept as {kept}.") if restored.kept_as
            else translate("CliData", "Restored the backup {backup} to {database}."))
    print(done.format(backup=backup.name, database=restored.database, kept=restored.kept_as))
    return EXIT_OK
