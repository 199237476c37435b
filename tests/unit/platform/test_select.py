from __future__ import annotations

import logging
import sys

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.errors import Unavailable
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import FakeProbe, ScriptedPlatform
from wellbeing.platform.select import (
    CANDIDATES,
    Candidate,
    SelectContext,
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


def test_x11_refuses_wayland_sessions_even_with_xwayland() -> None:
    env = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    with pytest.raises(Unavailable) as info:
        select_platform(env=env, candidates=CANDIDATES)
    assert info.value.hint == "Wayland sessions are not supported yet: log in to an X11 session"


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
    assert names[:3] == ["one foreground", "two foreground", "three foreground"]
    assert {"lock screen", "system tray"} <= set(names)
    assert first.built[0].closed
    assert second.built[0].closed
    tray = next(c for c in checks if c.name == "system tray")
    assert "GUI" in tray.detail


def test_diagnose_on_an_unsupported_system_says_so() -> None:
    checks = diagnose(env={}, candidates=[Candidate("amiga", ("amigaos",), Recorder().ok)])
    assert checks[0].name == "platform"
    assert not checks[0].ok


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
    assert names[:2] == ["macos foreground", "macos window titles"]
    titles = checks[1]
    assert not titles.ok
    assert titles.fix is not None
    assert "Accessibility" in titles.fix
    lock = next(c for c in checks if c.name == "lock screen")
    assert lock.ok
    assert "macos-notifications" in lock.detail
    assert mac.closed
