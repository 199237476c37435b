"""On a compositor without the protocols (weston, headless) the selector falls back and says why.

weston offers neither wlr-foreign-toplevel-management nor an idle protocol. With
an X display beside it (the test Xvfb standing in for XWayland) the X11
backend is chosen and said to see only XWayland windows; without one, nothing
works and ``doctor`` says why each backend was rejected.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.wayland_helpers import Compositor, start_weston
from tests.integration.xhelpers import have

pytestmark = [pytest.mark.wayland]

REJECTED = (
    "!!  wlroots foreground: the compositor does not offer zwlr_foreign_toplevel_manager_v1"
)


@pytest.fixture(scope="module")
def weston() -> Iterator[Compositor]:
    require_part(have("weston"), "weston is not installed")
    try:
        import pywayland  # noqa: F401
    except ImportError:
        require_part(False, "pywayland is not installed (pip install -e '.[test]')")
    compositor = start_weston()
    try:
        yield compositor
    finally:
        compositor.close()


def doctor(env: dict[str, str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "doctor"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_xwayland_nothing_works_and_doctor_says_why(
    weston: Compositor, tmp_path: Path
) -> None:
    res = doctor(weston.env(XDG_SESSION_TYPE="wayland"), tmp_path / "d")
    assert res.returncode == 1, res.stdout
    assert "ok  session: wayland session, WAYLAND_DISPLAY=wl-wellbeing-weston" in res.stdout
    assert REJECTED in res.stdout
    assert "!!  x11 foreground: DISPLAY is not set: this Wayland session runs no XWayland" in (
        res.stdout
    )
    assert "!!  backend chosen: none" in res.stdout
    assert "Tracking cannot work yet" in res.stdout


def test_with_an_x_display_it_falls_back_to_x11_and_says_what_that_misses(
    weston: Compositor, x_display: str, tmp_path: Path
) -> None:
    env = weston.env(DISPLAY=x_display)
    res = doctor(env, tmp_path / "d")
    assert res.returncode == 0, res.stdout
    lines = res.stdout.splitlines()
    wl = next(i for i, line in enumerate(lines) if "wlroots foreground" in line)
    x11 = next(i for i, line in enumerate(lines) if "x11 foreground" in line)
    assert wl < x11  # on Wayland, the Wayland backends are tried first
    assert REJECTED in res.stdout
    assert "only XWayland windows" in lines[x11]
    assert "ok  backend chosen: x11 (automatically)" in res.stdout
    track = subprocess.run(
        [
            sys.executable, "-m", "wellbeing", "--data-dir", str(tmp_path / "d"),
            "track", "--duration", "1",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert track.returncode == 0, track.stderr
    assert "platform wlroots unavailable: the compositor does not offer" in track.stderr
    assert "platform x11: on this Wayland session it sees only XWayland windows" in track.stderr
