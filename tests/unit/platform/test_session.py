from __future__ import annotations

from pathlib import Path

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.session import LogindSession, NeverLocked


def test_never_locked_says_lock_detection_is_unavailable() -> None:
    probe = NeverLocked()
    assert probe.is_locked() is False
    assert "unavailable" in probe.name
    probe.close()


def test_logind_without_a_system_bus_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent/system_bus_socket")
    with pytest.raises(Unavailable, match="no system D-Bus"):
        LogindSession()


def test_never_locked_needs_no_polling() -> None:
    assert NeverLocked.reports_changes is True
    assert not hasattr(NeverLocked(), "fileno")  # nothing to wait on: it never changes


def test_logind_on_an_unreachable_bus_address_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(Unavailable, match="no D-Bus at unix:path="):
        LogindSession("1", bus=f"unix:path={tmp_path / 'no-bus'}")
