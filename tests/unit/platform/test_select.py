from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.platform.select import (
    CANDIDATES,
    Candidate,
    SelectContext,
    describe_session,
    diagnose,
    select_platform,
)

from .os_fakes import FakeCocoa, FakeWin32

ANY_OS = ("",)  # every sys.platform starts with ""


class Recorder:
    def __init__(self) -> None:
        self.built: list[FakeProbe] = []

    def ok(self, ctx: SelectContext) -> tuple[FakeProbe, FakeProbe]:
        probe = FakeProbe.from_script([(0, WindowInfo("xterm", "XTerm"))], FakeClock())
        self.built.append(probe)
        return probe, probe


def broken(reason: str, fix: str | None) -> Candidate:
    def build(ctx: SelectContext) -> tuple[FakeProbe, FakeProbe]:
        raise Unavailable(reason, hint=fix)

    return Candidate(reason.split()[0], ANY_OS, build)


def test_fake_selects_the_demo_platform(clock: FakeClock) -> None:
    platform = select_platform(fake=True, clock=clock)
    assert isinstance(platform, ScriptedPlatform)
    assert platform.foreground.active_window() is not None


def test_first_working_candidate_wins_and_every_try_is_recorded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rec = Recorder()
    later = Recorder()
    candidates = [
        broken("alpha is missing", "install alpha"),
        Candidate("beta", ANY_OS, rec.ok),
        Candidate("gamma", ANY_OS, later.ok),
    ]
    with caplog.at_level(logging.INFO, logger="wellbeing.platform"):
        platform = select_platform(env={}, candidates=candidates)
    assert platform.foreground is rec.built[0]
    assert later.built == []  # not tried once beta worked
    names = [(c.name, c.ok) for c in platform.tried]
    assert names[:2] == [("alpha foreground", False), ("beta foreground", True)]
    assert platform.tried[0].fix == "install alpha"
    assert platform.tried[-1].name == "lock screen"  # the session probe is checked too
    assert "foreground=fake" in caplog.text
    platform.close()


def test_candidates_for_other_systems_are_skipped() -> None:
    rec = Recorder()
    candidates = [Candidate("amiga", ("amigaos",), rec.ok)]
    with pytest.raises(Unavailable, match="no backend exists"):
        select_platform(env={}, candidates=candidates)
    assert rec.built == []


def test_nothing_works_lists_every_reason_and_the_first_fix() -> None:
    candidates = [broken("alpha is missing", None), broken("beta refused", "enable beta")]
    with pytest.raises(Unavailable) as info:
        select_platform(env={}, candidates=candidates)
    assert "alpha foreground: alpha is missing" in info.value.message
    assert "beta foreground: beta refused" in info.value.message
    assert info.value.hint == "enable beta"


def test_x11_without_display_says_so() -> None:
    with pytest.raises(Unavailable) as info:
        select_platform(env={}, candidates=CANDIDATES)
    assert "DISPLAY is not set" in info.value.message


