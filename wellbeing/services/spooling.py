"""Tracking on through a database outage: failed saves also go to a local spool.

:class:`SpoolingSink` wraps the writer of a database on another machine (the
tray app or ``track`` with ``--db URL``). A save that fails because the
database cannot be reached re-raises, so the tracker keeps its backlog and
retries as always, but first the backlog and the running piece are kept in the
data folder's spool (:mod:`wellbeing.storage.spool`): if the app is closed or
crashes before the server is back, nothing is lost. The first save that
succeeds empties the spool (the tracker's retry wrote the same pieces).
:func:`replay_spool` writes a spool left by an earlier run at start, without
time the device already has in the database (so nothing is doubled).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from wellbeing.core.activity import Interval as Piece
from wellbeing.errors import StorageUnavailable
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.db import Database
from wellbeing.storage.history_import import write_device_pieces
from wellbeing.storage.spool import Spool

__all__ = ["SpoolingSink", "replay_spool"]

log = logging.getLogger("wellbeing.storage")


class SpoolingSink:
    """``inner``'s saves; the backlog of failed ones kept in ``spool`` as well."""

    keeps_unsaved = True  # the tracker need not call unsaved pieces lost

    def __init__(self, inner: IntervalSink, spool: Spool) -> None:
        self.inner = inner
        self.spool = spool
        self._spooled = len(spool) > 0

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        try:
            self.inner.save(finished, running)
        except StorageUnavailable:
            try:
                self.spool.replace([*finished, *running])
                self._spooled = True
            except OSError:
                log.exception("could not keep the unsaved pieces in %s", self.spool.path)
            raise
        if self._spooled:
            self.spool.clear()
            self._spooled = False
            log.info("the database is back: the spooled pieces are written")


def replay_spool(db: Database, device_id: int, spool: Spool) -> float:
    """Write what an earlier run left in ``spool``; the seconds written (0 if none)."""
    pieces = spool.load()
    if not pieces:
        return 0.0
    written = write_device_pieces(db, device_id, pieces)
    spool.clear()
    log.warning("wrote %.0f s of use kept while the database could not be reached", written)
    return written
