"""Who an X11 window belongs to, from property values already read, and the cache of it.

A window's identity (pid, executable, ``WM_CLASS``, app key, app name and icon)
is built from its ``WM_CLASS`` and ``_NET_WM_PID`` values (the pid from the
X-Resource extension when the client sets none), ``/proc`` (psutil elsewhere) for
the executable and the desktop index for the name and icon. Its title comes from ``_NET_WM_NAME``
(UTF-8), else ``WM_NAME``.

:class:`IdentityCache` keeps identities per window id, least recently focused
dropped first once it holds :data:`IDENTITY_CACHE_MAX`; its owner hears of each
eviction (to stop the events it selected on that window). Nothing here talks to
the X server: :class:`~wellbeing.platform.x11.X11Probe` makes the requests.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wellbeing.platform.desktop_entries import DesktopIndex, app_key, tidy_name

__all__ = [
    "IDENTITY_CACHE_MAX",
    "IdentityCache",
    "PropertyValue",
    "WindowIdentity",
    "executable_name",
    "identity_of",
    "pid_from",
    "proc_executable_name",
    "psutil_executable_name",
    "title_from",
    "wm_class_from",
]

IDENTITY_CACHE_MAX = 256
"""Windows whose identity is kept (least recently focused dropped first)."""

PropertyValue = tuple[int, Any, int]
"""A property as read: (format, value, type atom)."""


@dataclass(frozen=True, slots=True)
class WindowIdentity:
    """What names the app of one window; read once per window."""

    pid: int | None
    wm_class: tuple[str, ...]
    exe: str | None
    app_key: str
    app_name: str
    icon: str | None


class IdentityCache:
    """Window id -> identity, bounded, least recently focused first.

    Args:
        on_evict: called with the id of each window dropped to make room.
        limit: how many windows are kept; default :data:`IDENTITY_CACHE_MAX`.
    """

    def __init__(self, on_evict: Callable[[int], None], limit: int | None = None) -> None:
        self._on_evict = on_evict
        self.limit = IDENTITY_CACHE_MAX if limit is None else limit
        self._entries: OrderedDict[int, WindowIdentity] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def peek(self, wid: int) -> WindowIdentity | None:
        """The identity of ``wid`` if cached, leaving its place in the order as it is."""
        return self._entries.get(wid)

    def lookup(self, wid: int) -> WindowIdentity | None:
        """The identity of ``wid`` if cached, then marked the most recently focused."""
        identity = self._entries.get(wid)
        if identity is not None:
            self._entries.move_to_end(wid)
        return identity

    def remember(self, wid: int, identity: WindowIdentity) -> None:
        """Keep ``identity`` as the most recent; evict the oldest beyond :attr:`limit`."""
        self._entries[wid] = identity
        while len(self._entries) > self.limit:
            evicted, _ = self._entries.popitem(last=False)
            self._on_evict(evicted)

    def forget(self, wid: int) -> None:
        """Drop ``wid``'s identity, if any (no eviction callback)."""
        self._entries.pop(wid, None)


def wm_class_from(prop: PropertyValue | None) -> tuple[str, ...]:
    """``WM_CLASS`` as (instance, class); empty when unset or not 8-bit text."""
    if prop is not None and prop[0] == 8 and prop[1]:
        return tuple(_text(prop[1], "latin-1").split("\0")[:2])
    return ()


def pid_from(prop: PropertyValue | None) -> int | None:
    """``_NET_WM_PID``, None when the client does not set it."""
    return int(prop[1][0]) if prop is not None and prop[1] else None


def identity_of(
    pid: int | None, wm_class: tuple[str, ...], index: DesktopIndex
) -> WindowIdentity:
    """A window's identity: :func:`executable_name`, then ``index`` names the app and its icon."""
    exe = executable_name(pid) if pid else None
    key = app_key(exe, wm_class)
    entry = index.find(key, wm_class)
    return WindowIdentity(
        pid=pid,
        wm_class=wm_class,
        exe=exe,
        app_key=key,
        app_name=entry.name if entry else tidy_name(key),
        icon=entry.icon if entry else None,
    )


