"""The Windows API calls the Windows backend makes, through ctypes (the seam tests replace).

:class:`Win32Api` is the real implementation of the
:class:`~wellbeing.platform.windows.Win32` protocol: each method is one or two
calls into ``user32``, ``kernel32``, ``version`` or ``wtsapi32`` with their
argument and result types declared (a window handle is pointer-sized: left
undeclared, ctypes would cut it to 32 bits on 64-bit Windows). No decisions
are taken here; :mod:`.windows` takes them and is tested on every system
with a fake in place of this class. Nothing here is run by the test suite,
which runs on Linux; ``packaging/windows-checklist.md`` is how it is checked.

The DLLs are loaded in the constructor, which raises
:class:`~wellbeing.errors.Unavailable` on any other system, so the module
itself imports everywhere (``ctypes.WinDLL`` exists only on Windows).
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable

__all__ = ["Win32Api"]

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system

PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
NOTIFY_FOR_THIS_SESSION = 0
DEVICE_NOTIFY_WINDOW_HANDLE = 0
_MAX_PATH_CHARS = 32768  # the longest path Windows allows, in UTF-16 units
_MAX_TITLE_CHARS = 2048

_HANDLE = ctypes.c_void_p
_DWORD = ctypes.c_uint32
_BOOL = ctypes.c_int
_LPARAM = ctypes.c_ssize_t


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint32), ("dwTime", ctypes.c_uint32)]


class _LangCodepage(ctypes.Structure):
    _fields_ = [("language", ctypes.c_uint16), ("codepage", ctypes.c_uint16)]


# Tried when a version resource lists no translation (or none with a description):
# US English in Unicode, then in Windows-1252, then language-neutral Unicode.
_FALLBACK_TRANSLATIONS = ("040904b0", "040904e4", "000004b0")


class Win32Api:
    """The calls behind :class:`~wellbeing.platform.windows.Win32`, made through ctypes.

    Raises:
        Unavailable: this is not Windows, or a DLL or function is missing.
    """

    name = "win32"
    _user32: Any
    _kernel32: Any
    _version: Any
    _wtsapi32: Any
    _enum_proc_type: Any
    _power_notices = False

    def __init__(self) -> None:
        if _SYSTEM != "win32":
            raise Unavailable(translate(
                "Platform", "the Windows API exists only on Windows, not on {system}").format(
                system=sys.platform))
        try:
            self._load()
        except (OSError, AttributeError) as exc:
            raise Unavailable(translate(
                "Platform", "a Windows API the tracker needs is missing: {error}").format(
                error=exc)) from exc

    def _load(self) -> None:
        win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - absent from Linux's ctypes
        functype: Any = getattr(ctypes, "WINFUNCTYPE")  # noqa: B009 - likewise
        u = self._user32 = win_dll("user32", use_last_error=True)
        k = self._kernel32 = win_dll("kernel32", use_last_error=True)
        v = self._version = win_dll("version", use_last_error=True)
        w = self._wtsapi32 = win_dll("wtsapi32", use_last_error=True)
        self._enum_proc_type = functype(_BOOL, _HANDLE, _LPARAM)
        c_dword_p = ctypes.POINTER(_DWORD)
        _declare(u.GetForegroundWindow, [], _HANDLE)
        _declare(u.GetWindowThreadProcessId, [_HANDLE, c_dword_p], _DWORD)
        _declare(u.EnumChildWindows, [_HANDLE, self._enum_proc_type, _LPARAM], _BOOL)
        _declare(u.GetWindowTextLengthW, [_HANDLE], ctypes.c_int)
        _declare(u.GetWindowTextW, [_HANDLE, ctypes.c_wchar_p, ctypes.c_int], ctypes.c_int)
        _declare(u.GetLastInputInfo, [ctypes.POINTER(_LastInputInfo)], _BOOL)
        try:  # Windows 8 and later; before, the sleep notices are broadcast to every window
            _declare(u.RegisterSuspendResumeNotification, [_HANDLE, _DWORD], _HANDLE)
            _declare(u.UnregisterSuspendResumeNotification, [_HANDLE], _BOOL)
            self._power_notices = True
        except AttributeError:
            self._power_notices = False
        _declare(k.GetTickCount, [], _DWORD)
        _declare(k.OpenProcess, [_DWORD, _BOOL, _DWORD], _HANDLE)
        _declare(k.CloseHandle, [_HANDLE], _BOOL)
        _declare(
            k.QueryFullProcessImageNameW, [_HANDLE, _DWORD, ctypes.c_wchar_p, c_dword_p], _BOOL
        )
        _declare(v.GetFileVersionInfoSizeW, [ctypes.c_wchar_p, c_dword_p], _DWORD)
        _declare(
            v.GetFileVersionInfoW, [ctypes.c_wchar_p, _DWORD, _DWORD, ctypes.c_void_p], _BOOL
        )
        _declare(
            v.VerQueryValueW,
            [
                ctypes.c_void_p,
                ctypes.c_wchar_p,
                ctypes.POINTER(ctypes.c_void_p),
                ctypes.POINTER(ctypes.c_uint),
            ],
            _BOOL,
        )
        _declare(w.WTSRegisterSessionNotification, [_HANDLE, _DWORD], _BOOL)
        _declare(w.WTSUnRegisterSessionNotification, [_HANDLE], _BOOL)

    # -- the Win32 protocol ---------------------------------------------------------------

    def foreground_window(self) -> int:
        return int(self._user32.GetForegroundWindow() or 0)

    def window_pid(self, hwnd: int) -> int:
        pid = _DWORD(0)
        self._user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
        return int(pid.value)

    def child_windows(self, hwnd: int) -> list[int]:
        found: list[int] = []

        def collect(child: int | None, _param: int) -> int:
            if child:
                found.append(int(child))
            return 1  # go on

        self._user32.EnumChildWindows(hwnd, self._enum_proc_type(collect), 0)
        return found

    def process_image(self, pid: int) -> str | None:
        handle = self._kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid)
        if not handle:
            return None
        try:
            size = _DWORD(_MAX_PATH_CHARS)
            buf = ctypes.create_unicode_buffer(_MAX_PATH_CHARS)
            if not self._kernel32.QueryFullProcessImageNameW(handle, 0, buf, ctypes.byref(size)):
                return None
            return buf.value or None
        finally:
            self._kernel32.CloseHandle(handle)

    def file_description(self, path: str) -> str | None:
        size = self._version.GetFileVersionInfoSizeW(path, None)
        if not size:
            return None
        data = ctypes.create_string_buffer(int(size))
        if not self._version.GetFileVersionInfoW(path, 0, size, data):
            return None
        for translation in [*self._translations(data), *_FALLBACK_TRANSLATIONS]:
            text = self._query_text(data, f"\\StringFileInfo\\{translation}\\FileDescription")
            if text:
                return text
        return None

    def window_title(self, hwnd: int) -> str:
        length = self._user32.GetWindowTextLengthW(hwnd)
        if length <= 0:
            return ""
        buf = ctypes.create_unicode_buffer(min(int(length), _MAX_TITLE_CHARS) + 1)
        self._user32.GetWindowTextW(hwnd, buf, len(buf))
        return buf.value

    def last_input_tick(self) -> int:
        info = _LastInputInfo(ctypes.sizeof(_LastInputInfo), 0)
        if not self._user32.GetLastInputInfo(ctypes.byref(info)):
            raise Unavailable(translate(
                "Platform", "GetLastInputInfo failed: idle time cannot be read"))
        return int(info.dwTime)

    def tick_count(self) -> int:
        return int(self._kernel32.GetTickCount())

    # -- lock and sleep notices for a window of ours --------------------------------------

    def register_session_notices(self, hwnd: int) -> int | None:
        """Send lock/unlock (``WM_WTSSESSION_CHANGE``) and sleep/wake to window ``hwnd``.

        Returns:
            The suspend/resume registration handle (give it to
            :meth:`unregister_session_notices`), None where the system has none
            (Windows 7: the broadcast to top-level windows still comes).

        Raises:
            Unavailable: the lock notices could not be registered.
        """
        if not self._wtsapi32.WTSRegisterSessionNotification(hwnd, NOTIFY_FOR_THIS_SESSION):
            raise Unavailable(translate(
                "Platform", "WTSRegisterSessionNotification failed (error {code})").format(
                code=_last_error()))
        if not self._power_notices:
            return None
        power = self._user32.RegisterSuspendResumeNotification(hwnd, DEVICE_NOTIFY_WINDOW_HANDLE)
        return int(power) if power else None

    def unregister_session_notices(self, hwnd: int, power: int | None) -> None:
        """Undo :meth:`register_session_notices`."""
        self._wtsapi32.WTSUnRegisterSessionNotification(hwnd)
        if power:
            self._user32.UnregisterSuspendResumeNotification(power)

    # -- internals ------------------------------------------------------------------------

    def _query(self, data: Any, sub_block: str) -> tuple[int, int] | None:
        """``VerQueryValueW``: (address, length) of a value in a version resource."""
        ptr = ctypes.c_void_p()
        length = ctypes.c_uint(0)
        if not self._version.VerQueryValueW(
            data, sub_block, ctypes.byref(ptr), ctypes.byref(length)
        ):
            return None
        if not ptr.value or not length.value:
            return None
        return int(ptr.value), int(length.value)

    def _translations(self, data: Any) -> list[str]:
        """The resource's (language, code page) pairs as ``StringFileInfo`` names them."""
        found = self._query(data, "\\VarFileInfo\\Translation")
        if found is None:
            return []
        address, length = found
        count = length // ctypes.sizeof(_LangCodepage)
        pairs = (_LangCodepage * count).from_address(address)
        return [f"{p.language:04x}{p.codepage:04x}" for p in pairs]

    def _query_text(self, data: Any, sub_block: str) -> str | None:
        found = self._query(data, sub_block)
        if found is None:
            return None
        address, length = found  # in characters, with the terminating NUL
        return ctypes.wstring_at(address, length).rstrip("\0").strip() or None


def _last_error() -> int:
    """The calling thread's last Windows error (0 where ctypes cannot say)."""
    getter = getattr(ctypes, "get_last_error", None)
    return int(getter()) if getter is not None else 0


def _declare(function: Any, argtypes: list[Any], restype: Any) -> None:
    function.argtypes = argtypes
    function.restype = restype
