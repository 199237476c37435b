"""X11Probe on a real X server: what it reads, when it wakes, and what its caches cost."""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.conftest import require_part
from tests.integration.xhelpers import (
    activate,
    has_net_wm_pid,
    have,
    press_key,
    private_xvfb,
    set_title,
    wait_until,
    x_client,
    xlib_display,
)
from wellbeing.errors import Unavailable
from wellbeing.platform import x11_identity
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.x11 import X11Probe
from wellbeing.platform.x11_idle import X11IdleProbe

pytestmark = pytest.mark.x11


@pytest.fixture
def probe(x_display: str) -> Iterator[X11Probe]:
    p = X11Probe(x_display)
    try:
        yield p
    finally:
        p.close()


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def focus_of(probe: X11Probe, pid: int) -> WindowInfo:
    """Sample until the probe reports the window of ``pid``."""
    return wait_until(
        probe.active_window,
        lambda w: w is not None and w.pid == pid,
        what=f"focus on pid {pid}",
    )  # type: ignore[return-value]


def settle(probe: X11Probe) -> None:
    """Consume pending change notifications until a short wait stays quiet."""
    for _ in range(50):
        probe.active_window()
        if not probe.wait_for_change(0.3):
            return
    raise AssertionError("wait_for_change never went quiet")


def test_xterm_is_seen_through_net_wm_pid(x_display: str, probe: X11Probe) -> None:
    title = unique("wb-xterm")
    with x_client(x_display, ["xterm", "-title", title]) as term:
        assert has_net_wm_pid(x_display, term.wid)
        activate(x_display, term.wid)
        info = focus_of(probe, term.pid)
    assert info.app_key == "xterm"
    assert info.title == title
    assert info.wm_class == ("xterm", "XTerm")
    assert info.exe == "xterm"
    assert info.app_name  # from xterm's .desktop file if installed, else "Xterm"


def test_xcalc_without_net_wm_pid_is_seen_through_xres(x_display: str, probe: X11Probe) -> None:
    require_part(have("xcalc"), "xcalc is not installed (x11-apps)")
    with x_client(x_display, ["xcalc"]) as calc:
        assert not has_net_wm_pid(x_display, calc.wid)  # so the pid can only come from XRes
        activate(x_display, calc.wid)
        info = focus_of(probe, calc.pid)
    assert info.app_key == "xcalc"
    assert info.wm_class == ("xcalc", "XCalc")
    assert info.title == "Calculator"


def test_switching_focus_between_two_apps(x_display: str, probe: X11Probe) -> None:
    require_part(have("xcalc"), "xcalc is not installed (x11-apps)")
    with (
        x_client(x_display, ["xterm", "-title", unique("wb-a")]) as term,
        x_client(x_display, ["xcalc"]) as calc,
    ):
        for client, key in [(term, "xterm"), (calc, "xcalc"), (term, "xterm")]:
            activate(x_display, client.wid)
            assert focus_of(probe, client.pid).app_key == key


def test_title_change_is_seen_and_wakes_wait_for_change(x_display: str, probe: X11Probe) -> None:
    with x_client(x_display, ["xterm", "-title", unique("wb-before")]) as term:
        activate(x_display, term.wid)
        focus_of(probe, term.pid)
        settle(probe)
        new_title = unique("wb-after • ünïcødé")
        set_title(x_display, term.wid, new_title)
        assert probe.wait_for_change(10.0) is True
        info = wait_until(probe.active_window, lambda w: w is not None and w.title == new_title)
    assert info is not None
    assert info.app_key == "xterm"


def test_wait_for_change_wakes_on_a_focus_switch_and_stays_quiet_otherwise(
    x_display: str, probe: X11Probe
) -> None:
    with (
        x_client(x_display, ["xterm", "-title", unique("wb-one")]) as one,
        x_client(x_display, ["xterm", "-title", unique("wb-two")]) as two,
    ):
        activate(x_display, one.wid)
        focus_of(probe, one.pid)
        settle(probe)
        assert probe.wait_for_change(0.2) is False  # nothing happened: a timeout, not a spin
        switcher = threading.Timer(0.3, activate, args=(x_display, two.wid))
        switcher.start()
        try:
            woke = probe.wait_for_change(10.0)  # an event wakes it well before the 10 s timeout
        finally:
            switcher.join()
        assert woke is True
        assert focus_of(probe, two.pid).title.startswith("wb-two")


