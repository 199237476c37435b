"""WindowClassifier and load_rule_set: sites, app names, ignore lists, title privacy, bad rules."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from wellbeing import config as config_module
from wellbeing.config import Config, PrivacySettings
from wellbeing.core.clock import FakeClock
from wellbeing.core.rules import Classification, RuleSet
from wellbeing.paths import Paths
from wellbeing.platform.base import WindowInfo
from wellbeing.platform.fake import ScriptedPlatform
from wellbeing.services.categories import sync_categories
from wellbeing.services.classifier import WindowClassifier, load_rule_set
from wellbeing.services.tracker import TrackerService, TrackerSettings
from wellbeing.storage.db import Database
from wellbeing.storage.models import Interval, WindowTitle
from wellbeing.storage.queries import UsageQueries
from wellbeing.storage.writer import UsageWriter

INSTAGRAM_TITLE = "Instagram • Photos and videos — Mozilla Firefox"
FIREFOX_INSTAGRAM = WindowInfo(
    "firefox", "Firefox Web Browser", INSTAGRAM_TITLE, ("Navigator", "firefox")
)
PRIVATE_INSTAGRAM = WindowInfo(
    "firefox", "Firefox", "Instagram • Photos and videos — Mozilla Firefox Private Browsing"
)
KEEPASS = WindowInfo("keepassxc", "KeePassXC", "Bank login - Passwords.kdbx - KeePassXC")
XTERM = WindowInfo("xterm", "XTerm", "vim notes.txt", ("xterm", "XTerm"))


def make_config(tmp_path: Path, text: str = "") -> Config:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return config_module.load(path)


def classifier(tmp_path: Path, text: str = "") -> WindowClassifier:
    cfg = make_config(tmp_path, text)
    rule_set, issues = load_rule_set(cfg)
    assert issues == []
    return WindowClassifier(rule_set, cfg.privacy)


def test_a_browser_window_counts_as_its_site_and_the_title_is_dropped(tmp_path: Path) -> None:
    focus = classifier(tmp_path)(FIREFOX_INSTAGRAM)
    assert focus is not None
    assert (focus.app_key, focus.app_name, focus.site) == ("firefox", "Firefox", "instagram.com")
    assert focus.title is None  # store_titles is off by default


def test_other_apps_keep_the_platform_name_and_have_no_site(tmp_path: Path) -> None:
    focus = classifier(tmp_path)(WindowInfo("someapp", "Some App", "Instagram notes"))
    assert focus is not None
    assert (focus.app_name, focus.site, focus.title) == ("Some App", None, None)


def test_titles_are_kept_only_when_opted_in(tmp_path: Path) -> None:
    on = classifier(tmp_path, "[privacy]\nstore_titles = true\n")
    focus = on(FIREFOX_INSTAGRAM)
    assert focus is not None
    assert focus.title == INSTAGRAM_TITLE
    assert focus.site == "instagram.com"
    xterm = on(XTERM)
    assert xterm is not None
    assert xterm.title == "vim notes.txt"


def test_sensitive_apps_and_private_windows_never_keep_titles(tmp_path: Path) -> None:
    on = classifier(tmp_path, "[privacy]\nstore_titles = true\n")
    keepass = on(KEEPASS)
    assert keepass is not None
    assert keepass.title is None
    private = on(PRIVATE_INSTAGRAM)
    assert private is not None
    assert private.title is None
    assert private.site == "instagram.com"  # still counted (a limit holds in private windows)


def test_never_store_titles_for_matches_app_key_or_wm_class(tmp_path: Path) -> None:
    on = classifier(
        tmp_path, '[privacy]\nstore_titles = true\nnever_store_titles_for = ["XTerm"]\n'
    )
    assert on(XTERM) == on(XTERM)
    focus = on(XTERM)
    assert focus is not None
    assert focus.title is None
    by_class = on(WindowInfo("x-terminal", "Terminal", "secret", ("xterm", "XTerm")))
    assert by_class is not None
    assert by_class.title is None
    other = on(WindowInfo("code", "Code", "main.py"))
    assert other is not None
    assert other.title == "main.py"


def test_ignored_apps_record_nothing(tmp_path: Path) -> None:
    classify = classifier(
        tmp_path,
        '[privacy]\nignore_apps = ["Zoom"]\n'
        '[[rules]]\nfield = "app"\npattern = "secretgame"\nignore = true\n',
    )
    assert classify(WindowInfo("zoom", "Zoom", "Meeting")) is None
    assert classify(WindowInfo("other", "Zoom", "Meeting", ("zoom", "Zoom"))) is None
    assert classify(WindowInfo("secretgame", "Secret Game", "Level 3")) is None
    decision = classify.decide(WindowInfo("zoom", "Zoom", "Meeting"))
    assert decision.ignored_by_privacy
    assert "ignore_apps" in decision.title_note
    assert classify(XTERM) is not None


def test_a_bad_user_rule_is_reported_and_the_others_still_work(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cfg = make_config(
        tmp_path,
        "[privacy]\nstore_titles = false\n\n"
        '[[rules]]\nname = "broken"\nfield = "title"\nmatch = "regex"\npattern = "(oops"\n'
        'site = "oops.example"\n\n'
        '[[rules]]\nfield = "title"\npattern = "x"\ncolour = "red"\n\n'
        '[[rules]]\nfield = "title"\nmatch = "regex"\npattern = "^Toot"\n\n'
        '[[rules]]\nfield = "title"\nmatch = "regex"\npattern = "^Mastodon"\n'
        'site = "mastodon.social"\nsite_name = "Mastodon"\n',
    )
    with caplog.at_level(logging.WARNING, logger="wellbeing.rules"):
        rule_set, issues = load_rule_set(cfg)
    path = str(tmp_path / "config.toml")
    assert [(i.source, i.rule) for i in issues] == [
        (path, '[[rules]] #1 "broken", line 4'),
        (path, "[[rules]] #2, line 11"),
        (path, "[[rules]] #3, line 16"),
    ]
    assert "bad regex" in issues[0].reason
    assert "unknown key 'colour'" in issues[1].reason
    assert "no target" in issues[2].reason
    assert all(issue.message in caplog.text for issue in issues)
    focus = WindowClassifier(rule_set, cfg.privacy)(
        WindowInfo("firefox", "Firefox", "Mastodon — Mozilla Firefox")
    )
    assert focus is not None
    assert focus.site == "mastodon.social"
    # the built-in rules work as well
    builtin = WindowClassifier(rule_set, cfg.privacy)(FIREFOX_INSTAGRAM)
    assert builtin is not None
    assert builtin.site == "instagram.com"


def test_repeated_windows_are_classified_once(tmp_path: Path) -> None:
    classify = classifier(tmp_path)
    calls = []
    real = classify.rule_set.classify

    def counting(app_key: str, wm_class: object, title: str) -> Classification:
        calls.append(title)
        return real(app_key, wm_class, title)  # type: ignore[arg-type]

    classify.rule_set.classify = counting  # type: ignore[method-assign]
    first = [classify(FIREFOX_INSTAGRAM), classify(XTERM)]
    for _ in range(50):
        assert [classify(FIREFOX_INSTAGRAM), classify(XTERM)] == first
    assert calls == [INSTAGRAM_TITLE, "vim notes.txt"]
    assert classify.wm_classes == {"firefox": ("Navigator", "firefox"), "xterm": ("xterm", "XTerm")}


# -- the whole path: classifier -> tracker -> writer -> labels -> report --------------------


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    database = Database.open(None, Paths(data_dir), clock=clock)
    yield database
    database.close()


def run_tracker(
    db: Database, clock: FakeClock, rule_set: RuleSet, privacy: PrivacySettings
) -> UsageQueries:
    """Two minutes of Instagram in Firefox, then one in xterm, through the real pieces."""
    classify = WindowClassifier(rule_set, privacy)

    def label() -> None:
        sync_categories(db, rule_set, wm_classes=classify.wm_classes)

    writer = UsageWriter(
        db,
        db.device_id("test", "linux"),
        on_new_names=lambda apps, sites: label(),
    )
    platform = ScriptedPlatform.from_script(
        [(0, FIREFOX_INSTAGRAM), (120, XTERM), (180, None)], clock
    )
    tracker = TrackerService(
        platform, writer, clock, TrackerSettings(poll_seconds=1.0), classify=classify
    )
    tracker.run(duration=200)
    day = datetime.fromtimestamp(clock.now().wall, UTC).date()
    return UsageQueries(db, day_start_hour=0, today=lambda: day)


def stored_titles(db: Database) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.scalars(select(WindowTitle.title)))


@pytest.mark.parametrize("store_titles", [False, True])
def test_the_tracker_records_sites_and_titles_only_when_opted_in(
    db: Database, clock: FakeClock, tmp_path: Path, store_titles: bool
) -> None:
    cfg = make_config(tmp_path)
    rule_set, _ = load_rule_set(cfg)
    queries = run_tracker(db, clock, rule_set, PrivacySettings(store_titles=store_titles))
    day = datetime.fromtimestamp(clock.now().wall, UTC).date()
    by_site = {i.key: (i.name, i.category) for i in queries.usage(day, day, "site").items}
    assert by_site == {"instagram.com": ("Instagram", "Social")}
    site_seconds = {i.key: i.seconds for i in queries.usage(day, day, "site").items}
    assert site_seconds == {"instagram.com": pytest.approx(120.0, abs=1.0)}
    by_app = {i.key: (i.name, i.category) for i in queries.usage(day, day, "app").items}
    assert by_app == {"firefox": ("Firefox", "Browsing"), "xterm": ("XTerm", "Work")}
    by_category = {i.key: i.seconds for i in queries.usage(day, day, "category").items}
    assert by_category == {
        "Social": pytest.approx(120.0, abs=1.0),
        "Work": pytest.approx(60.0, abs=1.0),
    }
    with db.engine.connect() as conn:
        title_ids = set(conn.scalars(select(Interval.title_id)))
    if store_titles:
        assert sorted(stored_titles(db)) == sorted([INSTAGRAM_TITLE, "vim notes.txt"])
        assert None not in title_ids
    else:
        assert stored_titles(db) == []
        assert title_ids == {None}
    raw = (tmp_path / "data" / "wellbeing.sqlite3").read_bytes()
    wal = tmp_path / "data" / "wellbeing.sqlite3-wal"
    raw += wal.read_bytes() if wal.exists() else b""
    assert (b"Photos and videos" in raw) is store_titles
