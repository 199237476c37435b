"""Span set operations against a brute-force model: sets of milliseconds on a small range."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wellbeing.core.spans import exclusive, intersect, label, subtract, union

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 60)).map(lambda t: (min(t), max(t))),
    max_size=8,
)
events = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from("abc")).map(
        lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])
    ),
    max_size=8,
)


def points(pairs: list[tuple[int, int]]) -> set[int]:
    return {ms for start, end in pairs for ms in range(start, end)}


def owner(evs: list[tuple[int, int, str]]) -> dict[int, str]:
    """ms -> payload, asserting the events are disjoint and ordered."""
    seen: dict[int, str] = {}
    last_end = None
    for start, end, payload in evs:
        assert end > start
        assert last_end is None or start >= last_end
        last_end = end
        for ms in range(start, end):
            seen[ms] = payload
    return seen


@given(spans)
def test_union_is_the_same_set_sorted_and_apart(pairs: list[tuple[int, int]]) -> None:
    merged = union(pairs)
    assert points(merged) == points(pairs)
    for (_, end), (start, _) in zip(merged, merged[1:], strict=False):
        assert end < start


@given(events)
def test_exclusive_covers_the_same_time_once(evs: list[tuple[int, int, str]]) -> None:
    out = exclusive(evs)
    got = owner(out)  # disjoint and in order
    assert set(got) == points([(s, e) for s, e, _ in evs])
    for ms, payload in got.items():  # each moment keeps a payload of an event covering it
        assert any(s <= ms < e and p == payload for s, e, p in evs)


@given(events, spans)
def test_intersect_and_subtract_split_events_by_the_spans(
    evs: list[tuple[int, int, str]], pairs: list[tuple[int, int]]
) -> None:
    base = exclusive(evs)
    merged = union(pairs)
    inside, outside = owner(intersect(base, merged)), owner(subtract(base, merged))
    covered = points(merged)
    whole = owner(base)
    assert inside == {ms: p for ms, p in whole.items() if ms in covered}
    assert outside == {ms: p for ms, p in whole.items() if ms not in covered}


@given(events, events)
def test_label_cuts_events_at_label_edges(
    evs: list[tuple[int, int, str]], tags: list[tuple[int, int, str]]
) -> None:
    base, marks = exclusive(evs), exclusive(tags)
    parts = label(base, marks)
    assert owner([(s, e, p) for s, e, p, _ in parts]) == owner(base)
    tag_at = owner(marks)
    for start, end, _, tag in parts:
        assert {tag_at.get(ms) for ms in range(start, end)} == {tag}


def test_a_duplicate_with_a_shorter_duration_adds_nothing() -> None:
    assert exclusive([(0, 10, "a"), (0, 4, "b"), (8, 12, "c")]) == [(0, 10, "a"), (10, 12, "c")]