WAYLAND = {"WAYLAND_DISPLAY": "wayland-1", "XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}


def test_on_wayland_xwayland_backends_come_last_and_say_what_they_miss(
    caplog: pytest.LogCaptureFixture,
) -> None:
    x11 = Recorder()
    candidates = [Candidate("x11", ANY_OS, x11.ok, xwayland=True), broken("wl refused", "fix wl")]
    with caplog.at_level(logging.INFO, logger="wellbeing.platform"):
        platform = select_platform(env=WAYLAND, candidates=candidates)
    tried = [(c.name, c.ok) for c in platform.tried[:2]]
    assert tried == [("wl foreground", False), ("x11 foreground", True)]
    assert "only XWayland windows" in platform.tried[1].detail
    assert "platform x11: on this Wayland session it sees only XWayland" in caplog.text
    assert "session: wayland session" in caplog.text
    platform.close()


def test_on_x11_the_order_is_kept() -> None:
    x11 = Recorder()
    candidates = [Candidate("x11", ANY_OS, x11.ok, xwayland=True), broken("wl refused", None)]
    platform = select_platform(env={"DISPLAY": ":0"}, candidates=candidates)
    assert [c.name for c in platform.tried[:1]] == ["x11 foreground"]
    assert "XWayland" not in platform.tried[0].detail
    platform.close()


def test_a_forced_backend_is_the_only_one_tried() -> None:
    first, forced = Recorder(), Recorder()
    candidates = [Candidate("one", ANY_OS, first.ok), Candidate("two", ANY_OS, forced.ok)]
    platform = select_platform(env={}, candidates=candidates, backend="two")
    assert first.built == []
    assert platform.foreground is forced.built[0]
    platform.close()


def test_a_forced_backend_that_fails_is_an_error_with_its_reason() -> None:
    fallback = Recorder()
    candidates = [broken("wl refused", "enable wl"), Candidate("x11", ANY_OS, fallback.ok)]
    with pytest.raises(Unavailable) as info:
        select_platform(env=WAYLAND, candidates=candidates, backend="wl")
    assert 'platform.backend = "wl"' in info.value.message
    assert "wl refused" in info.value.message
    assert info.value.hint is not None
    assert info.value.hint.startswith("enable wl")
    assert fallback.built == []  # no quiet fallback when the user chose


def test_a_forced_backend_that_does_not_exist_names_the_known_ones() -> None:
    candidates = [Candidate("one", ANY_OS, Recorder().ok)]
    with pytest.raises(Unavailable, match=r"names no backend \(known: auto, one\)"):
        select_platform(env={}, candidates=candidates, backend="nope")


def test_wlroots_outside_wayland_says_so() -> None:
    (wlroots,) = [c for c in CANDIDATES if c.name == "wlroots"]
    with pytest.raises(Unavailable, match="WAYLAND_DISPLAY is not set"):
        select_platform(env={}, candidates=[wlroots])


def test_wlroots_with_no_compositor_at_the_socket(tmp_path: Path) -> None:
    (wlroots,) = [c for c in CANDIDATES if c.name == "wlroots"]
    pytest.importorskip("pywayland")
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    with pytest.raises(Unavailable, match="cannot connect to the Wayland compositor at .*-9"):
        select_platform(env=env, candidates=[wlroots])


def test_wlroots_without_pywayland_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    (wlroots,) = [c for c in CANDIDATES if c.name == "wlroots"]
    monkeypatch.setitem(sys.modules, "pywayland.client.display", None)  # import fails
    env = {"WAYLAND_DISPLAY": "/nonexistent/wayland-0"}
    with pytest.raises(Unavailable, match="pywayland is not installed") as info:
        select_platform(env=env, candidates=[wlroots])
    assert info.value.hint is not None
    assert "wellbeing[wayland]" in info.value.hint


def test_describe_session() -> None:
    assert describe_session(WAYLAND) == "wayland session, WAYLAND_DISPLAY=wayland-1, DISPLAY=:0"
    assert describe_session({"DISPLAY": ":1"}) == "x11 session, DISPLAY=:1"
    assert describe_session({}) == "no graphical session"


def test_x11_on_a_display_that_does_not_exist() -> None:
    with pytest.raises(Unavailable, match="cannot connect to the X server on :987"):
        select_platform(env={"DISPLAY": ":987"}, candidates=CANDIDATES)


def test_diagnose_tries_every_backend_and_closes_what_it_opened() -> None:
    first, second = Recorder(), Recorder()
    candidates = [
        Candidate("one", ANY_OS, first.ok),
        broken("two is missing", "install two"),
        Candidate("three", ANY_OS, second.ok),
    ]
    checks = diagnose(env={}, candidates=candidates)
    names = [c.name for c in checks]
    assert names[:5] == [
        "session",
        "one foreground",
        "two foreground",
        "three foreground",
        "backend chosen",
    ]
    assert checks[4].ok
    assert checks[4].detail == "one (automatically)"
    assert {"lock screen", "system tray"} <= set(names)
    assert first.built[0].closed
    assert second.built[0].closed
    tray = next(c for c in checks if c.name == "system tray")
    assert "GUI" in tray.detail


def test_diagnose_on_an_unsupported_system_says_so() -> None:
    checks = diagnose(env={}, candidates=[Candidate("amiga", ("amigaos",), Recorder().ok)])
    assert checks[1].name == "platform"
    assert not checks[1].ok


# -- backends that bring their own lock probe and doctor lines (Windows, macOS) -----------


def test_windows_and_macos_are_tried_only_on_their_own_system() -> None:
    systems = {c.name: c.systems for c in CANDIDATES}
    assert systems["windows"] == ("win32",)
    assert systems["macos"] == ("darwin",)
    on_linux = [c.name for c in CANDIDATES if "linux".startswith(c.systems)]
    assert "windows" not in on_linux
    assert "macos" not in on_linux


@pytest.mark.parametrize("name", ["windows", "macos"])
def test_windows_and_macos_builders_refuse_this_system_with_a_reason(name: str) -> None:
    if sys.platform.startswith(("win32", "darwin")):
        pytest.skip("checks the other systems")
    build = next(c.build for c in CANDIDATES if c.name == name)
    with pytest.raises(Unavailable, match="Windows|macOS"):
        build(SelectContext(env={}))


def _windows_candidate() -> Candidate:
    from wellbeing.platform.windows import WindowsIdleProbe, WindowsProbe

    def build(ctx: SelectContext) -> tuple[WindowsProbe, WindowsIdleProbe]:
        win = FakeWin32()
        return WindowsProbe(win), WindowsIdleProbe(win)

    return Candidate("windows", ANY_OS, build)


def test_a_backend_s_own_lock_probe_replaces_logind() -> None:
    from wellbeing.platform.windows import WM_WTSSESSION_CHANGE, WindowsSession

    platform = select_platform(env={}, candidates=[_windows_candidate()])
    assert isinstance(platform.session, WindowsSession)
    lock = platform.tried[-1]
    assert (lock.name, lock.ok) == ("lock screen", True)
    assert "windows-wts" in lock.detail
    platform.session.feed_message(WM_WTSSESSION_CHANGE, 0x7)
    assert platform.session.is_locked()
    platform.close()


def test_diagnose_adds_a_backend_s_own_lines() -> None:
    from wellbeing.platform.macos import MacIdleProbe, MacProbe

    mac = FakeCocoa(trusted=False)

    def build(ctx: SelectContext) -> tuple[MacProbe, MacIdleProbe]:
        return MacProbe(mac), MacIdleProbe(mac)

    checks = diagnose(env={}, candidates=[Candidate("macos", ANY_OS, build)])
    names = [c.name for c in checks]
    assert names[1:3] == ["macos foreground", "macos window titles"]
    titles = checks[2]
    assert not titles.ok
    assert titles.fix is not None
    assert "Accessibility" in titles.fix
    lock = next(c for c in checks if c.name == "lock screen")
    assert lock.ok
    assert "macos-notifications" in lock.detail
    assert mac.closed



def test_diagnose_with_a_forced_backend_that_fails_says_so_and_uses_no_other() -> None:
    works = Recorder()
    candidates = [Candidate("x11", ANY_OS, works.ok, xwayland=True), broken("wl refused", "fix wl")]
    checks = diagnose(env=WAYLAND, candidates=candidates, backend="wl")
    by_name = {c.name: c for c in checks}
    assert not by_name["wl foreground"].ok
    assert not by_name["x11 foreground"].ok  # it would work, but the user forced wl
    assert "not used: platform.backend = 'wl'" in by_name["x11 foreground"].detail
    chosen = by_name["backend chosen"]
    assert not chosen.ok
    assert "wl refused" in chosen.detail
    assert by_name["session"].detail.startswith("wayland session")
