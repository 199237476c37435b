"""Protocols every platform backend implements, and what a probe reports.

A backend's constructor raises :class:`wellbeing.errors.Unavailable` when it
cannot work in this session (no DISPLAY, missing extension, wrong OS);
``platform.select`` then tries the next candidate and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from wellbeing.errors import Unavailable

__all__ = [
    "Unavailable",
    "WindowInfo",
    "ForegroundProbe",
    "IdleProbe",
    "SessionProbe",
    "Check",
    "NoticeLike",
]


@dataclass(frozen=True, slots=True)
class WindowInfo:
    """The foreground window as the OS describes it.

    Attributes:
        app_key: stable key: executable name, or WM_CLASS for interpreters/runtimes.
        app_name: display name from the matching .desktop file, else a tidy key.
        title: the window title ("" if none). Classified, then dropped unless opted in;
            left out of the repr, so no log line or traceback ever shows it.
        wm_class: (instance, class) on X11, (app_id,) on Wayland, or () elsewhere.
        pid: process id when known.
        exe: executable name from psutil when known.
        icon: icon name or path from the .desktop file, when one exists.
        handle: the native window id (the X window on X11), so the window can be
            asked to close or be minimised; None when the backend cannot say.
    """

    app_key: str
    app_name: str
    title: str = field(default="", repr=False)
    wm_class: tuple[str, ...] = ()
    pid: int | None = None
    exe: str | None = None
    icon: str | None = None
    handle: int | None = None


@dataclass(frozen=True, slots=True)
class Check:
    """One line of ``wellbeing doctor``: what was checked, whether it is fine, the fix.

    ``name`` stays English (code compares it; mark it ``QT_TRANSLATE_NOOP("Doctor", ...)``)
    and is shown through :func:`wellbeing.core.notice_texts.check_name`; ``detail`` and
    ``fix`` are already in the interface's language.
    """

    name: str
    ok: bool
    detail: str
    fix: str | None = None


class ForegroundProbe(Protocol):
    """Reads the focused window.

    Optional, looked up with ``getattr`` (not part of the protocol): a class
    attribute ``reports_changes = True`` says :meth:`wait_for_change` wakes on
    every change of the focused window and its title, so the tracker need not
    poll; a ``wake()`` method, callable from any thread or a signal handler,
    makes a wait in progress return early; ``watch_fd(fd)`` / ``unwatch_fd(fd)``
    make :meth:`wait_for_change` also return early while ``fd`` is readable;
    ``window_actions()`` returns an object satisfying
    ``services.limit_ports.WindowActions`` (close or minimise the windows it
    reports, by :attr:`WindowInfo.handle`); backends without it cannot do that.
    """

    name: str

    def active_window(self) -> WindowInfo | None:
        """The focused window, or None when nothing has focus."""
        ...

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; True if the focus or its title may have changed.

        Backends without change events simply sleep and return False.
        """
        ...

    def close(self) -> None: ...


class IdleProbe(Protocol):
    """Reads seconds since the last keyboard or mouse input."""

    name: str

    def idle_seconds(self) -> float: ...

    def close(self) -> None: ...


class SessionProbe(Protocol):
    """Reads whether the session is locked.

    Optional, looked up with ``getattr``: ``reports_changes = True`` says the
    lock state needs no polling: either it never changes, or a ``fileno()``
    method gives a descriptor that turns readable when it may have (None once
    it never will again), after which :meth:`is_locked` reads the news without
    blocking. ``preparing_for_sleep()`` says the machine is about to sleep, and
    ``ready_for_sleep()`` lets it go once what was in use is written
    (``platform.session_watch.SessionWatch`` has both).
    """

    name: str

    def is_locked(self) -> bool: ...

    def close(self) -> None: ...


@dataclass
class Platform:
    """The chosen backends plus what was tried, for logs and ``doctor``."""

    foreground: ForegroundProbe
    idle: IdleProbe
    session: SessionProbe
    tried: list[Check] = field(default_factory=list)

    def close(self) -> None:
        for part in (self.foreground, self.idle, self.session):
            part.close()


class NoticeLike(Protocol):
    """What a notification backend reads of a notice (``services.limit_ports.Notice``)."""

    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def body(self) -> str: ...

    @property
    def actions(self) -> Sequence[tuple[str, str]]: ...

    @property
    def urgency(self) -> str: ...
