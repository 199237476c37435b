"""A hidden window on a thread of its own that hears Windows' lock and sleep notices.

``wellbeing track`` runs without Qt, so no window of the process receives
``WM_WTSSESSION_CHANGE`` or ``WM_POWERBROADCAST``. :class:`MessageWindow`
makes one: a top-level window that is never shown (not a message-only window:
those miss broadcasts such as ``WM_POWERBROADCAST`` on systems where
``RegisterSuspendResumeNotification`` does not exist), registered with
``WTSRegisterSessionNotification`` and ``RegisterSuspendResumeNotification``,
and a ``GetMessageW`` loop that hands every message to a callback
(:meth:`~wellbeing.platform.windows.WindowsSession.feed_message`). The loop
sleeps in the kernel between messages: no polling.

ctypes only; nothing here runs on Linux (the test suite checks only that it
refuses to start there). ``packaging/windows-checklist.md`` is how it is
checked on a real machine.
"""

from __future__ import annotations

import ctypes
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable

__all__ = ["MessageWindow"]

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system

log = logging.getLogger("wellbeing.platform")

_WM_QUIT = 0x0012
_CLASS_NAME = "WellbeingSessionNotices"
_START_TIMEOUT_S = 5.0

_HANDLE = ctypes.c_void_p
_LRESULT = ctypes.c_ssize_t
_WPARAM = ctypes.c_size_t
_LPARAM = ctypes.c_ssize_t


