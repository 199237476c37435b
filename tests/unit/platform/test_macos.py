"""The macOS backend's logic against a fake of the Cocoa calls (no Mac, no pyobjc needed).

Covers naming apps by bundle id, window titles with and without the
Accessibility permission, the notices (activation, sleep, lock, user switch)
and how waiting runs the run loop, and refusing to start on another system.
"""

from __future__ import annotations

import sys
import threading

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform import macos, macos_api
from wellbeing.platform.macos import (
    ACTIVATED,
    AX_RECHECK_SAMPLES,
    FrontApp,
    MacIdleProbe,
    MacProbe,
    notice_of,
)
from wellbeing.platform.macos_api import CocoaApi
from wellbeing.platform.session_events import SessionEvent

from .os_fakes import SAFARI, FakeCocoa

# -- the frontmost app and its title ------------------------------------------------------


def test_the_app_is_its_bundle_id_named_by_its_localised_name() -> None:
    mac = FakeCocoa()
    info = MacProbe(mac).active_window()
    assert info is not None
    assert (info.app_key, info.app_name, info.exe, info.pid) == (
        "com.apple.Safari",
        "Safari",
        "Safari",
        321,
    )


def test_an_unchanged_app_is_the_same_object_and_a_switch_a_new_one() -> None:
    mac = FakeCocoa(trusted=True)
    probe = MacProbe(mac)
    first = probe.active_window()
    assert probe.active_window() is first
    mac.titles[SAFARI.pid] = "YouTube"
    second = probe.active_window()
    assert second is not first
    assert second is not None
    assert second.title == "YouTube"


def test_an_app_without_a_bundle_is_keyed_by_its_executable() -> None:
    mac = FakeCocoa()
    mac.front = FrontApp(pid=9, bundle_id=None, name=None, executable="/usr/local/bin/Emacs")
    info = MacProbe(mac).active_window()
    assert info is not None
    assert (info.app_key, info.app_name) == ("emacs", "Emacs")
    mac.front = FrontApp(pid=9, bundle_id=None, name=None, executable=None)
    assert MacProbe(mac).active_window() is None  # nothing to name it by
    mac.front = None
    assert MacProbe(mac).active_window() is None


def test_without_accessibility_apps_are_tracked_and_titles_never_asked() -> None:
    mac = FakeCocoa(trusted=False)
    probe = MacProbe(mac)
    info = probe.active_window()
    assert info is not None
    assert info.app_key == "com.apple.Safari"
    assert info.title == ""
    assert mac.title_reads == 0
    assert mac.prompts == [False]  # asked quietly, no system prompt
    (check,) = probe.doctor_checks()
    assert not check.ok
    assert check.fix is not None
    assert "Privacy & Security > Accessibility" in check.fix


def test_with_accessibility_the_focused_window_title_is_read() -> None:
    mac = FakeCocoa(trusted=True)
    probe = MacProbe(mac)
    info = probe.active_window()
    assert info is not None
    assert info.title == "Start Page"
    mac.titles.clear()  # an app with no window open
    info = probe.active_window()
    assert info is not None
    assert info.title == ""
    (check,) = probe.doctor_checks()
    assert check.ok
    assert check.fix is None


def test_a_permission_granted_while_running_is_noticed_within_the_recheck_samples() -> None:
    mac = FakeCocoa(trusted=False)
    probe = MacProbe(mac)
    mac.trusted = True  # the user turned it on in System Settings
    titles = [probe.active_window() for _ in range(AX_RECHECK_SAMPLES)]
    assert titles[-1] is not None
    assert titles[-1].title == "Start Page"
    assert all(t is not None and t.title == "" for t in titles[:-1])
    assert mac.prompts == [False, False]  # one quiet re-check, not one per sample


def test_requesting_accessibility_shows_the_system_prompt() -> None:
    mac = FakeCocoa(trusted=False)
    probe = MacProbe(mac)
    assert probe.request_accessibility() is False
    assert mac.prompts[-1] is True


# -- idle time ----------------------------------------------------------------------------


def test_idle_time_is_the_event_source_seconds() -> None:
    mac = FakeCocoa()
    mac.idle = 42.5
    assert MacIdleProbe(mac).idle_seconds() == 42.5
    mac.idle = -0.001  # never below zero
    assert MacIdleProbe(mac).idle_seconds() == 0.0


