"""Calls carried onto the GUI thread run there, and always later, never inside the caller.

``ui.gui_thread.GuiThread`` gets that without naming ``Qt.ConnectionType`` (whose
namespace costs the tray app 1 MiB at rest): a signal from other threads, a zero
timer from its own. ``ui.tray_notices.NoticeBridge`` goes the same way.
"""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from wellbeing.services.notices import TrackerNotice
from wellbeing.ui.gui_thread import GuiThread
from wellbeing.ui.tray_notices import NoticeBridge


def test_a_call_from_another_thread_runs_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gui = GuiThread()
    ran_on: list[int] = []
    worker = threading.Thread(target=lambda: gui(lambda: ran_on.append(threading.get_ident())))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(ran_on), timeout=5_000)
    assert ran_on == [threading.get_ident()]


def test_a_call_from_the_gui_thread_runs_later_not_inside_the_caller(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gui = GuiThread()
    order: list[str] = []
    gui(lambda: order.append("call"))
    order.append("caller went on")
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5_000)
    assert order == ["caller went on", "call"]


def test_a_failing_call_is_logged_and_the_next_still_runs(
    qtbot: QtBot, qapp: QApplication
) -> None:
    gui = GuiThread()
    ran: list[str] = []

    def fails() -> None:
        raise RuntimeError("a bug in a call")

    gui(fails)
    gui(lambda: ran.append("next"))
    qtbot.waitUntil(lambda: ran == ["next"], timeout=5_000)


def test_notices_posted_from_any_thread_arrive_later_in_the_gui_thread(
    qtbot: QtBot, qapp: QApplication
) -> None:
    bridge = NoticeBridge()
    received: list[tuple[str, int]] = []
    bridge.received.connect(lambda n: received.append((n.message, threading.get_ident())))
    bridge.post(TrackerNotice("restarted", "Tracking restarted", "from the GUI thread"))
    assert received == []  # not inside post()
    from_tracker = TrackerNotice("restarted", "Tracking restarted", "from the tracker")
    worker = threading.Thread(target=lambda: bridge.post(from_tracker))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(received) == 2, timeout=5_000)
    me = threading.get_ident()
    assert sorted(received) == [("from the GUI thread", me), ("from the tracker", me)]
