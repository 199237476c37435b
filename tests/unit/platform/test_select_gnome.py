"""Choosing the GNOME Wayland backend: tried first, and it says why it does not fit."""

from __future__ import annotations

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.select import CANDIDATES, select_platform

OURS = [c for c in CANDIDATES if c.name in ("gnome-wayland", "x11")]


def test_gnome_is_tried_before_x11() -> None:
    names = [c.name for c in CANDIDATES]
    assert names.index("gnome-wayland") < names.index("x11")


def test_gnome_says_a_kde_session_is_not_gnome() -> None:
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0",
           "XDG_CURRENT_DESKTOP": "KDE"}
    with pytest.raises(Unavailable) as info:
        select_platform(env=env, candidates=OURS)
    assert (
        "gnome-wayland foreground: not a GNOME Wayland session (XDG_SESSION_TYPE='wayland', "
        "XDG_CURRENT_DESKTOP='KDE')" in info.value.message
    )


def test_gnome_on_x11_is_left_to_the_x11_backend() -> None:
    env = {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME", "DISPLAY": ":987"}
    with pytest.raises(Unavailable) as info:
        select_platform(env=env, candidates=OURS)
    assert "gnome-wayland foreground: not a GNOME Wayland session" in info.value.message
    assert "cannot connect to the X server on :987" in info.value.message
