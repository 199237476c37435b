"""The desktop's own Do Not Disturb: dunst, GNOME and KDE, and a fake.

Each backend can take a :meth:`~DndBackend.snapshot` of the current state (a
small JSON-able dict, saved to disk by ``services.quiet`` before anything
changes), turn Do Not Disturb on (:meth:`~DndBackend.quiet`) and put back
exactly what a snapshot says (:meth:`~DndBackend.restore`):

- dunst: ``dunstctl is-paused`` / ``dunstctl set-paused true|false``;
- GNOME: ``gsettings`` key ``org.gnome.desktop.notifications show-banners``
  (only when ``XDG_CURRENT_DESKTOP`` names GNOME: elsewhere the key does nothing);
- KDE (any server offering ``inhibitions``): ``org.freedesktop.Notifications.Inhibit``
  over D-Bus. The inhibition belongs to our bus connection, so the server drops
  it by itself if we crash; restoring means ``UnInhibit`` of our own cookie,
  which leaves a Do Not Disturb the person set themselves untouched.

:func:`detect_dnd` tries them in that order; a backend that cannot work here
raises :class:`~wellbeing.errors.Unavailable`. Every call waits at most ~1 s.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable
from wellbeing.platform import child_process

__all__ = ["DndBackend", "DunstDnd", "FakeDnd", "GnomeDnd", "KdeDnd", "detect_dnd"]

log = logging.getLogger("wellbeing.platform")

Snapshot = dict[str, Any]
_TIMEOUT_S = 1.0
_GNOME_SCHEMA = "org.gnome.desktop.notifications"
_GNOME_KEY = "show-banners"
_NOTIFICATIONS = "org.freedesktop.Notifications"


class DndBackend(Protocol):
    """One desktop's Do Not Disturb switch. Methods raise Unavailable when the desktop fails."""

    name: str

    def snapshot(self) -> Snapshot:
        """The state now, enough for :meth:`restore` to put it back exactly (JSON-able)."""
        ...

    def quiet(self) -> None:
        """Turn Do Not Disturb on."""
        ...

    def restore(self, snapshot: Snapshot) -> None:
        """Put back the state ``snapshot`` describes (one taken by this backend kind)."""
        ...

    def close(self) -> None: ...


def _run(argv: list[str], what: str, env: Mapping[str, str] | None = None) -> str:
    """Run a desktop's command line tool; its stdout, or Unavailable saying what failed."""
    try:
        res = child_process.run(argv, timeout=_TIMEOUT_S, env=env)
    except OSError as exc:  # TimeoutError included
        raise Unavailable(f"{what}: {exc}") from exc
    if res.code != 0:
        reason = (res.stderr.strip().splitlines() or [
            translate("Platform", "exit code {code}").format(code=res.code)])[-1]
        raise Unavailable(f"{what}: {reason}")
    return res.stdout.strip()


def _as_bool(text: str, what: str) -> bool:
    if text not in ("true", "false"):
        raise Unavailable(translate("Platform", "{what}: unexpected answer {answer}").format(
            what=what, answer=repr(text)))
    return text == "true"


