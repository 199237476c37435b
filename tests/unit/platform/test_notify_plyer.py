"""The plyer path: when it is unavailable, and what notify returns for each outcome."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.notify_plyer import PlyerNotifier
from wellbeing.services.limit_ports import Notice

NOTICE = Notice("limit:xterm", "Time's up", "xterm: 30 of 30 minutes")


class Recording:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def notify(self, **kwargs: Any) -> None:
        self.calls.append(kwargs)


class Failing:
    def notify(self, **kwargs: Any) -> None:
        raise NotImplementedError("No usable implementation found!")


class Blocking:
    """Like the Windows balloon: the call lasts as long as the notice is shown."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def notify(self, **kwargs: Any) -> None:
        self.release.wait(30)


def test_title_body_sender_and_icon_are_passed_on() -> None:
    backend = Recording()
    notifier = PlyerNotifier(icon="/icons/w.svg", backend=backend)
    assert notifier.name == "plyer (Recording)"
    assert notifier.notify(NOTICE) is True
    (call,) = backend.calls
    assert call["title"] == "Time's up"
    assert call["message"] == "xterm: 30 of 30 minutes"
    assert call["app_name"] == "Wellbeing"
    assert call["app_icon"] == "/icons/w.svg"


def test_an_error_from_plyer_is_not_delivered_and_not_raised() -> None:
    assert PlyerNotifier(backend=Failing()).notify(NOTICE) is False


def test_a_call_still_showing_after_the_wait_counts_as_delivered() -> None:
    backend = Blocking()
    try:
        assert PlyerNotifier(backend=backend, wait=0.05).notify(NOTICE) is True
    finally:
        backend.release.set()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="plyer's Linux checks")
def test_on_linux_without_a_session_bus_plyer_is_unavailable() -> None:
    with pytest.raises(Unavailable, match="no session D-Bus"):
        PlyerNotifier(env={})
