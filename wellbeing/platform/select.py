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
The session probe (lock, sleep, idle inhibitors) is the chosen backend's own
when it has a ``session_probe()`` (Windows, macOS: fed by the system's
notices), else :class:`~wellbeing.platform.session_watch.SessionWatch` over
logind and the session bus's screen saver, whichever answer, else
:class:`~wellbeing.platform.session.NeverLocked`; with a ``SessionWatch`` the
idle probe respects idle inhibitors
(:class:`~wellbeing.platform.session_watch.InhibitAwareIdle`). A backend's
``doctor_checks()``, if it has one, adds its own lines to ``doctor``.

On a Wayland session, candidates marked ``xwayland`` (X11) are tried after
all the others, and when one is chosen its check says that it sees only
XWayland windows. The config's ``platform.backend`` may force one backend by
name: then only that one is tried, and its failure is the error (an automatic
fallback is only logged).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from wellbeing.core.clock import Clock
from wellbeing.core.i18n import translate
from wellbeing.core.notice_texts import (
    backend_not_for_this_system,
    backend_unknown,
    check_name,
    forced_backend_fails,
    no_backend_for_this_system,
    no_backend_works,
)
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Check, ForegroundProbe, IdleProbe, Platform, SessionProbe

__all__ = [
    "AUTO",
    "CANDIDATES",
    "Candidate",
    "SelectContext",
    "describe_session",
    "diagnose",
    "select_platform",
]

log = logging.getLogger("wellbeing.platform")

