"""macOS backend: the frontmost app, idle time, sleep and lock notices, titles with permission.

The focused app is ``NSWorkspace.sharedWorkspace().frontmostApplication()``;
its bundle identifier is the app key (``org.mozilla.firefox``; an app without
a bundle, such as a bare command-line program, is keyed by its executable's
name), its ``localizedName`` the display name. Idle time is
``CGEventSourceSecondsSinceLastEventType`` over the combined session state
and every input event type.

Window titles (which page a browser shows) need the Accessibility permission:
with it, the focused window of the app is asked for its title through the
``AXUIElement`` API; without it, apps are still tracked and titles are empty.
``wellbeing doctor`` says which, and how to grant it
(:meth:`MacProbe.doctor_checks`); :meth:`MacProbe.request_accessibility` shows
the system's prompt. A permission granted while the tracker runs is noticed
within :data:`AX_RECHECK_SAMPLES` samples.

Notices come from the workspace notification centre (an app was activated,
about to sleep, woken up, the user's session switched away or back) and from
the distributed centre (``com.apple.screenIsLocked`` / ``screenIsUnlocked``);
:func:`notice_of` decodes their names and a :class:`MacSession` keeps the lock
state. They are delivered on the main thread's run loop, and
``frontmostApplication`` itself is a cache that those notices refresh: in a
process whose main run loop never turns it stays frozen at its first value
(the reason many trackers misread the front app). In the tray app Qt runs the
main run loop; in ``wellbeing track`` the tracker's thread is the main thread
and :meth:`MacProbe.wait_for_change` runs the run loop while it waits.

How it is driven: an app switch ends the wait at once (the activation notice,
event-driven); a title change has no notice without an Accessibility observer
per app, so the focused app and its title are also read every ``poll``
seconds (a read is a property access plus, with the permission, two
Accessibility calls). ``reports_changes`` is therefore not set.

All Cocoa calls go through the :class:`Cocoa` protocol; the real one is
:class:`~wellbeing.platform.macos_api.CocoaApi` (pyobjc), tests give a fake.
"""

from __future__ import annotations

import logging
import posixpath
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Check, WindowInfo
from wellbeing.platform.session_events import EventSession, SessionEvent

__all__ = [
    "ACTIVATED",
    "AX_RECHECK_SAMPLES",
    "Cocoa",
    "FrontApp",
    "MacIdleProbe",
    "MacProbe",
    "MacSession",
    "notice_of",
]

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system

log = logging.getLogger("wellbeing.platform")

AX_RECHECK_SAMPLES = 60
"""Without the Accessibility permission, whether it was granted is asked every this many samples."""

ACTIVATED = "activated"
"""What :func:`notice_of` returns for an app activation (not a session event)."""

_NOTICES: dict[str, SessionEvent | str] = {
    "NSWorkspaceDidActivateApplicationNotification": ACTIVATED,
    "NSWorkspaceWillSleepNotification": SessionEvent.SUSPEND,
    "NSWorkspaceDidWakeNotification": SessionEvent.RESUME,
    "NSWorkspaceSessionDidResignActiveNotification": SessionEvent.DISCONNECT,
    "NSWorkspaceSessionDidBecomeActiveNotification": SessionEvent.CONNECT,
    "com.apple.screenIsLocked": SessionEvent.LOCK,
    "com.apple.screenIsUnlocked": SessionEvent.UNLOCK,
}

GRANT_ACCESSIBILITY = QT_TRANSLATE_NOOP(
    "Platform",
    "open System Settings > Privacy & Security > Accessibility, turn on the app that "
    "runs wellbeing (Terminal for `wellbeing track`, else Wellbeing or Python), "
    "then quit and start wellbeing again"
)


@dataclass(frozen=True, slots=True)
class FrontApp:
    """The frontmost application as ``NSRunningApplication`` describes it."""

    pid: int
    bundle_id: str | None
    name: str | None
    executable: str | None
    """The executable's full path, when known."""


class Cocoa(Protocol):
    """The macOS calls the backend needs (:class:`~.macos_api.CocoaApi` makes them)."""

    def frontmost(self) -> FrontApp | None:
        """``NSWorkspace.frontmostApplication``; None when no app is frontmost."""
        ...

    def idle_seconds(self) -> float:
        """``CGEventSourceSecondsSinceLastEventType`` (combined session, any input)."""
        ...

    def accessibility_trusted(self, prompt: bool) -> bool:
        """``AXIsProcessTrustedWithOptions``; with ``prompt`` the system asks the user."""
        ...

    def focused_window_title(self, pid: int) -> str | None:
        """The title of app ``pid``'s focused window (Accessibility), None if unknown."""
        ...

    def observe(self, handler: Callable[[str], None]) -> None:
        """Call ``handler(name)`` for each workspace and lock notice (see :func:`notice_of`)."""
        ...

    def run_loop(self, timeout: float) -> bool:
        """Run this thread's run loop until a source was handled or ``timeout`` s passed.

        Returns False at once when this thread's run loop has nothing to run.
        """
        ...

    def close(self) -> None:
        """Stop observing."""
        ...


