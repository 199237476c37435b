"""Notifications through the real dunst on the test bus, and through a fake server for buttons.

dunst keeps a notification in its history once it is closed, so each test
closes what it showed (``dunstctl close-all``) and reads the history back.
dunst can press only a notice's "default" button without a menu program, so
named buttons and a server that hangs are tested against
:class:`~tests.integration.fake_notifications.FakeNotifications` on a private
bus of the test's own.
"""

from __future__ import annotations

import queue
import socket
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.integration.dbus_helpers import (
    dunst_count,
    dunst_history,
    dunstctl,
    private_bus,
    start_bus,
)
from tests.integration.fake_notifications import NOTIFICATIONS, FakeNotifications
from wellbeing import resources
from wellbeing.errors import Unavailable
from wellbeing.platform.notify_dbus import DISMISSED, DbusNotifier
from wellbeing.services.limit_ports import Notice
from wellbeing.services.notifier import (
    FakeNotifier,
    build_notifiers,
    candidates,
    notification_check,
)

pytestmark = pytest.mark.dbus

LIVENESS_S = 30.0
"""Longest a signal may take to reach the handler before the test gives up."""

Pressed = queue.Queue[tuple[str, str]]
ICON = str(resources.path_of("icons/wellbeing.svg"))


def unique(word: str) -> str:
    """A summary no other test (or earlier run against the same dunst) uses."""
    return f"{word} {uuid.uuid4().hex[:8]}"


def in_history(summary: str) -> list[dict[str, object]]:
    return [entry for entry in dunst_history() if entry["summary"] == summary]


@pytest.fixture
def notifier(notification_bus: str) -> Iterator[DbusNotifier]:
    n = DbusNotifier(bus=notification_bus, icon=ICON)
    try:
        yield n
    finally:
        n.close()
        dunstctl("close-all")


@pytest.fixture
def pressed(notifier: DbusNotifier) -> Pressed:
    q: Pressed = queue.Queue()
    notifier.set_action_handler(lambda key, action: q.put((key, action)))
    return q


@pytest.fixture
def fake_bus(tmp_path: Path) -> Iterator[str]:
    with private_bus(tmp_path) as address:
        yield address


def test_a_notice_arrives_at_dunst_as_wellbeing(notifier: DbusNotifier) -> None:
    summary = unique("5 minutes left")
    assert notifier.server.name == "dunst"
    assert "actions" in notifier.server.capabilities
    assert notifier.notify(Notice("limit:xterm", summary, "xterm: 25 of 30 minutes <today> & more"))
    dunstctl("close-all")
    (entry,) = in_history(summary)
    assert entry["appname"] == "Wellbeing"
    assert entry["body"] == "xterm: 25 of 30 minutes &lt;today&gt; &amp; more"  # markup escaped
    assert entry["icon_path"] == ICON


def test_urgency_reaches_dunst(notifier: DbusNotifier) -> None:
    calm, urgent = unique("calm"), unique("urgent")
    assert notifier.notify(Notice("a", calm, "normal urgency"))
    assert notifier.notify(Notice("b", urgent, "critical urgency", urgency="critical"))
    dunstctl("close-all")
    # dunst's defaults: a normal notice expires after 10 s, a critical one never does.
    assert in_history(calm)[0]["timeout"] != 0
    assert in_history(urgent)[0]["timeout"] == 0


def test_a_warning_becomes_the_reached_notice_in_place(notifier: DbusNotifier) -> None:
    warning, reached, other = unique("5 minutes left"), unique("Time's up"), unique("other")
    assert notifier.notify(Notice("limit:xterm", warning, "25 of 30 minutes"))
    shown = dunst_count("displayed")
    assert notifier.notify(Notice("limit:xterm", reached, "30 of 30 minutes"))
    assert dunst_count("displayed") == shown  # replaced, not added
    assert notifier.notify(Notice("limit:firefox", other, "another limit"))
    dunstctl("close-all")
    assert len(in_history(reached)) == 1
    assert in_history(warning) == []
    assert len(in_history(other)) == 1
    assert in_history(reached)[0]["id"] != in_history(other)[0]["id"]


def test_buttons_are_offered_and_the_default_one_reaches_the_handler(
    notifier: DbusNotifier, pressed: Pressed
) -> None:
    buttons = (("default", "Open"), ("snooze", "15 more minutes"))
    offered = unique("offered")
    assert notifier.notify(Notice("limit:firefox", offered, "30 of 30 minutes", actions=buttons))
    dunstctl("close-all")
    assert in_history(offered)[0]["default_action_name"] == "default"
    assert pressed.get(timeout=LIVENESS_S) == ("limit:firefox", DISMISSED)
    assert notifier.notify(Notice("limit:xterm", unique("Time's up"), "30 of 30", actions=buttons))
    dunstctl("action", "0")  # dunst presses the default button of the first notice
    assert pressed.get(timeout=LIVENESS_S) == ("limit:xterm", "default")


