"""Windows' lock and sleep messages reach the lock probe through the Qt native event filter.

Qt hands the filter the address of each Windows ``MSG``; here a ``MSG`` is laid
out in memory as Windows does and its address given to the filter, as the
event loop would on Windows.
"""

from __future__ import annotations

import ctypes

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from tests.unit.platform.os_fakes import FakeWin32
from wellbeing.platform.windows import WM_POWERBROADCAST, WM_WTSSESSION_CHANGE, WindowsSession
from wellbeing.ui.session_notices import WINDOWS_MESSAGE, listen_for_session_notices


class _Msg(ctypes.Structure):
    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("x", ctypes.c_int32),
        ("y", ctypes.c_int32),
    ]


def test_the_filter_feeds_lock_and_sleep_and_lets_every_message_through(
    qapp: QApplication,
) -> None:
    win = FakeWin32()
    session = WindowsSession(api=win)
    notices = listen_for_session_notices(qapp, session)
    assert notices is not None
    try:
        assert len(win.registered) == 1  # the hidden window's handle
        assert win.registered[0] == int(notices.window.winId())
        assert not notices.window.isVisible()
        lock = _Msg(0x1, WM_WTSSESSION_CHANGE, 0x7, 0, 0, 0, 0)
        handled = notices.filter.nativeEventFilter(
            QByteArray(WINDOWS_MESSAGE), ctypes.addressof(lock)
        )
        assert handled == (False, 0)  # not swallowed
        assert session.is_locked()
        sleep = _Msg(0x1, WM_POWERBROADCAST, 0x4, 0, 0, 0, 0)
        notices.filter.nativeEventFilter(WINDOWS_MESSAGE, ctypes.addressof(sleep))
        assert session.asleep
        paint = _Msg(0x1, 0x000F, 0x7, 0, 0, 0, 0)  # WM_PAINT: not about the session
        notices.filter.nativeEventFilter(WINDOWS_MESSAGE, ctypes.addressof(paint))
        xcb = _Msg(0x1, WM_WTSSESSION_CHANGE, 0x8, 0, 0, 0, 0)  # another platform's event
        notices.filter.nativeEventFilter(b"xcb_generic_event_t", ctypes.addressof(xcb))
        assert notices.filter.seen == 2
        assert session.is_locked()
    finally:
        qapp.removeNativeEventFilter(notices.filter)
        session.close()
    assert win.unregistered == [(win.registered[0], 77)]


def test_the_tray_app_listens_only_when_the_lock_probe_is_windows(qapp: QApplication) -> None:
    from types import SimpleNamespace
    from typing import Any

    from wellbeing.app import _session_notices
    from wellbeing.platform.session import NeverLocked

    win = FakeWin32()
    windows: Any = SimpleNamespace(platform=SimpleNamespace(session=WindowsSession(api=win)))
    notices = _session_notices(qapp, windows)
    assert notices is not None
    assert len(win.registered) == 1
    qapp.removeNativeEventFilter(notices.filter)  # type: ignore[attr-defined]
    linux: Any = SimpleNamespace(platform=SimpleNamespace(session=NeverLocked()))
    assert _session_notices(qapp, linux) is None
    assert _session_notices(qapp, None) is None
