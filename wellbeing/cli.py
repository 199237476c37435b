"""The command line: the parser, and running a command (``wellbeing COMMAND``).

Commands live in their own modules, registered here: ``track`` in
``wellbeing.cli_track``, ``report`` and ``classify`` in ``wellbeing.cli_report``,
``limits`` in ``wellbeing.cli_limits``, ``experiment`` in
``wellbeing.cli_experiment``, ``export``, ``import``, ``delete`` and ``backup``
in ``wellbeing.cli_data``, ``autostart``, ``move-data`` and ``relaunch`` in
``wellbeing.cli_desktop``; ``doctor``, ``setup`` and ``demo-data`` are here.
Those modules are imported only when a command line names a command or asks for
help: the tray app, ``wellbeing [--data-dir DIR] [--db URL] [-v]``, parses its
options with the global ones alone and never loads them.

Nothing here imports Qt: commands that need no window start fast and run on
machines without a display. Exit codes: 0 ok, 1 unexpected error or already
running, 2 usage error, 3 bad input data, 4 storage unavailable.

Words for people go through ``core.i18n.translate`` (context ``Cli``; the other
command modules have their own, argparse's own words ``Argparse``). When the
environment asks for a language wellbeing has a translation for,
:func:`wellbeing.cli_language.install_language` reads its ``.qm`` file without Qt (``core.qm``);
English reads and imports nothing more. Machine output (``--json``, exported
files, exit codes) is the same in every language.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from wellbeing import __version__, logs
from wellbeing import paths as paths_module
from wellbeing.cli_language import install_language
from wellbeing.core.i18n import translate
from wellbeing.errors import UsageError, WellbeingError

log = logging.getLogger("wellbeing.cli")

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_BAD_DATA, EXIT_STORAGE = 0, 1, 2, 3, 4


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, given the terminal's width so that it need not import
    ``shutil`` to ask (with ``bz2`` and ``lzma``, 0.1 MiB of ``wellbeing track``, issue 11)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         terminal_columns() - 2 if width is None else width)


def terminal_columns() -> int:
    """What :func:`shutil.get_terminal_size` says of the width: ``$COLUMNS``, stdout's, 80."""
    with contextlib.suppress(KeyError, ValueError):
        columns = int(os.environ["COLUMNS"])
        if columns > 0:
            return columns
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become :class:`UsageError` (exit 2, one clear line)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

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
    from wellbeing.cli_track import cmd_track  # imported when asked for: not in the tray app

    return cmd_track(args)


def _cmd_report(args: argparse.Namespace) -> int:
    from wellbeing.cli_report import cmd_report

    return cmd_report(args)


def _cmd_classify(args: argparse.Namespace) -> int:
    from wellbeing.cli_report import cmd_classify

    return cmd_classify(args)


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