class DunstDnd:
    """dunst's pause switch through ``dunstctl`` (on the session bus named in ``env``).

    Raises:
        Unavailable: no session bus, ``dunstctl`` is missing, or no dunst answers.
    """

    name = "dunst"

    def __init__(self, env: Mapping[str, str] | None = None, dunstctl: str | None = None) -> None:
        env = os.environ if env is None else env
        if not env.get("DBUS_SESSION_BUS_ADDRESS"):  # else dbus-send may start a stray bus
            raise Unavailable(translate(
            "Platform", "no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set)"))
        found = dunstctl or child_process.which("dunstctl")
        if found is None:
            raise Unavailable(translate("Platform", "dunstctl is not installed (no dunst)"))
        self._dunstctl = found
        self._env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": env["DBUS_SESSION_BUS_ADDRESS"]}
        self._paused()  # raises when no dunst runs

    def _ctl(self, *args: str, what: str) -> str:
        return _run([self._dunstctl, *args], what, self._env)

    def _paused(self) -> bool:
        return _as_bool(
            self._ctl("is-paused", what=translate("Platform", "dunst is not running")), "dunst")

    def snapshot(self) -> Snapshot:
        return {"paused": self._paused()}

    def quiet(self) -> None:
        self._ctl("set-paused", "true", what=translate("Platform", "dunst did not pause"))

    def restore(self, snapshot: Snapshot) -> None:
        paused = "true" if snapshot.get("paused") else "false"
        self._ctl("set-paused", paused,
                  what=translate("Platform", "dunst did not take its pause state back"))

    def close(self) -> None:
        """Nothing to release."""


class GnomeDnd:
    """GNOME's "Do Not Disturb": the ``show-banners`` setting, through ``gsettings``.

    Raises:
        Unavailable: not a GNOME session, or ``gsettings`` cannot read the key.
    """

    name = "GNOME"

    def __init__(self, env: Mapping[str, str] | None = None, gsettings: str | None = None) -> None:
        env = os.environ if env is None else env
        desktops = {d.strip().lower() for d in env.get("XDG_CURRENT_DESKTOP", "").split(":")}
        if "gnome" not in desktops:
            raise Unavailable(translate(
                "Platform", "not a GNOME session (XDG_CURRENT_DESKTOP does not name GNOME)"))
        found = gsettings or child_process.which("gsettings")
        if found is None:
            raise Unavailable(translate("Platform", "gsettings is not installed"))
        self._gsettings = found
        self._show_banners()

    def _show_banners(self) -> bool:
        out = _run([self._gsettings, "get", _GNOME_SCHEMA, _GNOME_KEY],
                   translate("Platform", "gsettings cannot read"))
        return _as_bool(out, "gsettings")

    def _set(self, show: bool) -> None:
        value = "true" if show else "false"
        _run([self._gsettings, "set", _GNOME_SCHEMA, _GNOME_KEY, value],
             translate("Platform", "gsettings cannot set"))

    def snapshot(self) -> Snapshot:
        return {"show_banners": self._show_banners()}

    def quiet(self) -> None:
        self._set(False)

    def restore(self, snapshot: Snapshot) -> None:
        self._set(bool(snapshot.get("show_banners", True)))

    def close(self) -> None:
        """Nothing to release."""


