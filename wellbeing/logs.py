"""Logging set-up: a private (0600) log file in the data dir, plus stderr for the CLI.

The log rotates (``wellbeing.log.1`` ... ``.3``); every file of it is 0600: the
file a rotation starts is created 0600 whatever the umask, and older rotated
files left wider by earlier versions are tightened at set-up.
"""

from __future__ import annotations

import logging
import os
import sys
from io import TextIOWrapper

from wellbeing.paths import Paths, ensure_private_dir, restrict_fd, touch_private

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 3


class PrivateRotatingFileHandler(logging.FileHandler):
    """A rotating log whose every file is created 0600 (the stock one follows the umask).

    Rotates as ``logging.handlers.RotatingFileHandler`` does: before a record
    that would take the file to ``maxBytes`` or more, ``NAME.1`` becomes ``NAME.2``
    and so on up to ``backupCount``, the file becomes ``NAME.1``, and a new one is
    started. Written here rather than taken from ``logging.handlers``, which the tray
    app would load only for this, with ``pickle``, ``queue`` and ``copy`` (issue 11).
    """

    def __init__(
        self, filename: str | os.PathLike[str], maxBytes: int = 0,  # noqa: N803 - the stdlib's
        backupCount: int = 0, encoding: str | None = None,  # noqa: N803
    ) -> None:
        super().__init__(filename, mode="a", encoding=encoding)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
        restrict_fd(fd)
        # always appends, as the handler's default mode "a" does
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: SIM115

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:  # noqa: BLE001 - logging's own way: handleError reports it
            self.handleError(record)

    def shouldRollover(self, record: logging.LogRecord) -> bool:  # noqa: N802 - the stdlib's
        """Whether writing ``record`` would take the file to ``maxBytes`` or more."""
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes <= 0:
            return False
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # a device or a pipe: never rotated
        size = len(self.format(record)) + len(self.terminator)
        self.stream.seek(0, 2)
        return bool(self.stream.tell() + size >= self.maxBytes)

    def doRollover(self) -> None:  # noqa: N802 - the stdlib's name
        """Shift ``NAME.1`` ... to ``NAME.2`` ..., the file to ``NAME.1``; start a new file."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for number in range(self.backupCount - 1, 0, -1):
                source = f"{self.baseFilename}.{number}"
                if os.path.exists(source):
                    os.replace(source, f"{self.baseFilename}.{number + 1}")
            if os.path.exists(self.baseFilename):
                os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()


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
