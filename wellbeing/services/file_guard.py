"""Only the process that holds the tracker lock may move a damaged database aside.

A ``report``, ``doctor`` or ``demo-data`` that finds the SQLite file damaged
must not rename it under a running tracker: the tracker would go on writing
to the renamed file (its open descriptor follows it) while everyone else
starts a fresh one, and a false alarm would cost the user their file's
place. :func:`unless_tracking` is the
:data:`~wellbeing.storage.sqlite_file.SetAsideGuard` such a short command
passes to the storage: it tries the tracker lock without waiting; while it
holds it, no tracker can start, and the file may be moved; if a tracker holds
it, the file stays (the tracker sets it aside itself if it cannot write).
The lock is taken only when damage was found and confirmed, so a short
command never keeps a tracker from starting otherwise.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from wellbeing.paths import Paths
from wellbeing.platform.instance import TrackerLock
from wellbeing.storage.sqlite_file import SetAsideGuard

log = logging.getLogger("wellbeing.storage.db")


def unless_tracking(paths: Paths) -> SetAsideGuard:
    """A guard that allows moving the file only while this process can hold the tracker lock."""

    @contextlib.contextmanager
    def guard() -> Iterator[bool]:
        lock = TrackerLock(paths.lock_file)
        if not lock.try_acquire():
            pid = lock.holder_pid()
            log.info("a tracker (pid %s) holds %s: the database is not moved", pid, paths.lock_file)
            yield False
            return
        try:
            yield True
        finally:
            lock.release()

    return guard
