"""Entry point: ``wellbeing`` (the tray app) and ``wellbeing COMMAND`` (the CLI)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

#: Modules the tray app imports anyway, none of them Qt's: imported before PySide6.
#: PySide6 reads the source of every module imported after it (its ``__feature__``
#: check), and the memory that reading churns through stays with the process:
#: 3 MiB of the tray app's at rest, measured (issue 11). ``ui.pyside_scan`` now
#: answers that check without keeping the sources (the same RSS with or without
#: this list, measured); the list stays for a PySide6 whose check it cannot answer.
BEFORE_QT = (
    "wellbeing.services.headless",
    "wellbeing.services.limits_runtime",
    "wellbeing.services.reporting",
    "wellbeing.services.save_hook",
    "wellbeing.services.pause_file",
    "wellbeing.storage.sqlite_reader",
    "wellbeing.storage.queries",
    "wellbeing.storage.backup",
)
#: The same, for an X11 session on Linux (the platform ``platform.select`` picks there).
BEFORE_QT_X11 = (
    "wellbeing.platform.x11",
    "wellbeing.platform.x11_idle",
    "wellbeing.platform.x11_actions",
    "wellbeing.platform.session",
    "wellbeing.platform.notify_dbus",
    "jeepney.io.blocking",
)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI, or the tray app when no command is given."""
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--wellbeing-upkeep"]:  # a frozen bundle's upkeep child (services.headless)
        from wellbeing.services import upkeep

        return upkeep.main(args[1:])
    from wellbeing import cli

    return cli.main(argv, start_gui=_run_app)


def _run_app(args: argparse.Namespace) -> int:
    import_before_qt()
    # PySide6 comes in here: from now on it asks of each module whether it uses
    # PySide6; answered without keeping the sources (5.4 MiB at rest, ui.pyside_scan).
    from wellbeing.ui.pyside_scan import read_sources_lightly

    read_sources_lightly()
    from wellbeing.app import run

    return run(args)


def import_before_qt(env: dict[str, str] | None = None) -> list[str]:
    """Import :data:`BEFORE_QT` (and the X11 ones in an X11 session); return what was imported.

    Only saves memory: a module that cannot be imported here is left to the app.
    """
    env = dict(os.environ) if env is None else env
    names = list(BEFORE_QT)
    if sys.platform == "linux" and env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        names.extend(BEFORE_QT_X11)
    done = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        done.append(name)
    return done


if __name__ == "__main__":
    sys.exit(main())
