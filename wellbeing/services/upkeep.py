"""Storage upkeep for the headless tracker, run as a short-lived child process.

``wellbeing track`` on the local file never imports SQLAlchemy (it writes
through :mod:`wellbeing.storage.sqlite_writer`, see
:mod:`wellbeing.services.headless`). The rare jobs that need the full storage
layer run here, in a child that exits when done, so their memory is returned:

``python -m wellbeing.services.upkeep prepare --data-dir DIR``
    Open the database the way every command does (create it 0600, set a damaged
    file aside, apply Alembic migrations, get this machine's device row) and
    re-label stored apps and sites from the current rules. Prints one JSON
    object: ``{"device_id": 1, "notice": null, "set_aside": null, "problem": null}``
    (``notice``: a plain-words message about a file set aside, in English;
    ``set_aside`` and ``problem``: where it went and why, to say it again in the
    tray's language).

``python -m wellbeing.services.upkeep label --data-dir DIR [--wm-classes-on-stdin]``
    Re-label apps and sites from the rules (after the tracker stored new
    ones), storing the WM_CLASS parts seen, read as JSON from stdin
    (``{"app key": ["part", ...]}``). App names and window classes never go on
    the command line: anyone on the machine can read ``/proc/<pid>/cmdline``.

A user-facing error is printed as ``wellbeing: message`` on stderr and the
process exits with its code (DESIGN's exit codes), which the parent passes on.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys

from wellbeing import logs
from wellbeing import paths as paths_module
from wellbeing.errors import WellbeingError
from wellbeing.services.categories import try_sync_categories
from wellbeing.services.classifier import load_rule_set
from wellbeing.services.context import open_context


def main(argv: list[str] | None = None) -> int:
    """Run one upkeep job; see the module docstring."""
    parser = argparse.ArgumentParser(prog="python -m wellbeing.services.upkeep")
    parser.add_argument("job", choices=("prepare", "label"))
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--wm-classes-on-stdin", action="store_true",
                        help="read JSON from stdin: app key -> WM_CLASS parts")
    args = parser.parse_args(argv)
    paths = paths_module.resolve(args.data_dir)
    try:
        paths_module.ensure_private_dir(paths.data_dir)
        # The parent reports what matters to the user; the log file gets everything.
        logs.setup(paths, stderr_level=logging.ERROR)
        # Only ``prepare`` (before the tracker writes, for the parent that holds the
        # tracker lock) may set a damaged file aside; ``label`` runs while the tracker
        # writes, and must never move its file.
        prepare = args.job == "prepare"
        ctx = open_context(str(paths.data_dir), None, check_file=prepare, holds_lock=prepare)
        try:
            rule_set, _issues = load_rule_set(ctx.config)
            seen = json.loads(sys.stdin.read() or "{}") if args.wm_classes_on_stdin else {}
            wm_classes = {
                str(key): tuple(str(part) for part in parts) for key, parts in seen.items()
            }
            try_sync_categories(ctx.db, rule_set, wm_classes=wm_classes)
            if args.job == "prepare":
                aside = ctx.db.set_aside
                sys.stdout.write(json.dumps({
                    "device_id": ctx.device_id, "notice": ctx.notice,
                    "set_aside": None if aside is None else str(aside),
                    "problem": ctx.db.set_aside_problem}))
                sys.stdout.write("\n")
        finally:
            ctx.close()
    except WellbeingError as exc:
        sys.stderr.write(f"wellbeing: {exc.user_message()}\n")
        return exc.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main())
