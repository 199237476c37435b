"""The command line: ``wellbeing track|report|doctor|setup|demo-data|classify|limits``.

``limits`` lives in ``wellbeing.cli_limits``, ``export`` and ``import`` in
``wellbeing.cli_data``, ``autostart`` in ``wellbeing.cli_desktop``
(registered here, imported only when a command line names a command or asks
for help: the tray app, ``wellbeing [--data-dir DIR] [--db URL] [-v]``, parses
its options with the global ones alone and never loads them).

Nothing here imports Qt: commands that need no window start fast and run on
machines without a display. Exit codes: 0 ok, 1 unexpected error or already
running, 2 usage error, 3 bad input data, 4 storage unavailable.

Words for people go through ``core.i18n.translate`` (context ``Cli``; the other
command modules have their own, argparse's own words ``Argparse``). When the
environment asks for a language wellbeing has a translation for,
:func:`install_language` reads its ``.qm`` file without Qt (``core.qm``);
English reads and imports nothing more. Machine output (``--json``, exported
files, exit codes) is the same in every language.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from types import FrameType
from typing import TYPE_CHECKING, Any

from wellbeing import __version__, logs
from wellbeing import paths as paths_module
from wellbeing.core import i18n
from wellbeing.core.i18n import translate
from wellbeing.errors import DatabaseUnreachable, Unavailable, UsageError, WellbeingError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from wellbeing.platform.base import WindowInfo
    from wellbeing.services.classifier import Decision, RuleIssue
    from wellbeing.services.notices import TrackerNotice
    from wellbeing.services.tracker import TrackerService
    from wellbeing.storage.queries import UsageReport

log = logging.getLogger("wellbeing.cli")

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BAD_DATA, EXIT_STORAGE = 0, 1, 2, 3, 4


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become :class:`UsageError` (exit 2, one clear line)."""

    def error(self, message: str) -> Any:
        raise UsageError(f"{message}.", hint=translate(
            "Cli", "Run '{prog} --help' to see the options.").format(prog=self.prog))


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The whole command line; with ``commands=False`` only the options before a command
    (the tray app's), which parse such a command line exactly as the whole parser does."""
    parser = _Parser(
        prog="wellbeing",
        description=translate(
            "Cli", "Know where your screen time goes, set limits, and run a self-experiment. "
            "Without a command, starts the tray app."),
    )
    parser.add_argument("--version", action="version", version=f"wellbeing {__version__}",
                        help=translate("Cli", "show program's version number and exit"))
    parser.add_argument(
        "--data-dir",
        metavar=translate("Cli", "DIR"),
        default=os.environ.get(paths_module.DATA_DIR_ENV),
        help=translate("Cli", "where the database, config and logs live (env {name})").format(
            name=paths_module.DATA_DIR_ENV),
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        default=os.environ.get(paths_module.DB_URL_ENV),
        help=translate("Cli", "use this SQLAlchemy database URL instead (env {name})").format(
            name=paths_module.DB_URL_ENV),
    )
    parser.add_argument(
        "--fake-platform",
        action="store_true",
        help=translate("Cli", "use a scripted demo platform instead of reading real windows"),
    )
    parser.add_argument("-v", "--verbose", action="store_true",
                        help=translate("Cli", "log more to stderr"))
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from wellbeing.cli_data import add_data_parsers
    from wellbeing.cli_desktop import add_autostart_parser, add_move_parser, add_relaunch_parser
    from wellbeing.cli_experiment import add_experiment_parser
    from wellbeing.cli_limits import add_limits_parser

    sub = parser.add_subparsers(dest="command", metavar=translate("Cli", "COMMAND"),
                                parser_class=_Parser)

    seconds = translate("Cli", "SECONDS")
    track = sub.add_parser(
        "track", help=translate("Cli", "record foreground time without a window (Ctrl+C stops)"))
    track.add_argument("--duration", type=_positive_float, metavar=seconds,
                       help=translate("Cli", "stop after this long"))
    track.add_argument(
        "--poll",
        type=_positive_float,
        metavar=seconds,
        help=translate("Cli", "sampling period when changes must be polled (default 1; on X11 "
                       "a switch is seen as it happens)"),
    )
    track.add_argument(
        "--idle-after",
        type=_positive_float,
        metavar=seconds,
        help=translate("Cli", "away after this long without input (default 180)"),
    )

    day = translate("Cli", "YYYY-MM-DD")
    report = sub.add_parser(
        "report", help=translate("Cli", "show usage for a day, a range or a week"))
    when = report.add_mutually_exclusive_group()
    when.add_argument("--date", type=_date, metavar=day,
                      help=translate("Cli", "one day (default: today)"))
    when.add_argument(
        "--week",
        nargs="?",
        const="today",
        type=_date_or_today,
        metavar=translate("Cli", "DATE"),
        help=translate("Cli", "the Monday-to-Sunday week containing DATE (default: this week)"),
    )
    report.add_argument("--from", dest="start", type=_date, metavar=day,
                        help=translate("Cli", "first day"))
    report.add_argument("--to", dest="end", type=_date, metavar=day,
                        help=translate("Cli", "last day"))
    report.add_argument(
        "--by",
        choices=["app", "site", "category"],
        default="app",
        help=translate(
            "Cli", "group by (default app). app: foreground apps (a browser's time includes its "
            "sites); site: each recognised website, plus 'Other browsing' per browser (apps that "
            "are not browsers are not listed); category: via the site if any, else the app"),
    )
    report.add_argument("--json", action="store_true",
                        help=translate("Cli", "print JSON instead of a table"))
    report.add_argument("--device", metavar=translate("Cli", "NAME|all"),
                        help=translate("Cli", "one device's use (default: all devices together)"))

    sub.add_parser("doctor", help=translate(
        "Cli", "check what works on this machine and how to fix what doesn't"))
    setup = sub.add_parser("setup",
                           help=translate("Cli", "set up what wellbeing needs from your desktop"))
    setup.add_argument("what", choices=["gnome-extension"],
                       help=translate("Cli", "gnome-extension: install and enable wellbeing's "
                                      "GNOME Shell extension (needed on GNOME with Wayland; then "
                                      "log out and back in)"))

    classify = sub.add_parser(
        "classify",
        help=translate("Cli", "show what a window would be counted as, and which rule decided it"),
        description=translate(
            "Cli", "Show what a window would be counted as (app, website, category) and "
            "which rule decided it, using the built-in rules and the [[rules]] of your "
            "config.toml. Rules that cannot be used are listed with the reason."),
    )
    classify.add_argument("--app", required=True, metavar=translate("Cli", "KEY"),
                          help=translate("Cli", "the app key, e.g. firefox (see 'report --json')"))
    classify.add_argument("--title", default="", metavar=translate("Cli", "TITLE"),
                          help=translate("Cli", "the window title"))
    classify.add_argument(
        "--wm-class",
        action="append",
        default=[],
        metavar=translate("Cli", "CLASS"),
        help=translate("Cli", "a WM_CLASS part (instance or class); repeat for both"),
    )
    classify.add_argument("--json", action="store_true", help=translate(
        "Cli", 'print {"app", "site", "category", "rule"} as JSON'))

    add_limits_parser(sub)
    add_experiment_parser(sub)
    add_data_parsers(sub)
    add_autostart_parser(sub)
    add_move_parser(sub)
    add_relaunch_parser(sub)

    demo = sub.add_parser("demo-data", help=translate(
        "Cli", "fill the data dir with realistic synthetic history"))
    demo.add_argument("--days", type=_positive_int, default=30,
                      help=translate("Cli", "how many days (default 30)"))
    demo.add_argument("--seed", type=int, default=1,
                      help=translate("Cli", "random seed (default 1)"))
    demo.add_argument("--end", type=_date, metavar=day,
                      help=translate("Cli", "last day (default: yesterday)"))
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser(commands=not _only_app_options(argv)).parse_args(argv)


#: The options before a command that take a value, and those that take none (no --help,
#: no --version: those print the whole parser's words).
_VALUE_OPTIONS = ("--data-dir", "--db")
_FLAG_OPTIONS = ("--fake-platform", "-v", "--verbose")


def _only_app_options(argv: Sequence[str]) -> bool:
    """Whether ``argv`` is nothing but options of the tray app, each spelt in full.

    Such a command line starts the tray app, and the parser without the commands
    (nor their modules) reads it as the whole one does. Anything else (a command,
    help, an abbreviated option, a value that looks like an option) goes to the whole
    parser, which reads it or tells what is wrong.
    """
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token in _FLAG_OPTIONS:
            continue
        if token in _VALUE_OPTIONS:
            if not rest or rest[0].startswith("-"):
                return False
            rest.pop(0)
            continue
        if token.startswith(tuple(f"{name}=" for name in _VALUE_OPTIONS)):
            continue
        return False
    return True


def run(args: argparse.Namespace) -> int:
    from wellbeing.cli_data import cmd_backup, cmd_delete, cmd_export, cmd_import
    from wellbeing.cli_desktop import cmd_autostart, cmd_move_data, cmd_relaunch
    from wellbeing.cli_experiment import cmd_experiment
    from wellbeing.cli_limits import cmd_limits

    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "track": _cmd_track,
        "report": _cmd_report,
        "doctor": _cmd_doctor,
        "setup": _cmd_setup,
        "demo-data": _cmd_demo_data,
        "classify": _cmd_classify,
        "limits": cmd_limits,
        "experiment": cmd_experiment,
        "import": cmd_import,
        "export": cmd_export,
        "delete": cmd_delete,
        "backup": cmd_backup,
        "autostart": cmd_autostart,
        "move-data": cmd_move_data,
        "relaunch": cmd_relaunch,
    }
    return run_guarded(args, commands[args.command])


