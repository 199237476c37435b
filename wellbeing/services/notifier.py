"""The notifier chain: every way to tell the person something, tried in order until one works.

:func:`build_notifiers` picks the paths for this system: on Linux the
freedesktop ``Notify`` call over D-Bus (buttons, in-place replacement), then
plyer; on Windows and macOS plyer. The UI passes its own paths as
``extra_after`` (the tray balloon, then the dashboard banner): anything with a
``name``, ``notify(notice) -> bool`` and ``close()`` (the
:class:`~wellbeing.services.limit_ports.Notifier` protocol), optionally
``set_action_handler``. A :class:`LogNotifier` always comes last, so a notice
is at least in the log.

:class:`NotifierChain` is itself a Notifier. A path that raises is logged once
with its traceback and skipped from then on; a path that merely reports
failure is logged once (until it works again) and tried again next time.
Nothing here raises out of ``notify``. :class:`FakeNotifier` records notices and
lets tests (and ``--fake-platform``) press their buttons.

With ``on_demand`` (the running app), a system path after the first that can be
set up is an :class:`OnDemand`: built the first time a notice reaches it, that
is, when the better path failed. plyer, Linux's fallback, imports some forty
modules that the tray app at rest does not need (issue 11). ``doctor`` builds
every path at once, to say which work.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.base import Check
from wellbeing.platform.notify_dbus import DISMISSED
from wellbeing.services.limit_ports import ActionHandler, Notice, Notifier

__all__ = [
    "DISMISSED",
    "FakeNotifier",
    "LogNotifier",
    "NotifierChain",
    "Unreachable",
    "build_notifiers",
    "notification_check",
]

log = logging.getLogger("wellbeing.notify")

_UNIX_DESKTOPS = ("linux", "freebsd", "openbsd", "netbsd")


@dataclass(frozen=True, slots=True)
class Unreachable:
    """A notification path that could not be set up here, and why."""

    name: str
    reason: str
    fix: str | None = None


class LogNotifier:
    """The last resort: writes the notice to the log. Always delivers."""

    name = "log"

    def notify(self, notice: Notice) -> bool:
        log.info("notice [%s] %s: %s", notice.key, notice.title, notice.body)
        return True

    def close(self) -> None:
        """Nothing to release."""


class FakeNotifier:
    """Records notices; tests press their buttons with :meth:`fire`.

    Attributes:
        notices: every notice given, oldest first.
        shown: the notice on screen per key (a later one with the same key replaces it).
        delivers: what :meth:`notify` returns (set False to test a fallback).
    """

    def __init__(self, name: str = "fake", *, delivers: bool = True) -> None:
        self.name = name
        self.delivers = delivers
        self.notices: list[Notice] = []
        self.shown: dict[str, Notice] = {}
        self.closed = False
        self._handler: ActionHandler | None = None

    def notify(self, notice: Notice) -> bool:
        if not self.delivers:
            return False
        self.notices.append(notice)
        self.shown[notice.key] = notice
        return True

    def set_action_handler(self, handler: ActionHandler) -> None:
        self._handler = handler

    def fire(self, key: str, action_id: str) -> None:
        """Press ``action_id`` on the notice shown under ``key`` (or dismiss it).

        Raises:
            KeyError: no notice is shown under ``key``.
            ValueError: that notice has no such button.
        """
        notice = self.shown[key]
        if action_id != DISMISSED and action_id not in {a for a, _ in notice.actions}:
            raise ValueError(f"notice {key!r} has no button {action_id!r}")
        del self.shown[key]
        if self._handler is not None:
            self._handler(key, action_id)

    def close(self) -> None:
        self.closed = True


class NotifierChain:
    """Tries each notifier in order; the first that delivers wins.

    Args:
        notifiers: the paths, best first (end with a :class:`LogNotifier`).
        unreachable: the paths that could not be set up (for logs and ``doctor``).
    """

    name = "chain"

    def __init__(
        self, notifiers: Sequence[Notifier], unreachable: Sequence[Unreachable] = ()
    ) -> None:
        self.notifiers: list[Notifier] = list(notifiers)
        self.unreachable: list[Unreachable] = list(unreachable)
        self._broken: set[int] = set()  # id() of notifiers that raised
        self._failing: set[int] = set()  # id() of notifiers whose last try failed
        self._lock = threading.Lock()

    def deliver(self, notice: Notice) -> str | None:
        """Show ``notice`` on the first path that takes it; that path's name, or None."""
        with self._lock:
            for notifier in self.notifiers:
                if id(notifier) in self._broken:
                    continue
                try:
                    delivered = notifier.notify(notice)
                except Exception:  # a path's bug must never stop the notice or the caller
                    self._broken.add(id(notifier))
                    log.exception("notification path %s failed; not using it again", notifier.name)
                    continue
                if delivered:
                    if id(notifier) in self._failing:
                        self._failing.discard(id(notifier))
                        log.info("notification path %s works again", notifier.name)
                    return notifier.name
                if id(notifier) not in self._failing:
                    self._failing.add(id(notifier))
                    log.info("notification path %s did not deliver; trying the next", notifier.name)
            return None

    def notify(self, notice: Notice) -> bool:
        """The Notifier protocol: True if some path delivered ``notice``."""
        return self.deliver(notice) is not None

    def set_action_handler(self, handler: ActionHandler) -> None:
        """Give ``handler`` to every path that has buttons."""
        for notifier in self.notifiers:
            setter = getattr(notifier, "set_action_handler", None)
            if setter is not None:
                setter(handler)

    def close(self) -> None:
        for notifier in self.notifiers:
            try:
                notifier.close()
            except Exception:  # closing one must not keep the others open
                log.exception("closing notification path %s failed", notifier.name)


