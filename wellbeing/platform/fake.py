"""A scripted platform for tests and ``--fake-platform`` demo mode.

A script is a list of steps keyed by seconds since the probe was created, read
on an injected clock (a :class:`~wellbeing.core.clock.FakeClock` in tests, the
system clock in demo mode)::

    probe = FakeProbe.from_script(
        [
            (0, WindowInfo("firefox", "Firefox", "Instagram • Photos")),
            (30, WindowInfo("xterm", "XTerm", "vim"), None),   # active user
            (60, None, 0.0),                                   # no window, idle from 0 s
            (400, None, 0.0, True),                            # screen locked
        ],
        clock,
    )

Each step holds until the next one. A step's ``idle`` is None when the user is
busy (idle stays 0), or the idle time at the step's start, which then grows
with the clock, as a real idle counter does while nobody touches anything.

:meth:`FakeProbe.wait_for_change` "sleeps" until the next step or the
timeout: with a FakeClock it advances that clock (so a tracker loop runs in
simulated time, as fast as the machine allows), otherwise it really sleeps.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from wellbeing.core.clock import Clock, FakeClock
from wellbeing.platform.base import Check, Platform, WindowInfo

__all__ = ["FakeProbe", "FakeWindowActions", "ScriptedPlatform", "Step", "demo_script"]


@dataclass(frozen=True, slots=True)
class Step:
    """What the fake OS reports from ``at`` seconds (after the probe's start) on.

    Attributes:
        at: seconds since the probe was created, on the clock's monotonic time.
        focus: the focused window, or None for "no app".
        idle: None while the user is busy; else the idle seconds at ``at`` (then growing).
        locked: whether the session is locked.
    """

    at: float
    focus: WindowInfo | None
    idle: float | None = None
    locked: bool = False


def _as_step(item: object) -> Step:
    if isinstance(item, Step):
        return item
    if isinstance(item, tuple) and 2 <= len(item) <= 4:
        return Step(*item)
    raise TypeError(f"a script step is a Step or (at, focus[, idle[, locked]]), not {item!r}")


class FakeWindowActions:
    """Satisfies ``services.limit_ports.WindowActions`` by recording what was asked.

    Args:
        can_act: what every call returns (False: as if the window could not be asked).

    Attributes:
        calls: ``("close" | "minimise", window)`` in the order asked.
    """

    name = "fake"

    def __init__(self, *, can_act: bool = True) -> None:
        self.can_act = can_act
        self.calls: list[tuple[str, WindowInfo]] = []

    def request_close(self, window: WindowInfo) -> bool:
        self.calls.append(("close", window))
        return self.can_act

    def minimise(self, window: WindowInfo) -> bool:
        self.calls.append(("minimise", window))
        return self.can_act

    @property
    def closed(self) -> list[WindowInfo]:
        return [w for kind, w in self.calls if kind == "close"]

    @property
    def minimised(self) -> list[WindowInfo]:
        return [w for kind, w in self.calls if kind == "minimise"]


class FakeProbe:
    """Implements ForegroundProbe, IdleProbe and SessionProbe from a script.

    Args:
        steps: the script, in increasing ``at`` order.
        clock: where time comes from.
        loop_after: when set, the script repeats with this period (seconds).
        sleep: how :meth:`wait_for_change` waits (default: ``clock.advance`` for a
            FakeClock, else :func:`time.sleep`).

    Attributes:
        samples: how many times :meth:`active_window` was called.
        closed: whether :meth:`close` was called.
        actions: what :meth:`window_actions` hands out (records close/minimise).
    """

    name = "fake"

    def __init__(
        self,
        steps: Iterable[Step],
        clock: Clock,
        *,
        loop_after: float | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        self._steps: list[Step] = []
        self._clock = clock
        self._start = clock.now().monotonic
        if loop_after is not None and loop_after <= 0:
            raise ValueError("loop_after must be positive")
        self._loop_after = loop_after
        if sleep is None:
            sleep = clock.advance if isinstance(clock, FakeClock) else time.sleep
        self._sleep = sleep
        self.samples = 0
        self.closed = False
        self.actions = FakeWindowActions()
        for step in steps:
            self.append(step)

    @classmethod
    def from_script(
        cls,
        script: Sequence[object],
        clock: Clock,
        *,
        loop_after: float | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> FakeProbe:
        """Build a probe from ``Step`` objects or ``(at, focus[, idle[, locked]])`` tuples."""
        return cls([_as_step(s) for s in script], clock, loop_after=loop_after, sleep=sleep)

    def append(self, step: Step) -> None:
        """Add a step after the last one (tests may extend the script as they go)."""
        if self._steps and step.at < self._steps[-1].at:
            raise ValueError(
                f"script steps must be in time order: {step.at} < {self._steps[-1].at}"
            )
        self._steps.append(step)

    # -- script position ------------------------------------------------------------------

    def elapsed(self) -> float:
        """Seconds of script time: since creation, modulo ``loop_after`` when looping."""
        t = self._clock.now().monotonic - self._start
        return t % self._loop_after if self._loop_after else t

    def current(self) -> Step | None:
        """The step in force now, or None before the first step."""
        t = self.elapsed()
        i = bisect.bisect_right([s.at for s in self._steps], t) - 1
        return self._steps[i] if i >= 0 else None

    def _next_boundary(self, t: float) -> float | None:
        for step in self._steps:
            if step.at > t:
                return step.at - t
        if self._loop_after and self._steps:
            return self._loop_after - t + self._steps[0].at
        return None

    # -- the three protocols --------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        self.samples += 1
        step = self.current()
        return step.focus if step else None

    def idle_seconds(self) -> float:
        step = self.current()
        if step is None or step.idle is None:
            return 0.0
        return step.idle + max(0.0, self.elapsed() - step.at)

    def is_locked(self) -> bool:
        step = self.current()
        return bool(step and step.locked)

    def wait_for_change(self, timeout: float) -> bool:
        """Wait until the next step (True) or for ``timeout`` seconds (False)."""
        until_next = self._next_boundary(self.elapsed())
        if until_next is not None and until_next <= timeout:
            self._sleep(max(until_next, 0.0))
            return True
        self._sleep(max(timeout, 0.0))
        return False

    def window_actions(self) -> FakeWindowActions:
        """The recorder of close and minimise requests (the same one every time)."""
        return self.actions

    def close(self) -> None:
        self.closed = True


class ScriptedPlatform(Platform):
    """A :class:`Platform` whose three parts are one :class:`FakeProbe`."""

    def __init__(
        self, probe: FakeProbe, *, detail: str = "scripted platform (no real OS probes)"
    ) -> None:
        super().__init__(
            foreground=probe,
            idle=probe,
            session=probe,
            tried=[Check("fake platform", True, detail)],
        )
        self.probe = probe

    @classmethod
    def from_script(
        cls,
        script: Sequence[object],
        clock: Clock,
        *,
        loop_after: float | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> ScriptedPlatform:
        """``ScriptedPlatform(FakeProbe.from_script(script, clock, ...))``."""
        return cls(FakeProbe.from_script(script, clock, loop_after=loop_after, sleep=sleep))

    @classmethod
    def demo(cls, clock: Clock) -> ScriptedPlatform:
        """The endless rotation shown by ``--fake-platform``."""
        steps = demo_script()
        probe = FakeProbe(steps, clock, loop_after=DEMO_PERIOD)
        return cls(probe, detail="demo mode: a scripted rotation of apps, not your real activity")


def _w(key: str, name: str, title: str, wm_class: tuple[str, str] | None = None) -> WindowInfo:
    return WindowInfo(key, name, title, wm_class or (key, name), exe=key)


DEMO_PERIOD = 1800.0
"""Length of one demo rotation in seconds (30 minutes)."""


def demo_script() -> list[Step]:
    """A plausible half hour of desktop use, meant to loop: browsing, work, chat, a break."""
    firefox = "firefox", "Firefox"
    timeline: list[Step] = [
        Step(0, _w(*firefox, "Instagram • Photos and videos — Mozilla Firefox")),
        Step(150, _w(*firefox, "YouTube — Mozilla Firefox")),
        Step(330, _w("code", "Visual Studio Code", "main.py — wellbeing — Visual Studio Code")),
        Step(
            600,
            _w(
                "gnome-terminal-server",
                "Terminal",
                "pytest",
                ("gnome-terminal-server", "Gnome-terminal"),
            ),
        ),
        Step(720, _w("slack", "Slack", "Slack | general | Team", ("slack", "Slack"))),
        Step(810, _w(*firefox, "Reddit - Dive into anything — Mozilla Firefox")),
        Step(
            960,
            _w("code", "Visual Studio Code", "tests — wellbeing — Visual Studio Code"),
            idle=0.0,
        ),
        Step(1200, None),
        Step(1260, _w("libreoffice", "LibreOffice Writer", "notes.odt - LibreOffice Writer")),
        Step(1440, _w(*firefox, "Instagram • Reels — Mozilla Firefox")),
        Step(1620, None, idle=30.0, locked=True),
    ]
    return timeline