def run_guarded(args: argparse.Namespace, command: Callable[[Any], int]) -> int:
    """Run ``command``; user-facing errors become one message and their exit code."""
    try:
        return command(args)
    except WellbeingError as exc:
        print(f"wellbeing: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def main(
    argv: list[str] | None = None, start_gui: Callable[[argparse.Namespace], int] | None = None
) -> int:
    """Parse ``argv`` and run its command, or ``start_gui`` when no command is given."""
    install_language()
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"wellbeing: {exc.user_message()}", file=sys.stderr)
        return exc.exit_code
    if getattr(args, "db", None) is None and hasattr(args, "data_dir"):
        args.db = configured_database(args.data_dir)
    if args.command is None:
        if start_gui is None:
            print("wellbeing: " + translate("Cli", "no command given; see 'wellbeing --help'."),
                  file=sys.stderr)
            return EXIT_USAGE
        return run_guarded(args, start_gui)
    return run(args)


_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system


def install_language(env: Mapping[str, str] | None = None) -> str | None:
    """Speak the language the environment asks for, when wellbeing has a translation for it.

    The language is :func:`wellbeing.core.i18n.environment_language` (on
    Windows, where the environment usually names none, the system's). English,
    and a language without a translation, read and import nothing more. The
    translation is the tray app's own ``.qm`` file, read without Qt
    (``core.qm``); a damaged one is told in one line on stderr, and the command
    goes on in English.

    Returns:
        The language installed ("de"), or None.
    """
    language = (i18n.environment_language(os.environ if env is None else env)
                or _system_language())
    if language is None or language == "en" or not language.isalpha():
        return None
    from wellbeing import resources
    from wellbeing.core import qm

    path = resources.path_of(f"translations/wellbeing_{language}.qm")
    if not path.is_file():
        return None
    try:
        catalog = qm.load(path)
    except qm.QmError as exc:
        print(f"wellbeing: {exc}; going on in English.", file=sys.stderr)
        return None
    i18n.install(catalog.translate, language)
    _translate_argparse()
    return language


