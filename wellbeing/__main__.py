"""Entry point: ``wellbeing`` (the tray app) and ``wellbeing COMMAND`` (the CLI)."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    """Run the CLI, or the tray app when no command is given."""
    from wellbeing import cli

    return cli.main(argv, start_gui=_run_app)


def _run_app(args: argparse.Namespace) -> int:
    from wellbeing.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
