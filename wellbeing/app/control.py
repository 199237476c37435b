"""What the tray's menu controls: pausing the tracker, and today's figures."""

from __future__ import annotations

import math
from datetime import date

from wellbeing.services.pause_file import PauseFile
from wellbeing.services.reporting import today_local
from wellbeing.services.tracker import TrackerService
from wellbeing.storage.queries import UsageQueries


class TrackerControl:
    """What the tray and dashboard may ask of the tracker (``ui.tray.TrackerControl``).

    With a ``pause_file``, a pause is kept across restarts: :meth:`restore_pause`
    pauses again as the app was when it quit.
    """

    def __init__(
        self,
        tracker: TrackerService | None,
        queries: UsageQueries,
        day_start_hour: int,
        pause_file: PauseFile | None = None,
    ):
        self.tracker = tracker
        self.queries = queries
        self.day_start_hour = day_start_hour
        self.pause_file = pause_file

    def pause(self, until_wall: float | None) -> None:
        if self.tracker is not None:
            self.tracker.pause(until_wall)
            if self.pause_file is not None:
                self.pause_file.save(until_wall)

    def resume(self) -> None:
        if self.tracker is not None:
            self.tracker.resume()
            if self.pause_file is not None:
                self.pause_file.clear()

    def restore_pause(self) -> None:
        """Pause the tracker again if the app was paused when it last quit."""
        if self.tracker is None or self.pause_file is None:
            return
        until = self.pause_file.load(self.tracker.clock.now().wall)
        if until is not None:
            self.tracker.pause(None if math.isinf(until) else until)

    def paused_until(self) -> float | None:
        return self.tracker.paused_until() if self.tracker is not None else None

    def today(self) -> date:
        return today_local(self.day_start_hour)

    def today_total_seconds(self) -> float:
        return self.queries.day_total(self.today())
