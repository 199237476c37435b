"""What a snapshot looks like on screen, to tell a visible change from an invisible one.

A dashboard snapshot carries exact seconds (the chart's bar heights, the list's
fill) next to the texts made from them ("1 h 05 min"). While someone works, the
tracker saves every few seconds and the seconds grow, but the screen shows
minutes: redrawing for every save costs CPU and changes nothing a person can
see. :func:`as_shown` maps a snapshot to a key that keeps every text and
flag and rounds each duration down to the minute the texts show. Other
numbers (a row's share and fill, the change in percent) are left out: they
are made from those durations (the change also has its text), so while no
duration turns a minute they move by less than a minute's worth of a bar,
under a pixel. Two snapshots with the same key look the same.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

__all__ = ["as_shown"]

_MINUTE = 60.0


def _field_key(name: str, value: Any) -> Any:
    if isinstance(value, float) and math.isfinite(value):
        return math.floor(value / _MINUTE) if "seconds" in name else None
    return as_shown(value)


def as_shown(value: Any) -> Any:
    """A hashable-equivalent key of ``value`` as drawn: minutes, not seconds.

    Dataclasses are walked field by field; tuples and lists element by element;
    floats in a field named ``*seconds*`` become whole minutes, other floats
    are left out (see the module's docstring); everything else (texts, dates,
    flags) is kept as it is.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple(
                _field_key(field.name, getattr(value, field.name))
                for field in dataclasses.fields(value)
            ),
        )
    if isinstance(value, (tuple, list)):
        return tuple(as_shown(item) for item in value)
    return value