def test_idle_grows_and_resets_on_input(x_display: str, probe: X11Probe) -> None:
    idle = X11IdleProbe(probe)
    press_key(x_display)
    start = wait_until(idle.idle_seconds, lambda s: s < 5.0, what="idle reset by a key")
    grown = wait_until(idle.idle_seconds, lambda s: s >= start + 0.5, what="idle growing")
    press_key(x_display)
    reset = wait_until(idle.idle_seconds, lambda s: s < grown, what="idle reset by a key")
    assert reset < grown


def test_window_gone_mid_read_gives_none_without_noise(
    x_display: str, probe: X11Probe, capfd: pytest.CaptureFixture[str]
) -> None:
    """The active-window property names a window that no longer exists: None, no stderr."""
    from Xlib import X, Xatom

    with xlib_display(x_display) as d:
        root = d.screen().root
        active = d.intern_atom("_NET_ACTIVE_WINDOW")
        dead = root.create_window(0, 0, 10, 10, 0, X.CopyFromParent)
        dead_id = dead.id
        dead.destroy()
        d.sync()
        saved = root.get_property(active, Xatom.WINDOW, 0, 1)
        root.change_property(active, Xatom.WINDOW, 32, [dead_id])
        d.sync()
        try:
            assert probe.active_window() is None
            assert probe.active_window() is None  # and again: no stale cache, no crash
            probe.wait_for_change(0.2)
        finally:
            root.change_property(active, Xatom.WINDOW, 32, list(saved.value) if saved else [0])
            d.sync()
    assert capfd.readouterr().err == ""


def test_focused_window_killed_between_samples_gives_none_or_the_next_window(
    x_display: str, probe: X11Probe, capfd: pytest.CaptureFixture[str]
) -> None:
    with x_client(x_display, ["xterm", "-title", unique("wb-doomed")]) as term:
        activate(x_display, term.wid)
        focus_of(probe, term.pid)
        term.kill(9)
        for _ in range(20):  # whatever the WM does meanwhile, each sample returns (no raise)
            probe.active_window()
            time.sleep(0.01)
        wait_until(probe.active_window, lambda w: w is None or w.pid != term.pid)
    assert "Error" not in capfd.readouterr().err


def test_steady_samples_cost_no_request(x_display: str, probe: X11Probe) -> None:
    """App, title and the active window are cached until an X event says they changed."""
    with x_client(x_display, ["xterm", "-title", unique("wb-steady")]) as term:
        activate(x_display, term.wid)
        focus_of(probe, term.pid)
        before = probe.requests
        for _ in range(100):
            probe.active_window()
        assert probe.requests - before == 0
        with x_client(x_display, ["xterm", "-title", unique("wb-other")]) as other:
            activate(x_display, other.wid)
            window = wait_until(probe.active_window, lambda w: w is not None and w.pid == other.pid)
            assert window is not None
            assert probe.requests - before >= 1  # the switch was seen through the event


def test_no_window_manager_is_unavailable() -> None:
    require_part(have("Xvfb"), "Xvfb is not installed")
    with private_xvfb() as display, pytest.raises(Unavailable, match="no EWMH window manager"):
        X11Probe(display)


def test_missing_screensaver_extension_makes_idle_unavailable() -> None:
    require_part(have("Xvfb", "openbox", "xprop"), "Xvfb/openbox/xprop are not installed")
    with private_xvfb("-extension", "MIT-SCREEN-SAVER", window_manager=True) as display:
        probe = X11Probe(display)
        try:
            with pytest.raises(Unavailable, match="MIT-SCREEN-SAVER") as info:
                X11IdleProbe(probe)
            assert info.value.hint is not None
            assert "MIT-SCREEN-SAVER" in info.value.hint
        finally:
            probe.close()