def _system_language() -> str | None:
    """Windows' own language setting (what Qt's ``QLocale.system()`` reads), elsewhere None.

    On Linux, the BSDs and macOS the environment is where the system says it.
    """
    if _SYSTEM != "win32":
        return None
    import ctypes
    import locale

    try:
        win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - absent from Linux's ctypes
        lcid = int(win_dll("kernel32").GetUserDefaultLCID())
    except (OSError, AttributeError):
        return None
    name = locale.windows_locale.get(lcid, "")
    return name.split("_")[0].lower() or None


def _translate_argparse() -> None:
    """argparse's own words (``usage:``, its errors) in the installed language too.

    argparse asks ``gettext`` for them through its module's ``_`` and
    ``ngettext``; those now ask :func:`translate` (context ``Argparse``) for the
    words listed here, and leave any other (a newer Python's) as it is.
    """
    words = {
        "usage: ": translate("Argparse", "usage: "),
        "positional arguments": translate("Argparse", "positional arguments"),
        "options": translate("Argparse", "options"),
        "show this help message and exit": translate(
            "Argparse", "show this help message and exit"),
        "argument %(argument_name)s: %(message)s": translate(
            "Argparse", "argument %(argument_name)s: %(message)s"),
        "unrecognized arguments: %s": translate("Argparse", "unrecognized arguments: %s"),
        "not allowed with argument %s": translate("Argparse", "not allowed with argument %s"),
        "ignored explicit argument %r": translate("Argparse", "ignored explicit argument %r"),
        "the following arguments are required: %s": translate(
            "Argparse", "the following arguments are required: %s"),
        "one of the arguments %s is required": translate(
            "Argparse", "one of the arguments %s is required"),
        "expected one argument": translate("Argparse", "expected one argument"),
        "expected at most one argument": translate("Argparse", "expected at most one argument"),
        "expected at least one argument": translate("Argparse", "expected at least one argument"),
        "expected %s argument": translate("Argparse", "expected %s argument"),
        "expected %s arguments": translate("Argparse", "expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "Argparse", "ambiguous option: %(option)s could match %(matches)s"),
        "unexpected option string: %s": translate("Argparse", "unexpected option string: %s"),
        "invalid %(type)s value: %(value)r": translate(
            "Argparse", "invalid %(type)s value: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        "unknown parser %(parser_name)r (choices: %(choices)s)": translate(
            "Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    }

    def gettext(text: str) -> str:
        return words.get(text, text)

    def ngettext(one: str, many: str, count: int) -> str:
        return gettext(one if count == 1 else many)

    vars(argparse).update(_=gettext, ngettext=ngettext)


def configured_database(data_dir: str | None) -> str | None:
    """The settings' ``[storage] database_url`` (used when neither --db nor the env names one).

    A settings file that cannot be read gives None here; the command that loads
    the settings then reports the problem itself.
    """
    from wellbeing import config as config_module
    from wellbeing.errors import WellbeingError

    try:
        path = paths_module.resolve(data_dir).config
        return config_module.load(path).storage.database_url or None
    except (WellbeingError, OSError):
        return None


# -- argument types -------------------------------------------------------------


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate(
            "Cli", "{text} is not a real date in the form YYYY-MM-DD").format(text=repr(text))
        ) from None


def _date_or_today(text: str) -> date | str:
    return "today" if text == "today" else _date(text)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is not a number").format(text=repr(text))) from None
    if not value > 0 or value != value or value == float("inf"):
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} must be a positive number").format(text=repr(text)))
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} is not a whole number").format(text=repr(text))) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} must be at least 1").format(text=repr(text)))
    return value


