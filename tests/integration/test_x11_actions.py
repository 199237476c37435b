"""Closing and minimising real xterms under Xvfb + openbox, by the id the probe reports."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.integration.xhelpers import activate, wait_until, x_client, xlib_display
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.x11 import X11Probe
from wellbeing.platform.x11_actions import ICONIC_STATE, X11WindowActions

pytestmark = pytest.mark.x11


@pytest.fixture
def probe(x_display: str) -> Iterator[X11Probe]:
    p = X11Probe(x_display)
    try:
        yield p
    finally:
        p.close()


def focused(probe: X11Probe, pid: int) -> WindowInfo:
    info = wait_until(
        probe.active_window, lambda w: w is not None and w.pid == pid, what=f"focus on {pid}"
    )
    assert info is not None
    return info


def exited(proc: subprocess.Popen[bytes]) -> bool:
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        return False
    return True


def iconified(d: Any, wid: int) -> bool:
    """WM_STATE says Iconic, or _NET_WM_STATE has _NET_WM_STATE_HIDDEN."""
    from Xlib import X

    window = d.create_resource_object("window", wid)
    wm_state = d.intern_atom("WM_STATE")
    state = window.get_property(wm_state, wm_state, 0, 2)
    if state and state.value and int(state.value[0]) == ICONIC_STATE:
        return True
    net = window.get_property(d.intern_atom("_NET_WM_STATE"), X.AnyPropertyType, 0, 64)
    return bool(net) and d.intern_atom("_NET_WM_STATE_HIDDEN") in list(net.value)


def test_the_probe_reports_the_window_id_and_closing_it_makes_xterm_exit(
    x_display: str, probe: X11Probe
) -> None:
    with x_client(x_display, ["xterm", "-title", "wb-close"]) as term:
        activate(x_display, term.wid)
        info = focused(probe, term.pid)
        assert info.handle == term.wid
        actions = probe.window_actions()
        try:
            assert actions.request_close(info) is True
            assert exited(term.proc), "xterm did not close on _NET_CLOSE_WINDOW"
            # The window is gone now: nothing to ask, and no error.
            assert actions.request_close(info) is False
        finally:
            actions.close()


def test_without_the_ewmh_message_wm_delete_window_closes_it(x_display: str) -> None:
    actions = X11WindowActions(x_display, use_ewmh=False)
    try:
        with x_client(x_display, ["xterm", "-title", "wb-delete"]) as term:
            assert actions.request_close(WindowInfo("xterm", "XTerm", handle=term.wid)) is True
            assert exited(term.proc), "xterm did not close on WM_DELETE_WINDOW"
    finally:
        actions.close()


def test_minimise_iconifies_the_window(x_display: str, probe: X11Probe) -> None:
    with x_client(x_display, ["xterm", "-title", "wb-minimise"]) as term:
        activate(x_display, term.wid)
        info = focused(probe, term.pid)
        actions = probe.window_actions()
        try:
            with xlib_display(x_display) as d:
                assert not iconified(d, term.wid)
                assert actions.minimise(info) is True
                wait_until(lambda: iconified(d, term.wid), what="the xterm iconified")
            assert term.proc.poll() is None  # minimised, not closed
        finally:
            actions.close()


def test_a_window_without_a_handle_or_that_is_gone_is_left_alone(x_display: str) -> None:
    actions = X11WindowActions(x_display)
    try:
        assert actions.request_close(WindowInfo("xterm", "XTerm")) is False
        assert actions.minimise(WindowInfo("xterm", "XTerm")) is False
        assert actions.minimise(WindowInfo("ghost", "Ghost", handle=0x7FFFFFF)) is False
        assert actions.request_close(WindowInfo("ghost", "Ghost", handle=0x7FFFFFF)) is False
    finally:
        actions.close()
