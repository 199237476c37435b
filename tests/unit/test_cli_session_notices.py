"""``wellbeing track`` starts the Windows lock listener, and goes on tracking if it cannot."""

from __future__ import annotations

import logging
import sys
from types import SimpleNamespace
from typing import Any

import pytest

from tests.unit.platform.os_fakes import FakeWin32
from wellbeing.cli_track import _hear_session_notices
from wellbeing.errors import Unavailable
from wellbeing.platform.session import NeverLocked
from wellbeing.platform.windows import WindowsSession


class Listening(WindowsSession):
    def start_listening(self) -> None:
        self.listening = True


def tracker_with(session: object) -> Any:
    return SimpleNamespace(platform=SimpleNamespace(session=session))


def test_a_windows_lock_probe_is_made_to_listen() -> None:
    session = Listening(api=FakeWin32())
    _hear_session_notices(tracker_with(session))
    assert session.listening


@pytest.mark.skipif(sys.platform == "win32", reason="needs a system without message windows")
def test_a_listener_that_cannot_start_is_logged_and_tracking_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = WindowsSession(api=FakeWin32())  # on Linux: no message window
    with pytest.raises(Unavailable):
        session.start_listening()
    with caplog.at_level(logging.WARNING):
        _hear_session_notices(tracker_with(session))
    assert "will not pause tracking" in caplog.text
    assert not session.listening


def test_other_lock_probes_are_left_alone() -> None:
    _hear_session_notices(tracker_with(NeverLocked()))  # has no start_listening: no error
