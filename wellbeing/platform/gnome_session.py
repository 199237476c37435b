"""Whether this is a GNOME session on Wayland, told from the environment alone.

Asked before the GNOME modules are imported: ``platform.select`` tries the GNOME
backend first on every Linux desktop, and the tray app asks at every start whether
to offer the GNOME Shell extension. On any other desktop ``platform.gnome``,
``platform.gnome_extension`` and ``services.gnome_setup`` then stay unloaded
(issue 11: the tray app at rest).
"""

from __future__ import annotations

from collections.abc import Mapping

from wellbeing.core.i18n import translate
from wellbeing.errors import Unavailable

__all__ = ["is_gnome_wayland", "require_gnome_wayland"]


def is_gnome_wayland(env: Mapping[str, str]) -> bool:
    """Whether ``env`` describes a GNOME session on Wayland."""
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))
    desktops = env.get("XDG_CURRENT_DESKTOP", "").lower().split(":")
    return wayland and "gnome" in desktops


def require_gnome_wayland(env: Mapping[str, str]) -> None:
    """Raise :class:`Unavailable` (naming the environment's values) unless GNOME on Wayland."""
    if not is_gnome_wayland(env):
        raise Unavailable(translate(
            "Platform", "not a GNOME Wayland session (XDG_SESSION_TYPE={kind}, "
            "XDG_CURRENT_DESKTOP={desktop})").format(
            kind=repr(env.get("XDG_SESSION_TYPE", "")),
            desktop=repr(env.get("XDG_CURRENT_DESKTOP", ""))))