def test_lost_server_is_unavailable_not_a_crash() -> None:
    require_part(have("Xvfb", "openbox", "xprop"), "Xvfb/openbox/xprop are not installed")
    with private_xvfb(window_manager=True) as display:
        probe = X11Probe(display)
    # the server is gone now: the first call that touches the socket says so
    with pytest.raises(Unavailable, match="lost the connection"):
        probe.wait_for_change(5.0)
    with pytest.raises(Unavailable, match="lost the connection"):
        probe.active_window()
    probe.close()


# -- the identity cache -------------------------------------------------------------------------


def own_window(
    d: Any, wm_class: tuple[str, str] | None, title: str = "", *, wid: int | None = None
) -> Any:
    """An unmapped window of the test's own connection, with this process's pid.

    With ``wid``, the window gets that id (one of this connection's, freed before).
    """
    from Xlib import X, Xatom
    from Xlib.protocol import request

    root = d.screen().root
    if wid is None:
        window = root.create_window(0, 0, 10, 10, 0, X.CopyFromParent)
    else:
        request.CreateWindow(
            display=d.display,
            onerror=None,
            depth=0,
            wid=wid,
            parent=root.id,
            x=0,
            y=0,
            width=10,
            height=10,
            border_width=0,
            window_class=X.CopyFromParent,
            visual=X.CopyFromParent,
            attrs={},
        )
        window = d.create_resource_object("window", wid)
    if wm_class is not None:
        window.set_wm_class(*wm_class)
    window.change_property(d.intern_atom("_NET_WM_PID"), Xatom.CARDINAL, 32, [os.getpid()])
    if title:
        window.set_wm_name(title)
    d.sync()
    return window


@contextlib.contextmanager
def active_property(d: Any) -> Iterator[Callable[[int], None]]:
    """Set the root's ``_NET_ACTIVE_WINDOW`` as a window manager would; restored afterwards."""
    from Xlib import Xatom

    root = d.screen().root
    active = d.intern_atom("_NET_ACTIVE_WINDOW")
    saved = root.get_property(active, Xatom.WINDOW, 0, 1)

    def set_active(wid: int) -> None:
        root.change_property(active, Xatom.WINDOW, 32, [wid])
        d.sync()

    try:
        yield set_active
    finally:
        root.change_property(active, Xatom.WINDOW, 32, list(saved.value) if saved else [0])
        d.sync()


def sample_after_change(probe: X11Probe) -> WindowInfo | None:
    """What a tracker does: wait for the change event, then sample."""
    assert probe.wait_for_change(10.0) is True
    return probe.active_window()


def lose_pending_events(probe: X11Probe) -> None:
    """Throw away what the probe's connection received, as if those events had been missed."""
    display = probe.xdisplay
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:
        while display.pending_events():
            display.next_event()
        select.select([display], [], [], 0.05)


def test_switching_back_to_a_known_window_costs_two_round_trips_and_no_lookup(
    x_display: str, probe: X11Probe
) -> None:
    require_part(have("xcalc"), "xcalc is not installed (x11-apps)")
    with (
        x_client(x_display, ["xterm", "-title", unique("wb-known")]) as term,
        x_client(x_display, ["xcalc"]) as calc,
    ):
        for client in (term, calc):
            activate(x_display, client.wid)
            focus_of(probe, client.pid)
        settle(probe)
        identified, requests = probe.identifications, probe.requests
        switches = [term, calc] * 3
        for client in switches:
            activate(x_display, client.wid)
            info = sample_after_change(probe)
            assert info is not None
            assert info.pid == client.pid
            assert probe.wait_for_change(0.3) is False  # one wake per switch, not two
        assert probe.identifications == identified  # no X properties, psutil, .desktop lookup
        # _NET_ACTIVE_WINDOW, then both title properties in one batch
        assert probe.requests - requests <= 2 * len(switches)


