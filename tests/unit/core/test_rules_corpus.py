"""Every row of the real-world window-title corpus is classified as expected."""

from __future__ import annotations

import csv
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from wellbeing.core.rules import RuleSet, build_rule_set

REPO = Path(__file__).resolve().parents[3]
# TODO(lead): read through wellbeing.resources.read_text("rules/default.toml") once it exists.
DEFAULT_RULES = REPO / "resources" / "rules" / "default.toml"
CORPUS = REPO / "tests" / "data" / "window_titles.tsv"

ISSUE_SITES = {
    "instagram.com",
    "facebook.com",
    "messenger.com",
    "snapchat.com",
    "tiktok.com",
    "x.com",
    "threads.com",
    "reddit.com",
    "youtube.com",
    "twitch.tv",
    "whatsapp.com",
    "telegram.org",
    "discord.com",
    "signal.org",
    "linkedin.com",
    "pinterest.com",
    "tumblr.com",
    "mastodon.social",
    "bsky.app",
    "netflix.com",
}
# app keys of the browsers the issue names, by family
BROWSER_FAMILIES = {
    "Firefox": {
        "firefox",
        "firefox.exe",
        "firefox-esr",
        "org.mozilla.firefox",
        "firefox-developer-edition",
        "librewolf",
    },
    "Chrome": {"google-chrome", "chrome.exe", "com.google.chrome"},
    "Chromium": {"chromium"},
    "Brave": {"brave-browser", "brave.exe"},
    "Edge": {"msedge.exe", "microsoft-edge"},
    "Vivaldi": {"vivaldi-stable"},
    "Opera": {"opera.exe"},
    "GNOME Web": {"org.gnome.Epiphany"},
    "Safari": {"com.apple.Safari"},
    "Arc": {"company.thebrowser.Browser"},
}


def load_corpus() -> list[dict[str, str]]:
    with CORPUS.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = load_corpus()


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    rule_set, problems = build_rule_set(tomllib.loads(DEFAULT_RULES.read_text(encoding="utf-8")))
    assert problems == []
    return rule_set


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['app']}:{r['title'][:60]}" for r in ROWS])
def test_corpus_row(rules: RuleSet, row: dict[str, str]) -> None:
    result = rules.classify(row["app"], None, row["title"])
    assert (result.site or "", result.private_window) == (row["site"], row["private"] == "1"), (
        row["note"],
        result.rule,
    )
    if result.private_window:
        assert not result.title_storable


def test_the_corpus_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 250
    for row in ROWS:
        assert row["os"] in {"linux", "windows", "macos"}
        assert row["private"] in {"0", "1"}
        assert row["title"] == row["title"].strip()
        assert row["title"]


def test_every_site_of_the_issue_is_in_the_corpus_and_web_sites_in_several_browsers() -> None:
    browsers_by_site: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        browsers_by_site[row["site"]].add(row["app"])
    assert set(browsers_by_site) >= ISSUE_SITES
    for site in ISSUE_SITES - {"signal.org"}:  # Signal has no web app
        assert len(browsers_by_site[site]) >= 3, site


def test_every_browser_family_appears_with_sites_private_windows_and_traps() -> None:
    apps = {row["app"] for row in ROWS}
    for family, keys in BROWSER_FAMILIES.items():
        assert apps & keys, family
    assert sum(row["private"] == "1" for row in ROWS) >= 40
    traps = [row for row in ROWS if row["site"] == "" and row["note"].startswith("not the site")]
    assert len(traps) >= 30
    assert any("\u200b" in row["title"] for row in ROWS)  # Edge's zero-width space
    assert any(row["title"].startswith("(") for row in ROWS if row["site"])  # counters
    # inboxes and chats whose titles do not name their site ("Inbox • Chats", "messages: inbox")
    assert sum(row["note"].startswith("name-less") for row in ROWS) >= 5


SEPARATORS = (" | ", " — ", " – ", " - ", " • ", " · ", " : ")
# What browsers add after the page title: nothing (Safari, GNOME Web), brands, profiles.
TAILS = (
    ("com.apple.Safari", ""),
    ("firefox", " — Mozilla Firefox"),
    ("google-chrome", " - Google Chrome - Work"),
    ("msedge.exe", " - Alice - Microsoft\u200b Edge"),
    ("konqueror", " – Konqueror"),
)
WEB_SITES = sorted(ISSUE_SITES - {"signal.org"})  # Signal has no web app
# Too short a name to be told from other pages after " - " or " : " ("Chapter 1 - X").
SHORT_NAMES = {"X": (" - ", " : ")}


@pytest.mark.parametrize("site", WEB_SITES)
def test_a_site_is_recognised_after_any_separator_in_any_browser(rules: RuleSet, site: str) -> None:
    name = rules.describe_site(site).name
    for separator in SEPARATORS:
        if separator in SHORT_NAMES.get(name, ()):
            continue
        for app, tail in TAILS:
            title = f"Some page{separator}{name}{tail}"
            assert rules.classify(app, None, title).site == site, title


# How other sites put a name first: Wikipedia, news, search results ("Name - Wikipedia").
MENTION_SEPARATORS = (" - ", " — ", " – ", " | ")
# Sites whose own pages start "Name | ..." or "Name • ..." ("Discord | #general | Server",
# "Instagram • Photos and videos"): after such a separator the name is the site's own.
OWN_LEADS = {"Discord": (" | ",)}


@pytest.mark.parametrize("site", WEB_SITES)
def test_a_page_that_only_mentions_a_site_is_other_browsing(rules: RuleSet, site: str) -> None:
    name = rules.describe_site(site).name
    for separator in MENTION_SEPARATORS:
        if separator in OWN_LEADS.get(name, ()):
            continue
        for app, tail in TAILS:
            for page in (f"{name}{separator}Wikipedia",
                         f"{name} announces changes{separator}BBC News",
                         f"{name.lower()}{separator}Google Search"):
                result = rules.classify(app, None, page + tail)
                assert result.site is None, (page + tail, result.rule)
