"""The ActivityWatch export: its exact shape, newest-first order, titles, and sums."""

from __future__ import annotations

import io
import json
import stat
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from wellbeing.core.activity import Focus, Interval
from wellbeing.storage.db import Database
from wellbeing.storage.portability import ExportSummary, export_activitywatch
from wellbeing.storage.writer import UsageWriter

DAY = date(2026, 3, 10)
BASE = int(datetime(2026, 3, 10, 0, 0, tzinfo=UTC).timestamp() * 1000)
MIN = 60_000
YOUTUBE = Focus("firefox", "Firefox", site="youtube.com")
FIREFOX = Focus("firefox", "Firefox")
CODE = Focus("code", "Visual Studio Code")
CREATED = datetime(2026, 3, 11, 8, 0, tzinfo=UTC)


def _piece(focus: Focus, start_min: float, end_min: float, day: date, segment: int) -> Interval:
    return Interval(focus, BASE + int(start_min * MIN), BASE + int(end_min * MIN), 0, day, segment)


# Minutes after 2026-03-10 00:00 UTC (offset 0, day start 04:00).
PIECES = [
    _piece(FIREFOX, 230, 240, date(2026, 3, 9), 1),  # 03:50-04:00, split at the day start
    _piece(FIREFOX, 240, 250, DAY, 1),  # 04:00-04:10, same run
    _piece(YOUTUBE, 600, 605.5, DAY, 2),  # 10:00-10:05:30
    _piece(CODE, 605.5, 620, DAY, 3),  # 10:05:30-10:20, right after
    _piece(CODE, 660, 670.25, DAY, 4),  # 11:00-11:10:15, after a gap
]


@pytest.fixture
def recorded(db: Database) -> Database:
    """The storage conftest's fresh database, holding PIECES for device "laptop"."""
    device = db.device_id(name="laptop", platform="linux")
    UsageWriter(db, device).bulk_insert(PIECES)
    return db


def _export(db: Database, **kwargs: Any) -> tuple[dict[str, Any], ExportSummary]:
    out = io.StringIO()
    summary = export_activitywatch(db, out, hostname="laptop", created=CREATED, **kwargs)
    return json.loads(out.getvalue()), summary


def _ms(timestamp: str) -> int:
    return round(datetime.fromisoformat(timestamp).timestamp() * 1000)


def _spans(events: list[dict[str, Any]]) -> list[tuple[int, int]]:
    return [
        (_ms(e["timestamp"]), _ms(e["timestamp"]) + round(e["duration"] * 1000)) for e in events
    ]


def test_two_buckets_shaped_like_activitywatchs_own_export(recorded: Database) -> None:
    doc, _ = _export(recorded)
    assert list(doc) == ["buckets"]
    assert list(doc["buckets"]) == ["aw-watcher-window_laptop", "aw-watcher-afk_laptop"]
    window = doc["buckets"]["aw-watcher-window_laptop"]
    afk = doc["buckets"]["aw-watcher-afk_laptop"]
    assert {k: v for k, v in window.items() if k != "events"} == {
        "id": "aw-watcher-window_laptop",
        "created": "2026-03-11T08:00:00+00:00",
        "name": None,
        "type": "currentwindow",
        "client": "aw-watcher-window",
        "hostname": "laptop",
        "data": {},
    }
    assert (afk["id"], afk["type"], afk["client"], afk["hostname"]) == (
        "aw-watcher-afk_laptop",
        "afkstatus",
        "aw-watcher-afk",
        "laptop",
    )
    for event in window["events"] + afk["events"]:
        assert set(event) == {"timestamp", "duration", "data"}
        assert datetime.fromisoformat(event["timestamp"]).utcoffset() is not None
        assert isinstance(event["duration"], float)


