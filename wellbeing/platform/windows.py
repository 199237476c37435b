"""Windows backend: the foreground app, idle time, and lock and sleep notices (ctypes only).

The focused window is ``GetForegroundWindow``; its process
(``GetWindowThreadProcessId``) names the app by its executable
(``QueryFullProcessImageNameW`` with only ``PROCESS_QUERY_LIMITED_INFORMATION``,
which works for other users' and elevated processes too). The app key is the
executable's name in lower case (``firefox.exe``), its display name the
executable's version resource ``FileDescription`` ("Firefox"), else the name
without ``.exe``; names are read once per executable path. The title is
``GetWindowTextW`` of the focused window.

Store ("UWP") apps run inside a window of ``ApplicationFrameHost.exe``: the
app itself owns a child window of that frame, so the children are searched
(``EnumChildWindows``) for one of another process, and that process names the
app (Calculator is ``calculatorapp.exe``, not the frame host). While a Store
app starts or is suspended there is no such child yet and the frame host is
reported.

Idle time is ``GetTickCount() - LASTINPUTINFO.dwTime``: both are 32-bit
millisecond counters that wrap after 49.7 days of uptime, so the difference
is taken modulo 2**32 (right across the wrap, unlike a plain subtraction).

Lock, unlock, sleep and wake come as window messages (``WM_WTSSESSION_CHANGE``
after ``WTSRegisterSessionNotification``, ``WM_POWERBROADCAST``):
:func:`session_event` decodes them and :class:`WindowsSession` keeps the state.
In the tray app a Qt native event filter feeds it (``ui/session_notices.py``);
``wellbeing track`` has no Qt, so :meth:`WindowsSession.start_listening` opens
a hidden window on a thread of its own (:mod:`.windows_listener`).

There is no focus-change event without a system-wide hook
(``SetWinEventHook`` needs a message loop in the tracker's thread), so the
focused window is polled (``poll`` seconds, 1 by default): a sample is four
or five cheap calls (name lookups are cached).

All Windows calls go through the :class:`Win32` protocol; the real one is
:class:`~wellbeing.platform.windows_api.Win32Api` (ctypes), tests give a fake.
"""

from __future__ import annotations

import ctypes
import logging
import ntpath
import sys
import threading
from collections.abc import Callable
from typing import Protocol, runtime_checkable

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.session_events import EventSession, SessionEvent

__all__ = [
    "FRAME_HOST",
    "TICK_MODULUS",
    "WM_POWERBROADCAST",
    "WM_WTSSESSION_CHANGE",
    "SessionRegistrar",
    "Win32",
    "WindowsIdleProbe",
    "WindowsProbe",
    "WindowsSession",
    "idle_ms",
    "message_at",
    "session_event",
]

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system

log = logging.getLogger("wellbeing.platform")

FRAME_HOST = "applicationframehost.exe"
"""The process whose windows frame Store (UWP) apps."""

TICK_MODULUS = 2**32
"""``GetTickCount`` and ``LASTINPUTINFO.dwTime`` wrap at this many milliseconds (49.7 days)."""

WM_WTSSESSION_CHANGE = 0x02B1
WM_POWERBROADCAST = 0x0218
_WTS_EVENTS = {
    0x1: SessionEvent.CONNECT,  # WTS_CONSOLE_CONNECT
    0x2: SessionEvent.DISCONNECT,  # WTS_CONSOLE_DISCONNECT (fast user switching)
    0x3: SessionEvent.CONNECT,  # WTS_REMOTE_CONNECT
    0x4: SessionEvent.DISCONNECT,  # WTS_REMOTE_DISCONNECT
    0x7: SessionEvent.LOCK,  # WTS_SESSION_LOCK
    0x8: SessionEvent.UNLOCK,  # WTS_SESSION_UNLOCK
}
_POWER_EVENTS = {
    0x4: SessionEvent.SUSPEND,  # PBT_APMSUSPEND
    0x7: SessionEvent.RESUME,  # PBT_APMRESUMESUSPEND (after user input)
    0x12: SessionEvent.RESUME,  # PBT_APMRESUMEAUTOMATIC (every wake-up)
}
_NAMES_KEPT = 512


