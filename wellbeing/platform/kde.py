"""KDE Plasma on Wayland: the active window from a KWin script of ours, loaded over D-Bus.

At start :class:`KWinProbe` writes ``resources/kwin/wellbeing_focus.js`` into a
private directory (0700) with its own D-Bus name and object filled in, loads it
with ``org.kde.kwin.Scripting.loadScript`` under a name of its own and runs it
(the script's object is ``/Scripting/Script<id>`` on Plasma 6 and ``/<id>`` on
Plasma 5.27; both are tried). The script calls back
``org.wellbeing.KWinFocus.Activated(class, name, caption, pid)`` on
:data:`OBJECT_PATH` of this process's unique bus name (no well-known name is
taken, nothing else is exported) at start, on every activation
(``workspace.windowActivated`` on 6, ``workspace.clientActivated`` on 5.27) and
when the active window's title changes. Calls from anyone but KWin are refused.
At :meth:`~KWinProbe.close` the script is unloaded and its file removed.

It is event-driven like the X11 probe: :meth:`KWinProbe.wait_for_change`
sleeps in ``select()`` on the bus socket and returns when a report changed
what is active (``reports_changes``). KWin reports "no window" before each
switch; a "no window" report waits up to :data:`NO_FOCUS_GRACE_SECONDS` for
the next, so a switch is one change, not two. Other descriptors can be served
during the wait (:meth:`KWinProbe.serve_fd`: the Wayland idle notification's
events, :mod:`.wayland_idle` on a :mod:`.wayland_conn` connection) or end it
(``watch_fd``: the session watch).

The app is named as on X11: the window's class is the Wayland app id, its
pid names the executable (psutil), the desktop index the app and icon.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from wellbeing import resources
from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import IdleProbe, WindowInfo
from wellbeing.platform.dbus_watch import TIMEOUT_S
from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.wakeup import Wakeup
from wellbeing.platform.x11_identity import WindowIdentity, identity_of

__all__ = ["INTERFACE", "NO_FOCUS_GRACE_SECONDS", "OBJECT_PATH", "KWinProbe", "build_kde"]

log = logging.getLogger("wellbeing.platform")

INTERFACE = "org.wellbeing.KWinFocus"
OBJECT_PATH = "/org/wellbeing/KWinFocus"
SCRIPT = "kwin/wellbeing_focus.js"
KWIN = "org.kde.KWin"
NO_FOCUS_GRACE_SECONDS = 0.05
"""How long a "no window" report may wait for the report of the window activated next."""
FIRST_REPORT_SECONDS = 10.0
"""How long the script may take to send its first report after it was started."""
_IDENTITIES_MAX = 256

Report = tuple[str, str, str, int]
"""What the script sends: (resourceClass = app id, resourceName, caption, pid)."""


class KWinProbe:
    """The active window of a KWin session (see the module docstring).

    Args:
        bus: ``"SESSION"`` or a D-Bus address.
        desktop_index: where app names and icons come from.
        script_dir: where the script's private directory is made (default
            ``$XDG_RUNTIME_DIR``, else the system's temporary directory).

    Attributes:
        reports: reports received from the script (tests guard the cost with it).

    Raises:
        Unavailable: jeepney is missing, there is no session bus, KWin does not
            run there, or the script could not be loaded or never reported.
    """

    name = "kwin-script"
    reports_changes = True
    """Activations and title changes wake :meth:`wait_for_change`: no polling."""

    def __init__(
        self,
        *,
        bus: str = "SESSION",
        desktop_index: DesktopIndex | None = None,
        script_dir: str | None = None,
    ) -> None:
        try:
            from jeepney import DBusAddress, MatchRule, MessageType, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable(translate("Platform", "jeepney is not installed"),
                              hint=translate("Platform", "install jeepney")) from exc
        from jeepney import HeaderFields, new_error, new_method_return

        self._address, self._call, self._unwrap = DBusAddress, new_method_call, unwrap_msg
        self._return, self._error = new_method_return, new_error
        self._fields, self._METHOD_CALL = HeaderFields, MessageType.method_call
        self._errors: tuple[type[BaseException], ...] = (DBusErrorResponse, OSError, TimeoutError)
        try:
            self._conn: Any = open_dbus_connection(bus=bus)
        except (OSError, RuntimeError, ValueError, KeyError) as exc:
            raise Unavailable(translate("Platform", "no session D-Bus to ask KWin about "
                                                    "windows ({error})").format(error=exc)) from exc
        self._index = desktop_index if desktop_index is not None else DesktopIndex()
        self._wakeup = Wakeup()
        self._served: dict[int, Callable[[], None]] = {}
        self._calls: deque[Any] = deque()  # method calls to our object, not yet answered
        self._owner_changes: deque[Any] = deque()  # KWin's name changing owner
        self._report: Report | None = None
        self._info: WindowInfo | None = None
        self._identities: dict[tuple[str, str, int], WindowIdentity] = {}
        self._changed = False
        self._none_at = 0.0  # when "no window" was last reported (monotonic)
        self._lost: str | None = None
        self._dir: Path | None = None
        self._plugin: str | None = None
        self.reports = 0
        try:
            self._kwin = self._kwin_owner(message_bus)
            calls = MatchRule(type="method_call", path=OBJECT_PATH)
            self._conn.filter(calls, queue=self._calls)
            owner = MatchRule(
                type="signal", sender="org.freedesktop.DBus", interface="org.freedesktop.DBus",
                member="NameOwnerChanged", path="/org/freedesktop/DBus",
            )
            owner.add_arg_condition(0, KWIN)
            self._conn.filter(owner, queue=self._owner_changes)
            self._bus_call(message_bus.AddMatch(owner))
            self._start_script(script_dir)
        except Unavailable:
            self.close()
            raise
        except self._errors as exc:
            self.close()
            raise Unavailable(translate("Platform", "KWin did not load wellbeing's script: "
                                                    "{error}").format(error=exc)) from exc

    # -- ForegroundProbe ------------------------------------------------------------------

    def active_window(self) -> WindowInfo | None:
        """The active window as KWin last reported it; None when no window is active.

        Raises:
            Unavailable: KWin left the bus (the session ended) or the bus was lost.
        """
        self._pump()
        if self._report is None:
            self._settle()
        self._changed = False
        if self._lost:
            raise Unavailable(self._lost)
        if self._info is None and self._report is not None:
            self._info = self._window(self._report)
        return self._info

    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` s; True once KWin reported another window or title.

        Returns False at the timeout, and early (False) when :meth:`wake` is called or
        a descriptor given to :meth:`watch_fd` is readable.
        """
        deadline = time.monotonic() + max(0.0, timeout)
        sock = self._conn.sock.fileno()
        while True:
            self._pump()
            if self._changed or self._lost:
                if self._report is None and not self._lost:
                    self._settle()
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            readable, _, _ = select.select(
                [sock, *self._wakeup.fds(), *self._served], [], [], remaining
            )
            if not readable:
                return False
            if self._wakeup.read_fd in readable:
                self._wakeup.drain()
                return False
            for fd in readable:
                if fd in self._served:
                    self._served[fd]()
            if any(fd != sock and fd not in self._served for fd in readable):
                return False  # a watched descriptor: its owner has news

    def wake(self) -> None:
        """Make a wait in progress (or the next one) return now; safe from any thread."""
        self._wakeup.wake()

    def watch_fd(self, fd: int) -> None:
        """Also end :meth:`wait_for_change` (False) when ``fd`` is readable."""
        self._wakeup.watch(fd)

    def unwatch_fd(self, fd: int) -> None:
        self._wakeup.unwatch(fd)

    def serve_fd(self, fd: int, dispatch: Callable[[], None]) -> None:
        """Call ``dispatch`` whenever ``fd`` is readable during a wait, and go on waiting."""
        self._served[fd] = dispatch

    def close(self) -> None:
        """Unload the script, remove its file and leave the bus."""
        if self._plugin is not None and not self._lost:
            try:
                self._kwin_call("/Scripting", "org.kde.kwin.Scripting", "unloadScript", "s",
                                (self._plugin,))
            except self._errors as exc:
                log.debug("unloading the KWin script: %s", exc)
        self._plugin = None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        try:
            self._conn.close()
        except OSError as exc:
            log.debug("closing the bus connection: %s", exc)
        self._wakeup.close()

    # -- set-up -----------------------------------------------------------------------------

    def _kwin_owner(self, message_bus: Any) -> str:
        try:
            (owner,) = self._bus_call(message_bus.GetNameOwner(KWIN))
        except self._errors as exc:
            raise Unavailable(
                translate("Platform", "KWin does not run on the session bus: this is not a KDE "
                                      "Plasma session"),
                hint=translate("Platform",
                               "this backend is for KDE Plasma; log in to a Plasma session"),
            ) from exc
        return str(owner)

    def _start_script(self, script_dir: str | None) -> None:
        base = script_dir or os.environ.get("XDG_RUNTIME_DIR") or None
        self._dir = Path(tempfile.mkdtemp(prefix="wellbeing-kwin-", dir=base))  # 0700
        text = (
            resources.read_text(SCRIPT)
            .replace("@SERVICE@", self._conn.unique_name)
            .replace("@PATH@", OBJECT_PATH)
            .replace("@INTERFACE@", INTERFACE)
        )
        path = self._dir / "wellbeing_focus.js"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        # KWin reuses ids after an unload: the name is ours alone.
        plugin = f"wellbeing-focus-{os.getpid()}-{os.urandom(4).hex()}"
        (script_id,) = self._kwin_call(
            "/Scripting", "org.kde.kwin.Scripting", "loadScript", "ss", (str(path), plugin)
        )
        self._plugin = plugin
        if int(script_id) < 0:
            raise Unavailable(translate(
                "Platform", "KWin refused wellbeing's script (loadScript returned an error)"))
        self._run_script(int(script_id))
        deadline = time.monotonic() + FIRST_REPORT_SECONDS
        self._pump()  # the report may have come with the reply to run
        while not self.reports:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self._lost:
                raise Unavailable(translate(
                    "Platform", "wellbeing's KWin script was loaded but never reported"))
            select.select([self._conn.sock.fileno()], [], [], remaining)
            self._pump()
        log.info("KWin script %s reports the active window", plugin)

    def _run_script(self, script_id: int) -> None:
        """``org.kde.kwin.Script.run`` at Plasma 6's object path, else at Plasma 5's."""
        last: BaseException | None = None
        for path in (f"/Scripting/Script{script_id}", f"/{script_id}"):
            try:
                self._kwin_call(path, "org.kde.kwin.Script", "run")
                return
            except self._errors as exc:
                last = exc
        raise Unavailable(translate(
            "Platform", "KWin loaded wellbeing's script but would not run it: {error}").format(
            error=last))

    # -- talking to KWin ----------------------------------------------------------------

    def _bus_call(self, msg: Any) -> tuple[Any, ...]:
        return tuple(self._unwrap(self._conn.send_and_get_reply(msg, timeout=TIMEOUT_S)))

    def _kwin_call(
        self, path: str, interface: str, method: str, signature: str | None = None,
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        address = self._address(path, bus_name=KWIN, interface=interface)
        return self._bus_call(self._call(address, method, signature, body))

    def _pump(self) -> None:
        """Handle every message that has come, without waiting."""
        if self._lost:
            return
        try:
            while True:
                try:
                    self._conn.recv_messages(timeout=0)
                except TimeoutError:
                    break
        except OSError as exc:
            self._lost = translate("Platform", "lost the session D-Bus: {error}").format(error=exc)
        while self._calls:
            self._answer(self._calls.popleft())
        while self._owner_changes:
            _name, _old, new = self._owner_changes.popleft().body
            if new != self._kwin:
                self._lost = translate("Platform",
                                       "KWin left the session bus (the session ended?)")

    def _settle(self) -> None:
        """Until shortly after a "no window" report, wait for the window activated next."""
        deadline = self._none_at + NO_FOCUS_GRACE_SECONDS
        sock = self._conn.sock.fileno()
        while self._report is None and not self._lost:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([sock], [], [], remaining)[0]:
                return
            self._pump()

    def _answer(self, msg: Any) -> None:
        fields = msg.header.fields
        sender = fields.get(self._fields.sender)
        member = fields.get(self._fields.member)
        if sender != self._kwin:
            reply = self._error(msg, "org.freedesktop.DBus.Error.AccessDenied", "s",
                                ("only KWin reports windows here",))
        elif fields.get(self._fields.interface) != INTERFACE or member != "Activated":
            reply = self._error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s",
                                (str(member),))
        else:
            self._take(msg.body)
            reply = self._return(msg)
        try:
            self._conn.send(reply)
        except OSError as exc:
            self._lost = translate("Platform", "lost the session D-Bus: {error}").format(error=exc)

    def _take(self, body: tuple[Any, ...]) -> None:
        """Apply one report (class, name, caption, pid; "" class: no window)."""
        self.reports += 1
        try:
            cls, name, caption, pid = (str(body[0]), str(body[1]), str(body[2]), int(body[3]))
        except (IndexError, TypeError, ValueError):
            log.debug("ignored a malformed report from the KWin script")
            return
        report = (cls, name, caption, pid) if cls or name else None
        if report is None:
            self._none_at = time.monotonic()
        if report != self._report:
            self._report, self._info, self._changed = report, None, True

    def _window(self, report: Report) -> WindowInfo:
        cls, name, caption, pid = report
        key = (cls, name, pid)
        identity = self._identities.get(key)
        if identity is None:
            if len(self._identities) >= _IDENTITIES_MAX:
                self._identities.clear()
            wm_class = tuple(part for part in (name, cls) if part)
            identity = identity_of(pid or None, wm_class, self._index)
            self._identities[key] = identity
        return WindowInfo(
            app_key=identity.app_key,
            app_name=identity.app_name,
            title=caption,
            wm_class=identity.wm_class,
            pid=identity.pid,
            exe=identity.exe,
            icon=identity.icon,
        )


def build_kde(env: Mapping[str, str]) -> tuple[KWinProbe, IdleProbe]:
    """The KDE Wayland backend: the KWin script for the window, ext-idle-notify for idle.

    Raises:
        Unavailable: not a Wayland session, no KWin, or no idle time (pywayland).
    """
    if not env.get("WAYLAND_DISPLAY"):
        raise Unavailable(translate("Platform",
                                    "WAYLAND_DISPLAY is not set: this is not a Wayland session"))
    from wellbeing.platform.wayland_conn import WaylandConnection
    from wellbeing.platform.wayland_idle import WaylandIdleProbe

    bus = env.get("DBUS_SESSION_BUS_ADDRESS") or "SESSION"
    foreground = KWinProbe(bus=bus)
    try:
        connection = WaylandConnection(env)
    except Unavailable:
        foreground.close()
        raise
    try:
        idle = WaylandIdleProbe(connection)
    except Unavailable:
        connection.close()
        foreground.close()
        raise
    foreground.serve_fd(connection.fileno(), connection.pump)
    return foreground, idle
