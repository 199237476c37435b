"""Logging set-up: a private (0600) log file in the data dir, plus stderr for the CLI.

The log rotates (``wellbeing.log.1`` ... ``.3``); every file of it is 0600: the
file a rotation starts is created 0600 whatever the umask, and older rotated
files left wider by earlier versions are tightened at set-up.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from io import TextIOWrapper

from wellbeing.paths import Paths, ensure_private_dir, restrict_fd, touch_private

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 3


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file is created 0600 (the stock one follows the umask)."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        restrict_fd(fd)
        # always appends, as the handler's default mode "a" does
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115


def setup(paths: Paths | None, *, stderr_level: int = logging.WARNING) -> None:
    """Log INFO and up to ``<data>/logs/wellbeing.log`` and ``stderr_level`` and up to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
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
        for number in range(1, BACKUP_COUNT + 1):
            rotated = paths.log_file.with_name(f"{paths.log_file.name}.{number}")
            if rotated.exists():
                touch_private(rotated)
        file_handler = PrivateRotatingFileHandler(
            paths.log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger("wellbeing").warning("cannot write the log file: %s", exc)
        return
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._wellbeing = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