class MessageWindow:
    """A hidden window whose messages go to ``on_message(message, wparam)``.

    Args:
        on_message: called on the window's thread for every message it gets.
        api: registers the window for the notices (default: ``Win32Api()``).

    Raises:
        Unavailable: (from :meth:`start`) this is not Windows, or the window
            could not be made or registered.
    """

    def __init__(self, on_message: Callable[[int, int], bool], *, api: object | None = None):
        self._on_message = on_message
        self._api: Any = api
        self._thread: threading.Thread | None = None
        self._thread_id = 0
        self._ready = threading.Event()
        self._error: Unavailable | None = None
        self._user32: Any = None

    def start(self) -> None:
        """Make the window and start its message loop; returns once it is registered."""
        if _SYSTEM != "win32":
            raise Unavailable(translate(
                "Platform", "a Windows message window cannot exist on {system}").format(
                system=sys.platform))
        if self._api is None or not hasattr(self._api, "register_session_notices"):
            from wellbeing.platform.windows_api import Win32Api

            self._api = Win32Api()
        self._thread = threading.Thread(
            target=self._run, name="wellbeing-session-notices", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(_START_TIMEOUT_S):
            raise Unavailable(translate(
                "Platform", "the window for lock and sleep notices did not start"))
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        """End the message loop (the window is destroyed on its thread)."""
        if self._thread is None or not self._thread_id:
            return
        self._user32.PostThreadMessageW(self._thread_id, _WM_QUIT, 0, 0)
        self._thread.join(_START_TIMEOUT_S)
        self._thread = None

    # -- the window's thread --------------------------------------------------------------

    def _run(self) -> None:  # pragma: no cover - Windows only
        try:
            hwnd, power, proc, user32 = self._create()
        except (OSError, AttributeError, Unavailable) as exc:
            self._error = exc if isinstance(exc, Unavailable) else Unavailable(str(exc))
            self._ready.set()
            return
        self._ready.set()
        msg = _MSG()
        try:
            while user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
                user32.TranslateMessage(ctypes.byref(msg))
                user32.DispatchMessageW(ctypes.byref(msg))
        finally:
            self._api.unregister_session_notices(hwnd, power)
            user32.DestroyWindow(hwnd)
            del proc  # the window procedure lives as long as the window

    def _create(self) -> tuple[int, int | None, Any, Any]:  # pragma: no cover - Windows only
        win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - absent from Linux's ctypes
        functype: Any = getattr(ctypes, "WINFUNCTYPE")  # noqa: B009 - likewise
        user32 = self._user32 = win_dll("user32", use_last_error=True)
        kernel32 = win_dll("kernel32", use_last_error=True)
        wndproc_type = functype(_LRESULT, _HANDLE, ctypes.c_uint32, _WPARAM, _LPARAM)
        user32.DefWindowProcW.argtypes = [_HANDLE, ctypes.c_uint32, _WPARAM, _LPARAM]
        user32.DefWindowProcW.restype = _LRESULT
        user32.CreateWindowExW.argtypes = [
            ctypes.c_uint32, ctypes.c_wchar_p, ctypes.c_wchar_p, ctypes.c_uint32,
            ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int,
            _HANDLE, _HANDLE, _HANDLE, ctypes.c_void_p,
        ]  # fmt: skip
        user32.CreateWindowExW.restype = _HANDLE
        user32.RegisterClassExW.argtypes = [ctypes.c_void_p]
        user32.RegisterClassExW.restype = ctypes.c_uint16
        user32.GetMessageW.argtypes = [ctypes.c_void_p, _HANDLE, ctypes.c_uint32, ctypes.c_uint32]
        user32.GetMessageW.restype = ctypes.c_int
        user32.PostThreadMessageW.argtypes = [ctypes.c_uint32, ctypes.c_uint32, _WPARAM, _LPARAM]
        user32.DestroyWindow.argtypes = [_HANDLE]
        kernel32.GetModuleHandleW.argtypes = [ctypes.c_wchar_p]
        kernel32.GetModuleHandleW.restype = _HANDLE
        self._thread_id = int(kernel32.GetCurrentThreadId())

        def window_proc(hwnd: int, message: int, wparam: int, lparam: int) -> int:
            try:
                self._on_message(message, wparam)
            except Exception:  # noqa: BLE001 - an exception must not cross into Windows
                log.exception("handling a session notice failed")
            return int(user32.DefWindowProcW(hwnd, message, wparam, lparam))

        proc = wndproc_type(window_proc)
        instance = kernel32.GetModuleHandleW(None)
        wc = _WndClassExW()
        wc.cbSize = ctypes.sizeof(_WndClassExW)
        wc.lpfnWndProc = ctypes.cast(proc, ctypes.c_void_p)
        wc.hInstance = instance
        wc.lpszClassName = _CLASS_NAME
        if not user32.RegisterClassExW(ctypes.byref(wc)):
            log.debug("window class already registered (a second listener in this process)")
        hwnd = user32.CreateWindowExW(
            0, _CLASS_NAME, "wellbeing", 0, 0, 0, 0, 0, None, None, instance, None
        )
        if not hwnd:
            raise Unavailable(translate(
                "Platform", "could not create the window for lock and sleep notices"))
        power = self._api.register_session_notices(int(hwnd))
        return int(hwnd), power, proc, user32


class _MSG(ctypes.Structure):
    _fields_ = [
        ("hwnd", _HANDLE),
        ("message", ctypes.c_uint32),
        ("wParam", _WPARAM),
        ("lParam", _LPARAM),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_int32),
        ("pt_y", ctypes.c_int32),
        ("lPrivate", ctypes.c_uint32),
    ]


class _WndClassExW(ctypes.Structure):
    _fields_ = [
        ("cbSize", ctypes.c_uint32),
        ("style", ctypes.c_uint32),
        ("lpfnWndProc", ctypes.c_void_p),
        ("cbClsExtra", ctypes.c_int),
        ("cbWndExtra", ctypes.c_int),
        ("hInstance", _HANDLE),
        ("hIcon", _HANDLE),
        ("hCursor", _HANDLE),
        ("hbrBackground", _HANDLE),
        ("lpszMenuName", ctypes.c_wchar_p),
        ("lpszClassName", ctypes.c_wchar_p),
        ("hIconSm", _HANDLE),
    ]
