"""Entry point: ``wellbeing`` (the tray app) and ``wellbeing SUBCOMMAND`` (the CLI)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the CLI, or the tray app when no subcommand is given."""
    from wellbeing import cli

    args = cli.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        return cli.run_guarded(args, _run_app)
    return cli.run(args)


def _run_app(args: object) -> int:
    from wellbeing import app

    return app.run(args)


if __name__ == "__main__":
    sys.exit(main())