def test_closing_a_notice_by_hand_is_a_dismissal(notifier: DbusNotifier, pressed: Pressed) -> None:
    assert notifier.notify(Notice("limit:xterm", unique("warning"), "25 of 30 minutes"))
    dunstctl("close-all")
    assert pressed.get(timeout=LIVENESS_S) == ("limit:xterm", DISMISSED)
    # Closed: the next notice with that key is a new one, not a replacement.
    again = unique("again")
    assert notifier.notify(Notice("limit:xterm", again, "still over"))
    dunstctl("close-all")
    assert len(in_history(again)) == 1


def test_doctor_names_dunst(notification_bus: str) -> None:
    check = notification_check({"DBUS_SESSION_BUS_ADDRESS": notification_bus})
    assert check.ok
    assert check.detail.startswith("freedesktop D-Bus (dunst")


# -- a fake server: named buttons only to their sender, no buttons, hangs, none at all ---------


def test_a_named_button_sent_only_to_our_connection_reaches_the_handler(fake_bus: str) -> None:
    with FakeNotifications(fake_bus) as server:
        n = DbusNotifier(bus=fake_bus)
        try:
            got: Pressed = queue.Queue()
            n.set_action_handler(lambda key, action: got.put((key, action)))
            notice = Notice("limit:x", "Time's up", "body", actions=(("snooze", "15 more"),))
            assert n.notify(notice)
            shown = server.last()
            assert shown.actions == ["snooze", "15 more"]
            assert shown.hints["urgency"] == ("y", 1)
            assert shown.app_name == "Wellbeing"
            server.invoke(shown.id, "snooze")
            server.close_notification(shown.id, 2)  # servers close a notice after its button
            server.invoke(999, "snooze")  # another app's notice
            assert got.get(timeout=LIVENESS_S) == ("limit:x", "snooze")
            assert n.notify(Notice("limit:y", "marker", "body"))  # signals before it are handled
            server.close_notification(server.last().id, 2)
            assert got.get(timeout=LIVENESS_S) == ("limit:y", DISMISSED)
            assert got.empty()  # no "dismissed" after the button, nothing for the other app
        finally:
            n.close()


def test_a_button_press_from_anyone_but_the_server_is_ignored(fake_bus: str) -> None:
    from jeepney import DBusAddress, HeaderFields, new_signal
    from jeepney.io.blocking import open_dbus_connection

    with FakeNotifications(fake_bus) as server:
        n = DbusNotifier(bus=fake_bus)
        impostor = open_dbus_connection(bus=fake_bus)
        try:
            got: Pressed = queue.Queue()
            n.set_action_handler(lambda key, action: got.put((key, action)))
            assert n.notify(Notice("limit:x", "Time's up", "b", actions=(("ignore", "Ignore"),)))
            shown = server.last()
            forged = new_signal(
                DBusAddress("/org/freedesktop/Notifications", interface=NOTIFICATIONS),
                "ActionInvoked",
                "us",
                (shown.id, "ignore"),
            )
            forged.header.fields[HeaderFields.destination] = shown.sender
            impostor.send(forged)
            server.close_notification(shown.id, 2)  # the server's own signal comes after it
            assert got.get(timeout=LIVENESS_S) == ("limit:x", DISMISSED)
            assert got.empty()
        finally:
            impostor.close()
            n.close()


def test_a_handler_that_raises_does_not_stop_the_listener(fake_bus: str) -> None:
    with FakeNotifications(fake_bus) as server:
        n = DbusNotifier(bus=fake_bus)
        try:
            got: Pressed = queue.Queue()

            def handler(key: str, action: str) -> None:
                got.put((key, action))
                if action == "first":
                    raise RuntimeError("a bug in the handler")

            n.set_action_handler(handler)
            assert n.notify(Notice("k", "t", "b", actions=(("first", "1"), ("second", "2"))))
            server.invoke(server.last().id, "first")
            server.invoke(server.last().id, "second")
            assert got.get(timeout=LIVENESS_S) == ("k", "first")
            assert got.get(timeout=LIVENESS_S) == ("k", "second")
        finally:
            n.close()


