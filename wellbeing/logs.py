"""Logging set-up: a private (0600) log file in the data dir, plus stderr for the CLI."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from wellbeing.paths import Paths, ensure_private_dir, touch_private

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup(paths: Paths | None, *, stderr_level: int = logging.WARNING) -> None:
    """Log INFO and up to ``<data>/logs/wellbeing.log`` and ``stderr_level`` and up to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    # APScheduler tells every job added and run at INFO: our own log says what matters.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    for handler in list(root.handlers):
        if getattr(handler, "_wellbeing", False):
            root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(stderr_level)
    console.setFormatter(logging.Formatter("wellbeing: %(message)s"))
    console._wellbeing = True  # type: ignore[attr-defined]
    root.addHandler(console)
    if paths is None:
        return
    try:
        ensure_private_dir(paths.log_dir)
        touch_private(paths.log_file)
        file_handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger("wellbeing").warning("cannot write the log file: %s", exc)
        return
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._wellbeing = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