def notice_of(name: str) -> SessionEvent | str | None:
    """What a notification name means: a session event, :data:`ACTIVATED`, or None."""
    return _NOTICES.get(name)


class MacSession(EventSession):
    """The lock state from macOS' sleep, session and screen-lock notices."""

    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        super().__init__("macos-notifications", on_change)


class MacProbe:
    """The frontmost app (and, with the Accessibility permission, its window's title).

    Args:
        api: the Cocoa calls (default: :class:`~.macos_api.CocoaApi`).

    Attributes:
        titles: whether window titles can be read (the Accessibility permission).
        activations: app activations noticed, for tests and logs.

    Raises:
        Unavailable: this is not macOS, or pyobjc is missing.
    """

    name = "macos"

    def __init__(self, api: Cocoa | None = None) -> None:
        if api is None:
            if _SYSTEM != "darwin":
                raise Unavailable(translate(
                    "Platform", "this is not macOS (the system is {system})").format(
                    system=sys.platform))
            from wellbeing.platform.macos_api import CocoaApi

            api = CocoaApi()
        self._api = api
        self._woken = threading.Event()
        self._activated = threading.Event()
        self._session = MacSession(self.wake)
        self.titles = api.accessibility_trusted(prompt=False)
        self._samples_untrusted = 0
        self._last: WindowInfo | None = None
        self.activations = 0
        api.observe(self._on_notice)

    @property
    def api(self) -> Cocoa:
        """The Cocoa calls (shared with the idle probe)."""
        return self._api

    def active_window(self) -> WindowInfo | None:
        """The frontmost app, with its focused window's title when permitted."""
        app = self._api.frontmost()
        if app is None:
            return None
        exe = posixpath.basename(app.executable) if app.executable else None
        key = app.bundle_id or (exe or "").lower() or (app.name or "").lower()
        if not key:
            return None
        title = ""
        if self._titles_allowed():
            title = self._api.focused_window_title(app.pid) or ""
        info = WindowInfo(
            app_key=key,
            app_name=app.name or exe or key,
            title=title,
            pid=app.pid,
            exe=exe,
        )
        if info == self._last:
            return self._last  # the same object: the tracker reuses what it made of it
        self._last = info
        return info

    def _titles_allowed(self) -> bool:
        if not self.titles:
            self._samples_untrusted += 1
            if self._samples_untrusted >= AX_RECHECK_SAMPLES:
                self._samples_untrusted = 0
                self.titles = self._api.accessibility_trusted(prompt=False)
                if self.titles:
                    log.info("the Accessibility permission was granted: window titles are read")
        return self.titles

    def request_accessibility(self) -> bool:
        """Show the system's prompt for the Accessibility permission; True if already granted."""
        self.titles = self._api.accessibility_trusted(prompt=True)
        return self.titles

    def doctor_checks(self) -> list[Check]:
        """``wellbeing doctor``'s line about window titles (the Accessibility permission)."""
        if self.titles:
            return [Check(QT_TRANSLATE_NOOP("Doctor", "macos window titles"), True,
                          translate("Platform", "Accessibility permission granted"))]
        return [
            Check(
                QT_TRANSLATE_NOOP("Doctor", "macos window titles"),
                False,
                translate("Platform", "no Accessibility permission: apps are tracked, window "
                                      "titles (websites) are not"),
                translate("Platform", GRANT_ACCESSIBILITY),
            )
        ]

    def wait_for_change(self, timeout: float) -> bool:
        """Wait up to ``timeout`` s; True when an app was activated meanwhile.

        Runs this thread's run loop while waiting (so notices are delivered when
        this is the main thread); where it has nothing to run, sleeps until
        :meth:`wake` or an activation on another thread ends the wait.
        """
        timeout = max(0.0, timeout)
        if not self._activated.is_set() and not self._woken.is_set():
            ran = self._api.run_loop(timeout)
            if not ran:
                self._woken.wait(timeout)
        self._woken.clear()
        changed = self._activated.is_set()
        self._activated.clear()
        return changed

    def wake(self) -> None:
        """End a :meth:`wait_for_change` sleeping on another thread (any thread)."""
        self._woken.set()

    def session_probe(self) -> MacSession:
        """The lock-state probe fed by this probe's notices."""
        return self._session

    def close(self) -> None:
        self._api.close()
        self._woken.set()

    def _on_notice(self, name: str) -> None:
        meaning = notice_of(name)
        if meaning == ACTIVATED:
            self.activations += 1
            self._activated.set()
            self._woken.set()
        elif isinstance(meaning, SessionEvent):
            self._session.feed(meaning)


class MacIdleProbe:
    """Seconds since the last input (``CGEventSourceSecondsSinceLastEventType``).

    Args:
        api: the Cocoa calls (share the foreground probe's :attr:`MacProbe.api`).
    """

    name = "macos-cgeventsource"

    def __init__(self, api: Cocoa) -> None:
        self._api = api

    def idle_seconds(self) -> float:
        return max(0.0, float(self._api.idle_seconds()))

    def close(self) -> None:
        pass
