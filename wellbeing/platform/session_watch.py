"""Lock, sleep and idle inhibitors from every source a Linux session has, as one SessionProbe.

:class:`SessionWatch` combines the sources that answered (logind on the system
bus, :mod:`.session`; the screen saver and the desktop's inhibitor services on
the session bus, :mod:`.screensaver`):

- locked when any source says so;
- about to sleep when logind says so (:meth:`SessionWatch.preparing_for_sleep`);
  :meth:`SessionWatch.ready_for_sleep` lets logind go ahead once the tracker has
  written what was in use;
- an idle inhibitor held when any source has one; the moments one is taken
  and the last released are kept by a :class:`~wellbeing.core.idle_inhibit.IdleInhibition`,
  through which :class:`InhibitAwareIdle` turns the backend's input idle time
  into the idle time the tracker counts with (a film keeps counting).

Its :meth:`~SessionWatch.fileno` is one descriptor for all sources (an epoll
set when there are several), readable when any of them has news, so an
event-driven tracker sleeps on it as on a single bus socket.
"""

from __future__ import annotations

import contextlib
import logging
import select
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from wellbeing.core.i18n import translate
from wellbeing.core.idle_inhibit import IdleInhibition
from wellbeing.platform.base import IdleProbe

__all__ = ["InhibitAwareIdle", "SessionSource", "SessionWatch"]

log = logging.getLogger("wellbeing.platform")


class SessionSource(Protocol):
    """One source of session news (``LogindSession``, ``ScreenSaverWatch``)."""

    name: str
    locked: bool
    preparing_sleep: bool
    idle_held: bool

    def refresh(self) -> None: ...

    def fileno(self) -> int | None: ...

    def close(self) -> None: ...


class SessionWatch:
    """SessionProbe over several sources (see the module docstring).

    Args:
        sources: the sources that answered, at least one.
        monotonic: the clock the idle inhibitors' times are read on.
    """

    reports_changes = True
    """Every source reports its changes on :meth:`fileno`: the tracker need not poll."""

    def __init__(
        self, sources: Sequence[SessionSource], *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        if not sources:
            raise ValueError("a SessionWatch needs at least one source")
        self.sources = list(sources)
        self.name = " + ".join(source.name for source in self.sources)
        self.inhibition = IdleInhibition()
        self._monotonic = monotonic
        self._fds: dict[int, int] = {}  # source index -> its descriptor in the epoll set
        self._epoll: select.epoll | None = None
        if len(self.sources) > 1:
            self._epoll = select.epoll()
            for index, source in enumerate(self.sources):
                fd = source.fileno()
                if fd is not None:
                    self._epoll.register(fd, select.EPOLLIN)
                    self._fds[index] = fd
        self._update_inhibition()

    def refresh(self) -> None:
        """Handle the news every source has, without waiting."""
        for index, source in enumerate(self.sources):
            source.refresh()
            fd = self._fds.get(index)
            if fd is not None and source.fileno() is None:
                self._forget_fd(index)
        self._update_inhibition()

    def is_locked(self) -> bool:
        self.refresh()
        return any(source.locked for source in self.sources)

    def preparing_for_sleep(self) -> bool:
        """Whether the machine is about to sleep (logind's ``PrepareForSleep``)."""
        self.refresh()
        return any(source.preparing_sleep for source in self.sources)

    def ready_for_sleep(self) -> None:
        """What was in use is written: let the machine sleep."""
        for source in self.sources:
            ready: Callable[[], None] | None = getattr(source, "ready_for_sleep", None)
            if ready is not None:
                ready()

    def effective_idle(self, input_idle: float) -> float:
        """``input_idle`` as it counts under the idle inhibitors (see the module docstring)."""
        self.refresh()
        return self.inhibition.effective_idle(input_idle, self._monotonic())

    def fileno(self) -> int | None:
        """Readable when any source has news; None once no source can say anything."""
        if self._epoll is None:
            return self.sources[0].fileno()
        if not self._fds:
            return None
        return self._epoll.fileno()

    def close(self) -> None:
        for index in list(self._fds):
            self._forget_fd(index)
        if self._epoll is not None:
            self._epoll.close()
        for source in self.sources:
            source.close()

    def _forget_fd(self, index: int) -> None:
        fd = self._fds.pop(index)
        if self._epoll is not None:
            with contextlib.suppress(OSError, ValueError):  # closed already: gone from the set
                self._epoll.unregister(fd)

    def _update_inhibition(self) -> None:
        held = any(source.idle_held for source in self.sources)
        if self.inhibition.update(held, self._monotonic()):
            log.info(
                "an app keeps the session awake (a video?): a still keyboard counts as use"
                if held
                else "no app keeps the session awake any more"
            )


class InhibitAwareIdle:
    """IdleProbe: the backend's input idle time, held at 0 while an app inhibits idle.

    Args:
        idle: the backend's idle probe (closed with this one).
        session: where the idle inhibitors are followed.
    """

    def __init__(self, idle: IdleProbe, session: SessionWatch) -> None:
        self.inner = idle
        self.session = session
        self.name = f"{idle.name} (apps keeping the session awake count as use)"

    def idle_seconds(self) -> float:
        return self.session.effective_idle(self.inner.idle_seconds())

    def close(self) -> None:
        self.inner.close()


def open_session() -> tuple[SessionWatch | None, bool, str, str | None]:
    """Open every source that answers: (the watch or None, ok, what works and what not, a fix).

    logind on the system bus, then the session bus's screen saver and inhibitor
    services. It is ok when logind answers or a screen saver runs now (a watch
    without either still follows one that starts later).
    """
    from wellbeing.errors import Unavailable
    from wellbeing.platform.screensaver import ScreenSaverWatch
    from wellbeing.platform.session import LogindSession

    sources: list[SessionSource] = []
    said: list[str] = []
    fix: str | None = None
    ok = False
    try:
        logind = LogindSession()
    except Unavailable as exc:
        said.append(translate(
            "Platform", "{problem}; a locked screen will not pause tracking by itself "
            "(idle time still does, after the idle limit), and a suspend is only noticed "
            "after waking").format(problem=exc.message))
        fix = exc.hint or translate("Platform",
                                    "lock detection needs systemd-logind on the system bus")
    else:
        sources.append(logind)
        ok = True
        sleep = (
            translate("Platform", "usage is written before the machine sleeps")
            if logind.holds_sleep_delay
            else translate("Platform",
                           "sleep is seen, but logind would not wait for wellbeing to write first")
        )
        said.append(translate("Platform", "logind: lock hint, sleep ({sleep}), idle inhibitors")
                    .format(sleep=sleep))
    try:
        saver = ScreenSaverWatch()
    except Unavailable as exc:
        said.append(translate("Platform", "screen saver: {problem}").format(problem=exc.message))
    else:
        sources.append(saver)
        ok = ok or bool(saver.running)
        running = ", ".join(saver.running) or translate(
            "Platform", "none running now; followed if one starts")
        said.append(translate("Platform", "screen saver and inhibitors on the session bus: "
                                          "{running}").format(running=running))
    return (SessionWatch(sources) if sources else None), ok, "; ".join(said), fix
