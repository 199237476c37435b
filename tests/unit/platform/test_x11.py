"""X11Probe refusals that need no X server (the rest is in tests/integration)."""

from __future__ import annotations

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.x11 import X11Probe


def test_no_display_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    with pytest.raises(Unavailable, match="DISPLAY is not set"):
        X11Probe()


def test_unreachable_display_is_unavailable() -> None:
    with pytest.raises(Unavailable, match="cannot connect to the X server on :986"):
        X11Probe(":986")


def test_missing_python_xlib_is_unavailable_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "Xlib", None)  # makes `import Xlib` raise ImportError
    with pytest.raises(Unavailable) as info:
        X11Probe(":0")
    assert "python-xlib" in info.value.message
    assert info.value.hint is not None
    assert "install python-xlib" in info.value.hint
