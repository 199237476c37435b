"""``wellbeing report`` and ``wellbeing classify``: usage as text or JSON, and why a window
counts as what it does.

A report on the local file reads it without SQLAlchemy
(``services.quick_report``); with a database URL through SQLAlchemy.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.core.i18n import translate
from wellbeing.errors import UsageError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from wellbeing.platform.base import WindowInfo
    from wellbeing.services.classifier import Decision, RuleIssue
    from wellbeing.storage.queries import UsageReport


EXIT_OK = 0


def report_range(args: argparse.Namespace, today: date) -> tuple[date, date]:
    """The dates a ``report`` asks for; raises UsageError for impossible ranges."""
    if args.week is not None and (args.start or args.end):
        raise UsageError(translate("Cli", "--week cannot be combined with --from/--to."))
    if args.date is not None and (args.start or args.end):
        raise UsageError(translate("Cli", "--date cannot be combined with --from/--to."))
    if args.week is not None:
        anchor = today if args.week == "today" else args.week
        monday = anchor - timedelta(days=anchor.weekday())
        return monday, monday + timedelta(days=6)
    if args.start or args.end:
        start = args.start or args.end
        end = args.end or args.start
        if start > end:
            raise UsageError(
                translate("Cli", "--from {start} is after --to {end}.").format(
                    start=start, end=end),
                hint=translate("Cli", "Give the earlier date to --from."),
            )
        if (end - start).days > 3660:
            raise UsageError(translate("Cli", "the range is longer than ten years."),
                             hint=translate("Cli", "Ask for a shorter range."))
        return start, end
    day = args.date or today
    return day, day


def site_footer() -> str:
    """What ``report --by site`` says under its table."""
    return translate(
        "Cli", "Sites are recognised from window titles as they are captured; apps that are not "
        "browsers are not listed.\nA new site rule counts from the moment it exists: earlier "
        "browsing stays under 'Other browsing' (titles are not stored, so history cannot be "
        "reclassified). Categories and names always follow the current rules.")


def cmd_report(args: argparse.Namespace) -> int:
    from wellbeing import config as config_module
    from wellbeing.services.quick_report import quick_usage
    from wellbeing.services.reporting import format_table, today_local

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    report = None
    if not args.db:  # the local file: read it without SQLAlchemy when nothing else is due
        paths = paths_module.resolve(args.data_dir)
        paths_module.ensure_private_dir(paths.data_dir)  # as opening it the usual way does
        config = config_module.load(paths.config)
        start, end = report_range(args, today_local(config.tracking.day_start_hour))
        report = quick_usage(paths, config, start, end, args.by, args.device)
    if report is None:
        report = _usage_with_sqlalchemy(args)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(format_table(report))
        if args.by == "site":
            print()
            print(site_footer())
    return EXIT_OK


def _usage_with_sqlalchemy(args: argparse.Namespace) -> UsageReport:
    """The report the usual way: open (create, migrate, check) the database, re-label, read."""
    from wellbeing.services.categories import try_sync_categories
    from wellbeing.services.classifier import load_rule_set
    from wellbeing.services.context import open_context
    from wellbeing.services.quick_report import device_id_of
    from wellbeing.services.reporting import today_local

    ctx = open_context(args.data_dir, args.db)
    try:
        start, end = report_range(args, today_local(ctx.config.tracking.day_start_hour))
        rule_set, _issues = load_rule_set(ctx.config)  # issues are logged as warnings
        try_sync_categories(ctx.db, rule_set)  # categories apply to history too
        queries = ctx.queries()
        return queries.usage(start, end, by=args.by, device_id=device_id_of(queries, args.device))
    finally:
        ctx.close()


def cmd_classify(args: argparse.Namespace) -> int:
    from wellbeing import config as config_module
    from wellbeing.platform.base import WindowInfo
    from wellbeing.services.classifier import WindowClassifier, load_rule_set

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.CRITICAL)
    paths = paths_module.resolve(args.data_dir)
    config = config_module.load(paths.config)  # a malformed file: ConfigError, exit 3
    rule_set, issues = load_rule_set(config)
    window = WindowInfo(
        app_key=args.app.strip(), app_name=args.app.strip(), title=args.title,
        wm_class=tuple(args.wm_class),
    )
    decision = WindowClassifier(rule_set, config.privacy).decide(window)
    found = decision.classification
    if args.json:
        if found is None:  # [privacy] ignore_apps
            summary: dict[str, str | None] = {
                "app": window.app_key, "site": None, "category": None,
                "rule": f"{config.source.name if config.source else 'config.toml'} "
                "[privacy] ignore_apps: nothing is recorded",
            }
        else:
            summary = found.summary()
        print(json.dumps(summary, ensure_ascii=False))
        for issue in issues:
            print("wellbeing: " + translate("Cli", "rule problem: {problem}").format(
                problem=issue.message), file=sys.stderr)
        return EXIT_OK
    print(_describe_decision(window, decision, issues))
    return EXIT_OK


def _describe_decision(
    window: WindowInfo, decision: Decision, issues: Sequence[RuleIssue]
) -> str:
    """The human form of ``classify``: what it counts as, which rule, title, rule problems."""
    found = decision.classification
    app, title = repr(window.app_key), repr(window.title)
    lines = [translate("Cli", "App {app}, title {title}").format(app=app, title=title)
             if window.title else translate("Cli", "App {app}").format(app=app)]
    labels = {"counts": translate("Cli", "Counts as"), "category": translate("Cli", "Category"),
              "rule": translate("Cli", "Decided by"), "title": translate("Cli", "Title")}
    width = max(len(label) for label in labels.values()) + 2

    def row(label: str, value: str) -> str:
        return f"  {labels[label]:<{width}} {value}"

    if found is None:
        lines.append("  " + translate(
            "Cli", "Ignored: nothing is recorded for this app ([privacy] ignore_apps)."))
    else:
        app_name = found.app_name or window.app_key
        if found.ignored:
            lines.append("  " + translate(
                "Cli", "Ignored: nothing is recorded for this app (a rule says ignore)."))
        elif found.site:
            lines.append(row("counts", translate("Cli", "{site_name} ({site}) in {app}").format(
                site_name=found.site_name or found.site, site=found.site, app=app_name)))
        elif found.is_browser:
            lines.append(row("counts", translate(
                "Cli", "{app}, no recognised website (listed as 'Other browsing' by site)"
            ).format(app=app_name)))
        else:
            lines.append(row("counts", app_name))
        lines.append(row("category", found.category))
        lines.append(row("rule", found.rule))
        if found.private_window:
            lines.append("  " + translate(
                "Cli", "Private window: still counted, its title is never stored."))
    lines.append(row("title", decision.title_note))
    if found is not None and (found.site or found.is_browser):
        lines.append("")
        lines.append(translate(
            "Cli", "Note: a site rule counts from the moment it exists. Time recorded "
            "before that stays where it was: history without stored window "
            "titles cannot be reclassified. Categories and names do re-label history."))
    if issues:
        lines.append("")
        lines.append(translate(
            "Cli", "Rule problems (a rule that cannot be used is left out; the others work):"))
        lines.extend(f"  {issue.message}" for issue in issues)
    return "\n".join(lines)
