"""KWinProbe against a stand-in KWin playing Plasma 5.27 or 6 on a private bus.

The real KWin of the test machine (5.27) is driven in test_tracking_kde.py;
this covers what it cannot: Plasma 6's object path for the script, and the
probe's handling of reports one by one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.dbus_helpers import private_bus
from tests.integration.fake_kwin import FakeKWin
from wellbeing.errors import Unavailable
from wellbeing.platform import kde
from wellbeing.platform.kde import KWinProbe

EDITOR = ("org.example.Editor", "editor", "notes.txt", 0)
VIEWER = ("org.example.Viewer", "viewer", "photo.png", 0)


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    with private_bus(tmp_path) as address:
        yield address


@pytest.mark.parametrize("plasma", [5, 6])
def test_the_script_is_loaded_run_at_its_versions_path_and_unloaded(
    bus: str, tmp_path: Path, plasma: int
) -> None:
    with FakeKWin(bus, plasma=plasma, active=EDITOR) as kwin:
        probe = KWinProbe(bus=bus, script_dir=str(tmp_path))
        try:
            window = probe.active_window()
            assert window is not None
            assert window.app_key == "org.example.editor"
            assert window.title == "notes.txt"
            assert window.wm_class == ("editor", "org.example.Editor")
            # Plasma 6's path is tried first; on 5 that one is refused, then /<id> runs.
            assert kwin.calls["run"] == (1 if plasma == 6 else 2)
            assert kwin.target is not None
            assert kwin.target[1:] == (kde.OBJECT_PATH, kde.INTERFACE)
            (name,) = kwin.loaded
            assert list(tmp_path.glob("wellbeing-kwin-*/wellbeing_focus.js"))
        finally:
            probe.close()
        assert kwin.loaded == {}
        assert kwin.calls["unloadScript"] == 1
        assert not list(tmp_path.glob("wellbeing-kwin-*"))  # the script's file is gone


def test_a_switch_is_one_change_though_no_window_is_reported_first(bus: str) -> None:
    with FakeKWin(bus, plasma=6, active=EDITOR) as kwin:
        probe = KWinProbe(bus=bus)
        try:
            probe.active_window()
            kwin.report(None)
            kwin.report(VIEWER)
            assert probe.wait_for_change(30.0) is True
            window = probe.active_window()
            assert window is not None
            assert window.app_key == "org.example.viewer"
            assert probe.wait_for_change(0.2) is False  # nothing more to see
            assert probe.reports == 3
        finally:
            probe.close()


def test_no_window_is_reported_once_nothing_follows(bus: str) -> None:
    with FakeKWin(bus, plasma=6, active=EDITOR) as kwin:
        probe = KWinProbe(bus=bus)
        try:
            probe.active_window()
            kwin.report(None)
            assert probe.wait_for_change(30.0) is True
            assert probe.active_window() is None
        finally:
            probe.close()


def test_a_title_change_is_a_change(bus: str) -> None:
    with FakeKWin(bus, plasma=5, active=EDITOR) as kwin:
        probe = KWinProbe(bus=bus)
        try:
            probe.active_window()
            kwin.report((*EDITOR[:2], "other.txt", 0))
            assert probe.wait_for_change(30.0) is True
            window = probe.active_window()
            assert window is not None
            assert window.title == "other.txt"
            assert "other.txt" not in repr(window)  # titles stay out of logs
        finally:
            probe.close()


def test_a_script_that_never_reports_makes_the_backend_unavailable(
    bus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kde, "FIRST_REPORT_SECONDS", 0.5)
    with FakeKWin(bus, plasma=6, silent=True) as kwin:
        started = time.monotonic()
        with pytest.raises(Unavailable, match="never reported"):
            KWinProbe(bus=bus)
        assert time.monotonic() - started < 30
        assert kwin.loaded == {}  # unloaded again
