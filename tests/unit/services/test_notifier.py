"""The notifier chain: order, fallback, a path that raises, action handlers, doctor's line."""

from __future__ import annotations

import logging
from collections.abc import Mapping

import pytest

from wellbeing.errors import Unavailable
from wellbeing.services.limit_ports import Notice, Notifier
from wellbeing.services.notifier import (
    DISMISSED,
    FakeNotifier,
    LogNotifier,
    NotifierChain,
    build_notifiers,
    candidates,
    notification_check,
)

WARN = Notice("limit:instagram.com", "5 minutes left", "Instagram: 25 of 30 minutes")
REACHED = Notice(
    "limit:instagram.com",
    "Time's up",
    "Instagram: 30 of 30 minutes",
    actions=(("snooze", "15 more minutes"),),
)


class Raising:
    name = "raising"

    def __init__(self) -> None:
        self.calls = 0

    def notify(self, notice: Notice) -> bool:
        self.calls += 1
        raise RuntimeError("a bug in this path")

    def close(self) -> None:
        raise RuntimeError("closing fails too")


def unavailable(reason: str, hint: str | None = None):  # type: ignore[no-untyped-def]
    def build(env: Mapping[str, str]) -> Notifier:
        raise Unavailable(reason, hint=hint)

    return build


def test_the_first_path_that_delivers_wins_and_is_named() -> None:
    first, second = FakeNotifier("first"), FakeNotifier("second")
    chain = NotifierChain([first, second, LogNotifier()])
    assert chain.deliver(WARN) == "first"
    assert first.notices == [WARN]
    assert second.notices == []


def test_a_path_that_does_not_deliver_falls_through_and_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    down, up = FakeNotifier("down", delivers=False), FakeNotifier("up")
    chain = NotifierChain([down, up, LogNotifier()])
    with caplog.at_level(logging.INFO, logger="wellbeing.notify"):
        assert chain.deliver(WARN) == "up"
        assert chain.deliver(REACHED) == "up"
        assert up.notices == [WARN, REACHED]
        assert sum("down did not deliver" in r.message for r in caplog.records) == 1
        down.delivers = True
        assert chain.deliver(WARN) == "down"  # tried again every time, and now works
    assert any("down works again" in r.message for r in caplog.records)


def test_a_path_that_raises_is_logged_once_and_skipped_from_then_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    raising, fake = Raising(), FakeNotifier()
    chain = NotifierChain([raising, fake, LogNotifier()])
    with caplog.at_level(logging.ERROR, logger="wellbeing.notify"):
        for _ in range(3):
            assert chain.notify(WARN) is True
    assert raising.calls == 1
    assert len(fake.notices) == 3
    assert sum("raising failed" in r.message for r in caplog.records) == 1
    chain.close()  # a failing close is logged, the others still close
    assert fake.closed


def test_the_log_takes_what_nothing_else_does(caplog: pytest.LogCaptureFixture) -> None:
    chain = NotifierChain([FakeNotifier(delivers=False), LogNotifier()])
    with caplog.at_level(logging.INFO, logger="wellbeing.notify"):
        assert chain.deliver(WARN) == "log"
    assert any("5 minutes left" in r.message for r in caplog.records)


def test_no_path_at_all_delivers_nothing() -> None:
    assert NotifierChain([FakeNotifier(delivers=False)]).deliver(WARN) is None


def test_the_action_handler_reaches_every_path_with_buttons() -> None:
    fake = FakeNotifier()
    chain = NotifierChain([Raising(), fake, LogNotifier()])
    pressed: list[tuple[str, str]] = []
    chain.set_action_handler(lambda key, action: pressed.append((key, action)))
    chain.notify(REACHED)
    fake.fire(REACHED.key, "snooze")
    assert pressed == [("limit:instagram.com", "snooze")]


