"""The screenshot tests again, on a real X server (Xvfb + openbox) instead of offscreen.

Same checks (not blank, no clipped label); the PNGs in test-artifacts/ are then
what a person on an X11 desktop sees, fonts and window-manager scaling included.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_dashboard_screenshots_under_xvfb(x_display: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    res = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/gui/test_screenshots.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert " passed" in res.stdout
    assert "skipped" not in res.stdout
    for name in ("week", "day", "month"):
        for mode in ("light", "dark"):
            png = ROOT / "test-artifacts" / f"dashboard-{name}-{mode}.png"
            assert png.stat().st_size > 10_000


def test_limit_screens_under_xvfb(x_display: str) -> None:
    """The limit screenshots, and the "Time's up" window's tests with a real window manager."""
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display}
    res = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/gui/test_limit_screenshots.py", "tests/gui/test_times_up.py"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-2000:]
    assert "skipped" not in res.stdout
    for name in ("times-up-nag", "times-up-block", "limits-page", "limit-editor"):
        for mode in ("light", "dark"):
            png = ROOT / "test-artifacts" / f"{name}-{mode}.png"
            assert png.stat().st_size > 5_000
