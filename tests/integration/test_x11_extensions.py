"""The X11 probe's display sets up only the X extensions wellbeing uses, and no other display."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wellbeing.platform.x11 import USED_EXTENSIONS, open_display

pytestmark = pytest.mark.x11


def test_only_the_extensions_wellbeing_uses_are_set_up(x_display: str) -> None:
    from Xlib import display as xdisplay
    from Xlib import ext

    listed = list(ext.__extensions__)
    ours = open_display(x_display)
    try:
        assert set(ours.extensions) <= set(USED_EXTENSIONS)
        offered = set(ours.list_extensions())
        for name in ("X-Resource", "MIT-SCREEN-SAVER"):  # what the probe and idle need
            assert (name in ours.extensions) == (name in offered)
    finally:
        ours.close()
    assert ext.__extensions__ == listed  # put back for anyone else
    plain = xdisplay.Display(x_display)
    try:
        assert len(plain.extensions) > len(USED_EXTENSIONS)  # python-xlib's own way, unchanged
    finally:
        plain.close()


def test_the_probe_loads_none_of_the_other_extension_modules(x_display: str) -> None:
    code = (
        "import sys\n"
        "from wellbeing.platform.x11 import X11Probe\n"
        "from wellbeing.platform.x11_idle import X11IdleProbe\n"
        f"probe = X11Probe({x_display!r}); idle = X11IdleProbe(probe)\n"
        "probe.active_window(); idle.idle_seconds()\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('Xlib.ext.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True).stdout
    assert set(out.split()) <= {"Xlib.ext.ge", "Xlib.ext.res", "Xlib.ext.screensaver"}
    assert "Xlib.ext.res" in out.split()  # (the check can fail: the X-Resource pid lookup)
