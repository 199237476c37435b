"""The Windows backend's logic against a fake of the Windows API (no Windows needed).

Covers naming apps by executable and version resource, Store apps inside
ApplicationFrameHost, the 32-bit tick wrap of idle time, decoding the lock and
sleep messages, and refusing to start on another system.
"""

from __future__ import annotations

import ctypes
import sys
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.errors import Unavailable
from wellbeing.platform import windows, windows_api
from wellbeing.platform.session_events import SessionEvent
from wellbeing.platform.windows import (
    TICK_MODULUS,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WindowsIdleProbe,
    WindowsProbe,
    WindowsSession,
    idle_ms,
    message_at,
    session_event,
)
from wellbeing.platform.windows_api import Win32Api
from wellbeing.platform.windows_listener import MessageWindow

from .os_fakes import FakeWin32

FIREFOX = r"C:\Program Files\Mozilla Firefox\firefox.exe"
FRAME_HOST = r"C:\Windows\System32\ApplicationFrameHost.exe"
CALCULATOR = r"C:\Program Files\WindowsApps\Microsoft.WindowsCalculator_11\CalculatorApp.exe"


@pytest.fixture
def win() -> FakeWin32:
    return FakeWin32()


# -- the focused app ---------------------------------------------------------------------


def test_the_app_is_the_lowercased_exe_named_by_its_version_resource(win: FakeWin32) -> None:
    win.show(0x10, 400, FIREFOX, "Instagram — Mozilla Firefox")
    win.descriptions[FIREFOX] = "Firefox"
    info = WindowsProbe(win).active_window()
    assert info is not None
    assert (info.app_key, info.app_name, info.exe) == ("firefox.exe", "Firefox", "firefox.exe")
    assert (info.title, info.pid, info.handle) == ("Instagram — Mozilla Firefox", 400, 0x10)


@pytest.mark.parametrize(
    ("path", "description", "key", "name"),
    [
        (r"C:\Windows\System32\NOTEPAD.EXE", "Notepad", "notepad.exe", "Notepad"),
        (r"D:\tools\MyTool.exe", None, "mytool.exe", "MyTool"),  # no version resource
        (r"D:\tools\Blank.exe", "   ", "blank.exe", "Blank"),  # an empty description
        (r"\\server\share\app.v2.exe", "App  ", "app.v2.exe", "App"),
    ],
)
def test_names_fall_back_to_the_exe_stem(
    win: FakeWin32, path: str, description: str | None, key: str, name: str
) -> None:
    win.show(1, 2, path)
    if description is not None:
        win.descriptions[path] = description
    info = WindowsProbe(win).active_window()
    assert info is not None
    assert (info.app_key, info.app_name) == (key, name)


def test_a_version_resource_is_read_once_per_executable(win: FakeWin32) -> None:
    probe = WindowsProbe(win)
    win.show(1, 10, FIREFOX)
    for _ in range(3):
        probe.active_window()
    win.show(2, 11, FIREFOX)  # a second Firefox window, another process
    probe.active_window()
    assert win.description_reads == 1
    assert probe.name_reads == 1


def test_an_unchanged_window_is_the_same_object_and_a_new_title_a_new_one(
    win: FakeWin32,
) -> None:
    probe = WindowsProbe(win)
    win.show(1, 10, FIREFOX, "a")
    first = probe.active_window()
    assert probe.active_window() is first
    win.titles[1] = "b"
    second = probe.active_window()
    assert second is not first
    assert second is not None
    assert second.title == "b"


def test_a_store_app_is_found_inside_its_frame_host_window(win: FakeWin32) -> None:
    win.show(0x100, 50, FRAME_HOST, "Calculator")
    win.owners[0x101] = 50  # the frame's own title bar child
    win.owners[0x102] = 60  # the app's window, another process
    win.images[60] = CALCULATOR
    win.children[0x100] = [0x101, 0x102]
    win.descriptions[CALCULATOR] = "Calculator"
    info = WindowsProbe(win).active_window()
    assert info is not None
    assert (info.app_key, info.app_name, info.pid) == ("calculatorapp.exe", "Calculator", 60)
    assert (info.title, info.handle) == ("Calculator", 0x100)  # the frame's title and window


