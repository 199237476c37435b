"""``wellbeing autostart on|off|status``: starting the tray app at login.

Registered by ``wellbeing.cli`` (:func:`add_autostart_parser`,
:func:`cmd_autostart`). No Qt. The way is the system's (``services.autostart``):
an XDG autostart entry on Linux, the ``Run`` key on Windows, a LaunchAgent on
macOS. ``on`` starts the program that runs now, with ``--data-dir`` when a data
directory other than the default is in use.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from pathlib import Path
from typing import Any

from wellbeing.core.i18n import translate

EXIT_OK = 0


def add_autostart_parser(sub: Any) -> None:
    """Add ``autostart`` to the top-level subparsers ``sub``."""
    parser = sub.add_parser("autostart", help=translate(
        "CliDesktop", "start wellbeing when you log in (on|off|status)"))
    parser.add_argument("action", choices=("on", "off", "status"))
    parser.add_argument("--json", action="store_true",
                        help=translate("CliDesktop", "print the state as JSON"))


def cmd_autostart(args: argparse.Namespace) -> int:
    """Run ``wellbeing autostart``."""
    from wellbeing.errors import StorageUnavailable
    from wellbeing.services.autostart import autostart_for, launch_command, login_data_dir

    way = autostart_for()
    command = launch_command(login_data_dir(args.data_dir))
    try:
        if args.action == "on":
            way.enable(command)
        elif args.action == "off":
            way.disable()
    except OSError as exc:
        raise StorageUnavailable(translate("CliDesktop", "cannot change {where}: {error}").format(
            where=way.where, error=exc.strerror or exc)) from exc
    on = way.enabled()
    if args.json:
        print(json.dumps({"enabled": on, "where": way.where,
                          "command": command if on and args.action == "on" else None}))
    elif on:
        print(translate("CliDesktop", "wellbeing starts when you log in ({where}).").format(
            where=way.where))
    else:
        print(translate("CliDesktop", "wellbeing does not start when you log in."))
    return EXIT_OK


def add_move_parser(sub: Any) -> None:
    """Add ``move-data`` to the top-level subparsers ``sub``."""
    from wellbeing.cli_data import add_restart

    parser = sub.add_parser(
        "move-data", help=translate(
            "CliDesktop", "move the data folder (database, settings, backups) elsewhere"),
        description=translate(
            "CliDesktop", "Moves the whole data folder to FOLDER (new or empty) and makes every "
            "later start use it. Says what moves and asks first (unless --yes). Wellbeing "
            "must not be running (the app's Settings window uses --restart-app)."))
    parser.add_argument("folder", type=Path, metavar=translate("CliDesktop", "FOLDER"),
                        help=translate("CliDesktop", "a new or empty folder"))
    parser.add_argument("--yes", action="store_true",
                        help=translate("CliDesktop", "do not ask for confirmation"))
    add_restart(parser)


def cmd_move_data(args: argparse.Namespace) -> int:
    """Run ``wellbeing move-data``."""
    from wellbeing.cli_data import then_restart

    return then_restart(args, translate("CliDesktop", "Wellbeing: data moved"),
                        lambda: _move(args))


def _move(args: argparse.Namespace) -> int:
    import os

    from wellbeing import paths as paths_module
    from wellbeing.cli_data import confirm, wait_s
    from wellbeing.services import data_admin, data_move
    from wellbeing.services.autostart import autostart_for, launch_command, login_data_dir

    paths = paths_module.resolve(args.data_dir)
    new = data_move.check_destination(paths, args.folder)
    what = data_move.describe_move(paths, new)
    if not confirm(what[0].upper() + what[1:], args.yes):
        print(translate("CliDesktop", "Nothing was moved."))
        return EXIT_OK
    found_by_default = (os.environ.get(paths_module.DATA_DIR_ENV) is None
                        and paths.data_dir == paths_module.resolve(None).data_dir)
    with data_admin.holding_the_lock(paths, "move", wait_s=wait_s(args)):
        moved = data_move.move_data(paths, new)
    args.data_dir = str(moved.data_dir)  # what a restart (--restart-app) starts on
    if found_by_default:
        data_move.point_at(moved.data_dir)
    way = autostart_for()
    with contextlib.suppress(OSError):
        if way.enabled():
            way.enable(launch_command(login_data_dir(str(moved.data_dir))))
    done = (translate("CliDesktop", "Moved your data to {folder}. The old folder is kept as "
                      "{kept}; delete it when you are sure.") if moved.kept_as
            else translate("CliDesktop", "Moved your data to {folder}."))
    print(done.format(folder=moved.data_dir, kept=moved.kept_as))
    return EXIT_OK


def add_relaunch_parser(sub: Any) -> None:
    """Add ``relaunch`` to the top-level subparsers ``sub``."""
    sub.add_parser(
        "relaunch",
        help=translate("CliDesktop", "start the tray app again once the running one has quit"),
        description=translate(
            "CliDesktop", "Waits (up to a minute) for the running wellbeing of this data folder "
            "to quit, then starts the tray app again: what Settings' \"Restart Wellbeing "
            "now\" runs."))


def cmd_relaunch(args: argparse.Namespace) -> int:
    """Run ``wellbeing relaunch``."""
    from wellbeing import paths as paths_module
    from wellbeing.services import app_restart, data_admin

    paths = paths_module.resolve(args.data_dir)
    try:
        with data_admin.holding_the_lock(paths, "restart", wait_s=app_restart.WAIT_S):
            pass
    finally:
        app_restart.start_app(args.data_dir, args.db)  # if it did not quit, this one says so
    return EXIT_OK
