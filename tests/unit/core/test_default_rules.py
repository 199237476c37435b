"""The built-in rules and categories in resources/rules/default.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from wellbeing.core.categories import contrast_ratio
from wellbeing.core.rules import RuleSet, build_rule_set, parse_rules

REPO = Path(__file__).resolve().parents[3]
# TODO(lead): read through wellbeing.resources.read_text("rules/default.toml") once it exists.
DEFAULT_RULES = REPO / "resources" / "rules" / "default.toml"


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return tomllib.loads(DEFAULT_RULES.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules(data: dict[str, Any]) -> RuleSet:
    rule_set, problems = build_rule_set(data)
    assert problems == []
    return rule_set


def test_every_builtin_rule_is_valid(data: dict[str, Any]) -> None:
    rules, problems = parse_rules(data, "default.toml")
    assert problems == []
    assert len(rules) == len(data["rules"])


def test_the_default_categories_and_their_colours_read_on_light_and_dark(
    data: dict[str, Any],
) -> None:
    categories = data["categories"]
    assert list(categories) == [
        "Social",
        "Video",
        "Messaging",
        "Games",
        "Work",
        "Browsing",
        "Other",
    ]
    for name, colour in categories.items():
        # WCAG 2.1 non-text contrast (1.4.11): 3:1 against a light and a dark window.
        assert contrast_ratio(colour, "#ffffff") >= 3.0, name
        assert contrast_ratio(colour, "#1e1e1e") >= 3.0, name
    assert len(set(categories.values())) == len(categories)


@pytest.mark.parametrize(
    ("app", "title", "site"),
    [
        ("firefox", "Instagram • Photos and videos — Mozilla Firefox", "instagram.com"),
        ("google-chrome", "(3) Home / X - Google Chrome", "x.com"),
        ("brave-browser", "WhatsApp - Brave", "whatsapp.com"),
    ],
)
def test_the_issue_examples(rules: RuleSet, app: str, title: str, site: str) -> None:
    result = rules.classify(app, None, title)
    assert result.site == site
    assert result.is_browser


@pytest.mark.parametrize(
    "app",
    [
        "firefox",
        "firefox.exe",
        "org.mozilla.firefox",
        "google-chrome",
        "chrome.exe",
        "com.google.Chrome",
        "chromium",
        "brave-browser",
        "com.brave.Browser",
        "msedge.exe",
        "microsoft-edge",
        "com.microsoft.edgemac",
        "vivaldi",
        "opera",
        "epiphany",
        "org.gnome.Epiphany",
        "com.apple.Safari",
        "company.thebrowser.Browser",
    ],
)
def test_the_common_browsers_are_browsers_and_count_as_browsing(rules: RuleSet, app: str) -> None:
    result = rules.classify(app, None, "Example Domain")
    assert result.is_browser
    assert result.category == "Browsing"
    assert result.site is None


@pytest.mark.parametrize(
    ("app", "site", "category"),
    [
        ("discord", "discord.com", "Messaging"),
        ("telegram-desktop", "telegram.org", "Messaging"),
        ("org.telegram.desktop", "telegram.org", "Messaging"),
        ("signal-desktop", "signal.org", "Messaging"),
        ("whatsapp-for-linux", "whatsapp.com", "Messaging"),
        ("slack", "slack.com", "Work"),
        ("spotify", None, "Other"),
        ("steam", None, "Games"),
        ("code", None, "Work"),
        ("soffice.bin", None, "Work"),
        ("gnome-terminal-server", None, "Work"),
        ("some-unknown-tool", None, "Other"),
    ],
)
def test_desktop_apps(rules: RuleSet, app: str, site: str | None, category: str) -> None:
    result = rules.classify(app, None, "")
    assert (result.site, result.category) == (site, category)
    assert not result.is_browser


def test_a_proton_game_is_a_game_by_its_wm_class(rules: RuleSet) -> None:
    assert (
        rules.classify(
            "wine64-preloader", ("steam_app_1091500", "steam_app_1091500"), "Cyberpunk 2077"
        ).category
        == "Games"
    )


@pytest.mark.parametrize("app", ["keepassxc", "bitwarden", "1password", "org.gnome.World.Secrets"])
def test_password_managers_never_have_storable_titles(rules: RuleSet, app: str) -> None:
    assert rules.classify(app, None, "Bank - Passwords.kdbx").title_storable is False


def test_no_app_is_ignored_by_default(data: dict[str, Any]) -> None:
    assert not any(rule.get("ignore") for rule in data["rules"])


def test_the_explanation_names_the_file_the_rule_and_the_pattern(rules: RuleSet) -> None:
    result = rules.classify(
        "firefox", None, "Rick Astley - Never Gonna Give You Up - YouTube — Mozilla Firefox"
    )
    assert result.rule.startswith("default.toml rule #")
    assert '"YouTube": site youtube.com' in result.rule
    assert '(title regex " [|—–•·:/-] YouTube(?: Studio| Music)?$")' in result.rule


@pytest.mark.parametrize(
    ("app", "title"),
    [
        ("firefox", "Instagram marketing tips - Google Search — Mozilla Firefox"),
        ("google-chrome", "reddit - Google Search - Google Chrome"),
        ("libreoffice", "Notes about Instagram marketing.odt - LibreOffice Writer"),
        ("code", "youtube.py - scraper - Visual Studio Code"),
    ],
)
def test_false_positives_of_the_issue(rules: RuleSet, app: str, title: str) -> None:
    assert rules.classify(app, None, title).site is None


@pytest.mark.parametrize(
    ("title", "site"),
    [
        ("Instagram stories explained - YouTube — Mozilla Firefox", "youtube.com"),
        ("Xbox Series X review (@Xbox) / X — Mozilla Firefox", "x.com"),
        ("TikTok vs Instagram? : r/socialmedia — Mozilla Firefox", "reddit.com"),
        ("Facebook Marketplace tips | Pinterest — Mozilla Firefox", "pinterest.com"),
    ],
)
def test_a_title_naming_several_sites_counts_as_the_one_whose_format_it_has(
    rules: RuleSet, title: str, site: str
) -> None:
    assert rules.classify("firefox", None, title).site == site


def test_describe_site_and_app_give_names_and_categories_without_a_title() -> None:
    import tomllib

    from wellbeing.core.rules import build_rule_set
    from wellbeing.resources import read_text

    text = read_text("rules/default.toml")
    rule_set, problems = build_rule_set(tomllib.loads(text))
    assert problems == []
    insta = rule_set.describe_site("instagram.com")
    assert (insta.name, insta.category) == ("Instagram", "Social")
    assert rule_set.describe_site("youtube.com").category == "Video"
    unknown = rule_set.describe_site("example.org")
    assert (unknown.name, unknown.category) == ("example.org", "Other")
    firefox = rule_set.describe_app("firefox")
    assert firefox.is_browser
    assert firefox.category == "Browsing"
    assert rule_set.describe_app("keepassxc").title_storable is False