def test_a_child_whose_process_cannot_be_read_is_skipped(win: FakeWin32) -> None:
    win.show(0x100, 50, FRAME_HOST)
    win.owners.update({0x101: 70, 0x102: 60})  # pid 70 is unreadable (no image)
    win.images[60] = CALCULATOR
    win.children[0x100] = [0x101, 0x102]
    info = WindowsProbe(win).active_window()
    assert info is not None
    assert info.app_key == "calculatorapp.exe"


def test_a_frame_without_an_app_inside_is_the_frame_host(win: FakeWin32) -> None:
    win.show(0x100, 50, FRAME_HOST)
    win.owners[0x101] = 50
    win.children[0x100] = [0x101]
    info = WindowsProbe(win).active_window()
    assert info is not None
    assert info.app_key == "applicationframehost.exe"


def test_no_focus_or_an_unreadable_process_is_no_app(win: FakeWin32) -> None:
    probe = WindowsProbe(win)
    assert probe.active_window() is None  # nothing in front (the desktop being switched)
    win.foreground, win.owners[5] = 5, 99  # a protected process: no image path
    assert probe.active_window() is None
    win.owners[5] = 0  # the window vanished mid-read
    assert probe.active_window() is None


# -- idle time ---------------------------------------------------------------------------


def test_idle_time_is_the_tick_difference() -> None:
    assert idle_ms(10_000, 4_000) == 6_000
    assert idle_ms(4_000, 4_000) == 0


def test_idle_time_survives_the_49_day_wrap() -> None:
    # The last input 10 ms before the counter wrapped, now 5 ms after it.
    assert idle_ms(5, TICK_MODULUS - 10) == 15
    assert idle_ms(0, TICK_MODULUS - 1) == 1


def test_an_input_newer_than_the_tick_read_is_no_idle_time() -> None:
    assert idle_ms(100, 105) == 0
    assert idle_ms(TICK_MODULUS - 3, 2) == 0  # the same race across the wrap


@given(
    start=st.integers(min_value=0, max_value=TICK_MODULUS - 1),
    elapsed=st.integers(min_value=0, max_value=TICK_MODULUS // 2 - 1),
)
def test_idle_time_is_exact_for_any_start_and_any_idle_under_24_days(
    start: int, elapsed: int
) -> None:
    assert idle_ms((start + elapsed) % TICK_MODULUS, start) == elapsed


def test_the_idle_probe_reads_the_last_input_before_the_tick(win: FakeWin32) -> None:
    win.tick, win.last_input = 3_000, TICK_MODULUS - 2_000
    idle = WindowsIdleProbe(win)
    assert idle.idle_seconds() == 5.0
    assert win.reads == ["last", "tick"]


# -- lock and sleep messages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "wparam", "event"),
    [
        (WM_WTSSESSION_CHANGE, 0x7, SessionEvent.LOCK),
        (WM_WTSSESSION_CHANGE, 0x8, SessionEvent.UNLOCK),
        (WM_WTSSESSION_CHANGE, 0x2, SessionEvent.DISCONNECT),
        (WM_WTSSESSION_CHANGE, 0x1, SessionEvent.CONNECT),
        (WM_WTSSESSION_CHANGE, 0x4, SessionEvent.DISCONNECT),
        (WM_WTSSESSION_CHANGE, 0x3, SessionEvent.CONNECT),
        (WM_WTSSESSION_CHANGE, 0x5, None),  # a logon: nothing to do
        (WM_POWERBROADCAST, 0x4, SessionEvent.SUSPEND),
        (WM_POWERBROADCAST, 0x12, SessionEvent.RESUME),
        (WM_POWERBROADCAST, 0x7, SessionEvent.RESUME),
        (WM_POWERBROADCAST, 0xA, None),  # PBT_APMPOWERSTATUSCHANGE: on battery
        (0x0010, 0x7, None),  # WM_CLOSE with a lock's wParam
    ],
)
def test_session_messages_are_decoded(message: int, wparam: int, event: object) -> None:
    assert session_event(message, wparam) is event


