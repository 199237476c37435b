"""``wellbeing import``: bringing history in from ActivityWatch.

Registered by ``wellbeing.cli`` (:func:`add_import_parser`, :func:`cmd_import`).
No Qt. ``wellbeing import --format activitywatch FILE`` reads an ActivityWatch
export (``services.aw_import``) and writes it in one transaction; a file that
cannot be used is refused with where the problem is, nothing is written, and
the exit code is 3. ``--dry-run`` says what would be imported and writes
nothing. ``--format auto`` (the default) recognises an ActivityWatch export by
its ``buckets``.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path
from typing import Any

from wellbeing import logs
from wellbeing.core.durations import format_duration
from wellbeing.errors import ImportRefused

EXIT_OK = 0
FORMATS = ("auto", "activitywatch")


def add_import_parser(sub: Any) -> None:
    """Add ``import`` to the top-level subparsers ``sub``."""
    parser = sub.add_parser(
        "import",
        help="bring in history from an ActivityWatch export",
        description="Import an ActivityWatch export (its web UI: Raw Data > Export all "
        "buckets as JSON, or GET /api/0/export). Each of its computers becomes a device "
        "'<hostname> (ActivityWatch)'; importing again adds only what is new.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the export file (.json)")
    parser.add_argument("--format", choices=FORMATS, default="auto",
                        help="what the file is (default: recognised from its content)")
    parser.add_argument("--dry-run", action="store_true",
                        help="read the file and say what would be imported; write nothing")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def cmd_import(args: argparse.Namespace) -> int:
    """Run ``wellbeing import``."""
    from wellbeing.services.aw_import import read_plan
    from wellbeing.services.categories import try_sync_categories
    from wellbeing.services.classifier import WindowClassifier, load_rule_set
    from wellbeing.services.context import open_context
    from wellbeing.storage.history_import import SourceDevice, write_history

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    _check_format(args.file, args.format)
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
        print(json.dumps({"file": str(args.file), "dry_run": args.dry_run, "hosts": hosts,
                          "ignored_buckets": plan.ignored_buckets}, ensure_ascii=False))
        return EXIT_OK
    print(_summary(args.file, hosts, plan.ignored_buckets, dry_run=args.dry_run))
    return EXIT_OK


def _check_format(path: Path, wanted: str) -> None:
    """Refuse early what is plainly unusable (the rest is found while reading)."""
    if wanted not in ("auto", "activitywatch"):
        raise ImportRefused(f"unknown format {wanted!r}")
    if not path.is_file():
        raise ImportRefused(f"{path} is not a file")


def _summary(path: Path, hosts: list[dict[str, object]], ignored: list[str], *,
             dry_run: bool) -> str:
    if not hosts:
        lines = [f"{path.name} has no window history (no 'currentwindow' bucket); "
                 "nothing to import."]
    else:
        lines = [f"{'Would import' if dry_run else 'Imported'} from {path.name}:"]
    for host in hosts:
        events = (f"{host['window_events']} window events, {host['afk_events']} AFK events, "
                  f"{host['web_events']} web events")
        in_file = format_duration(float(host["seconds_in_file"]))  # type: ignore[arg-type]
        lines.append(f"  {host['device']}: {events}")
        if dry_run:
            lines.append(f"    {in_file} of use")
        else:
            added = format_duration(float(host["seconds_written"]))  # type: ignore[arg-type]
            there = format_duration(
                float(host["seconds_already_there"])  # type: ignore[arg-type]
            )
            lines.append(f"    {in_file} of use: {added} added, {there} already there")
        if not host["afk_filtered"]:
            lines.append("    no AFK bucket for this computer: all its window time counts")
    if ignored:
        lines.append("Left out (not window, AFK or browser history): " + ", ".join(ignored))
    return "\n".join(lines)
