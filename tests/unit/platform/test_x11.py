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


def test_a_name_that_is_no_display_is_unavailable_and_says_so() -> None:
    with pytest.raises(Unavailable, match="'wayland-0' is not an X display name"):
        X11Probe("wayland-0")
