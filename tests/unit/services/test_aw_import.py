"""Reading ActivityWatch exports (Python- and Rust-server shapes) and planning their import."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.services.test_classifier import classifier
from wellbeing.errors import ImportRefused
from wellbeing.services.aw_file import AwBucket, read_export
from wellbeing.services.aw_import import plan_import, read_plan

T0 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
T0_MS = int(T0.timestamp() * 1000)


def at(seconds: float, style: str = "python") -> str:
    moment = datetime.fromtimestamp(T0_MS / 1000 + seconds, UTC)
    if style == "rust":
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "123Z"  # nanoseconds, Z
    if style == "naive":
        return moment.replace(tzinfo=None).isoformat()
    return moment.isoformat()


def event(start: float, seconds: float, data: dict[str, Any], style: str = "python",
          ident: int | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"timestamp": at(start, style), "duration": seconds, "data": data}
    if ident is not None:
        body = {"id": ident, **body}
    return body


def bucket(kind: str, host: str, events: list[dict[str, Any]], *, rust: bool = False,
           client: str = "") -> dict[str, Any]:
    name = {"currentwindow": "aw-watcher-window", "afkstatus": "aw-watcher-afk",
            "web.tab.current": "aw-watcher-web-firefox"}.get(kind, kind)
    head: dict[str, Any] = {"id": f"{name}_{host}", "created": "2026-11-29T14:31:13+00:00",
                            "name": None, "type": kind, "client": client or name,
                            "hostname": host, "data": {}}
    if rust:  # aw-server-rust adds these; events keep their ids
        head["metadata"] = {"start": None, "end": None}
        head["last_updated"] = "2026-11-30T10:05:00Z"
        return {**head, "events": events, "id": head["id"]}
    return {**head, "events": list(reversed(events))}  # newest first, as aw-server writes


def export(tmp_path: Path, *buckets: dict[str, Any], name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"buckets": {b["id"]: b for b in buckets}}), encoding="utf-8")
    return path


WINDOW = [
    event(0, 10, {"app": "Code", "title": "main.py - Visual Studio Code"}),
    event(10, 50, {"app": "Firefox", "title": "Home / X"}),
]
AFK = [event(0, 40, {"status": "not-afk"}), event(40, 20, {"status": "afk"})]


def seconds_by_app(plan_hosts: Any) -> dict[str, float]:
    totals: dict[str, float] = {}
    for host in plan_hosts:
        for piece in host.pieces:
            key = piece.focus.app_key
            totals[key] = totals.get(key, 0.0) + (piece.end_ms - piece.start_ms) / 1000
    return totals


# -- reading ---------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["python", "rust", "naive"])
def test_both_servers_shapes_read_the_same(tmp_path: Path, style: str) -> None:
    rust = style == "rust"
    window = [event(0, 10, {"app": "Code", "title": "a"}, style, 1 if rust else None),
              event(10, 5.5, {"app": "Firefox", "title": "b"}, style, 2 if rust else None)]
    path = export(tmp_path, bucket("currentwindow", "laptop", window, rust=rust))
    (found,) = read_export(path)
    assert (found.type, found.hostname, found.id) == (
        "currentwindow", "laptop", "aw-watcher-window_laptop")
    assert sorted(found.events) == [
        (T0_MS, T0_MS + 10_000, ("Code", "a", None, None, False)),
        (T0_MS + 10_000, T0_MS + 15_500, ("Firefox", "b", None, None, False)),
    ]


def test_buckets_given_as_a_list_and_hostname_from_the_id(tmp_path: Path) -> None:
    one = bucket("currentwindow", "desk.local", WINDOW)
    del one["hostname"]
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"buckets": [one]}), encoding="utf-8")
    (found,) = read_export(path)
    assert found.hostname == "desk.local"
    assert len(found.events) == 2


def test_a_file_cut_anywhere_is_refused_as_cut_short(tmp_path: Path) -> None:
    whole = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                   bucket("afkstatus", "laptop", AFK)).read_bytes()
    cut = tmp_path / "cut.json"
    for size in range(1, len(whole) - 1, 37):
        cut.write_bytes(whole[:size])
        with pytest.raises(ImportRefused) as refused:
            read_export(cut)
        assert "cut.json" in refused.value.message
    cut.write_bytes(whole[:400])
    with pytest.raises(ImportRefused, match="cut short.*|bucket 'aw-watcher-window_laptop'"):
        read_export(cut)


@pytest.mark.parametrize(("text", "says"), [
    ("garbage{", "not valid JSON"),
    ("", "cut short"),
    ('{"something": 1}', 'no "buckets"'),
    ("[1, 2]", 'no "buckets"'),
    ('{"buckets": {"x": 3}}', "bucket 'x' is not an object"),
])
def test_files_that_are_not_exports_are_refused(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused, match=says) as refused:
        read_export(path)
    assert refused.value.exit_code == 3


@pytest.mark.parametrize(("bad", "says"), [
    ({"duration": 1.0, "data": {}}, "no timestamp"),
    ({"timestamp": "yesterday", "duration": 1.0, "data": {}}, "not an ISO 8601"),
    ({"timestamp": "2026-11-30T10:00:00Z", "duration": -2, "data": {}}, "duration -2"),
    ({"timestamp": "2026-11-30T10:00:00Z", "duration": "5", "data": {}}, "no duration"),
])
def test_a_bad_event_is_refused_with_its_bucket_and_index(
    tmp_path: Path, bad: dict[str, Any], says: str
) -> None:
    events = [*WINDOW, bad]
    path = export(tmp_path, {**bucket("currentwindow", "laptop", []), "events": events})
    with pytest.raises(ImportRefused, match=f"bucket 'aw-watcher-window_laptop', event 2 .*{says}"):
        read_export(path)


# -- planning --------------------------------------------------------------------------


def test_window_time_counts_only_inside_not_afk_time(tmp_path: Path) -> None:
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                  bucket("afkstatus", "laptop", AFK), bucket("app.editor.activity", "laptop", []))
    plan = read_plan(path, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 60)
    (host,) = plan.hosts
    assert host.has_afk
    assert (host.window_events, host.afk_events) == (2, 2)
    assert seconds_by_app(plan.hosts) == {"code": 10.0, "firefox": 30.0}
    assert plan.ignored_buckets == ["app.editor.activity_laptop (app.editor.activity)"]
    piece = host.pieces[0]
    assert (piece.utc_offset_min, piece.local_date.isoformat()) == (60, "2026-11-30")
    assert host.device_name == "laptop (ActivityWatch)"


def test_without_an_afk_bucket_all_window_time_counts(tmp_path: Path) -> None:
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW))
    plan = read_plan(path, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 0)
    assert not plan.hosts[0].has_afk
    assert seconds_by_app(plan.hosts) == {"code": 10.0, "firefox": 50.0}


def test_each_computer_is_its_own_device(tmp_path: Path) -> None:
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW),
                  bucket("currentwindow", "desk", WINDOW[:1]), bucket("afkstatus", "tower", AFK))
    plan = read_plan(path, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 0)
    assert [h.hostname for h in plan.hosts] == ["desk", "laptop"]
    assert len({h.device_uuid for h in plan.hosts}) == 2
    assert plan.ignored_buckets == ["aw-watcher-afk_tower (afkstatus: no window bucket for tower)"]


def test_web_visits_decide_the_site_and_private_ones_keep_no_title(tmp_path: Path) -> None:
    window = [event(0, 60, {"app": "Firefox", "title": "Mozilla Firefox"}),
              event(60, 30, {"app": "Code", "title": "notes.md"})]
    web = [
        event(0, 20, {"url": "https://m.youtube.com/watch?v=1", "title": "A video - YouTube",
                      "audible": True, "incognito": False, "tabCount": 3}),
        event(20, 20, {"url": "https://example.org/page", "title": "Example"}),
        event(40, 20, {"url": "https://www.instagram.com/", "title": "Instagram",
                       "incognito": True}),
        event(60, 30, {"url": "https://www.youtube.com/", "title": "YouTube"}),  # Code in front
    ]
    path = export(tmp_path, bucket("currentwindow", "laptop", window),
                  bucket("web.tab.current", "laptop", web))
    keep = classifier(tmp_path, "[privacy]\nstore_titles = true\n")
    plan = read_plan(path, keep, day_start_hour=4, offset_at=lambda _ms: 0)
    parts = [((p.end_ms - p.start_ms) // 1000, p.focus.app_key, p.focus.site, p.focus.title)
             for p in plan.hosts[0].pieces]
    assert parts == [
        (20, "firefox", "youtube.com", "A video - YouTube"),
        (20, "firefox", None, "Example"),
        (20, "firefox", "instagram.com", None),  # a private window's title is never kept
        (30, "code", None, "notes.md"),
    ]


def test_titles_are_not_kept_unless_storing_them_is_on(tmp_path: Path) -> None:
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW))
    plan = read_plan(path, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 0)
    assert {p.focus.title for p in plan.hosts[0].pieces} == {None}


def test_ignored_apps_are_left_out(tmp_path: Path) -> None:
    path = export(tmp_path, bucket("currentwindow", "laptop", WINDOW))
    quiet = classifier(tmp_path, '[privacy]\nignore_apps = ["code"]\n')
    plan = read_plan(path, quiet, day_start_hour=4, offset_at=lambda _ms: 0)
    assert seconds_by_app(plan.hosts) == {"firefox": 50.0}


def test_use_across_the_day_start_is_split_into_two_days(tmp_path: Path) -> None:
    start = datetime(2026, 11, 30, 3, 59, 30, tzinfo=UTC).timestamp() - T0_MS / 1000
    path = export(tmp_path, bucket("currentwindow", "laptop",
                                   [event(start, 60, {"app": "Code", "title": "x"})]))
    plan = read_plan(path, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 0)
    days = [(p.local_date.isoformat(), (p.end_ms - p.start_ms) // 1000)
            for p in plan.hosts[0].pieces]
    assert days == [("2026-11-29", 30), ("2026-11-30", 30)]


spans = st.lists(st.tuples(st.integers(0, 300), st.integers(1, 60)), max_size=12)


@settings(max_examples=60, deadline=None)
@given(windows=spans, present=spans, away=spans)
def test_totals_equal_window_time_intersected_with_not_afk_time(
    tmp_path_factory: pytest.TempPathFactory,
    windows: list[tuple[int, int]], present: list[tuple[int, int]], away: list[tuple[int, int]],
) -> None:
    """Brute force over seconds: overlapping and repeated events count each second once."""
    buckets = [
        AwBucket("w", "w", "currentwindow", "h", events=[
            (T0_MS + s * 1000, T0_MS + (s + n) * 1000, ("Code", "t", None, None, False))
            for s, n in windows]),
        AwBucket("a", "a", "afkstatus", "h", events=[
            *((T0_MS + s * 1000, T0_MS + (s + n) * 1000, (None, None, "not-afk", None, False))
              for s, n in present),
            *((T0_MS + s * 1000, T0_MS + (s + n) * 1000, (None, None, "afk", None, False))
              for s, n in away)]),
    ]
    tmp_path = tmp_path_factory.mktemp("aw")
    plan = plan_import(buckets, classifier(tmp_path), day_start_hour=4, offset_at=lambda _ms: 0)
    used = {t for s, n in windows for t in range(s, s + n)}
    here = {t for s, n in present for t in range(s, s + n)}
    got = sum(p.end_ms - p.start_ms for h in plan.hosts for p in h.pieces) / 1000
    assert got == len(used & here)
