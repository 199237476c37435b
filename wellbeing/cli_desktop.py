"""``wellbeing autostart on|off|status``: starting the tray app at login.

Registered by ``wellbeing.cli`` (:func:`add_autostart_parser`,
:func:`cmd_autostart`). No Qt. The way is the system's (``services.autostart``):
an XDG autostart entry on Linux, the ``Run`` key on Windows, a LaunchAgent on
macOS. ``on`` starts the program that runs now, with ``--data-dir`` when a data
directory other than the default is in use.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

EXIT_OK = 0


def add_autostart_parser(sub: Any) -> None:
    """Add ``autostart`` to the top-level subparsers ``sub``."""
    parser = sub.add_parser("autostart", help="start wellbeing when you log in (on|off|status)")
    parser.add_argument("action", choices=("on", "off", "status"))
    parser.add_argument("--json", action="store_true", help="print the state as JSON")


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
        raise StorageUnavailable(f"cannot change {way.where}: {exc.strerror or exc}") from exc
    on = way.enabled()
    if args.json:
        print(json.dumps({"enabled": on, "where": way.where,
                          "command": command if on and args.action == "on" else None}))
    elif on:
        print(f"wellbeing starts when you log in ({way.where}).")
    else:
        print("wellbeing does not start when you log in.")
    return EXIT_OK
