"""A callback after each save that wrote something, for views that redraw when data changes.

The tray's tooltip and the open dashboard redraw when the tracker has written
(instead of re-reading the database on a timer): :func:`notify_after_saves`
wraps the tracker's sink, and every sink its recovery hands back, so that
``callback()`` runs after each save that had intervals to write. It runs in
the tracker's thread; the tray app turns it into a queued Qt signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from wellbeing.core.activity import Interval
from wellbeing.services.tracker import IntervalSink, TrackerService

log = logging.getLogger(__name__)


class NotifyingSink:
    """``sink``, calling ``callback()`` after each save of at least one interval."""

    def __init__(self, sink: IntervalSink, callback: Callable[[], None]) -> None:
        self.sink = sink
        self._callback = callback

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        self.sink.save(finished, running)
        if finished or running:
            try:
                self._callback()
            except Exception:  # noqa: BLE001 - a view's trouble must not fail a save
                log.exception("the after-save callback failed")


def notify_after_saves(tracker: TrackerService, callback: Callable[[], None]) -> None:
    """Call ``callback()`` after every save that wrote intervals, also after a recovery."""
    tracker.sink = NotifyingSink(tracker.sink, callback)
    recover = tracker.recover
    if recover is None:
        return

    def recover_and_notify(error: Exception) -> IntervalSink | None:
        fresh = recover(error)
        return None if fresh is None else NotifyingSink(fresh, callback)

    tracker.recover = recover_and_notify