def test_the_fake_replaces_by_key_and_refuses_buttons_it_does_not_have() -> None:
    fake = FakeNotifier()
    fake.notify(WARN)
    fake.notify(REACHED)
    assert fake.shown == {WARN.key: REACHED}
    with pytest.raises(ValueError, match="no button"):
        fake.fire(WARN.key, "ignore")
    fake.fire(WARN.key, DISMISSED)
    assert fake.shown == {}
    with pytest.raises(KeyError):
        fake.fire(WARN.key, "snooze")


def test_build_puts_the_ui_paths_after_the_system_ones_and_the_log_last() -> None:
    tray, banner = FakeNotifier("tray balloon"), FakeNotifier("dashboard banner")
    system = FakeNotifier("system")
    chain = build_notifiers(
        (tray, banner),
        env={},
        factories=[("broken", unavailable("no server", "install dunst")), ("ok", lambda e: system)],
    )
    names = [n.name for n in chain.notifiers]
    assert names == ["system", "tray balloon", "dashboard banner", "log"]
    assert [(u.name, u.reason, u.fix) for u in chain.unreachable] == [
        ("broken", "no server", "install dunst")
    ]


def test_on_demand_a_fallback_is_built_when_the_first_path_fails_and_only_once() -> None:
    first = FakeNotifier("system", delivers=False)
    fallback = FakeNotifier("fallback")
    built: list[None] = []

    def build_fallback(_env: Mapping[str, str]) -> Notifier:
        built.append(None)
        return fallback

    pressed: list[tuple[str, str]] = []
    chain = build_notifiers(
        env={},
        factories=[("broken", unavailable("no server", None)), ("first", lambda e: first),
                   ("fallback", build_fallback), ("never", unavailable("not here", None))],
        on_demand=True,
    )
    chain.set_action_handler(lambda key, action: pressed.append((key, action)))
    assert [n.name for n in chain.notifiers] == ["system", "fallback", "never", "log"]
    assert built == []  # nothing built at start after the first path that works
    assert chain.deliver(WARN) == "fallback"
    assert chain.deliver(REACHED) == "fallback"
    assert built == [None]
    assert fallback.notices == [WARN, REACHED]
    fallback.fire(REACHED.key, "snooze")  # the handler given before it was built
    assert pressed == [(REACHED.key, "snooze")]
    fallback.delivers = False
    assert chain.deliver(WARN) == "log"  # "never" could not be built: not delivered
    chain.close()
    assert fallback.closed


def test_build_with_the_fake_platform_uses_a_fake() -> None:
    chain = build_notifiers(fake=True)
    assert [n.name for n in chain.notifiers] == ["fake", "log"]
    assert isinstance(chain.notifiers[0], FakeNotifier)


def test_paths_by_system() -> None:
    assert [name for name, _ in candidates("linux")] == ["freedesktop D-Bus", "plyer"]
    assert [name for name, _ in candidates("win32")] == ["plyer"]
    assert [name for name, _ in candidates("darwin")] == ["plyer"]
    assert candidates("amigaos") == []


def test_the_real_linux_paths_say_why_without_a_session_bus() -> None:
    check = notification_check({}, candidates("linux"))
    assert not check.ok
    assert check.detail.startswith("none works, notices only go to the log")
    assert "freedesktop D-Bus: no session D-Bus (DBUS_SESSION_BUS_ADDRESS" in check.detail
    assert "plyer: no session D-Bus" in check.detail
    assert check.fix is not None


def test_the_real_linux_paths_with_a_dead_bus_address() -> None:
    env = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/bus"}
    check = notification_check(env, candidates("linux"))
    assert not check.ok
    assert "cannot connect to the session D-Bus" in check.detail


def test_doctor_names_the_working_path_and_why_the_others_do_not() -> None:
    check = notification_check(
        {}, [("d-bus", unavailable("no server")), ("other", lambda e: FakeNotifier("other"))]
    )
    assert check.ok
    assert check.detail == "other; not available: d-bus: no server"
