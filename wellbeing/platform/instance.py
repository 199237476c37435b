"""One tracker per data directory: an OS file lock that dies with its holder.

The lock is ``flock(LOCK_EX | LOCK_NB)`` on a 0600 file (``msvcrt.locking`` on
Windows) holding the holder's pid, so the refusal can name it. The kernel drops
the lock when the holder exits, however it exits (kill -9 included), so a lock
file left behind never blocks a new tracker; there is no staleness guessing by
pid. The file itself is left in place on release: deleting lock files races.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from wellbeing.core.i18n import translate
from wellbeing.errors import AlreadyRunning, StorageUnavailable

__all__ = ["START_PATIENCE_S", "TrackerLock"]

_WIN_LOCK_OFFSET = 1 << 20  # lock a byte past the pid so readers on Windows can still read it


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


START_PATIENCE_S = 1.0
"""How long a starting tracker keeps trying for the lock (see ``TrackerLock.acquire``)."""


class TrackerLock:
    """The single-instance lock of one data directory; a context manager.

    Args:
        path: the lock file (``Paths.lock_file``); its directory must exist.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def holder_pid(self) -> int | None:
        """The pid written by the current (or last) holder, if readable."""
        try:
            text = self.path.read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    def acquire(self, *, patience_s: float = 0.0) -> None:
        """Take the lock and write our pid into the file.

        Args:
            patience_s: how long to keep trying. A process starting up waits
                :data:`START_PATIENCE_S`: others test the lock by taking it for an
                instant (``report``, ``doctor``, ``try_acquire``), and a start that
                met such a test would otherwise say "already running" and quit.

        Raises:
            AlreadyRunning: another process holds it (the message names its pid).
            StorageUnavailable: the lock file cannot be created or opened.
        """
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StorageUnavailable(
                translate("Storage", "Cannot create the lock file {path}: {error}.").format(
                    path=self.path, error=exc.strerror or exc),
                hint=translate("Storage", "Choose a writable place with --data-dir DIR."),
            ) from exc
        deadline = time.monotonic() + patience_s
        while not (locked := _try_lock(fd)) and time.monotonic() < deadline:
            time.sleep(0.05)
        if not locked:
            os.close(fd)
            pid = self.holder_pid()
            who = f"pid {pid}" if pid else "another process"
            raise AlreadyRunning(
                f"wellbeing is already tracking for this data dir ({who}). "
                "Stop it first, or use another --data-dir."
            )
        with contextlib.suppress(OSError):  # not ours to tighten (e.g. other owner): keep going
            os.chmod(self.path, 0o600)
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        self._fd = fd

    def try_acquire(self) -> bool:
        """Take the lock if no other process holds it; False (nothing raised) if one does.

        Raises:
            StorageUnavailable: the lock file cannot be created or opened.
        """
        try:
            self.acquire()
        except AlreadyRunning:
            return False
        return True

    def release(self) -> None:
        """Give the lock up (the file stays). Safe to call when not held."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> TrackerLock:
        self.acquire(patience_s=START_PATIENCE_S)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
