from __future__ import annotations

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import DEMO_PERIOD, FakeProbe, ScriptedPlatform, Step, demo_script

FIREFOX = WindowInfo("firefox", "Firefox", "Instagram • Photos")
XTERM = WindowInfo("xterm", "XTerm", "vim")


def test_script_steps_hold_until_the_next(clock: FakeClock) -> None:
    probe = FakeProbe.from_script([(0, FIREFOX), (30, None), (45, XTERM, None, True)], clock)
    assert probe.active_window() == FIREFOX
    clock.advance(29.9)
    assert probe.active_window() == FIREFOX
    clock.advance(0.1)
    assert probe.active_window() is None
    assert not probe.is_locked()
    clock.advance(15)
    assert probe.active_window() == XTERM
    assert probe.is_locked()
    assert probe.samples == 4


def test_times_are_relative_to_creation(clock: FakeClock) -> None:
    clock.advance(1000)
    probe = FakeProbe.from_script([(5, FIREFOX)], clock)
    assert probe.active_window() is None  # before the first step: no app
    clock.advance(5)
    assert probe.active_window() == FIREFOX


def test_idle_is_zero_while_busy_and_grows_from_a_given_start(clock: FakeClock) -> None:
    probe = FakeProbe.from_script([(0, FIREFOX), (10, FIREFOX, 100.0), (20, XTERM, None)], clock)
    clock.advance(5)
    assert probe.idle_seconds() == 0.0
    clock.advance(5)
    assert probe.idle_seconds() == 100.0
    clock.advance(4)
    assert probe.idle_seconds() == pytest.approx(104.0)
    clock.advance(6)
    assert probe.idle_seconds() == 0.0


def test_idle_does_not_advance_with_a_suspend_of_the_monotonic_clock(clock: FakeClock) -> None:
    probe = FakeProbe.from_script([(0, FIREFOX, 0.0)], clock)
    clock.suspend(3600)
    clock.step_wall(-50)
    assert probe.idle_seconds() == 0.0


def test_wait_for_change_advances_a_fake_clock_to_the_next_step(clock: FakeClock) -> None:
    probe = FakeProbe.from_script([(0, FIREFOX), (2.5, XTERM)], clock)
    start = clock.monotonic
    assert probe.wait_for_change(1.0) is False
    assert clock.monotonic == start + 1.0
    assert probe.wait_for_change(5.0) is True
    assert clock.monotonic == start + 2.5
    assert probe.active_window() == XTERM
    assert probe.wait_for_change(3.0) is False  # script over: nothing more changes


def test_wait_for_change_uses_an_injected_sleep(clock: FakeClock) -> None:
    slept: list[float] = []
    probe = FakeProbe.from_script([(0, FIREFOX), (2, XTERM)], clock, sleep=slept.append)
    assert probe.wait_for_change(5.0) is True
    assert probe.wait_for_change(0.5) is False  # the clock did not move: the step is 2 s away
    assert slept == [2.0, 0.5]


def test_looping_script_repeats(clock: FakeClock) -> None:
    probe = FakeProbe.from_script([(0, FIREFOX), (10, XTERM)], clock, loop_after=20)
    clock.advance(25)
    assert probe.active_window() == FIREFOX
    clock.advance(10)
    assert probe.active_window() == XTERM
    assert probe.wait_for_change(10) is True  # wraps around to step 0
    assert probe.active_window() == FIREFOX


def test_bad_scripts_are_refused(clock: FakeClock) -> None:
    with pytest.raises(ValueError, match="time order"):
        FakeProbe.from_script([(10, FIREFOX), (5, XTERM)], clock)
    with pytest.raises(TypeError, match="script step"):
        FakeProbe.from_script(["firefox"], clock)
    with pytest.raises(ValueError, match="loop_after"):
        FakeProbe([], clock, loop_after=0)


def test_append_extends_a_running_script(clock: FakeClock) -> None:
    probe = FakeProbe([], clock)
    assert probe.active_window() is None
    probe.append(Step(1, XTERM))
    clock.advance(1)
    assert probe.active_window() == XTERM


def test_scripted_platform_uses_one_probe_for_all_parts(clock: FakeClock) -> None:
    platform = ScriptedPlatform.from_script([(0, FIREFOX, None, True)], clock)
    assert platform.foreground is platform.probe
    assert platform.idle is platform.probe
    assert platform.session is platform.probe
    assert platform.session.is_locked()
    assert [c.ok for c in platform.tried] == [True]
    platform.close()
    assert platform.probe.closed


def test_demo_script_is_a_plausible_endless_rotation(clock: FakeClock) -> None:
    steps = demo_script()
    times = [s.at for s in steps]
    assert times == sorted(times)
    assert times[0] == 0
    assert times[-1] < DEMO_PERIOD
    assert any(s.focus is None for s in steps)
    assert any(s.locked for s in steps)
    assert any(s.idle is not None for s in steps)
    assert len({s.focus.app_key for s in steps if s.focus}) >= 4
    platform = ScriptedPlatform.demo(clock)
    seen = set()
    for _ in range(3 * len(steps)):
        window = platform.foreground.active_window()
        seen.add(window.app_key if window else None)
        assert platform.foreground.wait_for_change(DEMO_PERIOD) is True
    assert seen == {s.focus.app_key if s.focus else None for s in steps}


def test_the_fake_window_actions_record_what_was_asked(clock: FakeClock) -> None:
    from wellbeing.platform.fake import FakeWindowActions

    xterm = WindowInfo("xterm", "XTerm", "vim", handle=0x400001)
    probe = FakeProbe.from_script([(0, xterm)], clock)
    actions = probe.window_actions()
    assert actions is probe.window_actions()
    assert actions.request_close(xterm) is True
    assert actions.minimise(xterm) is True
    assert actions.calls == [("close", xterm), ("minimise", xterm)]
    assert actions.closed == [xterm]
    assert actions.minimised == [xterm]
    refusing = FakeWindowActions(can_act=False)
    assert refusing.request_close(xterm) is False
    assert refusing.closed == [xterm]