# -- notices ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("NSWorkspaceDidActivateApplicationNotification", ACTIVATED),
        ("NSWorkspaceWillSleepNotification", SessionEvent.SUSPEND),
        ("NSWorkspaceDidWakeNotification", SessionEvent.RESUME),
        ("NSWorkspaceSessionDidResignActiveNotification", SessionEvent.DISCONNECT),
        ("NSWorkspaceSessionDidBecomeActiveNotification", SessionEvent.CONNECT),
        ("com.apple.screenIsLocked", SessionEvent.LOCK),
        ("com.apple.screenIsUnlocked", SessionEvent.UNLOCK),
        ("NSWorkspaceScreensDidSleepNotification", None),
    ],
)
def test_notice_names_are_decoded(name: str, meaning: object) -> None:
    assert notice_of(name) == meaning


def test_lock_sleep_and_user_switch_notices_drive_the_lock_state() -> None:
    mac = FakeCocoa()
    probe = MacProbe(mac)
    session = probe.session_probe()
    assert session is probe.session_probe()  # the one the notices feed
    assert not session.is_locked()
    mac.notify("com.apple.screenIsLocked")
    assert session.is_locked()
    mac.notify("NSWorkspaceWillSleepNotification")
    mac.notify("NSWorkspaceDidWakeNotification")
    assert session.is_locked()  # awake, still locked
    mac.notify("com.apple.screenIsUnlocked")
    assert not session.is_locked()
    mac.notify("NSWorkspaceSessionDidResignActiveNotification")
    assert session.is_locked()
    mac.notify("NSWorkspaceSessionDidBecomeActiveNotification")
    assert not session.is_locked()


def test_waiting_on_the_main_thread_runs_the_run_loop_and_sees_a_switch() -> None:
    mac = FakeCocoa(has_run_loop=True)
    probe = MacProbe(mac)
    mac.queued.append("NSWorkspaceDidActivateApplicationNotification")
    assert probe.wait_for_change(1.0) is True  # the run loop delivered the activation
    assert probe.activations == 1
    assert probe.wait_for_change(0.0) is False  # reported once
    assert mac.loops == 2


def test_a_switch_on_the_main_thread_ends_a_wait_on_the_tracker_thread() -> None:
    mac = FakeCocoa(has_run_loop=False)  # a worker thread's run loop has nothing to run
    probe = MacProbe(mac)
    returned: list[bool] = []
    waiter = threading.Thread(target=lambda: returned.append(probe.wait_for_change(60)))
    waiter.start()
    mac.notify("NSWorkspaceDidActivateApplicationNotification")  # Qt runs the main loop
    waiter.join(20)  # well before the 60 s wait would end by itself
    assert not waiter.is_alive()
    assert returned == [True]


def test_a_sleep_notice_ends_the_wait_without_claiming_a_switch() -> None:
    mac = FakeCocoa(has_run_loop=False)
    probe = MacProbe(mac)
    mac.notify("NSWorkspaceWillSleepNotification")
    assert probe.wait_for_change(60) is False  # the focus did not change
    assert mac.loops == 0  # woken already: the wait did not even start
    assert probe.session_probe().is_locked()


def test_closing_stops_observing() -> None:
    mac = FakeCocoa()
    probe = MacProbe(mac)
    probe.close()
    assert mac.closed


# -- elsewhere than macOS -----------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="checks the other systems")
def test_nothing_macos_starts_on_another_system() -> None:
    with pytest.raises(Unavailable, match="not macOS"):
        MacProbe()
    with pytest.raises(Unavailable, match="only on macOS"):
        CocoaApi()


@pytest.mark.skipif(sys.platform == "darwin", reason="needs a system without pyobjc")
def test_a_mac_without_pyobjc_is_told_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(macos, "_SYSTEM", "darwin")
    monkeypatch.setattr(macos_api, "_SYSTEM", "darwin")
    with pytest.raises(Unavailable, match="pyobjc is missing") as caught:
        MacProbe()
    assert caught.value.hint is not None
    assert "pyobjc-framework-Cocoa" in caught.value.hint
