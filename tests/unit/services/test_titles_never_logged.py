"""No window title reaches a log line or a traceback, even with ``store_titles`` on.

The pieces that carry a title leave it out of their repr, and SQL errors do
not carry their statement's values; checked by formatting the pieces, and by
making the tracker's save path fail (with a programming error that prints what
it was given, and with a real database refusing the title) while titles are
kept, then searching everything logged for the title.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.unit.services.test_tracker import Script
from wellbeing.config import Config, PrivacySettings
from wellbeing.core.activity import Interval, Sample
from wellbeing.core.clock import FakeClock
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.services.classifier import WindowClassifier, load_rule_set
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.db import Database
from wellbeing.storage.portability import _Event
from wellbeing.storage.writer import UsageWriter

MARKER = "Secret diagnosis letter 7Q3X"
WINDOW = WindowInfo("gedit", "Text Editor", f"{MARKER}.txt - gedit", ("gedit", "Gedit"), pid=42)


def classifier() -> WindowClassifier:
    config = Config(privacy=PrivacySettings(store_titles=True))
    rule_set, _issues = load_rule_set(config)
    return WindowClassifier(rule_set, config.privacy)


def test_the_pieces_that_carry_a_title_leave_it_out_of_their_repr(clock: FakeClock) -> None:
    decision = classifier().decide(WINDOW)
    focus = decision.focus
    assert focus is not None
    assert focus.title is not None
    assert MARKER in focus.title  # the title is kept (store_titles is on)...
    interval = Interval(focus, 0, 1000, 0, date(2026, 5, 28), 1)
    pieces: list[object] = [
        WINDOW, focus, interval, Sample(clock.now(), focus, 0.0), decision,
        decision.classification, _Event(0, 1000, "gedit", None, MARKER, MARKER),
    ]
    for piece in pieces:  # ...yet no way of printing a piece shows it
        for shown in (repr(piece), str(piece), f"{piece}", "%s %r" % (piece, piece)):  # noqa: UP031
            assert MARKER not in shown, shown
    assert "app_key='gedit'" in repr(focus)  # the rest is still there to debug with


class PrintingSink:
    """A buggy sink: given intervals, it fails with a message that prints them."""

    def __init__(self) -> None:
        self.failures = 0

    def save(self, finished: Sequence[Interval], running: Sequence[Interval] = ()) -> None:
        if finished or running:
            self.failures += 1
            raise RuntimeError(f"cannot save {list(finished)!r} and {list(running)!r}")


def run_logged(tracker: TrackerService, seconds: float) -> None:
    """Run as the tracker thread does: whatever escapes is logged with its traceback."""
    try:
        tracker.run(duration=seconds)
    except Exception:  # noqa: BLE001 - logged, as the thread's wrapper does
        logging.getLogger("wellbeing.tracker").exception("tracking stopped")


def test_a_failing_save_logs_its_traceback_without_the_title(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sink = PrintingSink()
    script = Script(clock, [(0, WINDOW)])
    tracker = TrackerService(script.platform, sink, clock, TrackerSettings(poll_seconds=1.0),
                             classify=classifier())
    run_logged(tracker, 12)
    assert sink.failures >= 1
    assert "Traceback" in caplog.text
    assert "cannot save [" in caplog.text  # the error and its message were logged...
    assert "app_key='gedit'" in caplog.text  # ...with the intervals it printed...
    assert MARKER not in caplog.text  # ...without the title
    for record in caplog.records:
        if record.exc_info:
            assert MARKER not in "".join(traceback.format_exception(*record.exc_info))


def test_a_database_refusing_the_title_logs_no_title(
    clock: FakeClock, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    db = Database.open(None, Paths(data_dir), clock=clock)
    try:
        with db.transaction() as conn:  # every title the tracker stores now fails, with its value
            conn.execute(text(
                "CREATE TRIGGER no_titles BEFORE INSERT ON window_title "
                "BEGIN SELECT RAISE(ABORT, 'titles refused'); END"
            ))
        writer = UsageWriter(db, db.device_id("test", "linux"))
        script = Script(clock, [(0, WINDOW)])
        tracker = TrackerService(script.platform, writer, clock,
                                 TrackerSettings(poll_seconds=1.0), classify=classifier())
        run_logged(tracker, 12)
        tracker.shutdown()
    finally:
        db.close()
    assert tracker.write_failures >= 1
    assert "titles refused" in caplog.text  # the database's error was logged...
    assert "INSERT INTO window_title" in caplog.text  # ...with its statement...
    assert MARKER not in caplog.text  # ...but not the title it was given