# -- commands -------------------------------------------------------------------


def _cmd_track(args: argparse.Namespace) -> int:
    from wellbeing.platform.instance import TrackerLock

    paths = paths_module.resolve(args.data_dir)
    paths_module.ensure_private_dir(paths.data_dir)
    logs.setup(paths, stderr_level=logging.DEBUG if args.verbose else logging.INFO)
    global _stopper
    _stopper = _Stopper()  # before the slow start: a SIGTERM then still ends cleanly
    with TrackerLock(paths.lock_file):
        if args.db:
            _track_with_sqlalchemy(args)
        else:
            _track_local_file(args, paths)
    log.info("tracking stopped")
    return EXIT_OK


def _track_local_file(args: argparse.Namespace, paths: paths_module.Paths) -> None:
    """The local file through the standard library's sqlite3 (no SQLAlchemy in this process)."""
    from wellbeing import config as config_module
    from wellbeing.services.headless import build_headless_tracker
    from wellbeing.services.limits_runtime import attach_limits

    config = config_module.load(paths.config)
    tracker, storage = build_headless_tracker(
        paths, config, fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after
    )
    _stop_on_signals(tracker)
    try:
        from wellbeing.services.experiment_jobs import sqlite_opener

        runtime = attach_limits(
            tracker, storage.limit_store(), config, paths, fake=args.fake_platform,
            experiment=lambda today: sqlite_opener(
                paths.database, lambda: storage.device_id, today),
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        storage.close()


def _track_with_sqlalchemy(args: argparse.Namespace) -> None:
    """A database URL (``--db``, e.g. PostgreSQL) through SQLAlchemy, as the tray app does."""
    from wellbeing.services.context import open_context
    from wellbeing.services.limits_runtime import attach_limits
    from wellbeing.services.tracking import build_tracker

    unreachable: DatabaseUnreachable | None = None
    try:
        ctx = open_context(args.data_dir, args.db, holds_lock=True)  # _cmd_track holds it
    except DatabaseUnreachable as exc:
        unreachable = exc  # tracked outside this handler (no exception context for its logs)
    if unreachable is not None:
        _track_until_reachable(args, unreachable)
        return
    try:
        tracker = build_tracker(
            ctx, fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after
        )
        _stop_on_signals(tracker)
        from wellbeing.services.experiment_admin import experiment_opener

        runtime = attach_limits(
            tracker, ctx.limits(), ctx.config, ctx.paths, db_url=args.db, fake=args.fake_platform,
            experiment=lambda today: experiment_opener(ctx, today),
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        ctx.close()


def _track_until_reachable(args: argparse.Namespace, exc: DatabaseUnreachable) -> None:
    """Started while the server is away: keep time locally, write it once it answers."""
    from wellbeing.services.deferred_tracking import start_offline
    from wellbeing.services.limits_runtime import attach_limits

    offline = start_offline(args.data_dir, args.db, exc)
    try:
        tracker = offline.tracker(
            fake=args.fake_platform, poll=args.poll, idle_after=args.idle_after)
        _stop_on_signals(tracker)
        runtime = attach_limits(
            tracker, offline.limits(), offline.config, offline.paths,
            db_url=args.db, fake=args.fake_platform, experiment=offline.experiment,
        )
        try:
            _run_until_stopped(tracker, args.duration)
        finally:
            runtime.close()
    finally:
        offline.later.close()


class _Stopper:
    """SIGTERM and SIGINT end tracking cleanly, also when they come while it starts up."""

    def __init__(self) -> None:
        self.tracker: TrackerService | None = None
        self.requested = False
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        self.requested = True
        if self.tracker is not None:
            self.tracker.request_stop()

    def watch(self, tracker: TrackerService) -> None:
        """From now on a signal stops ``tracker`` (at once, if one came already)."""
        self.tracker = tracker
        if self.requested:
            tracker.request_stop()


_stopper: _Stopper | None = None


def _stop_on_signals(tracker: TrackerService) -> None:
    """Let SIGTERM and SIGINT stop ``tracker`` (a signal during start-up is kept)."""
    global _stopper
    if _stopper is None:
        _stopper = _Stopper()
    _stopper.watch(tracker)


def _run_until_stopped(tracker: TrackerService, duration: float | None) -> None:
    _stop_on_signals(tracker)
    _hear_session_notices(tracker)
    tracker.notices.subscribe(_tell_on_stderr)
    try:
        tracker.run(duration=duration)
    finally:
        tracker.platform.close()


def _hear_session_notices(tracker: TrackerService) -> None:
    """Without Qt, a lock probe fed by window messages (Windows) listens on a thread of its own."""
    start: Callable[[], None] | None = getattr(tracker.platform.session, "start_listening", None)
    if start is None:
        return
    try:
        start()
    except Unavailable as exc:
        log.warning("a locked screen or sleep will not pause tracking: %s", exc.message)


def _tell_on_stderr(notice: TrackerNotice) -> None:
    """What the user must know while ``track`` runs (a database set aside), on stderr."""
    print(f"wellbeing: {notice.title}: {notice.message}", file=sys.stderr, flush=True)


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


def _cmd_report(args: argparse.Namespace) -> int:
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


def _cmd_classify(args: argparse.Namespace) -> int:
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


def _cmd_doctor(args: argparse.Namespace) -> int:
    from wellbeing.services.doctor import run_doctor

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.ERROR)
    return run_doctor(args.data_dir, args.db, out=sys.stdout)


def _cmd_setup(args: argparse.Namespace) -> int:
    from wellbeing.services.gnome_setup import run_setup

    return run_setup(args.what, out=sys.stdout)


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from wellbeing.services import demo
    from wellbeing.services.context import open_context
    from wellbeing.services.reporting import today_local

    logs.setup(None, stderr_level=logging.DEBUG if args.verbose else logging.WARNING)
    ctx = open_context(args.data_dir, args.db)
    try:
        end = args.end or today_local(ctx.config.tracking.day_start_hour) - timedelta(days=1)
        count = demo.fill(
            ctx.db,
            ctx.device_id,
            days=args.days,
            seed=args.seed,
            end=end,
            day_start_hour=ctx.config.tracking.day_start_hour,
        )
        first = end - timedelta(days=args.days - 1)
        print(translate(
            "Cli", "Wrote {count} intervals of demo history from {first} to {end} into {folder}."
        ).format(count=count, first=first, end=end, folder=ctx.paths.data_dir))
    finally:
        ctx.close()
    return EXIT_OK