class KdeDnd:
    """``Inhibit`` / ``UnInhibit`` on a notification server offering ``inhibitions`` (Plasma).

    Args:
        bus: ``"SESSION"`` or a D-Bus address.
        service: the server's bus name.

    Raises:
        Unavailable: no session bus, no server, or the server offers no inhibitions.
    """

    name = "KDE"

    def __init__(self, bus: str = "SESSION", service: str = _NOTIFICATIONS) -> None:
        try:
            from jeepney import DBusAddress, new_method_call
            from jeepney.io.blocking import open_dbus_connection
            from jeepney.wrappers import DBusErrorResponse, unwrap_msg
        except ImportError as exc:
            raise Unavailable(translate("Platform", "jeepney is not installed")) from exc
        self._call_errors: tuple[type[BaseException], ...] = (
            DBusErrorResponse,
            OSError,
            TimeoutError,
        )
        try:
            self._conn: Any = open_dbus_connection(bus=bus, auth_timeout=_TIMEOUT_S)
        except (OSError, RuntimeError, ValueError, KeyError, TimeoutError) as exc:
            raise Unavailable(translate("Platform", "no session D-Bus ({error})").format(
                error=exc)) from exc
        self._server = DBusAddress(
            "/org/freedesktop/Notifications", bus_name=service, interface=service
        )
        self._new_call: Callable[..., Any] = new_method_call
        self._unwrap = unwrap_msg
        self._cookie: int | None = None
        try:
            (caps,) = self._call("GetCapabilities")
        except Unavailable:
            self._conn.close()
            raise
        if "inhibitions" not in caps:
            self._conn.close()
            raise Unavailable(translate(
                "Platform", "the notification server offers no inhibitions (not KDE Plasma)"))

    def _call(self, member: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Any:
        msg = self._new_call(self._server, member, signature, body)
        try:
            return self._unwrap(self._conn.send_and_get_reply(msg, timeout=_TIMEOUT_S))
        except self._call_errors as exc:
            raise Unavailable(translate(
                "Platform", "the notification server did not answer {call}: {error}").format(
                call=member, error=exc)) from exc

    def snapshot(self) -> Snapshot:
        """Whether the server was inhibited (informational: inhibitions stack)."""
        from jeepney import Properties

        try:
            msg = Properties(self._server).get("Inhibited")
            (variant,) = self._unwrap(self._conn.send_and_get_reply(msg, timeout=_TIMEOUT_S))
            return {"inhibited": bool(variant[1])}
        except self._call_errors:
            return {"inhibited": None}

    def quiet(self) -> None:
        if self._cookie is None:
            (self._cookie,) = self._call(
                "Inhibit", "ssa{sv}", ("wellbeing", "Quiet mode (wellbeing)", {})
            )

    def restore(self, snapshot: Snapshot) -> None:
        """``UnInhibit`` our own inhibition; one from a crashed run ended with its connection."""
        if self._cookie is not None:
            cookie, self._cookie = self._cookie, None
            self._call("UnInhibit", "u", (cookie,))

    def close(self) -> None:
        try:
            self._conn.close()  # ends an inhibition still held
        except OSError as exc:
            log.debug("closing the KDE inhibition connection: %s", exc)


class FakeDnd:
    """An in-memory Do Not Disturb switch for tests and ``--fake-platform``.

    Attributes:
        on: the switch.
        fail: when True, every call raises Unavailable (a desktop that stopped answering).
    """

    name = "fake"

    def __init__(self, *, on: bool = False) -> None:
        self.on = on
        self.fail = False
        self.changes = 0

    def _check(self) -> None:
        if self.fail:
            raise Unavailable(translate("Platform", "the fake desktop does not answer"))

    def snapshot(self) -> Snapshot:
        self._check()
        return {"on": self.on}

    def quiet(self) -> None:
        self._check()
        self.on = True
        self.changes += 1

    def restore(self, snapshot: Snapshot) -> None:
        self._check()
        self.on = bool(snapshot["on"])
        self.changes += 1

    def close(self) -> None:
        """Nothing to release."""


def _session_bus(env: Mapping[str, str]) -> str:
    address = env.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        raise Unavailable(translate(
            "Platform", "no session D-Bus (DBUS_SESSION_BUS_ADDRESS is not set)"))
    return address


def detect_dnd(env: Mapping[str, str] | None = None) -> DndBackend:
    """The first of dunst, GNOME and KDE that works in this session.

    Raises:
        Unavailable: none works; the message says why for each.
    """
    env = os.environ if env is None else env
    reasons: list[str] = []
    builders: list[tuple[str, Callable[[], DndBackend]]] = [
        ("dunst", lambda: DunstDnd(env)),
        ("GNOME", lambda: GnomeDnd(env)),
        ("KDE", lambda: KdeDnd(_session_bus(env))),
    ]
    for name, build in builders:
        try:
            backend = build()
        except Unavailable as exc:
            reasons.append(f"{name}: {exc.message}")
            continue
        log.info("do not disturb: %s", backend.name)
        return backend
    raise Unavailable(
        translate("Platform", "The desktop's Do Not Disturb cannot be switched here ({reasons})")
        .format(reasons="; ".join(reasons)),
        hint=translate("Platform", "quiet mode works with dunst, GNOME and KDE Plasma"),
    )