class Win32(Protocol):
    """The Windows calls the backend needs (:class:`~.windows_api.Win32Api` makes them)."""

    def foreground_window(self) -> int:
        """``GetForegroundWindow``: the window handle, 0 when none has the focus."""
        ...

    def window_pid(self, hwnd: int) -> int:
        """``GetWindowThreadProcessId``: the owner's process id, 0 if the window is gone."""
        ...

    def child_windows(self, hwnd: int) -> list[int]:
        """``EnumChildWindows``: every descendant window of ``hwnd``."""
        ...

    def process_image(self, pid: int) -> str | None:
        """``QueryFullProcessImageNameW``: the executable's full path, None if unreadable."""
        ...

    def file_description(self, path: str) -> str | None:
        """The ``FileDescription`` of the executable's version resource, None if it has none."""
        ...

    def window_title(self, hwnd: int) -> str:
        """``GetWindowTextW``: the window's title ("" when it has none)."""
        ...

    def last_input_tick(self) -> int:
        """``GetLastInputInfo``: the tick count (ms, 32-bit) of the last input."""
        ...

    def tick_count(self) -> int:
        """``GetTickCount``: milliseconds since boot, modulo 2**32."""
        ...


@runtime_checkable
class SessionRegistrar(Protocol):
    """Registers a window for lock and sleep notices (:class:`~.windows_api.Win32Api` does)."""

    def register_session_notices(self, hwnd: int) -> int | None:
        """Start the notices to ``hwnd``; returns the handle to give back when done."""
        ...

    def unregister_session_notices(self, hwnd: int, power: int | None) -> None:
        """Stop the notices to ``hwnd``."""
        ...


def idle_ms(now_tick: int, last_input_tick: int) -> int:
    """Milliseconds from the last input to now, right across the 49.7-day wrap.

    Both are 32-bit tick counts; their difference modulo 2**32 is the elapsed
    time as long as it is under 49.7 days. A difference in the upper half means
    the last input came after ``now_tick`` was read (the two reads race): 0.
    """
    elapsed = (now_tick - last_input_tick) % TICK_MODULUS
    return 0 if elapsed >= TICK_MODULUS // 2 else elapsed


def session_event(message: int, wparam: int) -> SessionEvent | None:
    """What a window message says about the session, or None if nothing.

    ``WM_WTSSESSION_CHANGE``: lock, unlock, and this session leaving or coming
    back to the console; ``WM_POWERBROADCAST``: about to sleep, woken up.
    """
    if message == WM_WTSSESSION_CHANGE:
        return _WTS_EVENTS.get(wparam)
    if message == WM_POWERBROADCAST:
        return _POWER_EVENTS.get(wparam)
    return None


class _Msg(ctypes.Structure):
    """The start of a Windows ``MSG``: the fields :func:`message_at` reads."""

    _fields_ = [
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint32),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
    ]


def message_at(address: int) -> tuple[int, int, int]:
    """(window, message, wParam) of the ``MSG`` at ``address`` (what Qt's native filter gets)."""
    msg = _Msg.from_address(address)
    return int(msg.hwnd or 0), int(msg.message), int(msg.wParam)


class WindowsSession(EventSession):
    """The lock state from Windows' window messages (see :func:`session_event`).

    Fed by :meth:`feed_message` from the tray app's native event filter, or by
    a hidden window of its own once :meth:`start_listening` was called.

    Args:
        api: what registers a window for the notices (default: the real Windows API).
        on_change: called after each change (the foreground probe's ``wake``).
    """

    def __init__(
        self, on_change: Callable[[], None] | None = None, *, api: object | None = None
    ) -> None:
        super().__init__("windows-wts", on_change)
        self._api = api
        self.listening = False

    def feed_message(self, message: int, wparam: int) -> bool:
        """Take in a window message; True if it said something about the session."""
        event = session_event(message, wparam)
        if event is None:
            return False
        self.feed(event)
        return True

    def attach_window(self, hwnd: int) -> None:
        """Have Windows send the notices to window ``hwnd`` (the tray app's own).

        Its messages must reach :meth:`feed_message` (a Qt native event filter
        does that); closing this probe unregisters the window.

        Raises:
            Unavailable: Windows refused to register the window.
        """
        api = self._registrar()
        power = api.register_session_notices(hwnd)
        self.on_close(lambda: api.unregister_session_notices(hwnd, power))
        self.listening = True

    def _registrar(self) -> SessionRegistrar:
        """What registers windows for the notices: the given API if it can, else the real one."""
        if isinstance(self._api, SessionRegistrar):
            return self._api
        from wellbeing.platform.windows_api import Win32Api

        return Win32Api()

    def start_listening(self) -> None:
        """Hear the notices through a hidden window on a thread of its own (no Qt needed).

        Raises:
            Unavailable: the window could not be made or registered.
        """
        if self.listening:
            return
        from wellbeing.platform.windows_listener import MessageWindow

        window = MessageWindow(self.feed_message, api=self._api)
        window.start()
        self.on_close(window.stop)
        self.listening = True


