"""Desktop notifications through the freedesktop ``org.freedesktop.Notifications`` D-Bus API.

:class:`DbusNotifier` sends ``Notify`` over the session bus with jeepney (pure
Python): app name "Wellbeing", the app's icon, an urgency hint, the notice's
buttons (only when the server's ``GetCapabilities`` lists ``actions``), and
``replaces_id`` = the server's id of the last notice with the same
:attr:`Notice.key <wellbeing.services.limit_ports.Notice.key>`, so a warning
turns into the "limit reached" notice in place instead of piling up.

One connection does everything, because some servers (GNOME Shell 46 and later)
send ``ActionInvoked`` only to the connection that created the notification:
a receiver thread (``platform.dbus_router``, blocked on the socket: no CPU while nothing
happens) and a second daemon thread hands ``ActionInvoked`` and
``NotificationClosed`` (dismissed by the user) to the registered handler as
``(key, action id)``, so a handler may itself notify without deadlocking.
Only signals sent by the server's current owner of the name count; one sent
straight to us by another program is no button press.
Every call waits at most ``timeout`` seconds (default 1 s) and :meth:`notify`
never raises. The constructor raises :class:`~wellbeing.errors.Unavailable`
with the reason when there is no session bus or no notification server.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform.base import NoticeLike
from wellbeing.platform.dbus_router import DBusRouter

__all__ = ["DISMISSED", "NOTIFICATIONS", "DbusNotifier", "ServerInfo", "server_missing"]

log = logging.getLogger("wellbeing.platform")

NOTIFICATIONS = "org.freedesktop.Notifications"
_PATH = "/org/freedesktop/Notifications"
_URGENCY = {"low": 0, "normal": 1, "critical": 2}
_CLOSED_BY_USER = 2
_START_S = 3.0
DISMISSED = "dismissed"
"""The action id handed to the handler when the person closes a notice without a button."""

_STOP = object()


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """The notification server, from ``GetServerInformation`` and ``GetCapabilities``."""

    name: str
    vendor: str
    version: str
    capabilities: frozenset[str]

    def describe(self) -> str:
        """"dunst 1.9.0, with buttons" (for logs and ``wellbeing doctor``)."""
        buttons = (translate("Platform", "with buttons") if "actions" in self.capabilities
                   else translate("Platform", "without buttons"))
        return f"{self.name} {self.version}, {buttons}".strip()


class DbusNotifier:
    """Notifier speaking ``org.freedesktop.Notifications`` on the session bus.

    Args:
        bus: ``"SESSION"`` or a D-Bus address (tests pass a private bus).
        icon: ``app_icon``: an icon name or an absolute file path ("" for none).
        app_name: shown by the server as the sender.
        timeout: seconds any call may wait for the server.
        service: the bus name of the server.
        env: the environment (for ``DBUS_SESSION_BUS_ADDRESS``); default ``os.environ``.

    Raises:
        Unavailable: jeepney is missing, there is no session bus, or no
            notification server answers on it.
    """

    name = "freedesktop D-Bus"

    def __init__(
        self,
        *,
        bus: str = "SESSION",
        icon: str = "",
        app_name: str = "Wellbeing",
        timeout: float = 1.0,
        service: str = NOTIFICATIONS,
        env: Mapping[str, str] | None = None,
    ) -> None:
        try:
            from jeepney import DBusAddress, MatchRule, new_method_call
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable(translate("Platform", "jeepney is not installed"),
                              hint=translate("Platform", "install jeepney")) from exc
        env = os.environ if env is None else env
        if bus == "SESSION":
            if not env.get("DBUS_SESSION_BUS_ADDRESS"):
                raise Unavailable(
                    translate("Platform",
                              "no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set)"),
                    hint=translate("Platform", "run wellbeing inside your desktop session, which "
                                               "provides a session bus"),
                )
            bus = env["DBUS_SESSION_BUS_ADDRESS"]
        self._new_call = new_method_call
        self._unwrap = unwrap_msg
        self._errors: tuple[type[BaseException], ...] = (
            DBusErrorResponse,
            OSError,  # ConnectionResetError: the connection was lost
            TimeoutError,
        )
        self._timeout = timeout
        self._icon = icon
        self._app_name = app_name
        self._server = DBusAddress(_PATH, bus_name=service, interface=NOTIFICATIONS)
        self._lock = threading.Lock()
        self._ids: dict[str, int] = {}  # notice key -> the server's id of its last notice
        self._keys: dict[int, str] = {}  # the server's id -> notice key
        self._acted: set[int] = set()  # ids whose button was clicked (their close is no dismissal)
        self._handler: Callable[[str, str], None] | None = None
        self._owner: str | None = None  # the server's unique name, once a signal came
        self._closed = False
        try:
            conn = open_dbus_connection(bus=bus, auth_timeout=timeout)
        except (OSError, RuntimeError, ValueError, KeyError, TimeoutError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise Unavailable(translate(
                "Platform", "cannot connect to the session D-Bus ({error})").format(
                error=why)) from exc
        self._router = DBusRouter(conn, name="wellbeing-notify-receiver")
        self._signals: queue.Queue[Any] = queue.Queue(maxsize=256)
        try:
            self.server = self._server_info()
            for member in ("ActionInvoked", "NotificationClosed"):
                # The bus delivers only the server's own signals (sender = its name); they
                # arrive from its unique name, so the local filter names no sender.
                for sender in (None, service):
                    rule = MatchRule(
                        type="signal", sender=sender, interface=NOTIFICATIONS, member=member
                    )
                    if sender is None:
                        self._router.filter(rule, queue=self._signals)
                    else:
                        self._call_bus(message_bus.AddMatch(rule))
        except Unavailable:
            self._shutdown()
            raise
        except self._errors as exc:
            self._shutdown()
            raise Unavailable(translate(
                "Platform", "the notification server does not answer properly: {error}").format(
                error=exc)) from exc
        self._dispatcher = threading.Thread(
            target=self._dispatch, name="wellbeing-notify-signals", daemon=True
        )
        self._dispatcher.start()
        log.info("notifications: %s", self.server.describe())

    # -- Notifier -------------------------------------------------------------------------

    def set_action_handler(self, handler: Callable[[str, str], None]) -> None:
        """Call ``handler(key, action id)`` when a button is clicked (``"dismissed"``: closed)."""
        self._handler = handler

    def notify(self, notice: NoticeLike) -> bool:
        """Show ``notice``, replacing the last one with the same key; False if it failed."""
        if self._closed:
            return False
        actions: list[str] = []
        if "actions" in self.server.capabilities:
            for action_id, label in notice.actions:
                actions += [action_id, label]
        hints = {
            "urgency": ("y", _URGENCY.get(notice.urgency, 1)),
            "desktop-entry": ("s", "wellbeing"),
        }
        with self._lock:
            replaces = self._ids.get(notice.key, 0)
        text = notice.body
        if "body-markup" in self.server.capabilities:  # "<" and "&" would be read as markup
            text = escape_markup(text)
        body = (self._app_name, replaces, self._icon, notice.title, text, actions, hints, -1)
        msg = self._new_call(self._server, "Notify", "susssasa{sv}i", body)
        try:
            (server_id,) = self._unwrap(
                self._call(msg)
            )
        except self._errors as exc:
            log.debug("Notify failed: %s", exc)
            return False
        with self._lock:
            if replaces and replaces != server_id:
                self._keys.pop(replaces, None)
            self._ids[notice.key] = server_id
            self._keys[server_id] = notice.key
        return True

    def _call(self, msg: Any) -> Any:
        """Send a method call and wait for its reply (the errors in ``self._errors``)."""
        return self._router.send_and_get_reply(msg, timeout=self._timeout)

    def withdraw(self, key: str) -> bool:
        """Close the notice shown under ``key`` (``CloseNotification``); False if none or failed."""
        with self._lock:
            server_id = self._ids.get(key)
        if server_id is None or self._closed:
            return False
        msg = self._new_call(self._server, "CloseNotification", "u", (server_id,))
        try:
            self._unwrap(self._call(msg))
        except self._errors as exc:
            log.debug("CloseNotification failed: %s", exc)
            return False
        return True

    def close(self) -> None:
        """Stop listening and leave the bus (the server keeps what it shows)."""
        if self._closed:
            return
        self._closed = True
        self._signals.put(_STOP)
        self._dispatcher.join(5)
        self._shutdown()

    # -- internals ------------------------------------------------------------------------

    def _call_bus(self, msg: Any) -> tuple[Any, ...]:
        reply = self._call(msg)
        return tuple(self._unwrap(reply))

    def _server_info(self) -> ServerInfo:
        from jeepney.wrappers import DBusErrorResponse

        msg = self._new_call(self._server, "GetCapabilities")
        try:  # a server started on demand (D-Bus activation) may take a moment the first time
            reply = self._router.send_and_get_reply(msg, timeout=max(self._timeout, _START_S))
            (caps,) = self._unwrap(reply)
        except DBusErrorResponse as exc:
            if exc.name in (
                "org.freedesktop.DBus.Error.ServiceUnknown",
                "org.freedesktop.DBus.Error.NameHasNoOwner",
            ):
                raise Unavailable(
                    translate("Platform", "no notification server on the session bus"),
                    hint=translate("Platform", "install a notification daemon such as dunst, or "
                                               "use a desktop with one"),
                ) from exc
            raise
        except TimeoutError as exc:
            raise Unavailable(
                translate("Platform", "the notification server did not answer within "
                                      "{seconds} s").format(
                    seconds=f"{max(self._timeout, _START_S):g}")
            ) from exc
        try:
            name, vendor, version, _spec = self._call_bus(
                self._new_call(self._server, "GetServerInformation")
            )
        except self._errors:  # optional for our purposes
            name, vendor, version = "a notification server", "", ""
        return ServerInfo(str(name), str(vendor), str(version), frozenset(map(str, caps)))

    def _dispatch(self) -> None:
        """Hand signals to the handler, one at a time (blocks on the queue: no CPU when idle)."""
        while True:
            msg = self._signals.get()
            if msg is _STOP:
                return
            try:
                self._handle_signal(msg)
            except Exception:  # a broken handler must not end the listener
                log.exception("the notification action handler failed")

    def _from_server(self, sender: str | None) -> bool:
        """Whether ``sender`` (a unique name) is the server now; asks the bus when it changed."""
        if sender is not None and sender == self._owner:
            return True
        from jeepney.bus_messages import message_bus

        try:
            (self._owner,) = self._call_bus(message_bus.GetNameOwner(self._server.bus_name))
        except self._errors as exc:
            log.debug("who owns the notification service: %s", exc)
            return False
        return sender == self._owner

    def _handle_signal(self, msg: Any) -> None:
        from jeepney import HeaderFields

        if not self._from_server(msg.header.fields.get(HeaderFields.sender)):
            return  # sent straight to us by someone else: not a button press
        member = msg.header.fields.get(HeaderFields.member)
        server_id = int(msg.body[0])
        action: str | None = None
        with self._lock:
            key = self._keys.get(server_id)
            if key is None:
                return  # another app's notification, or one already closed
            if member == "ActionInvoked":
                action = str(msg.body[1])
                self._acted.add(server_id)
            else:
                self._keys.pop(server_id, None)
                if self._ids.get(key) == server_id:
                    del self._ids[key]
                acted = server_id in self._acted
                self._acted.discard(server_id)
                if int(msg.body[1]) == _CLOSED_BY_USER and not acted:
                    action = DISMISSED  # closed without a button (expired or withdrawn: nothing)
        handler = self._handler
        if action is not None and handler is not None:
            handler(key, action)

    def _shutdown(self) -> None:
        self._router.close()  # stops and joins the receiver thread, closes the connection


def server_missing(bus: str = "SESSION", *, timeout: float = 1.0) -> str | None:
    """Why no notification server can be reached on ``bus``, or None when one owns the name.

    Also None when the name is D-Bus activatable (a server starts on the first call).
    Cheap: two calls to the bus daemon, the server itself is not asked.
    """
    try:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg
    except ImportError:
        return translate("Platform", "jeepney is not installed")
    try:
        conn = open_dbus_connection(bus=bus, auth_timeout=timeout)
    except (OSError, RuntimeError, ValueError, KeyError, TimeoutError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        return translate("Platform", "cannot connect to the session D-Bus ({error})").format(
            error=why)
    try:
        (owned,) = unwrap_msg(
            conn.send_and_get_reply(message_bus.NameHasOwner(NOTIFICATIONS), timeout=timeout)
        )
        if owned:
            return None
        (names,) = unwrap_msg(
            conn.send_and_get_reply(message_bus.ListActivatableNames(), timeout=timeout)
        )
    except (OSError, TimeoutError, DBusErrorResponse) as exc:
        return translate("Platform", "the session D-Bus does not answer ({error})").format(
            error=exc)
    finally:
        conn.close()
    if NOTIFICATIONS in names:
        return None
    return translate("Platform", "no notification server on the session bus")


def escape_markup(text: str) -> str:
    """``text`` for a body read as markup: ``&``, ``<`` and ``>`` as entities.

    What ``html.escape(text, quote=False)`` gives, without importing ``html``
    (its table of 2,000 entities stays out of the tray app, issue 11).
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
