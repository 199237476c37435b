"""The tray app's tracking thread: run the loop, and when it dies, say so and run it again once.

:meth:`TrackerService.start <wellbeing.services.tracker.TrackerService.start>`
runs :func:`run_supervised` in a daemon thread. An unexpected error (a bug in a
probe or the classifier, the platform going away) ends the loop after its
final flush; the error is logged with its traceback, a ``restarted`` notice is
posted and the loop runs again, up to ``tracker.restarts`` times. After that,
or when a bug in saving stopped it (:class:`~wellbeing.errors.TrackingFailed`,
never restarted: it would fail the same way), a ``stopped`` notice says that
nothing is recorded any more and what to do. A stop that was asked for ends
quietly. No Qt here: the tray hears the notices through
:mod:`wellbeing.services.notices`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wellbeing.core.i18n import translate
from wellbeing.errors import TrackingFailed, Unavailable
from wellbeing.services.notices import TrackerNotice

if TYPE_CHECKING:
    from wellbeing.services.tracker import TrackerService

log = logging.getLogger("wellbeing.tracker")


def run_supervised(tracker: TrackerService) -> None:
    """Run ``tracker`` until it is asked to stop, restarting it after an unexpected death."""
    while True:
        try:
            tracker.run()
            return
        except TrackingFailed as exc:  # a bug in saving, logged where it happened
            tracker.notices.post(TrackerNotice(
                "stopped", translate("Tracker", "Tracking stopped"), exc.user_message()))
            return
        except Unavailable as exc:
            log.exception("tracking stopped: the platform went away")
            problem = exc.message
        except Exception as exc:  # noqa: BLE001 - a worker thread must say why it died
            log.exception("tracking stopped by an unexpected error")
            problem = f"{type(exc).__name__}: {exc}"
        if tracker.stop_requested:
            return
        if tracker.restarted >= tracker.restarts:
            tracker.notices.post(stopped_notice(problem))
            return
        tracker.restarted += 1
        log.warning(
            "restarting tracking after the error above (restart %d of %d)",
            tracker.restarted,
            tracker.restarts,
        )
        tracker.notices.post(restarted_notice(problem))


def restarted_notice(problem: str) -> TrackerNotice:
    """The loop died because of ``problem`` and runs again."""
    return TrackerNotice(
        "restarted",
        translate("Tracker", "Tracking restarted after an error"),
        translate("Tracker", "Recording stopped because of an unexpected error ({problem}) and "
                             "was started again by itself; what was recorded before is kept. If "
                             "it stops again, quit wellbeing and start it again; the log file has "
                             "the details.").format(problem=problem),
    )


def stopped_notice(problem: str) -> TrackerNotice:
    """The loop died because of ``problem`` and is not restarted any more."""
    return TrackerNotice(
        "stopped",
        translate("Tracker", "Tracking stopped"),
        translate("Tracker", "Recording stopped because of an unexpected error ({problem}), and "
                             "it had already been restarted once. Time is not counted now. Quit "
                             "wellbeing and start it again; if it keeps stopping, please report "
                             "it with the log file.").format(problem=problem),
    )


def save_bug(error: BaseException) -> TrackingFailed:
    """What ends the loop when a save failed because of a bug (``error``), not the storage."""
    return TrackingFailed(
        translate("Tracker", "Tracking stopped because of an error in wellbeing while saving "
                             "({error}).").format(error=f"{type(error).__name__}: {error}"),
        hint=translate("Tracker", "What was recorded before is kept. Please report this bug with "
                                  "the log file; start wellbeing again to go on tracking."),
    )