class _WindowsMsg(ctypes.Structure):
    """A whole Windows MSG as it lies in memory (64-bit)."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("x", ctypes.c_int32),
        ("y", ctypes.c_int32),
    ]


def test_a_msg_is_read_from_the_address_qt_passes() -> None:
    msg = _WindowsMsg(0x1234, WM_POWERBROADCAST, 0x12, -1, 99, 3, 4)
    assert message_at(ctypes.addressof(msg)) == (0x1234, WM_POWERBROADCAST, 0x12)


def test_lock_and_sleep_pause_and_only_both_ends_resume(win: FakeWin32) -> None:
    changes: list[bool] = []
    session = WindowsSession(api=win)
    session.on_change(lambda: changes.append(session.is_locked()))
    assert not session.is_locked()
    assert session.feed_message(WM_WTSSESSION_CHANGE, 0x7)  # locked
    assert session.feed_message(WM_POWERBROADCAST, 0x4)  # then asleep
    assert session.asleep
    session.feed_message(WM_POWERBROADCAST, 0x12)  # awake, still locked
    assert session.is_locked()
    assert not session.asleep
    session.feed_message(WM_POWERBROADCAST, 0x7)  # the second resume notice: no change
    session.feed_message(WM_WTSSESSION_CHANGE, 0x8)  # unlocked
    assert not session.is_locked()
    assert changes == [True, True, True, False]
    assert not session.feed_message(0x0010, 0)
    assert session.events == 5


def test_a_user_switch_away_counts_as_locked(win: FakeWin32) -> None:
    session = WindowsSession(api=win)
    session.feed_message(WM_WTSSESSION_CHANGE, 0x2)
    assert session.is_locked()
    session.feed_message(WM_WTSSESSION_CHANGE, 0x1)
    assert not session.is_locked()


def test_a_lock_wakes_the_foreground_probe_waiting_for_the_next_sample(win: FakeWin32) -> None:
    probe = WindowsProbe(win)
    session = probe.session_probe()
    returned: list[bool] = []
    waiter = threading.Thread(target=lambda: returned.append(probe.wait_for_change(60)))
    waiter.start()
    session.feed_message(WM_POWERBROADCAST, 0x4)
    waiter.join(20)  # well before the 60 s wait would end by itself
    assert not waiter.is_alive()
    assert returned == [False]  # the focus did not change; the lock state did
    assert session.is_locked()


def test_attaching_a_window_registers_it_and_closing_unregisters(win: FakeWin32) -> None:
    session = WindowsSession(api=win)
    session.attach_window(0xBEEF)
    assert win.registered == [0xBEEF]
    assert session.listening
    session.close()
    assert win.unregistered == [(0xBEEF, 77)]
    session.close()  # twice: nothing more
    assert len(win.unregistered) == 1


# -- elsewhere than Windows --------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="checks the other systems")
def test_nothing_windows_starts_on_another_system(win: FakeWin32) -> None:
    with pytest.raises(Unavailable, match="not Windows"):
        WindowsProbe()
    with pytest.raises(Unavailable, match="only on Windows"):
        Win32Api()
    with pytest.raises(Unavailable, match="cannot exist"):
        MessageWindow(lambda message, wparam: False).start()
    with pytest.raises(Unavailable):
        WindowsSession(api=win).start_listening()
    with pytest.raises(Unavailable):
        WindowsSession().attach_window(1)  # the real API, which is not here


@pytest.mark.skipif(sys.platform == "win32", reason="needs a system without WinDLL")
def test_missing_windows_dlls_make_the_backend_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(windows, "_SYSTEM", "win32")
    monkeypatch.setattr(windows_api, "_SYSTEM", "win32")
    with pytest.raises(Unavailable, match="Windows API the tracker needs is missing"):
        WindowsProbe()