def test_no_buttons_are_sent_to_a_server_without_actions(fake_bus: str) -> None:
    with FakeNotifications(fake_bus, capabilities=("body",)) as server:
        n = DbusNotifier(bus=fake_bus)
        try:
            assert n.notify(Notice("k", "t", "a < b", actions=(("snooze", "15 more minutes"),)))
            assert server.last().actions == []
            assert server.last().body == "a < b"  # no body-markup: sent as it is
        finally:
            n.close()


def test_a_server_that_never_answers_makes_notify_return_false(fake_bus: str) -> None:
    with FakeNotifications(fake_bus, hang=True):
        n = DbusNotifier(bus=fake_bus, timeout=0.5)
        try:
            assert n.notify(Notice("k", "t", "b")) is False
            assert n.notify(Notice("k", "t", "b")) is False
        finally:
            n.close()


def test_a_bus_without_a_server_is_unavailable_and_the_chain_falls_back(fake_bus: str) -> None:
    with pytest.raises(Unavailable, match="no notification server"):
        DbusNotifier(bus=fake_bus)
    env = {"DBUS_SESSION_BUS_ADDRESS": fake_bus}
    banner = FakeNotifier("dashboard banner")
    chain = build_notifiers((banner,), env=env, factories=candidates("linux"))
    try:
        assert [n.name for n in chain.notifiers] == ["dashboard banner", "log"]
        assert {u.name for u in chain.unreachable} == {"freedesktop D-Bus", "plyer"}
        assert chain.deliver(Notice("k", "Time's up", "b")) == "dashboard banner"
        banner.delivers = False
        assert chain.deliver(Notice("k", "Time's up", "b")) == "log"
    finally:
        chain.close()
    check = notification_check(env, candidates("linux"))
    assert not check.ok
    assert "no notification server on the session bus" in check.detail


def test_a_server_that_goes_away_makes_notify_false_not_an_error(fake_bus: str) -> None:
    server = FakeNotifications(fake_bus)
    n = DbusNotifier(bus=fake_bus)
    try:
        assert n.notify(Notice("k", "t", "b"))
        server.stop()
        assert n.notify(Notice("k", "t", "b")) is False
    finally:
        n.close()
        server.stop()


def test_the_bus_closing_during_a_call_makes_notify_false_not_an_error(
    tmp_path: Path,
) -> None:
    """The race, made to happen every time: the connection closes while the Notify call
    waits for its reply. The receiver ends, the waiting call fails as a lost connection
    (``platform.dbus_router``), and the notifier says False instead of raising."""
    address, bus = start_bus(tmp_path)
    try:
        server = FakeNotifications(address)
        n = DbusNotifier(bus=address)
        assert n.notify(Notice("k", "t", "b"))
        conn: Any = n._router._conn  # noqa: SLF001 - the race is inside the router
        sent = conn.send

        def send_then_close(msg: Any, serial: int | None = None) -> None:
            sent(msg, serial=serial)
            conn.sock.shutdown(socket.SHUT_RDWR)  # what the bus going away does

        conn.send = send_then_close
        assert n.notify(Notice("k", "t", "b")) is False
        assert n.notify(Notice("k", "t", "b")) is False  # and every call after it
        conn.send = sent
        n.close()
        server.stop()
    finally:
        bus.kill()
        bus.wait(10)


def test_losing_the_bus_makes_notify_false_not_an_error(tmp_path: Path) -> None:
    address, bus = start_bus(tmp_path)
    try:
        server = FakeNotifications(address)
        n = DbusNotifier(bus=address)
        assert n.notify(Notice("k", "t", "b"))
        bus.terminate()  # the session ends under us
        bus.wait(10)
        assert n.notify(Notice("k", "t", "b")) is False
        assert n.notify(Notice("k", "t", "b")) is False
        n.close()
        server.stop()
    finally:
        if bus.poll() is None:
            bus.kill()
            bus.wait(10)


def test_plyer_reaches_dunst_too(notification_bus: str) -> None:
    from wellbeing.platform.notify_plyer import PlyerNotifier

    notifier = PlyerNotifier(icon=ICON, env={"DBUS_SESSION_BUS_ADDRESS": notification_bus})
    summary = unique("through plyer")
    try:
        assert notifier.notify(Notice("k", summary, "no buttons, no replacement"))
        deadline = time.monotonic() + LIVENESS_S
        while not dunst_count("displayed") and time.monotonic() < deadline:
            time.sleep(0.01)  # notify-send may still be on its way
        dunstctl("close-all")
        (entry,) = in_history(summary)
        assert entry["appname"] == "Wellbeing"
        assert entry["body"] == "no buttons, no replacement"
    finally:
        notifier.close()