def title_from(
    net_name: PropertyValue | None, wm_name: PropertyValue | None, *, string_atom: int
) -> str:
    """``_NET_WM_NAME``, else ``WM_NAME``; UTF-8 even where a client mislabels it STRING.

    Args:
        net_name: ``_NET_WM_NAME`` as read.
        wm_name: ``WM_NAME`` as read.
        string_atom: the ``STRING`` atom (Latin-1 is the fallback for that type only).
    """
    if net_name is not None and net_name[0] == 8 and net_name[1]:
        return _text(net_name[1], "utf-8")
    if wm_name is not None and wm_name[0] == 8 and wm_name[1]:
        return _text(wm_name[1], "utf-8", strict=wm_name[2] == string_atom)
    return ""


def executable_name(pid: int) -> str | None:
    """The executable's basename (its name when the path cannot be read), None if it is gone.

    On Linux read from ``/proc`` as psutil reads it there (:func:`proc_executable_name`),
    without importing psutil: its 22 modules were about 1 MiB of the tray app at rest
    (issue 11). Elsewhere psutil (:func:`psutil_executable_name`).
    """
    if _PROC.is_dir():
        return proc_executable_name(pid)
    return psutil_executable_name(pid)


_PROC = Path("/proc/self")
_DELETED = " (deleted)"
_COMM_MAX = 15
"""The kernel keeps the first 15 bytes of a process's name (``comm``)."""


def proc_executable_name(pid: int, proc: Path = Path("/proc")) -> str | None:
    """:func:`psutil_executable_name`'s answer from Linux's ``/proc/PID`` files.

    The basename of the ``exe`` link (less a " (deleted)" the file no longer
    has); when the link cannot be read (no permission, a zombie, a kernel thread)
    the name, which the kernel cuts to 15 bytes and which the start of the command
    line then completes; None when the process is gone or its name cannot be read.
    """
    base = proc / str(pid)
    try:
        target = os.readlink(base / "exe")
    except (FileNotFoundError, ProcessLookupError):
        if not os.path.lexists(base):
            return None
        target = ""  # a zombie or a kernel thread: its name
    except OSError:  # no permission: its name
        target = ""
    target = target.split("\0", 1)[0]
    if target.endswith(_DELETED) and not os.path.exists(target):
        target = target[: -len(_DELETED)]
    return os.path.basename(target) or _process_name(base)


def _process_name(base: Path) -> str | None:
    try:
        stat = (base / "stat").read_bytes()
    except OSError:
        return None
    name = os.fsdecode(stat[stat.find(b"(") + 1: stat.rfind(b")")])
    if len(name) < _COMM_MAX:
        return name
    try:
        raw = (base / "cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return None  # gone meanwhile
    except OSError:
        return name
    if not raw:  # a zombie or a kernel thread
        return name
    # Arguments end in NUL each; a program that rewrote its command line may have
    # joined them with spaces instead.
    sep = b"\0" if raw.endswith(b"\0") else b" "
    parts = raw.removesuffix(sep).split(sep)
    if sep == b"\0" and len(parts) == 1 and b" " in parts[0]:
        parts = parts[0].split(b" ")
    first = os.path.basename(os.fsdecode(parts[0]))
    return first if first.startswith(name) else name


def psutil_executable_name(pid: int) -> str | None:
    """The executable's basename through psutil (any system psutil knows)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        try:
            return os.path.basename(proc.exe()) or proc.name()
        except (psutil.AccessDenied, psutil.ZombieProcess):
            return proc.name()
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def _text(value: Any, encoding: str, *, strict: bool = False) -> str:
    """Decode a property; with ``strict``, text that is not valid UTF-8 is read as Latin-1."""
    raw = value if isinstance(value, bytes) else str(value).encode("latin-1", "replace")
    if strict:
        try:
            return raw.decode(encoding).rstrip("\0")
        except UnicodeDecodeError:
            return raw.decode("latin-1").rstrip("\0")
    return raw.decode(encoding, "replace").rstrip("\0")
