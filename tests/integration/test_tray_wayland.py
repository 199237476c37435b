"""The tray app on a Wayland desktop (headless sway): a StatusNotifierItem, else the window.

Wayland has no XEmbed tray: Qt shows a tray icon as a StatusNotifierItem on the
session bus, registered with the desktop's ``org.kde.StatusNotifierWatcher``
(KDE Plasma, waybar, GNOME with the AppIndicator extension). Here a stand-in
watcher on a private bus takes the registration; the test then reads the item
over D-Bus as a panel would (its id, status and tooltip) and clicks it
(``Activate``), which must open the dashboard as a real window on sway. Without
a watcher (GNOME without the extension) the app says there is no tray and opens
the window at once. The app runs with Qt's own ``wayland`` platform, tracking
through the wlroots backend.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jeepney import DBusAddress, MessageType, new_error, new_method_call, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import unwrap_msg

from tests.conftest import require_part
from tests.integration.dbus_helpers import private_bus
from tests.integration.wayland_helpers import Compositor, foot_window, start_sway
from tests.integration.xhelpers import have, stop, wait_until

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

WATCHER = "org.kde.StatusNotifierWatcher"
ITEM_INTERFACE = "org.kde.StatusNotifierItem"
ITEM_PATH = "/StatusNotifierItem"


class StandInWatcher:
    """Owns ``org.kde.StatusNotifierWatcher`` on ``bus`` and records registrations."""

    def __init__(self, bus: str) -> None:
        self.registered: list[tuple[str, str]] = []  # (sender, the service it named)
        self._conn: Any = open_dbus_connection(bus=bus)
        (owned,) = unwrap_msg(
            self._conn.send_and_get_reply(message_bus.RequestName(WATCHER, 4), timeout=5)
        )
        assert owned == 1, "the watcher name is taken"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sni-watcher", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.message_type != MessageType.method_call:
                continue
            member = msg.header.fields.get(3)  # HeaderFields.member
            if member == "RegisterStatusNotifierItem":
                sender = msg.header.fields.get(7)  # HeaderFields.sender
                self.registered.append((str(sender), str(msg.body[0])))
                self._conn.send(new_method_return(msg))
            elif member == "Get" and msg.body[1] == "IsStatusNotifierHostRegistered":
                self._conn.send(new_method_return(msg, "v", (("b", True),)))
            elif member == "Get" and msg.body[1] == "ProtocolVersion":
                self._conn.send(new_method_return(msg, "v", (("i", 0),)))
            else:
                self._conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))

    def close(self) -> None:
        self._stop.set()
        self._thread.join(10)
        self._conn.close()


@pytest.fixture(scope="module")
def sway() -> Iterator[Compositor]:
    require_part(have("sway", "swaymsg", "foot"), "sway, swaymsg or foot is not installed")
    try:
        import pywayland  # noqa: F401
    except ImportError:
        require_part(False, "pywayland is not installed (pip install -e '.[test]')")
    compositor = start_sway()
    try:
        with foot_window(compositor, "wb-term-a", "Title A"):
            yield compositor
    finally:
        compositor.close()


@contextlib.contextmanager
def tray_app(sway: Compositor, bus: str, data_dir: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``wellbeing --data-dir D`` (the tray app) on sway with Qt's wayland platform."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "welcome-shown").touch()  # the first-run window is tested on X11
    env = sway.env(QT_QPA_PLATFORM="wayland", DBUS_SESSION_BUS_ADDRESS=bus,
                   XDG_SESSION_TYPE="wayland")
    with (data_dir.parent / "app.stderr").open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir)],
            env=env, stdout=subprocess.DEVNULL, stderr=err,
        )
    try:
        yield proc
    finally:
        stop(proc)


def stderr_of(data_dir: Path) -> str:
    return (data_dir.parent / "app.stderr").read_text(encoding="utf-8", errors="replace")


def log_of(data_dir: Path) -> str:
    return (data_dir / "logs" / "wellbeing.log").read_text(encoding="utf-8", errors="replace")


def dashboard_shown(sway: Compositor) -> bool:
    """Whether sway manages the dashboard ("Your Activity — Wellbeing")."""
    return any(name.startswith("Your Activity") for name in window_titles(sway))


def window_titles(sway: Compositor) -> list[str]:
    """The names of every window in sway's tree."""
    tree = json.loads(sway.swaymsg("-t", "get_tree"))
    names: list[str] = []

    def walk(node: dict[str, Any]) -> None:
        if node.get("type") in ("con", "floating_con") and node.get("name"):
            names.append(node["name"])
        for child in node.get("nodes", []) + node.get("floating_nodes", []):
            walk(child)

    walk(tree)
    return names


def item_property(bus: str, service: str, name: str) -> Any:
    with open_dbus_connection(bus=bus) as conn:
        address = DBusAddress(ITEM_PATH, bus_name=service,
                              interface="org.freedesktop.DBus.Properties")
        reply = conn.send_and_get_reply(
            new_method_call(address, "Get", "ss", (ITEM_INTERFACE, name)), timeout=10
        )
        (value,) = unwrap_msg(reply)
        return value[1]


def test_the_tray_icon_is_a_status_notifier_item_that_opens_the_dashboard(
    sway: Compositor, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with private_bus(tmp_path) as bus:
        watcher = StandInWatcher(bus)
        try:
            with tray_app(sway, bus, data_dir) as app:
                def registered() -> bool:
                    assert app.poll() is None, stderr_of(data_dir)
                    return bool(watcher.registered)

                wait_until(registered, timeout=40, what="the tray icon's registration")
                sender, service = watcher.registered[0]
                # Qt names the item's own service, or registers the connection's name.
                owner = service if service.startswith(":") else sender
                assert item_property(bus, owner, "Status") == "Active"
                tooltip = item_property(bus, owner, "ToolTip")  # (icon, pixmaps, title, text)
                assert "Today:" in f"{tooltip[2]} {tooltip[3]}", tooltip
                assert not dashboard_shown(sway)  # the window stays closed
                with open_dbus_connection(bus=bus) as conn:
                    item = DBusAddress(ITEM_PATH, bus_name=owner, interface=ITEM_INTERFACE)
                    conn.send(new_method_call(item, "Activate", "ii", (0, 0)))  # a click
                wait_until(lambda: dashboard_shown(sway), timeout=30,
                           what="the dashboard window on sway")
                assert app.poll() is None
        finally:
            watcher.close()
    assert "no system tray here" not in log_of(data_dir)
    assert "foreground=wlr-foreign-toplevel" in log_of(data_dir)  # tracking natively


def test_without_a_status_notifier_watcher_the_window_opens_instead(
    sway: Compositor, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with private_bus(tmp_path) as bus, tray_app(sway, bus, data_dir) as app:
        def window_shown() -> bool:
            assert app.poll() is None, stderr_of(data_dir)
            return dashboard_shown(sway)

        wait_until(window_shown, timeout=40, what="the dashboard window on sway")
    assert "no system tray here: opening the window instead" in log_of(data_dir)
