"""LimitsModel and its texts, without widgets: suggestions, times, the week line, commands."""

from __future__ import annotations

from datetime import date

import pytest

from tests.gui.fakes import TODAY
from tests.gui.limit_fakes import NOW_WALL, FakeLimitStore, every_day, limits_model, sample_store
from wellbeing.core.limits import Limit, LimitEvent, LimitLocked, LimitTarget, UsageToday
from wellbeing.storage.queries import AppInfo
from wellbeing.ui.limits_model import (
    LimitsState,
    Suggestion,
    clock_changes_text,
    downtime_view,
    lock_text,
    moment_text,
    names_from_apps,
    week_text,
)

INSTA = LimitTarget("site", "instagram.com")


@pytest.mark.parametrize(
    ("seconds", "median", "text"),
    [
        (45 * 60, 3600, "Suggested 45 min — a quarter below your median of 1 h"),
        (30 * 60, 3600, "Suggested 30 min — half your median of 1 h"),
        (50 * 60, 3600, "Suggested 50 min — 17% below your median of 1 h"),
        (3600, 3600, "Suggested 1 h — the same as your median of 1 h"),
        (15 * 60, 0, "Suggested 15 min"),
    ],
)
def test_suggestion_text(seconds: int, median: float, text: str) -> None:
    assert Suggestion(seconds, median).text == text


def test_moments_in_local_time() -> None:
    hour = 3_600_000
    now_ms = int(NOW_WALL * 1000)  # 15:00 at UTC+2
    assert moment_text(now_ms + 6 * hour, NOW_WALL, 120) == "today 21:00"
    assert moment_text(now_ms + 24 * hour, NOW_WALL, 120) == "tomorrow 15:00"
    assert moment_text(now_ms + 72 * hour, NOW_WALL, 120) == "Sat 13 Jun 15:00"


def test_lock_text_only_while_it_holds() -> None:
    limit = Limit(INSTA, every_day(600), locked_until=date(2027, 1, 3))
    assert lock_text(limit, TODAY) == "Locked until 3 Jan 2027"
    assert lock_text(limit, date(2027, 1, 4)) == ""


def test_clock_changes_and_the_week_line() -> None:
    jump = LimitEvent(None, "clock_jump", TODAY, 0, "60")
    assert clock_changes_text([]) == ""
    assert clock_changes_text([jump]) == "Clock changed once this week"
    state = limits_model(sample_store()).state
    assert week_text(state) == ("This week: limit reached on 3 days, snoozed 3 times, "
                                "ignored once. Clock changed 2 times this week.")
    empty = limits_model(FakeLimitStore([Limit(INSTA, every_day(600))])).state
    assert week_text(empty) == "No limit was reached this week."
    assert week_text(limits_model(FakeLimitStore()).state) == ""


def test_downtime_texts() -> None:
    view = downtime_view(None)
    assert not view.downtime.enabled
    assert view.schedule_text == "23:00–07:00 every day"
    assert view.allowed_text == "Nothing is always allowed"


def test_names_from_apps() -> None:
    name = names_from_apps([AppInfo("firefox", "Firefox", None, None)])
    assert name(LimitTarget("app", "firefox")) == "Firefox"
    assert name(LimitTarget("app", "zed")) == "zed"
    assert name(LimitTarget("total")) == "Total screen time"


def test_save_and_remove_go_through_the_rules() -> None:
    store = FakeLimitStore([Limit(INSTA, every_day(1800), locked_until=date(2026, 12, 31))],
                           usage=UsageToday(by_site={"instagram.com": 60.0}))
    model = limits_model(store)
    seen: list[LimitsState] = []
    model.subscribe(seen.append)
    with pytest.raises(LimitLocked):
        model.save(Limit(INSTA, every_day(3600), locked_until=date(2026, 12, 31)))
    with pytest.raises(LimitLocked):
        model.remove(INSTA)
    assert store.writes == []
    assert seen == []
    saved = model.save(Limit(INSTA, every_day(900), locked_until=date(2026, 12, 31)))
    assert saved is not None
    assert saved.seconds_by_weekday == every_day(900)
    assert len(seen) == 1
    assert seen[0].rows[0].used_text == "1 min of 15 min"
    model.remove(LimitTarget("app", "none-such"))  # nothing there: nothing done
    assert [kind for kind, _ in store.writes] == ["save"]
