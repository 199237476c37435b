"""Set operations on time spans ``[start_ms, end_ms)`` that carry a payload.

Imports of another tracker's history (ActivityWatch) need four things, each a
linear sweep over sorted lists:

- :func:`union`: the sorted, merged union of plain spans (AFK "not-afk" periods,
  the time a device already has);
- :func:`exclusive`: events made to follow each other without overlap (the later
  of two overlapping events starts where the earlier ends; duplicates vanish);
- :func:`intersect` / :func:`subtract`: the parts of events inside, or outside,
  a union of spans;
- :func:`label`: events cut where labels (web-page visits) begin and end, each
  part carrying the label that covers it, or None.

Every function returns new lists; empty spans never appear in a result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")
L = TypeVar("L")

Span = tuple[int, int]


def union(spans: Iterable[Span]) -> list[Span]:
    """The sorted union of ``spans``: disjoint, non-touching spans in order."""
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def exclusive(events: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Events in start order, each cut to begin where the one before it ended.

    Of two events starting together the longer is kept first (a duplicate
    heartbeat with a shorter duration then adds nothing).
    """
    ordered = sorted(events, key=lambda e: (e[0], -e[1]))
    result: list[tuple[int, int, T]] = []
    reached = None
    for start, end, payload in ordered:
        if reached is not None and start < reached:
            start = reached
        if end > start:
            result.append((start, end, payload))
            reached = end
    return result


def intersect(
    events: Sequence[tuple[int, int, T]], spans: Sequence[Span]
) -> list[tuple[int, int, T]]:
    """The parts of ``events`` (start-ordered, disjoint) inside ``spans`` (a :func:`union`)."""
    result: list[tuple[int, int, T]] = []
    j = 0
    for start, end, payload in events:
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        k = j
        while k < len(spans) and spans[k][0] < end:
            lo, hi = max(start, spans[k][0]), min(end, spans[k][1])
            if hi > lo:
                result.append((lo, hi, payload))
            k += 1
    return result


def subtract(
    events: Sequence[tuple[int, int, T]], spans: Sequence[Span]
) -> list[tuple[int, int, T]]:
    """The parts of ``events`` (start-ordered, disjoint) outside ``spans`` (a :func:`union`)."""
    result: list[tuple[int, int, T]] = []
    j = 0
    for start, end, payload in events:
        while j < len(spans) and spans[j][1] <= start:
            j += 1
        cursor = start
        k = j
        while k < len(spans) and spans[k][0] < end:
            if spans[k][0] > cursor:
                result.append((cursor, spans[k][0], payload))
            cursor = max(cursor, spans[k][1])
            k += 1
        if end > cursor:
            result.append((cursor, end, payload))
    return result


def label(
    events: Sequence[tuple[int, int, T]], labels: Sequence[tuple[int, int, L]]
) -> list[tuple[int, int, T, L | None]]:
    """``events`` (start-ordered, disjoint) cut at the edges of ``labels`` (the same).

    Each part carries the label covering it, or None where no label does.
    """
    result: list[tuple[int, int, T, L | None]] = []
    j = 0
    for start, end, payload in events:
        while j < len(labels) and labels[j][1] <= start:
            j += 1
        cursor = start
        k = j
        while k < len(labels) and labels[k][0] < end:
            lo, hi, tag = max(start, labels[k][0]), min(end, labels[k][1]), labels[k][2]
            if lo > cursor:
                result.append((cursor, lo, payload, None))
            if hi > lo:
                result.append((lo, hi, payload, tag))
            cursor = max(cursor, hi)
            k += 1
        if end > cursor:
            result.append((cursor, end, payload, None))
    return result