class WindowsProbe:
    """The foreground window on Windows, polled (there is no cheap focus event).

    Args:
        api: the Windows calls (default: :class:`~.windows_api.Win32Api`).

    Attributes:
        name_reads: version resources read, for tests that guard the name cache.

    Raises:
        Unavailable: this is not Windows.
    """

    name = "windows"

    def __init__(self, api: Win32 | None = None) -> None:
        if api is None:
            if _SYSTEM != "win32":
                raise Unavailable(translate(
                    "Platform", "this is not Windows (the system is {system})").format(
                    system=sys.platform))
            from wellbeing.platform.windows_api import Win32Api

            api = Win32Api()
        self._api = api
        self._names: dict[str, str] = {}  # executable path -> display name
        self._last: WindowInfo | None = None
        self._woken = threading.Event()
        self.name_reads = 0

    def active_window(self) -> WindowInfo | None:
        """The focused window; None when nothing has focus or its process cannot be read."""
        api = self._api
        hwnd = api.foreground_window()
        if not hwnd:
            return None
        pid = api.window_pid(hwnd)
        path = api.process_image(pid) if pid else None
        if path is None:
            log.debug("the focused window's process %s cannot be read", pid)
            return None
        if ntpath.basename(path).lower() == FRAME_HOST:
            pid, path = self._framed_app(hwnd, pid, path)
        exe = ntpath.basename(path)
        info = WindowInfo(
            app_key=exe.lower(),
            app_name=self._display_name(path),
            title=api.window_title(hwnd),
            pid=pid,
            exe=exe,
            handle=hwnd,
        )
        if info == self._last:
            return self._last  # the same object: the tracker reuses what it made of it
        self._last = info
        return info

    def _framed_app(self, frame: int, host_pid: int, host_path: str) -> tuple[int, str]:
        """The Store app inside a frame host window: the first child of another process."""
        for child in self._api.child_windows(frame):
            pid = self._api.window_pid(child)
            if pid and pid != host_pid:
                path = self._api.process_image(pid)
                if path is not None:
                    return pid, path
        return host_pid, host_path  # starting or suspended: no app window inside yet

    def _display_name(self, path: str) -> str:
        name = self._names.get(path)
        if name is None:
            self.name_reads += 1
            described = self._api.file_description(path)
            name = (described or "").strip() or ntpath.splitext(ntpath.basename(path))[0]
            if len(self._names) >= _NAMES_KEPT:
                self._names.clear()
            self._names[path] = name
        return name

    def wait_for_change(self, timeout: float) -> bool:
        """Sleep up to ``timeout`` s (False); :meth:`wake` ends it early."""
        self._woken.wait(max(0.0, timeout))
        self._woken.clear()
        return False

    def wake(self) -> None:
        """End a :meth:`wait_for_change` in progress now (any thread)."""
        self._woken.set()

    def session_probe(self) -> WindowsSession:
        """The lock-state probe that goes with this one (a change wakes this probe's wait)."""
        return WindowsSession(self.wake, api=self._api)

    def close(self) -> None:
        self._woken.set()


class WindowsIdleProbe:
    """Seconds since the last input, from ``GetLastInputInfo`` (see :func:`idle_ms`).

    Args:
        api: the Windows calls (share the foreground probe's).
    """

    name = "windows-lastinput"

    def __init__(self, api: Win32) -> None:
        self._api = api

    def idle_seconds(self) -> float:
        last = self._api.last_input_tick()  # first: the tick read after it is never older
        return idle_ms(self._api.tick_count(), last) / 1000.0

    def close(self) -> None:
        pass
