"""The macOS calls the macOS backend makes, through pyobjc (the seam tests replace).

:class:`CocoaApi` is the real implementation of the
:class:`~wellbeing.platform.macos.Cocoa` protocol: ``AppKit`` for the
workspace and its notices, ``Foundation`` for the run loop and the
distributed notification centre, ``Quartz`` for idle time and
``ApplicationServices`` for the Accessibility API. No decisions are taken
here; :mod:`.macos` takes them and is tested on every system with a fake in
place of this class. Nothing here is run by the test suite, which runs on
Linux; ``packaging/macos-checklist.md`` is how it is checked.

pyobjc is imported in the constructor (installed with wellbeing on macOS
only, by the environment markers in ``pyproject.toml``), so this module
imports everywhere.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.macos import FrontApp

__all__ = ["CocoaApi"]

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system

log = logging.getLogger("wellbeing.platform")

_INSTALL_PYOBJC = QT_TRANSLATE_NOOP(
    "Platform",
    "reinstall wellbeing, or: pip install pyobjc-framework-Cocoa pyobjc-framework-Quartz "
    "pyobjc-framework-ApplicationServices"
)
_WORKSPACE_NOTICES = (
    "NSWorkspaceDidActivateApplicationNotification",
    "NSWorkspaceWillSleepNotification",
    "NSWorkspaceDidWakeNotification",
    "NSWorkspaceSessionDidResignActiveNotification",
    "NSWorkspaceSessionDidBecomeActiveNotification",
)
_LOCK_NOTICES = ("com.apple.screenIsLocked", "com.apple.screenIsUnlocked")

_observer_class: Any = None


class CocoaApi:
    """The calls behind :class:`~wellbeing.platform.macos.Cocoa`, made through pyobjc.

    Raises:
        Unavailable: this is not macOS, or pyobjc's frameworks are not installed.
    """

    name = "cocoa"

    def __init__(self) -> None:
        if _SYSTEM != "darwin":
            raise Unavailable(translate(
                "Platform", "Cocoa exists only on macOS, not on {system}").format(
                system=sys.platform))
        try:
            import AppKit
            import ApplicationServices
            import Foundation
            import objc
            import Quartz
        except ImportError as exc:
            raise Unavailable(
                translate("Platform", "pyobjc is missing ({module}), so macOS cannot be asked "
                                      "which app is in front").format(module=exc.name),
                hint=translate("Platform", _INSTALL_PYOBJC),
            ) from exc
        self._appkit: Any = AppKit
        self._ax: Any = ApplicationServices
        self._foundation: Any = Foundation
        self._quartz: Any = Quartz
        # Every call from a thread of ours drains what Cocoa autoreleased in it: the
        # tracker's thread has no pool of its own, and a run of days would pile up.
        self._pool: Any = objc.autorelease_pool
        self._workspace: Any = AppKit.NSWorkspace.sharedWorkspace()
        self._observers: list[tuple[Any, Any]] = []  # (centre, observer)

    def frontmost(self) -> FrontApp | None:
        with self._pool():
            app = self._workspace.frontmostApplication()
            if app is None:
                return None
            url = app.executableURL()
            bundle = app.bundleIdentifier()
            name = app.localizedName()
            return FrontApp(
                pid=int(app.processIdentifier()),
                bundle_id=str(bundle) if bundle else None,
                name=str(name) if name else None,
                executable=str(url.path()) if url is not None else None,
            )

    def idle_seconds(self) -> float:
        q = self._quartz
        return float(
            q.CGEventSourceSecondsSinceLastEventType(
                q.kCGEventSourceStateCombinedSessionState, q.kCGAnyInputEventType
            )
        )

    def accessibility_trusted(self, prompt: bool) -> bool:
        ax = self._ax
        options = {ax.kAXTrustedCheckOptionPrompt: bool(prompt)}
        return bool(ax.AXIsProcessTrustedWithOptions(options))

    def focused_window_title(self, pid: int) -> str | None:
        ax = self._ax
        with self._pool():
            app = ax.AXUIElementCreateApplication(pid)
            err, window = ax.AXUIElementCopyAttributeValue(
                app, ax.kAXFocusedWindowAttribute, None
            )
            if err != ax.kAXErrorSuccess or window is None:
                return None
            err, title = ax.AXUIElementCopyAttributeValue(window, ax.kAXTitleAttribute, None)
            if err != ax.kAXErrorSuccess or title is None:
                return None
            return str(title)

    def observe(self, handler: Callable[[str], None]) -> None:
        observer = _make_observer(handler)
        workspace_centre = self._workspace.notificationCenter()
        for name in _WORKSPACE_NOTICES:
            workspace_centre.addObserver_selector_name_object_(observer, "notified:", name, None)
        self._observers.append((workspace_centre, observer))
        distributed = self._foundation.NSDistributedNotificationCenter.defaultCenter()
        for name in _LOCK_NOTICES:
            distributed.addObserver_selector_name_object_(observer, "notified:", name, None)
        self._observers.append((distributed, observer))

    def run_loop(self, timeout: float) -> bool:
        f = self._foundation
        with self._pool():
            loop = f.NSRunLoop.currentRunLoop()
            until = f.NSDate.dateWithTimeIntervalSinceNow_(timeout)
            return bool(loop.runMode_beforeDate_(f.NSDefaultRunLoopMode, until))

    def close(self) -> None:
        observers, self._observers = self._observers, []
        for centre, observer in observers:
            centre.removeObserver_(observer)


def _make_observer(handler: Callable[[str], None]) -> Any:
    """An Objective-C object whose ``notified:`` passes the notice's name to ``handler``."""
    global _observer_class
    if _observer_class is None:  # an Objective-C class can be defined only once
        from Foundation import NSObject

        class WellbeingNoticeObserver(NSObject):  # type: ignore[misc]
            def notified_(self, notification: Any) -> None:
                try:
                    self.handler(str(notification.name()))
                except Exception:  # noqa: BLE001 - an exception must not cross into Cocoa
                    log.exception("handling a macOS notice failed")

        _observer_class = WellbeingNoticeObserver
    observer = _observer_class.alloc().init()
    observer.handler = handler
    return observer