NotifierFactory = Callable[[Mapping[str, str]], Notifier]


class OnDemand:
    """A system path built when the first notice reaches it (then used as built).

    If it cannot be set up then (:class:`~wellbeing.errors.Unavailable`), it
    says why in the log once and does not deliver from then on.
    """

    def __init__(self, name: str, factory: NotifierFactory, env: Mapping[str, str]) -> None:
        self.name = name
        self._factory = factory
        self._env = env
        self._lock = threading.Lock()
        self._built: Notifier | None = None
        self._unavailable = False
        self._handler: ActionHandler | None = None

    @property
    def built(self) -> Notifier | None:
        """The path once built, else None."""
        return self._built

    def notify(self, notice: Notice) -> bool:
        with self._lock:
            if self._built is None and not self._unavailable:
                try:
                    self._built = self._factory(self._env)
                except Unavailable as exc:
                    self._unavailable = True
                    log.info("notification path %s unavailable: %s", self.name, exc.message)
                else:
                    self.name = self._built.name
                    self._give_handler()
            built = self._built
        return built.notify(notice) if built is not None else False

    def set_action_handler(self, handler: ActionHandler) -> None:
        with self._lock:
            self._handler = handler
            self._give_handler()

    def _give_handler(self) -> None:
        setter = getattr(self._built, "set_action_handler", None)
        if setter is not None and self._handler is not None:
            setter(self._handler)

    def close(self) -> None:
        if self._built is not None:
            self._built.close()


def _icon_path() -> str:
    from wellbeing import resources

    try:
        path = resources.path_of("icons/wellbeing.svg")
    except (OSError, ValueError):
        return ""
    return str(path) if path.is_file() else ""


def _dbus(env: Mapping[str, str]) -> Notifier:
    from wellbeing.platform.notify_dbus import DbusNotifier

    return DbusNotifier(icon=_icon_path(), env=env)


def _plyer(env: Mapping[str, str]) -> Notifier:
    from wellbeing.platform.notify_plyer import PlyerNotifier

    icon = _icon_path() if sys.platform.startswith(_UNIX_DESKTOPS) else ""  # Windows wants .ico
    return PlyerNotifier(icon=icon, env=env)


def candidates(system: str | None = None) -> list[tuple[str, NotifierFactory]]:
    """The system's own notification paths, best first, as ``(name, factory)``."""
    system = sys.platform if system is None else system
    if system.startswith(_UNIX_DESKTOPS):
        return [("freedesktop D-Bus", _dbus), ("plyer", _plyer)]
    if system.startswith(("win32", "darwin")):
        return [("plyer", _plyer)]
    return []


def build_notifiers(
    extra_after: Iterable[Notifier] = (),
    *,
    fake: bool = False,
    env: Mapping[str, str] | None = None,
    factories: Sequence[tuple[str, NotifierFactory]] | None = None,
    on_demand: bool = False,
) -> NotifierChain:
    """The chain for this session: the system's paths, then ``extra_after``, then the log.

    Args:
        extra_after: the UI's paths (tray balloon, dashboard banner), in order.
        fake: use one :class:`FakeNotifier` instead of the system's paths (``--fake-platform``).
        env: the environment to judge the session by (default ``os.environ``).
        factories: the system paths to try (default :func:`candidates`).
        on_demand: build the system paths after the first that works only when
            a notice reaches them (:class:`OnDemand`); their ``unreachable``
            entries are then only in the log.
    """
    env = os.environ if env is None else env
    chosen: list[Notifier] = []
    unreachable: list[Unreachable] = []
    if fake:
        chosen.append(FakeNotifier())
    else:
        for name, factory in candidates() if factories is None else factories:
            if on_demand and chosen:
                chosen.append(OnDemand(name, factory, env))
                continue
            try:
                chosen.append(factory(env))
            except Unavailable as exc:
                unreachable.append(Unreachable(name, exc.message, exc.hint))
                log.info("notification path %s unavailable: %s", name, exc.message)
    chosen.extend(extra_after)
    chosen.append(LogNotifier())
    log.info("notification paths: %s", ", ".join(n.name for n in chosen))
    return NotifierChain(chosen, unreachable)


_CHECK = QT_TRANSLATE_NOOP("Doctor", "notifications")


def notification_check(
    env: Mapping[str, str] | None = None,
    factories: Sequence[tuple[str, NotifierFactory]] | None = None,
) -> Check:
    """``wellbeing doctor``'s line: which notification path works, and why the others do not."""
    chain = build_notifiers(env=env, factories=factories)
    try:
        working = [n for n in chain.notifiers if not isinstance(n, LogNotifier)]
        why_not = "; ".join(f"{u.name}: {u.reason}" for u in chain.unreachable)
        if not working:
            detail = translate("Platform", "none works, notices only go to the log")
            if why_not:
                detail += f" ({why_not})"
            fix = next((u.fix for u in chain.unreachable if u.fix), None)
            return Check(_CHECK, False, detail, fix)
        best = working[0]
        server = getattr(best, "server", None)
        detail = f"{best.name}" + (f" ({server.describe()})" if server is not None else "")
        if len(working) > 1:
            detail += translate("Platform", "; if it fails: {others}").format(
                others=", ".join(n.name for n in working[1:]))
        if why_not:
            detail += translate("Platform", "; not available: {reasons}").format(reasons=why_not)
        return Check(_CHECK, True, detail)
    finally:
        chain.close()