def test_a_title_changed_while_unfocused_is_read_when_focus_returns(
    x_display: str, probe: X11Probe
) -> None:
    with (
        x_client(x_display, ["xterm", "-title", unique("wb-first")]) as first,
        x_client(x_display, ["xterm", "-title", unique("wb-second")]) as second,
    ):
        activate(x_display, first.wid)
        focus_of(probe, first.pid)
        activate(x_display, second.wid)
        focus_of(probe, second.pid)
        renamed = unique("wb-renamed")
        set_title(x_display, first.wid, renamed)
        activate(x_display, first.wid)
        info = focus_of(probe, first.pid)
    assert info.title == renamed


def test_a_window_id_reused_after_destroy_is_identified_again(
    x_display: str, probe: X11Probe
) -> None:
    with xlib_display(x_display) as d, active_property(d) as set_active:
        first = own_window(d, ("wb-first", "WbFirst"))
        set_active(first.id)
        info = sample_after_change(probe)
        assert info is not None
        assert info.app_key == "wbfirst"
        identified = probe.identifications
        first.destroy()
        d.sync()
        second = own_window(d, ("wb-second", "WbSecond"), wid=first.id)  # a new window, same id
        set_active(second.id)
        info = sample_after_change(probe)
        assert info is not None
        assert info.app_key == "wbsecond"
        assert info.wm_class == ("wb-second", "WbSecond")
        assert probe.identifications == identified + 1


def test_bad_window_drops_a_cached_identity(x_display: str, probe: X11Probe) -> None:
    """Even if its DestroyNotify were missed, a window found gone is not named from the cache."""
    with xlib_display(x_display) as d, active_property(d) as set_active:
        first = own_window(d, ("wb-first", "WbFirst"))
        other = own_window(d, ("wb-other", "WbOther"))
        for window in (first, other):
            set_active(window.id)
            sample_after_change(probe)
        cached = probe.cached_windows
        first.destroy()
        d.sync()
        lose_pending_events(probe)
        set_active(first.id)  # the window manager names a window that is gone
        assert sample_after_change(probe) is None
        assert probe.cached_windows == cached - 1
        identified = probe.identifications
        second = own_window(d, ("wb-second", "WbSecond"), wid=first.id)
        set_active(second.id)
        info = sample_after_change(probe)
        assert info is not None
        assert info.app_key == "wbsecond"
        assert probe.identifications == identified + 1


def test_a_window_without_wm_class_is_identified_again_after_focus_left(
    x_display: str, probe: X11Probe
) -> None:
    """Some clients set WM_CLASS late; an identity without one is not kept."""
    with xlib_display(x_display) as d, active_property(d) as set_active:
        late = own_window(d, None, title="wb-late")
        other = own_window(d, ("wb-other", "WbOther"))
        set_active(late.id)
        info = sample_after_change(probe)
        assert info is not None
        assert info.wm_class == ()
        set_active(other.id)
        sample_after_change(probe)
        late.set_wm_class("wb-late", "WbLate")
        d.sync()
        set_active(late.id)
        info = sample_after_change(probe)
        assert info is not None
        assert info.wm_class == ("wb-late", "WbLate")
        assert info.app_key == "wblate"


def test_the_identity_cache_is_bounded(x_display: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(x11_identity, "IDENTITY_CACHE_MAX", 2)
    probe = X11Probe(x_display)  # made after the patch: the cache takes its limit when built
    with contextlib.closing(probe), xlib_display(x_display) as d, active_property(d) as set_active:
        windows = [own_window(d, (f"wb-{n}", f"Wb{n}")) for n in range(4)]
        for window in windows:
            set_active(window.id)
            sample_after_change(probe)
        assert probe.cached_windows == 2
        identified = probe.identifications
        set_active(windows[0].id)  # dropped as the least recently focused: looked up again
        info = sample_after_change(probe)
        assert info is not None
        assert info.app_key == "wb0"
        assert probe.identifications == identified + 1
        set_active(windows[3].id)  # still cached
        sample_after_change(probe)
        assert probe.identifications == identified + 1


def test_wake_ends_a_wait_early(probe: X11Probe) -> None:
    settle(probe)
    waker = threading.Timer(0.2, probe.wake)
    waker.start()
    started = time.monotonic()
    try:
        assert probe.wait_for_change(60.0) is False
    finally:
        waker.join()
    assert time.monotonic() - started < 30.0  # well before the timeout (a liveness bound)
