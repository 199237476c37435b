"""The core Wayland interfaces the generated protocol modules refer to: pywayland's own."""

from pywayland.protocol.wayland import (
    WlOutput,
    WlOutputProxy,
    WlSeat,
    WlSeatProxy,
    WlSurface,
    WlSurfaceProxy,
)

__all__ = ["WlOutput", "WlOutputProxy", "WlSeat", "WlSeatProxy", "WlSurface", "WlSurfaceProxy"]