_UNIX_DESKTOPS = ("linux", "freebsd", "openbsd", "netbsd")
_NO_BACKEND_FIX = QT_TRANSLATE_NOOP("Platform", "use --fake-platform to try the app with demo data")
_CHOSEN = QT_TRANSLATE_NOOP("Doctor", "backend chosen")
AUTO = "auto"
"""``platform.backend`` for: try every backend in order (the default)."""
_XWAYLAND_NOTE = QT_TRANSLATE_NOOP(
    "Platform",
    "on this Wayland session it sees only XWayland windows: time in native Wayland "
    "apps counts as nothing focused"
)


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
        xwayland: on a Wayland session it sees only XWayland windows (X11): tried
            after every other candidate there, and said so when chosen.
    """

    name: str
    systems: tuple[str, ...]
    build: Callable[[SelectContext], tuple[ForegroundProbe, IdleProbe]]
    xwayland: bool = False


def _wayland_session(env: Mapping[str, str]) -> bool:
    return bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"


_SESSION_KIND = QT_TRANSLATE_NOOP("Platform", "{kind} session")
_NO_GRAPHICAL_SESSION = QT_TRANSLATE_NOOP("Platform", "no graphical session")
_DESKTOP = QT_TRANSLATE_NOOP("Platform", "desktop {name}")


def _english(context: str, source: str) -> str:
    del context
    return source


def describe_session(env: Mapping[str, str], *, shown: bool = False) -> str:
    """The session as its environment says: type, desktop, Wayland and X displays.

    English (for the log), or in the interface's language when ``shown``.
    """
    words = translate if shown else _english
    kind = env.get("XDG_SESSION_TYPE", "")
    if kind in ("", "tty", "unspecified"):
        kind = "wayland" if env.get("WAYLAND_DISPLAY") else "x11" if env.get("DISPLAY") else ""
    if kind:
        parts = [words("Platform", _SESSION_KIND).format(kind=kind)]
    else:
        parts = [words("Platform", _NO_GRAPHICAL_SESSION)]
    if env.get("XDG_CURRENT_DESKTOP"):
        parts.append(words("Platform", _DESKTOP).format(name=env["XDG_CURRENT_DESKTOP"]))
    for var in ("WAYLAND_DISPLAY", "DISPLAY"):
        if env.get(var):
            parts.append(f"{var}={env[var]}")
    return ", ".join(parts)


def _build_x11(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    env = ctx.env
    display = ctx.display or env.get("DISPLAY")
    if not display:
        if _wayland_session(env):
            raise Unavailable(
                translate("Platform", "DISPLAY is not set: this Wayland session runs no XWayland"),
                hint=translate("Platform", "see the fixes of the Wayland backends above"),
            )
        raise Unavailable(
            translate("Platform", "DISPLAY is not set: this is not an X11 session"),
            hint=translate("Platform",
                           "run wellbeing inside your X11 desktop session (or set DISPLAY)"),
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


def _build_wlroots(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.wayland_conn import WaylandConnection
    from wellbeing.platform.wayland_idle import WaylandIdleProbe
    from wellbeing.platform.wlroots import WlrootsProbe

    connection = WaylandConnection(ctx.env)
    try:
        return WlrootsProbe(connection), WaylandIdleProbe(connection)
    except Unavailable:
        connection.close()
        raise


def _build_gnome(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.gnome_session import require_gnome_wayland

    require_gnome_wayland(ctx.env)  # what open_gnome checks first, without its modules
    from wellbeing.platform.gnome import open_gnome

    return open_gnome(ctx.env)


def _build_windows(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.windows import WindowsIdleProbe, WindowsProbe
    from wellbeing.platform.windows_api import Win32Api

    api = Win32Api()
    return WindowsProbe(api), WindowsIdleProbe(api)


def _build_macos(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.macos import MacIdleProbe, MacProbe

    foreground = MacProbe()
    return foreground, MacIdleProbe(foreground.api)


def _build_kde(ctx: SelectContext) -> tuple[ForegroundProbe, IdleProbe]:
    from wellbeing.platform.kde import build_kde

    return build_kde(ctx.env)


CANDIDATES: list[Candidate] = [
    Candidate("gnome-wayland", ("linux",), _build_gnome),
    Candidate("x11", _UNIX_DESKTOPS, _build_x11, xwayland=True),
    Candidate("kde-wayland", _UNIX_DESKTOPS, _build_kde),
    # Append here, in the order to try: gnome-wayland, kde-wayland, wlroots, windows, macos.
    Candidate("wlroots", ("linux", "freebsd"), _build_wlroots),
    Candidate("windows", ("win32",), _build_windows),
    Candidate("macos", ("darwin",), _build_macos),
]
"""Backends in the order they are tried."""


def _applicable(candidates: Sequence[Candidate], env: Mapping[str, str]) -> list[Candidate]:
    """The candidates for this OS, in order; on Wayland, the XWayland-only ones last."""
    here = [c for c in candidates if sys.platform.startswith(c.systems)]
    if _wayland_session(env):
        here.sort(key=lambda c: c.xwayland)  # stable: the rest keep their order
    return here


def _forced(
    backend: str, candidates: Sequence[Candidate]
) -> tuple[list[Candidate], Unavailable | None]:
    """The one candidate ``platform.backend`` names, or the error that it names none here."""
    named = [c for c in candidates if c.name == backend]
    if not named:
        known = ", ".join([AUTO, *(c.name for c in candidates)])
        message, hint = backend_unknown(backend, known)
        return [], Unavailable(message, hint=hint)
    if not sys.platform.startswith(named[0].systems):
        message, hint = backend_not_for_this_system(backend, sys.platform)
        return [], Unavailable(message, hint=hint)
    return named, None


def _forced_failure(backend: str, check: Check) -> Unavailable:
    message, hint = forced_backend_fails(backend, check.detail, check.fix)
    return Unavailable(message, hint=hint)


def _try(
    candidate: Candidate, ctx: SelectContext
) -> tuple[tuple[ForegroundProbe, IdleProbe] | None, Check]:
    try:
        probes = candidate.build(ctx)
    except Unavailable as exc:
        return None, Check(f"{candidate.name} foreground", False, exc.message, exc.hint)
    foreground, idle = probes
    detail = translate("Platform", "focused window from {foreground}, idle time from {idle}")
    detail = detail.format(foreground=foreground.name, idle=idle.name)
    if candidate.xwayland and _wayland_session(ctx.env):
        detail = f"{detail}; {translate('Platform', _XWAYLAND_NOTE)}"
    return probes, Check(f"{candidate.name} foreground", True, detail)


def _own_session(foreground: ForegroundProbe) -> tuple[SessionProbe, Check] | None:
    """The lock probe a backend brings (Windows, macOS: its ``session_probe()``), if any."""
    make: Callable[[], SessionProbe] | None = getattr(foreground, "session_probe", None)
    if make is None:
        return None
    probe = make()
    return probe, Check(QT_TRANSLATE_NOOP("Doctor", "lock screen"), True,
                        translate("Platform", "lock, unlock, sleep and wake from {source}").format(
                            source=probe.name))


def _backend_checks(foreground: ForegroundProbe) -> list[Check]:
    """A backend's own ``doctor`` lines (``doctor_checks()``: macOS window titles)."""
    extra: Callable[[], list[Check]] | None = getattr(foreground, "doctor_checks", None)
    return [] if extra is None else extra()


