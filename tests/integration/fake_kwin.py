"""A stand-in KWin on a private bus: the scripting interface of Plasma 5.27 or 6, no windows.

It owns ``org.kde.KWin`` and serves ``org.kde.kwin.Scripting.loadScript(ss)``,
``unloadScript(s)`` and ``isScriptLoaded(s)``, and ``org.kde.kwin.Script.run``
at the object path of the Plasma version it plays (``/<id>`` on 5, and
``/Scripting/Script<id>`` on 6). It does not run JavaScript: it reads the D-Bus
name, object and interface the script was filled in with, and when "run" (and
on :meth:`FakeKWin.report`) calls ``Activated(class, name, caption, pid)``
there as the real script does. Used to check what the real KWin of this
machine (5.27) cannot: Plasma 6's object path.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from pathlib import Path
from types import TracebackType
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

KWIN = "org.kde.KWin"
Report = tuple[str, str, str, int]


class FakeKWin:
    """A thread serving KWin's scripting interface; use it as a context manager.

    Args:
        bus: the D-Bus address to serve on.
        plasma: 5 or 6 (decides the script object's path).
        active: what the script reports when run (None: no window).
        silent: the script never reports (a broken KWin).

    Attributes:
        calls: method calls served, by member name.
        loaded: script names loaded and not unloaded.
        target: (D-Bus name, path, interface) the last script reports to.
    """

    def __init__(
        self, bus: str, *, plasma: int, active: Report | None = None, silent: bool = False
    ) -> None:
        self.plasma = plasma
        self.silent = silent
        self.active = active
        self.calls: Counter[str] = Counter()
        self.loaded: dict[str, int] = {}
        self.target: tuple[str, str, str] | None = None
        self._next_id = 0
        self._conn: Any = open_dbus_connection(bus=bus)
        self._send_lock = threading.Lock()
        (owned,) = unwrap_msg(
            self._conn.send_and_get_reply(message_bus.RequestName(KWIN, 4), timeout=5)
        )
        if owned != 1:
            self._conn.close()
            raise RuntimeError(f"{KWIN} is already owned on this bus")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-kwin", daemon=True)
        self._thread.start()

    def report(self, active: Report | None) -> None:
        """Send one report as the script does (None: "no window")."""
        assert self.target is not None, "no script was run"
        name, path, iface = self.target
        body = ("", "", "", 0) if active is None else active
        msg = new_method_call(
            DBusAddress(path, bus_name=name, interface=iface), "Activated", "sssi", body
        )
        with self._send_lock:
            self._conn.send(msg)  # the reply is read (and dropped) by the serving thread

    def stop(self) -> None:
        if self._stop.is_set():
            return
        self._stop.set()
        self._thread.join(10)
        self._conn.close()

    def __enter__(self) -> FakeKWin:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- serving --------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type == MessageType.method_call:
                self._answer(msg)

    def _script_path(self, script_id: int) -> str:
        return f"/Scripting/Script{script_id}" if self.plasma >= 6 else f"/{script_id}"

    def _answer(self, msg: Any) -> None:
        fields = msg.header.fields
        member = fields.get(HeaderFields.member)
        path = fields.get(HeaderFields.path)
        self.calls[member] += 1
        run = False
        if member == "loadScript":
            file, name = msg.body
            text = Path(file).read_text(encoding="utf-8")
            found = dict(re.findall(r'var (service|path|iface) = "([^"]*)";', text))
            self.target = (found["service"], found["path"], found["iface"])
            self.loaded[name] = self._next_id
            reply = new_method_return(msg, "i", (self._next_id,))
            self._next_id += 1
        elif member == "unloadScript":
            (name,) = msg.body
            reply = new_method_return(msg, "b", (self.loaded.pop(name, None) is not None,))
        elif member == "isScriptLoaded":
            reply = new_method_return(msg, "b", (msg.body[0] in self.loaded,))
        elif member == "run" and path in {self._script_path(i) for i in self.loaded.values()}:
            reply, run = new_method_return(msg), True
        else:
            reply = new_error(
                msg, "org.freedesktop.DBus.Error.UnknownObject", "s", (f"No such object {path}",)
            )
        with self._send_lock:
            self._conn.send(reply)
        if run and not self.silent:
            self.report(self.active)
