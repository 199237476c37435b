"""Quiet mode: the desktop's Do Not Disturb on until a time, and exactly as before afterwards.

:class:`QuietMode` writes what it is about to change (the backend's
snapshot of the state before, the end time and the owning process) to
``quiet-mode.json`` in the data dir (0600, written atomically) BEFORE it
switches anything, and removes the file only once the previous state is back.
So a crash leaves the file behind, and :meth:`QuietMode.recover` (called at
start) restores the previous state when that file is stale: its end time has
passed, or the process that wrote it is gone. If the person had Do Not
Disturb on already, it stays on afterwards.

The end time is wall-clock time (it is shown to the person); who ends quiet
mode on time is the caller's scheduler (:meth:`QuietMode.end_if_due`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.paths import ensure_private_dir
from wellbeing.platform.base import Check
from wellbeing.platform.dnd import DndBackend, detect_dnd

__all__ = ["STATE_FILE", "QuietMode", "quiet_mode_check"]

log = logging.getLogger("wellbeing.quiet")

STATE_FILE = "quiet-mode.json"
_VERSION = 1


def _process_started(pid: int) -> float | None:
    """When process ``pid`` started (to tell it from a later one with the same pid), or None."""
    import psutil

    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.Error, OSError):
        return None


class QuietMode:
    """Turns the desktop's Do Not Disturb on and back, surviving crashes.

    Args:
        data_dir: where the state file lives (created 0700 if needed).
        backend: the desktop's switch (``platform.dnd.detect_dnd()``, or a FakeDnd).
        clock: wall time for end times.
        pid: the owning process (default this one; tests pretend to be another).
    """

    def __init__(
        self, data_dir: Path, backend: DndBackend, clock: Clock, *, pid: int | None = None
    ) -> None:
        self.path = Path(data_dir) / STATE_FILE
        self._data_dir = Path(data_dir)
        self._backend = backend
        self._clock = clock
        self._pid = os.getpid() if pid is None else pid

    def start(self, until_wall: float) -> None:
        """Quiet until ``until_wall`` (epoch seconds); when already quiet, move the end time.

        Raises:
            Unavailable: the desktop did not switch (what was changed is put back).
        """
        state = self._read()
        if state is None or state.get("backend") != self._backend.name:
            previous = self._backend.snapshot()
        else:
            previous = state["previous"]  # already quiet: the state before quiet mode stays
        self._write(
            {
                "version": _VERSION,
                "backend": self._backend.name,
                "previous": previous,
                "until_wall": float(until_wall),
                "pid": self._pid,
                "pid_started": _process_started(self._pid),
                "started_wall": self._clock.now().wall,
            }
        )
        try:
            self._backend.quiet()
        except Unavailable:
            self._restore(previous)
            raise
        log.info("quiet mode on (%s) until %.0f", self._backend.name, until_wall)

    def end(self) -> bool:
        """Put the previous state back; False when not quiet or the desktop did not answer.

        When the desktop does not answer, the state file stays, so :meth:`recover`
        can try again later.
        """
        state = self._read()
        if state is None:
            return False
        if state.get("backend") != self._backend.name:
            log.warning(
                "quiet mode was started with %s, not %s: its previous state cannot be put back",
                state.get("backend"),
                self._backend.name,
            )
            self._remove()
            return False
        if not self._restore(state.get("previous", {})):
            return False
        log.info("quiet mode off (%s): previous state restored", self._backend.name)
        return True

    def end_if_due(self) -> bool:
        """End quiet mode if its end time has passed; True if it ended now."""
        until = self.active_until()
        if until is None or self._clock.now().wall < until:
            return False
        return self.end()

    def active_until(self) -> float | None:
        """The end time (epoch seconds) of the quiet mode in force, or None."""
        state = self._read()
        return None if state is None else float(state["until_wall"])

    def recover(self) -> bool:
        """At start: put back a state a crashed or finished run left behind; True if restored."""
        state = self._read()
        if state is None:
            return False
        expired = float(state["until_wall"]) <= self._clock.now().wall
        owner, started = int(state.get("pid", -1)), state.get("pid_started")
        alive = _process_started(owner)
        owner_gone = alive is None or started is None or abs(alive - float(started)) > 1.0
        if not (expired or owner_gone):
            return False
        why = "its end time passed" if expired else "the process that started it is gone"
        log.info("quiet mode left behind (%s): restoring the previous state", why)
        return self.end()

    # -- internals ------------------------------------------------------------------------

    def _restore(self, previous: dict[str, Any]) -> bool:
        try:
            self._backend.restore(previous)
        except Unavailable as exc:
            log.warning("could not end quiet mode yet (%s); will retry", exc.message)
            return False
        self._remove()
        return True

    def _read(self) -> dict[str, Any] | None:
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("quiet mode state %s is unreadable (%s); ignoring it", self.path, exc)
            return None
        if not isinstance(state, dict) or "until_wall" not in state or "previous" not in state:
            log.warning("the quiet mode state file %s is malformed; ignoring it", self.path)
            return None
        return state

    def _write(self, state: dict[str, Any]) -> None:
        """Write atomically (temp file 0600, fsync, rename, fsync the dir)."""
        ensure_private_dir(self._data_dir)
        tmp = self.path.with_name(f".{STATE_FILE}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(state, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)
        self._sync_dir()

    def _remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self._sync_dir()

    def _sync_dir(self) -> None:
        with contextlib.suppress(OSError):
            fd = os.open(self._data_dir, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def quiet_mode_check(env: Mapping[str, str] | None = None) -> Check:
    """``wellbeing doctor``'s line: whose Do Not Disturb quiet mode would switch."""
    try:
        backend = detect_dnd(env)
    except Unavailable as exc:
        return Check(QT_TRANSLATE_NOOP("Doctor", "quiet mode"), False, exc.message, exc.hint)
    backend.close()
    return Check(QT_TRANSLATE_NOOP("Doctor", "quiet mode"), True,
                 translate("Platform", "switches {desktop}'s Do Not Disturb").format(
                     desktop=backend.name))