def _session() -> tuple[SessionProbe, Check]:
    from wellbeing.platform.session import NeverLocked
    from wellbeing.platform.session_watch import open_session

    watch, ok, detail, fix = open_session()
    check = Check(QT_TRANSLATE_NOOP("Doctor", "lock screen"), ok, detail, None if ok else fix)
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
    backend: str = AUTO,
) -> Platform:
    """The backends to track with in this session.

    Args:
        fake: use the scripted demo platform (``--fake-platform``).
        clock: the clock the fake platform reads (default: the system clock).
        display: an X display to use instead of ``$DISPLAY``.
        env: the environment to judge the session by (default ``os.environ``).
        candidates: backends to try (default :data:`CANDIDATES`).
        backend: a candidate's name to use and no other (``platform.backend``), or
            :data:`AUTO` to try them all in order.

    Raises:
        Unavailable: no backend can see the focused window; the message lists what
            was tried and why each failed, the hint the first fix. With a forced
            ``backend``: that backend cannot work, and why.
    """
    if fake:
        from wellbeing.platform.fake import ScriptedPlatform
        from wellbeing.platform.system_clock import SystemClock

        platform = ScriptedPlatform.demo(clock if clock is not None else SystemClock())
        log.info("platform: fake (scripted demo rotation)")
        return platform
    ctx = SelectContext(os.environ if env is None else env, display)
    pool = CANDIDATES if candidates is None else candidates
    if backend != AUTO:
        order, error = _forced(backend, pool)
        if error is not None:
            raise error
    else:
        order = _applicable(pool, ctx.env)
    log.info("session: %s", describe_session(ctx.env))
    tried: list[Check] = []
    chosen: tuple[ForegroundProbe, IdleProbe] | None = None
    for candidate in order:
        probes, check = _try(candidate, ctx)
        tried.append(check)
        if probes is None:
            if backend != AUTO:
                raise _forced_failure(backend, check)
            log.info("platform %s unavailable: %s", candidate.name, check.detail)
            continue
        if candidate.xwayland and _wayland_session(ctx.env):
            log.warning("platform %s: %s", candidate.name, _XWAYLAND_NOTE)
        chosen = probes
        break
    if chosen is None:
        raise _nothing_works(tried)
    foreground, idle = chosen
    session, session_check = _own_session(foreground) or _session()
    tried.append(session_check)
    idle = _respect_inhibitors(idle, session)
    log.info("platform: foreground=%s idle=%s session=%s", foreground.name, idle.name, session.name)
    return Platform(foreground=foreground, idle=idle, session=session, tried=tried)


def _nothing_works(tried: list[Check]) -> Unavailable:
    if not tried:
        message, hint = no_backend_for_this_system(sys.platform)
        return Unavailable(message, hint=hint)
    reasons = "; ".join(f"{check_name(c.name)}: {c.detail}" for c in tried)
    fix = next((c.fix for c in tried if c.fix), None)
    return Unavailable(no_backend_works(reasons), hint=fix)


def diagnose(
    *,
    display: str | None = None,
    env: Mapping[str, str] | None = None,
    candidates: Sequence[Candidate] | None = None,
    backend: str = AUTO,
) -> list[Check]:
    """``wellbeing doctor``'s platform checks.

    The session, then every backend in the order tried (each opened, then closed),
    the one chosen (the first that works, or the one ``backend`` forces), lock, tray.
    """
    ctx = SelectContext(os.environ if env is None else env, display)
    checks = [Check(QT_TRANSLATE_NOOP("Doctor", "session"), True,
                    describe_session(ctx.env, shown=True))]
    pool = CANDIDATES if candidates is None else candidates
    applicable = _applicable(pool, ctx.env)
    if not applicable:
        checks.append(
            Check(
                QT_TRANSLATE_NOOP("Doctor", "platform"),
                False,
                translate("Platform", "no tracking backend exists for {system} yet").format(
                    system=sys.platform),
                translate("Platform", _NO_BACKEND_FIX),
            )
        )
    forced_error: Unavailable | None = None
    if backend != AUTO:
        forced, forced_error = _forced(backend, pool)
        applicable = forced + [c for c in applicable if c not in forced]
    chosen: str | None = None
    own: tuple[SessionProbe, Check] | None = None
    for candidate in applicable:
        probes, check = _try(candidate, ctx)
        if backend != AUTO and candidate.name != backend:
            if check.ok:
                unused = translate("Platform", "not used: platform.backend = {backend}; it would "
                                               "work ({detail})")
            else:
                unused = translate("Platform", "not used: platform.backend = {backend}; it would "
                                               "not work either ({detail})")
            check = Check(check.name, False,
                          unused.format(backend=repr(backend), detail=check.detail))
        checks.append(check)
        if probes is not None:
            checks.extend(_backend_checks(probes[0]))
            own = own or _own_session(probes[0])
            for part in probes:
                part.close()
            if chosen is None and check.ok:
                chosen = candidate.name
    checks.append(_chosen_check(backend, chosen, forced_error, checks))
    session, session_check = own or _session()
    session.close()
    checks.append(session_check)
    checks.append(
        Check(
            QT_TRANSLATE_NOOP("Doctor", "system tray"),
            True,
            translate("Platform", "checked by the GUI when it starts; without a tray the main "
                                  "window opens instead"),
        )
    )
    return checks


def _chosen_check(
    backend: str, chosen: str | None, forced_error: Unavailable | None, checks: list[Check]
) -> Check:
    """The line that says which backend tracking uses, and whether it was forced."""
    if forced_error is not None:
        return Check(_CHOSEN, False, forced_error.message, forced_error.hint)
    if chosen is not None and backend != AUTO:
        return Check(_CHOSEN, True, translate(
            "Platform", '{chosen} (forced by platform.backend = "{backend}")').format(
            chosen=chosen, backend=backend))
    if chosen is not None:
        return Check(_CHOSEN, True, translate("Platform", "{backend} (automatically)").format(
            backend=chosen))
    if backend != AUTO:
        failed = next(c for c in checks if c.name == f"{backend} foreground")
        error = _forced_failure(backend, failed)
        return Check(_CHOSEN, False, error.message, error.hint)
    return Check(_CHOSEN, False, translate("Platform", "none: no backend works in this session"),
                 None)