def test_window_events_newest_first_with_app_key_and_site_or_name_as_title(
    recorded: Database,
) -> None:
    doc, summary = _export(recorded)
    events = doc["buckets"]["aw-watcher-window_laptop"]["events"]
    assert [e["data"] for e in events] == [
        {"app": "code", "title": "Visual Studio Code"},
        {"app": "code", "title": "Visual Studio Code"},
        {"app": "firefox", "title": "youtube.com"},
        {"app": "firefox", "title": "Firefox"},  # the two day pieces joined again
    ]
    assert _spans(events) == [
        (BASE + 660 * MIN, BASE + 670 * MIN + 15_000),
        (BASE + 605 * MIN + 30_000, BASE + 620 * MIN),
        (BASE + 600 * MIN, BASE + 605 * MIN + 30_000),
        (BASE + 230 * MIN, BASE + 250 * MIN),
    ]
    assert events[-1]["timestamp"] == "2026-03-10T03:50:00+00:00"
    assert summary.window_events == 4


def test_not_afk_events_cover_each_stretch_of_use_and_sums_match(recorded: Database) -> None:
    doc, summary = _export(recorded)
    window = doc["buckets"]["aw-watcher-window_laptop"]["events"]
    afk = doc["buckets"]["aw-watcher-afk_laptop"]["events"]
    assert all(e["data"] == {"status": "not-afk"} for e in afk)
    assert _spans(afk) == [
        (BASE + 660 * MIN, BASE + 670 * MIN + 15_000),
        (BASE + 600 * MIN, BASE + 620 * MIN),
        (BASE + 230 * MIN, BASE + 250 * MIN),
    ]
    seconds = sum(p.seconds for p in PIECES)
    assert sum(e["duration"] for e in window) == pytest.approx(seconds, abs=1e-6)
    assert sum(e["duration"] for e in afk) == pytest.approx(seconds, abs=1e-6)
    assert summary == ExportSummary(window_events=4, afk_events=3, seconds=seconds)


def test_one_device_can_be_picked(recorded: Database) -> None:
    with recorded.transaction() as conn:  # a second machine sharing the database
        conn.exec_driver_sql(
            "INSERT INTO device (uuid, name, platform, created_at_ms) "
            "VALUES ('00000000-0000-0000-0000-000000000002', 'desk', 'linux', 0)"
        )
        desk = conn.exec_driver_sql("SELECT id FROM device WHERE name = 'desk'").scalar_one()
    UsageWriter(recorded, desk).bulk_insert([_piece(CODE, 700, 701, DAY, 1)])
    everything, _ = _export(recorded)
    laptop_only, _ = _export(
        recorded, device_id=recorded.device_id(name="laptop", platform="linux")
    )
    assert len(everything["buckets"]["aw-watcher-window_laptop"]["events"]) == 5
    assert len(laptop_only["buckets"]["aw-watcher-window_laptop"]["events"]) == 4


def test_an_empty_database_gives_empty_buckets(db: Database) -> None:
    doc, summary = _export(db)
    assert [b["events"] for b in doc["buckets"].values()] == [[], []]
    assert summary == ExportSummary(0, 0, 0.0)


def test_a_path_is_written_privately(recorded: Database, tmp_path: Path) -> None:
    target = tmp_path / "aw-export.json"
    export_activitywatch(recorded, target, hostname="laptop", created=CREATED)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert len(doc["buckets"]["aw-watcher-afk_laptop"]["events"]) == 3


def test_a_stored_window_title_is_exported_as_the_title(db: Database) -> None:
    device = db.device_id(name="laptop", platform="linux")
    titled = Focus("code", "Visual Studio Code", title="main.py - wellbeing")
    UsageWriter(db, device).bulk_insert(
        [_piece(titled, 600, 601, DAY, 1), _piece(CODE, 601, 602, DAY, 2)]
    )
    doc, summary = _export(db)
    events = doc["buckets"]["aw-watcher-window_laptop"]["events"]
    assert [e["data"]["title"] for e in events] == ["Visual Studio Code", "main.py - wellbeing"]
    assert summary.afk_events == 1
