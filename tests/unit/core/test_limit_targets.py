"""Targets, durations and weekdays as people type them."""

from __future__ import annotations

import pytest

from wellbeing.core.limit_targets import (
    LimitError,
    LimitTarget,
    format_days,
    parse_days,
    parse_duration,
    parse_target_text,
    resolve_target,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10m", 600), ("1h30m", 5400), ("90s", 90), ("1h 5m", 3900), (" 2H ", 7200),
     ("15min", 900), ("24h", 86_400)],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "says"),
    [("", "not a duration"), ("10", "not a duration"), ("ten minutes", "not a duration"),
     ("-5m", "not a duration"), ("0m", "more than zero"), ("25h", "at most 24h")],
)
def test_bad_durations_say_why(text: str, says: str) -> None:
    with pytest.raises(LimitError, match=says):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "days"),
    [("mon-fri", {0, 1, 2, 3, 4}), ("sat,sun", {5, 6}), ("daily", set(range(7))),
     ("weekends", {5, 6}), ("fri-mon", {4, 5, 6, 0}), ("Monday, wed", {0, 2})],
)
def test_days(text: str, days: set[int]) -> None:
    assert parse_days(text) == frozenset(days)


@pytest.mark.parametrize("text", ["", "mon,,tue", "funday", "mon-tue-wed"])
def test_bad_days_say_why(text: str) -> None:
    with pytest.raises(LimitError):
        parse_days(text)


@pytest.mark.parametrize(
    ("days", "text"),
    [(range(7), "daily"), (range(5), "mon-fri"), ({5, 6}, "sat,sun"), ({0, 2}, "mon,wed"),
     ({0, 1, 2, 4}, "mon-wed,fri")],
)
def test_days_written_back_shortly(days: set[int], text: str) -> None:
    assert format_days(days) == text
    assert parse_days(text) == frozenset(days)


def test_targets_written_explicitly_and_back() -> None:
    assert parse_target_text("total") == LimitTarget("total")
    assert parse_target_text("category:Social") == LimitTarget("category", "Social")
    assert parse_target_text("site:Instagram.com") == LimitTarget("site", "instagram.com")
    assert parse_target_text("firefox") is None
    targets = [LimitTarget("total"), LimitTarget("category", "Social"),
               LimitTarget("site", "instagram.com"), LimitTarget("app", "firefox")]
    assert [str(t) for t in targets] == ["total", "category:Social", "instagram.com", "firefox"]


def test_resolving_what_someone_typed() -> None:
    known = {"apps": ["firefox", "org.gnome.TextEditor"], "sites": ["instagram.com"],
             "categories": ["Social", "Games"]}
    assert resolve_target("instagram.com", **known) == LimitTarget("site", "instagram.com")
    assert resolve_target("FIREFOX", **known) == LimitTarget("app", "firefox")
    assert resolve_target("category:games", **known) == LimitTarget("category", "Games")
    assert resolve_target("tiktok.com", **known) == LimitTarget("site", "tiktok.com")
    with pytest.raises(LimitError, match="did you mean firefox"):
        resolve_target("firefx", **known)
    with pytest.raises(LimitError, match="category 'Cooking'"):
        resolve_target("category:Cooking", **known)
