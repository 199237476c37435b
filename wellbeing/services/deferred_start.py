"""Starting while the database server cannot be reached: track into the spool, connect later.

``track --db URL`` (and the tray app) started while the server is away would
otherwise not start at all. Instead the tracker gets a :class:`DeferredSink`:
every save tries to reach the database again (at most every ``retry_every``
seconds, monotonic time); until it answers, the backlog is kept in the data
folder's spool (:mod:`wellbeing.storage.spool`, the same one an outage mid-run
uses) and the save fails, so the tracker keeps its backlog and retries as
always. Nothing is written anywhere else: this device's id may not even be
known yet (the first start on that database registers it).

When the database answers, ``connect`` does what a normal start does (migrations
check, device registration, labels) and returns the writer and a way to write
pieces without the time the device already has. The pieces an earlier run left
in the spool are written that way (as :func:`~wellbeing.services.spooling.replay_spool`
does at a normal start); the tracker's own backlog is then written by the
writer, wrapped in a :class:`~wellbeing.services.spooling.SpoolingSink` as at a
normal start, which empties the spool once that save succeeds. So each piece is
written once, whatever the order of failures.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wellbeing.core.activity import Interval as Piece
from wellbeing.core.i18n import translate
from wellbeing.errors import StorageUnavailable
from wellbeing.services.spooling import SpoolingSink
from wellbeing.services.storage_errors import is_storage_error
from wellbeing.services.tracker import IntervalSink
from wellbeing.storage.spool import Spool

__all__ = ["Connected", "DeferredSink"]

log = logging.getLogger("wellbeing.storage")


@dataclass(frozen=True)
class Connected:
    """What reaching the database gives: this device's writer, and a replay of old pieces."""

    sink: IntervalSink
    write_earlier: Callable[[Sequence[Piece]], float]


class DeferredSink:
    """An :class:`IntervalSink` for a database that did not answer at start.

    Args:
        spool: the data folder's spool (may hold pieces of an earlier run).
        connect: opens the database as a normal start would; raises a storage
            error (e.g. :class:`~wellbeing.errors.DatabaseUnreachable`) while it
            cannot be reached.
        monotonic: seconds on a clock that never jumps (the tracker's clock).
        where: the server, for messages (``host:port``).
        retry_every: the least time between two attempts to connect.
        on_connected: called once (in the saving thread) after connecting.
    """

    keeps_unsaved = True  # the tracker need not call unsaved pieces lost

    def __init__(
        self,
        spool: Spool,
        connect: Callable[[], Connected],
        monotonic: Callable[[], float],
        *,
        where: str,
        retry_every: float = 5.0,
        on_connected: Callable[[], None] | None = None,
    ) -> None:
        self.spool = spool
        self.where = where
        self.retry_every = retry_every
        self.attempts = 0
        self._connect = connect
        self._monotonic = monotonic
        self._on_connected = on_connected
        self._earlier = spool.load()  # left by an earlier run; written first once connected
        self._connected: Connected | None = None
        self._inner: IntervalSink | None = None
        self._last_try: float | None = None
        self._lock = threading.Lock()
        if self._earlier:
            log.info("%d pieces of an earlier run wait in %s", len(self._earlier), spool.path)

    @property
    def connected(self) -> bool:
        """Whether the database was reached and the tracker writes to it."""
        return self._inner is not None

    def save(self, finished: Sequence[Piece], running: Sequence[Piece] = ()) -> None:
        with self._lock:
            inner = self._inner or self._reach(finished, running)
        inner.save(finished, running)

    def _reach(self, finished: Sequence[Piece], running: Sequence[Piece]) -> IntervalSink:
        """The writer once the database answers; else keep the backlog and raise."""
        now = self._monotonic()
        if self._last_try is not None and now - self._last_try < self.retry_every:
            self._keep(finished, running)
            raise StorageUnavailable(translate(
                "Storage", "The database at {where} is not reached yet.").format(where=self.where))
        self._last_try = now
        try:
            if self._connected is None:
                self.attempts += 1
                self._connected = self._connect()
            if self._earlier:
                written = self._connected.write_earlier(self._earlier)
                log.warning("wrote %.0f s of use kept while the database could not be "
                            "reached", written)
                self._earlier = []
        except Exception as exc:
            if not is_storage_error(exc):
                raise
            self._last_try = self._monotonic()  # counted from the end of a slow attempt
            self._keep(finished, running)
            log.debug("the database at %s still cannot be reached: %s", self.where, exc)
            raise StorageUnavailable(
                translate("Storage", "The database at {where} cannot be reached yet ({error}).")
                .format(where=self.where, error=exc)
            ) from None  # the start said why; no traceback chain at every attempt
        self._keep(finished, running)  # just this run's backlog now, written next
        self._inner = SpoolingSink(self._connected.sink, self.spool)
        log.warning("the database at %s answers: writing the time kept locally", self.where)
        if self._on_connected is not None:
            self._on_connected()
        return self._inner

    def _keep(self, finished: Sequence[Piece], running: Sequence[Piece]) -> None:
        try:
            self.spool.replace([*self._earlier, *finished, *running])
        except OSError:
            log.exception("could not keep the unsaved pieces in %s", self.spool.path)
