"""Choosing the platform backends for this session, and ``wellbeing doctor``'s checks.

:data:`CANDIDATES` lists the foreground+idle backends in the order they are
tried. Each is a :class:`Candidate` naming the operating systems it applies to
and a ``build`` function that returns ``(foreground, idle)`` or raises
:class:`~wellbeing.errors.Unavailable` whose ``hint`` is the fix. New backends
(GNOME, KDE and wlroots Wayland; Windows; macOS) are added by appending to the
list in the right order; nothing else here needs to change.

Each tried backend gives one :class:`Check` named ``"<backend> foreground"``;
it is ok only when both the focused window and idle time can be read (a
backend without idle time would count time away from the keyboard as use).
The session probe (lock, sleep, idle inhibitors) is chosen separately:
:class:`~wellbeing.platform.session_watch.SessionWatch` over logind and the
session bus's screen saver, whichever answer, else
:class:`~wellbeing.platform.session.NeverLocked`; the idle probe then respects
idle inhibitors (:class:`~wellbeing.platform.session_watch.InhibitAwareIdle`).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from wellbeing.core.clock import Clock
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Check, ForegroundProbe, IdleProbe, Platform, SessionProbe

__all__ = ["CANDIDATES", "Candidate", "SelectContext", "diagnose", "select_platform"]

log = logging.getLogger("wellbeing.platform")

_UNIX_DESKTOPS = ("linux", "freebsd", "openbsd", "netbsd")
_NO_BACKEND_FIX = "use --fake-platform to try the app with demo data"


@dataclass(frozen=True, slots=True)
class SelectContext:
    """What a backend's ``build`` may look at: the environment and an explicit display."""

    env: Mapping[str, str]
    display: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One backend that may be tried.

    Attributes:
        name: shown in logs and ``doctor`` ("x11").
        systems: ``sys.platform`` prefixes it applies to.
        build: returns ``(foreground, idle)``; raises Unavailable (hint = the fix).
    """

    name: str
    systems: tuple[str, ...]
    build: Callable[[SelectContext], tuple[ForegroundProbe, IdleProbe]]


def _build_x11(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    env = ctx.env
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        raise Unavailable(
            "this is a Wayland session: X11 would only see XWayland windows",
            hint="Wayland sessions are not supported yet: log in to an X11 session",
        )
    display = ctx.display or env.get("DISPLAY")
    if not display:
        raise Unavailable(
            "DISPLAY is not set: this is not an X11 session",
            hint="run wellbeing inside your X11 desktop session (or set DISPLAY)",
        )
    from wellbeing.platform.x11 import X11Probe
    from wellbeing.platform.x11_idle import X11IdleProbe

    foreground = X11Probe(display)
    try:
        idle = X11IdleProbe(foreground)
    except Unavailable:
        foreground.close()
        raise
    return foreground, idle


def _build_kde(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.kde import build_kde

    return build_kde(ctx.env)


CANDIDATES: list[Candidate] = [
    Candidate("x11", _UNIX_DESKTOPS, _build_x11),
    Candidate("kde-wayland", _UNIX_DESKTOPS, _build_kde),
    # Append here, in the order to try: gnome-wayland, kde-wayland, wlroots, windows, macos.
]
"""Backends in the order they are tried."""


def _applicable(candidates: Sequence[Candidate]) -> list[Candidate]:
    return [c for c in candidates if sys.platform.startswith(c.systems)]


def _try(
    candidate: Candidate, ctx: SelectContext
) -> tuple[tuple[ForegroundProbe, IdleProbe] | None, Check]:
    try:
        probes = candidate.build(ctx)
    except Unavailable as exc:
        return None, Check(f"{candidate.name} foreground", False, exc.message, exc.hint)
    foreground, idle = probes
    detail = f"focused window from {foreground.name}, idle time from {idle.name}"
    return probes, Check(f"{candidate.name} foreground", True, detail)


def _session() -> tuple[SessionProbe, Check]:
    from wellbeing.platform.session import NeverLocked
    from wellbeing.platform.session_watch import open_session

    watch, ok, detail, fix = open_session()
    check = Check("lock screen", ok, detail, None if ok else fix)
    return (NeverLocked() if watch is None else watch), check


def _respect_inhibitors(idle: IdleProbe, session: SessionProbe) -> IdleProbe:
    """The idle probe, kept at 0 while an app keeps the session awake (if that is followed)."""
    from wellbeing.platform.session_watch import InhibitAwareIdle, SessionWatch

    return InhibitAwareIdle(idle, session) if isinstance(session, SessionWatch) else idle


def select_platform(
    *,
    fake: bool = False,
    clock: Clock | None = None,
    display: str | None = None,
    env: Mapping[str, str] | None = None,
    candidates: Sequence[Candidate] | None = None,
) -> Platform:
    """The backends to track with in this session.

    Args:
        fake: use the scripted demo platform (``--fake-platform``).
        clock: the clock the fake platform reads (default: the system clock).
        display: an X display to use instead of ``$DISPLAY``.
        env: the environment to judge the session by (default ``os.environ``).
        candidates: backends to try (default :data:`CANDIDATES`).

    Raises:
        Unavailable: no backend can see the focused window; the message lists what
            was tried and why each failed, the hint the first fix.
    """
    if fake:
        from wellbeing.platform.fake import ScriptedPlatform
        from wellbeing.platform.system_clock import SystemClock

        platform = ScriptedPlatform.demo(clock if clock is not None else SystemClock())
        log.info("platform: fake (scripted demo rotation)")
        return platform
    ctx = SelectContext(os.environ if env is None else env, display)
    tried: list[Check] = []
    chosen: tuple[ForegroundProbe, IdleProbe] | None = None
    for candidate in _applicable(CANDIDATES if candidates is None else candidates):
        probes, check = _try(candidate, ctx)
        tried.append(check)
        if probes is None:
            log.info("platform %s unavailable: %s", candidate.name, check.detail)
            continue
        chosen = probes
        break
    if chosen is None:
        raise _nothing_works(tried)
    session, session_check = _session()
    tried.append(session_check)
    foreground, idle = chosen
    idle = _respect_inhibitors(idle, session)
    log.info("platform: foreground=%s idle=%s session=%s", foreground.name, idle.name, session.name)
    return Platform(foreground=foreground, idle=idle, session=session, tried=tried)


def _nothing_works(tried: list[Check]) -> Unavailable:
    if not tried:
        return Unavailable(
            f"wellbeing cannot track on this system ({sys.platform}) yet: no backend exists for it",
            hint=_NO_BACKEND_FIX,
        )
    reasons = "; ".join(f"{c.name}: {c.detail}" for c in tried)
    fix = next((c.fix for c in tried if c.fix), None)
    return Unavailable(
        f"No way to see the focused window in this session. Tried {reasons}.", hint=fix
    )


def diagnose(
    *,
    display: str | None = None,
    env: Mapping[str, str] | None = None,
    candidates: Sequence[Candidate] | None = None,
) -> list[Check]:
    """``wellbeing doctor``'s platform checks: each backend (opened, then closed), lock, tray."""
    ctx = SelectContext(os.environ if env is None else env, display)
    checks: list[Check] = []
    applicable = _applicable(CANDIDATES if candidates is None else candidates)
    if not applicable:
        checks.append(
            Check(
                "platform",
                False,
                f"no tracking backend exists for {sys.platform} yet",
                _NO_BACKEND_FIX,
            )
        )
    for candidate in applicable:
        probes, check = _try(candidate, ctx)
        checks.append(check)
        if probes is not None:
            for part in probes:
                part.close()
    session, session_check = _session()
    session.close()
    checks.append(session_check)
    checks.append(
        Check(
            "system tray",
            True,
            "checked by the GUI when it starts; without a tray the main window opens instead",
        )
    )
    return checks
