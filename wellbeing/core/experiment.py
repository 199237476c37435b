"""The self-experiment's protocol: designs, phases and their kinds.

(The schedule, the random order and what is due come with the experiment's engine.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Design = Literal["classic", "randomized"]
PhaseKind = Literal["baseline", "limited", "usual", "follow-up"]


@dataclass(frozen=True, slots=True)
class Phase:
    """One phase of an experiment: its kind and its first and last day (inclusive)."""

    kind: PhaseKind
    first: date
    last: date
