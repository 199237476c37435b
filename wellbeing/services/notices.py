"""What the tracker tells the person in front of the screen, from whatever thread it runs in.

Tracking runs in a worker thread (the tray app) or in the main thread
(``wellbeing track``); either way some things must reach the user, not only
the log: the tracking loop died and was restarted, tracking stopped for good,
or a damaged database was set aside. The tracker posts a
:class:`TrackerNotice` to its :class:`NoticeRelay`; whoever shows things
subscribes a listener (the tray turns it into a queued Qt signal, ``track``
writes to stderr). Notices posted before anyone listens are kept and handed
to the first listener, so nothing said at start-up is lost. No Qt here.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from wellbeing.core.i18n import translate

log = logging.getLogger("wellbeing.tracker")

NoticeKind = Literal["restarted", "stopped", "set_aside"]


@dataclass(frozen=True)
class TrackerNotice:
    """One thing the user must be told.

    Attributes:
        kind: ``restarted`` (the loop died and runs again), ``stopped`` (tracking
            ended for good: nothing is recorded any more), ``set_aside`` (a damaged
            database was moved aside; tracking goes on in a fresh one).
        title: a few words, for a notification's title or a tooltip line.
        message: what happened and what to do, in plain words.
    """

    kind: NoticeKind
    title: str
    message: str

    @property
    def recording(self) -> bool:
        """Whether tracking still records after this."""
        return self.kind != "stopped"


NoticeListener = Callable[[TrackerNotice], None]
"""Called with each notice, in the thread that posts it (must be thread-safe)."""


class NoticeRelay:
    """Hands notices to listeners; keeps them until the first listener subscribes.

    Safe from any thread. A listener that raises is logged and the others still hear.

    Attributes:
        posted: every notice posted so far, oldest first.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._listeners: list[NoticeListener] = []
        self._waiting: list[TrackerNotice] = []
        self.posted: list[TrackerNotice] = []

    def subscribe(self, listener: NoticeListener) -> None:
        """Add ``listener``; the first one also gets the notices posted before it."""
        with self._lock:
            self._listeners.append(listener)
            waiting, self._waiting = self._waiting, []
        for notice in waiting:
            self._deliver(listener, notice)

    def post(self, notice: TrackerNotice) -> None:
        """Tell every listener (or keep it for the first one)."""
        with self._lock:
            self.posted.append(notice)
            listeners = list(self._listeners)
            if not listeners:
                self._waiting.append(notice)
        for listener in listeners:
            self._deliver(listener, notice)

    def set_aside(self, message: str) -> None:
        """A damaged database was set aside (a ``SetAsideRecovery`` ``notify``)."""
        self.post(TrackerNotice("set_aside", translate("Tracker", "Database was damaged"), message))

    @staticmethod
    def _deliver(listener: NoticeListener, notice: TrackerNotice) -> None:
        try:
            listener(notice)
        except Exception:  # noqa: BLE001 - one broken listener must not silence the rest
            log.exception("could not pass on the notice %r", notice.title)
