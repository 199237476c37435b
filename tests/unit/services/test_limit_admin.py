"""services.limit_admin: changes follow the rules, are logged, and refused ones write nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.core.limits import Downtime, Limit, LimitError, LimitLocked, LimitTarget
from wellbeing.paths import Paths
from wellbeing.services.limit_admin import (
    Moment,
    change_limit,
    describe_limit,
    describe_seconds,
    find_target,
    format_seconds,
    parse_downtime_span,
    set_downtime,
    with_days,
)
from wellbeing.storage.db import Database
from wellbeing.storage.limits import KnownNames, LimitRepository

TODAY = date(2026, 12, 4)
MOMENT = Moment(TODAY, 1_796_400_000_000)
YOUTUBE = LimitTarget("site", "youtube.com")
NAMES = KnownNames(apps=["firefox", "code"], sites=["youtube.com"], categories=["Social"])


@pytest.fixture
def store(tmp_path: Path, clock: FakeClock) -> Iterator[LimitRepository]:
    db = Database.open(None, Paths(tmp_path / "data"), clock=clock)
    yield LimitRepository(db, db.device_id("host", "linux"), clock=clock)
    db.close()


@pytest.mark.parametrize(
    ("seconds", "text"), [(600, "10m"), (5400, "1h30m"), (90, "1m30s"), (7200, "2h"), (5, "5s")]
)
def test_format_seconds(seconds: int, text: str) -> None:
    assert format_seconds(seconds) == text


def test_describe_seconds() -> None:
    assert describe_seconds((600,) * 5 + (1800,) * 2) == "10m mon-fri, 30m sat,sun"
    assert describe_seconds((None, 60, None, 60, None, None, None)) == "1m tue,thu"
    assert describe_seconds((None,) * 7) == "no days"


def test_describe_limit_names_lock_and_pending() -> None:
    limit = Limit(YOUTUBE, (600,) * 7, mode="nag", locked_until=date(2026, 12, 31))
    assert describe_limit(limit) == "10m daily; nag; locked until 2026-12-31"


@pytest.mark.parametrize(
    ("text", "span"), [("23:00-07:00", (1380, 420)), ("9:30 - 12:00", (570, 720))]
)
def test_parse_downtime_span(text: str, span: tuple[int, int]) -> None:
    assert parse_downtime_span(text) == span


@pytest.mark.parametrize("text", ["23:00", "23-07", "24:00-07:00", "07:00-07:00", "a:b-c:d"])
def test_bad_downtime_spans(text: str) -> None:
    with pytest.raises(LimitError):
        parse_downtime_span(text)


def test_with_days_keeps_the_other_days() -> None:
    first = with_days(None, YOUTUBE, 600, frozenset(range(5)))
    assert first.seconds_by_weekday == (600,) * 5 + (None, None)
    both = with_days(first, YOUTUBE, 1800, frozenset({5, 6}))
    assert both.seconds_by_weekday == (600,) * 5 + (1800, 1800)


def test_find_target_prefers_a_limit_already_set(store: LimitRepository) -> None:
    store.save_limit(Limit(LimitTarget("app", "gone-app"), (60,) * 7))
    assert find_target("gone-app", store, NAMES) == LimitTarget("app", "gone-app")
    assert find_target("category:social", store, NAMES) == LimitTarget("category", "Social")
    with pytest.raises(LimitError, match="did you mean firefox"):
        find_target("firefx", store, NAMES)


def test_a_change_is_saved_and_logged(store: LimitRepository) -> None:
    change = change_limit(store, YOUTUBE, lambda _: Limit(YOUTUBE, (600,) * 7), MOMENT)
    assert change.before is None
    assert change.after is not None
    assert store.limits() == [change.after]
    (event,) = store.events(TODAY, TODAY)
    assert (event.target, event.kind, event.detail) == (YOUTUBE, "changed", "10m daily; notify")


def test_a_refused_change_writes_nothing(store: LimitRepository) -> None:
    locked = Limit(YOUTUBE, (600,) * 7, locked_until=date(2026, 12, 31))
    change_limit(store, YOUTUBE, lambda _: locked, MOMENT)
    revision = store.revision()
    with pytest.raises(LimitLocked):
        change_limit(store, YOUTUBE, lambda current: None, MOMENT)
    with pytest.raises(LimitLocked):
        change_limit(store, YOUTUBE, lambda c: replace(locked, mode="notify",
                                                       seconds_by_weekday=(900,) * 7), MOMENT)
    assert store.revision() == revision
    assert len(store.events(TODAY, TODAY)) == 1


def test_removing_a_missing_limit_is_refused(store: LimitRepository) -> None:
    with pytest.raises(LimitError, match="no limit on youtube.com"):
        change_limit(store, YOUTUBE, lambda current: None, MOMENT)
    assert store.events(TODAY, TODAY) == []


def test_downtime_changes_are_logged_without_a_target(store: LimitRepository) -> None:
    assert set_downtime(store, Downtime(1380, 420), MOMENT) == "downtime 23:00-07:00"
    assert set_downtime(store, None, MOMENT) == "downtime off"
    assert [(e.target, e.detail) for e in store.events(TODAY, TODAY)] == [
        (None, "downtime 23:00-07:00"), (None, "downtime off")
    ]
    assert store.downtime() is None
