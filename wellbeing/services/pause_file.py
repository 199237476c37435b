"""The tray's pause, kept across a restart of the app in a small private file.

Someone who paused tracking "until tomorrow" and then restarts the computer
(or the app) expects it to stay paused. :class:`PauseFile` keeps the pause in
``<data dir>/pause.json`` (0600, written whole and renamed into place)::

    {"until": 1780000000.0}     paused until then (Unix seconds)
    {"until": null}             paused until resumed

Resuming removes the file; a pause whose end has passed, or a file that
cannot be read, counts as no pause (and the file is removed).
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
from pathlib import Path

log = logging.getLogger("wellbeing.tracker")


class PauseFile:
    """Where the pause is kept between runs of the app.

    Args:
        path: the file (``Paths.pause_file``); its directory must exist.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def save(self, until_wall: float | None) -> None:
        """Keep a pause until ``until_wall`` (Unix seconds), or until resumed if None or inf."""
        until = None if until_wall is None or math.isinf(until_wall) else float(until_wall)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            fd = os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"until": until}, out)
            os.replace(temporary, self.path)
        except OSError as exc:
            log.warning("could not keep the pause for the next start: %s", exc)
            with contextlib.suppress(OSError):
                temporary.unlink()

    def clear(self) -> None:
        """Forget the pause (tracking was resumed)."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not forget the pause in %s: %s", self.path, exc)

    def load(self, now_wall: float) -> float | None:
        """The kept pause: its end (Unix seconds), ``inf`` until resumed, None if there is none."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("could not read the kept pause in %s: %s", self.path, exc)
            return None
        try:
            until = json.loads(text)["until"]
            if until is not None and not isinstance(until, int | float):
                raise TypeError(f"until is {until!r}")
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("the kept pause in %s cannot be read (%s); tracking", self.path, exc)
            self.clear()
            return None
        if until is None:
            return math.inf
        if not math.isfinite(until) or until <= now_wall:
            self.clear()  # it ended while the app was not running
            return None
        return float(until)
