from __future__ import annotations

import re
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wellbeing.core.categories import FALLBACK_COLOR, UNCATEGORIZED
from wellbeing.core.rules import (
    USER_PRIORITY,
    RuleSet,
    build_rule_set,
    glob_required_text,
    parse_categories,
    parse_rules,
    regex_required_text,
)

BROWSER: dict[str, Any] = {
    "field": "app",
    "pattern": ["firefox", "org.mozilla.firefox"],
    "app_name": "Firefox",
    "category": "Browsing",
    "browser": True,
    "title_suffix": " — Mozilla Firefox$",
    "private_marker": "Private Browsing$",
}
SITE: dict[str, Any] = {
    "name": "Instagram",
    "field": "title",
    "match": "regex",
    "pattern": ["^Instagram$", " • Instagram$"],
    "site": "instagram.com",
    "site_name": "Instagram",
    "category": "Social",
}
CATEGORIES = {
    "categories": {
        "Browsing": "#1098ad",
        "Social": "#d6336c",
        "Work": "#2b8a3e",
        "Games": "#7950f2",
    }
}


def compile_rules(*tables: dict[str, Any], user: list[dict[str, Any]] | None = None) -> RuleSet:
    builtin = {"rules": list(tables), **CATEGORIES}
    rule_set, problems = build_rule_set(builtin, {"rules": user} if user is not None else None)
    assert problems == []
    return rule_set


# ---------------------------------------------------------------- parsing --


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        (
            {"field": "title", "match": "regex", "pattern": "(unclosed", "site": "a.com"},
            "bad regex",
        ),
        ({"field": "window", "pattern": "x", "category": "Work"}, "field must be one of"),
        ({"field": "app", "match": "fuzzy", "pattern": "x", "category": "Work"}, "match must be"),
        ({"field": "app", "category": "Work"}, "missing pattern"),
        ({"field": "app", "pattern": [], "category": "Work"}, "missing pattern"),
        ({"field": "app", "pattern": ""}, "non-empty string"),
        ({"field": "app", "pattern": "x"}, "no target"),
        ({"field": "app", "pattern": "x", "catgory": "Work"}, "unknown key 'catgory'"),
        ({"field": "app", "pattern": "x", "category": "Work", "priority": "high"}, "priority"),
        ({"field": "app", "pattern": "x", "category": "Work", "priority": True}, "priority"),
        ({"field": "title", "pattern": "x", "browser": True}, "cannot be set by a title rule"),
        ({"field": "site", "pattern": "a.com", "site": "b.com"}, "cannot be set by a site rule"),
        ({"field": "title", "pattern": "x", "site": "Instagram"}, "domain"),
        ({"field": "title", "pattern": "x", "site_name": "X"}, "site_name needs a site"),
        ({"field": "app", "pattern": "x", "sensitive": "yes"}, "true or false"),
        ({"field": "app", "pattern": "x", "category": ""}, "non-empty string"),
        (
            {"field": "app", "pattern": "x", "browser": True, "title_suffix": "(["},
            "bad regex in title_suffix",
        ),
        ("not a table", "must be a table"),
    ],
)
def test_an_invalid_rule_is_reported_and_the_others_keep_working(
    table: object, reason: str
) -> None:
    good = {"field": "app", "pattern": "code", "category": "Work"}
    rules, problems = parse_rules({"rules": [good, table, good]}, "config.toml")

    assert len(rules) == 2
    assert len(problems) == 1
    assert problems[0].source == "config.toml"
    assert problems[0].rule.startswith("rule #2")
    assert reason in problems[0].reason
    assert problems[0].message.startswith("config.toml, rule #2")


def test_a_problem_names_the_rule_by_its_name_when_it_has_one() -> None:
    _, problems = parse_rules({"rules": [{"name": "Bad", "field": "nope"}]}, "config.toml")
    assert str(problems[0]).startswith('config.toml, rule #1 "Bad": field must be one of')


def test_rules_that_are_not_an_array_of_tables_are_one_problem() -> None:
    rules, problems = parse_rules({"rules": {"field": "app"}}, "config.toml")
    assert rules == []
    assert "[[rules]]" in problems[0].reason


def test_a_document_without_rules_has_none_and_no_problem() -> None:
    assert parse_rules({"other": 1}, "config.toml") == ([], [])


def test_rules_keep_file_order_patterns_and_source() -> None:
    rules, _ = parse_rules({"rules": [BROWSER, SITE]}, "default.toml")
    assert [r.field for r in rules] == ["app", "title"]
    assert rules[1].patterns == ("^Instagram$", " • Instagram$")
    assert rules[1].origin == 'default.toml rule #2 "Instagram"'
    assert rules[0].targets.browser is True
    assert rules[1].targets.given() == {
        "site": "instagram.com",
        "site_name": "Instagram",
        "category": "Social",
    }


def test_user_rules_default_above_builtin_ones_and_keep_an_explicit_priority() -> None:
    rules, _ = parse_rules(
        {
            "rules": [
                {"field": "app", "pattern": "a", "category": "Work"},
                {"field": "app", "pattern": "a", "category": "Work", "priority": -5},
            ]
        },
        "config.toml",
        default_priority=USER_PRIORITY,
    )
    assert [r.priority for r in rules] == [USER_PRIORITY, -5]


def test_categories_are_read_and_bad_colours_reported() -> None:
    categories, problems = parse_categories(
        {"categories": {"Social": "#D6336C", "Video": "orange", "": "#000000"}}, "config.toml"
    )
    assert categories == {"Social": "#d6336c"}
    assert sorted(p.rule for p in problems) == ["categories.", "categories.Video"]
    assert all(p.source == "config.toml" for p in problems)


# ----------------------------------------------------------- classifying --


def test_a_site_in_a_browser_window_counts_as_the_site() -> None:
    rules = compile_rules(BROWSER, SITE)
    result = rules.classify("firefox", None, "(3) Instagram — Mozilla Firefox")
    assert (result.site, result.site_name, result.category) == (
        "instagram.com",
        "Instagram",
        "Social",
    )
    assert result.category_color == "#d6336c"
    assert result.app_name == "Firefox"
    assert result.is_browser
    assert not result.private_window
    assert result.title_storable
    assert result.rule == (
        'default.toml rule #2 "Instagram": site instagram.com, site_name '
        'Instagram, category Social (title regex "^Instagram$")'
    )


def test_a_browser_page_without_a_site_counts_as_the_browser() -> None:
    result = compile_rules(BROWSER, SITE).classify("firefox", None, "Weather — Mozilla Firefox")
    assert (result.site, result.category) == (None, "Browsing")
    assert "app exact" in result.rule


def test_the_suffix_is_cut_before_site_patterns_see_the_title() -> None:
    anchored = {**SITE, "pattern": "^Instagram$"}
    assert (
        compile_rules(BROWSER, anchored)
        .classify("firefox", None, "Instagram — Mozilla Firefox")
        .site
        == "instagram.com"
    )


def test_title_rules_that_name_a_site_apply_to_browsers_only() -> None:
    result = compile_rules(BROWSER, SITE).classify("gedit", None, "Instagram")
    assert result.site is None
    assert result.category == UNCATEGORIZED
    assert result.rule == "no rule matched: Other"


def test_title_rules_without_a_site_apply_to_any_app() -> None:
    odt = {"field": "title", "match": "glob", "pattern": "*.odt - LibreOffice*", "category": "Work"}
    result = compile_rules(BROWSER, odt).classify(
        "soffice.bin", None, "Notes.odt - LibreOffice Writer"
    )
    assert result.category == "Work"


def test_a_private_window_is_counted_but_its_title_is_not_storable() -> None:
    result = compile_rules(BROWSER, SITE).classify(
        "org.mozilla.firefox", None, "Instagram — Private Browsing"
    )
    assert result.private_window
    assert not result.title_storable


def test_private_markers_only_count_in_browsers() -> None:
    result = compile_rules(BROWSER, SITE).classify("gedit", None, "Notes on Private Browsing")
    assert not result.private_window
    assert result.title_storable


def test_a_sensitive_app_never_has_a_storable_title() -> None:
    vault = {"field": "app", "pattern": "keepassxc", "sensitive": True}
    result = compile_rules(vault).classify("keepassxc", None, "Passwords.kdbx - KeePassXC")
    assert result.title_storable is False
    assert result.private_window is False


def test_an_ignored_app_is_marked_and_nothing_else_is_decided() -> None:
    ignore = {"field": "app", "pattern": "firefox", "ignore": True}
    result = compile_rules(BROWSER, SITE, ignore).classify(
        "firefox", None, "Instagram — Mozilla Firefox"
    )
    assert result.ignored
    assert not result.title_storable
    assert result.site is None


def test_exact_and_glob_ignore_case_but_regex_does_not() -> None:
    rules = compile_rules(
        {"field": "app", "pattern": "Code", "category": "Work"},
        {"field": "app", "match": "glob", "pattern": "STEAM_*", "category": "Games"},
        {"field": "app", "match": "regex", "pattern": "^Krita$", "category": "Work"},
    )
    assert rules.classify("code", None, "").category == "Work"
    assert rules.classify("steam_app_570", None, "").category == "Games"
    assert rules.classify("krita", None, "").category == UNCATEGORIZED
    assert rules.classify("Krita", None, "").category == "Work"


def test_wm_class_rules_match_either_part_and_beat_app_rules() -> None:
    rules = compile_rules(
        {"field": "app", "pattern": "java", "category": "Work"},
        {"field": "wm_class", "match": "glob", "pattern": "minecraft*", "category": "Games"},
    )
    assert rules.classify("java", ("Minecraft 1.20.4", "Minecraft 1.20.4"), "").category == "Games"
    assert rules.classify("java", "Minecraft", "").category == "Games"
    assert rules.classify("java", None, "").category == "Work"


def test_what_the_window_shows_beats_what_the_app_is_even_at_lower_priority() -> None:
    work_browser = {"field": "app", "pattern": "firefox", "category": "Work", "priority": 500}
    result = compile_rules(BROWSER, SITE, work_browser).classify(
        "firefox", None, "Instagram — Mozilla Firefox"
    )
    assert result.category == "Social"
    assert (
        compile_rules(BROWSER, SITE, work_browser)
        .classify("firefox", None, "Docs — Mozilla Firefox")
        .category
        == "Work"
    )


def test_a_user_rule_wins_over_a_builtin_one_and_says_so() -> None:
    user = [{"field": "site", "pattern": "instagram.com", "category": "Work"}]
    result = compile_rules(BROWSER, SITE, user=user).classify(
        "firefox", None, "Instagram — Mozilla Firefox"
    )
    assert result.site == "instagram.com"
    assert result.category == "Work"
    assert "category from config.toml rule #1" in result.rule


def test_among_equals_the_higher_priority_then_the_earlier_rule_wins() -> None:
    first = {"field": "app", "pattern": "x", "category": "Work"}
    second = {"field": "app", "pattern": "x", "category": "Games"}
    assert compile_rules(first, second).classify("x", None, "").category == "Work"
    assert (
        compile_rules(first, {**second, "priority": 1}).classify("x", None, "").category == "Games"
    )


def test_a_site_rule_renames_a_site_and_applies_to_a_desktop_app_of_the_service() -> None:
    discord = {"field": "app", "pattern": "discord", "site": "discord.com", "category": "Social"}
    rename = {
        "field": "site",
        "match": "glob",
        "pattern": "discord.*",
        "site_name": "Discord",
        "category": "Work",
    }
    result = compile_rules(discord, rename).classify("discord", None, "Friends - Discord")
    assert (result.site, result.site_name, result.category) == ("discord.com", "Discord", "Work")


def test_exact_title_rules_are_found_by_lookup_and_rank_like_the_others() -> None:
    exact = {"field": "title", "pattern": "WhatsApp", "site": "whatsapp.com", "category": "Social"}
    rules = compile_rules(BROWSER, exact)
    assert rules.classify("firefox", None, "(4) whatsapp — Mozilla Firefox").site == "whatsapp.com"
    assert rules.classify("gedit", None, "WhatsApp").site is None


def test_a_category_without_a_colour_is_shown_grey_and_reported() -> None:
    rule_set, problems = build_rule_set(
        {"rules": [{"field": "app", "pattern": "x", "category": "Music"}]}
    )
    assert rule_set.classify("x", None, "").category_color == FALLBACK_COLOR
    assert [str(p) for p in problems] == [
        "default.toml, rule #1: category 'Music' has no colour in [categories]; it is shown grey"
    ]


def test_user_categories_recolour_builtin_ones() -> None:
    rule_set, _ = build_rule_set(
        {**CATEGORIES, "rules": [{"field": "app", "pattern": "x", "category": "Work"}]},
        {"categories": {"Work": "#123456"}},
    )
    assert rule_set.classify("x", None, "").category_color == "#123456"


def test_the_summary_is_what_classify_json_prints() -> None:
    result = compile_rules(BROWSER, SITE).classify("firefox", None, "Instagram — Mozilla Firefox")
    assert result.summary() == {
        "app": "firefox",
        "site": "instagram.com",
        "category": "Social",
        "rule": result.rule,
    }


def test_classifying_again_gives_the_same_answer() -> None:
    rules = compile_rules(BROWSER, SITE)
    titles = ["Instagram — Mozilla Firefox", "Docs — Mozilla Firefox", "Instagram"]
    first = [rules.classify(app, None, t) for app in ("firefox", "gedit") for t in titles]
    again = [rules.classify(app, None, t) for app in ("firefox", "gedit") for t in titles]
    assert first == again


def test_a_title_that_names_no_site_runs_no_site_pattern() -> None:
    rules = compile_rules(
        BROWSER, SITE, {**SITE, "name": "YouTube", "pattern": " - YouTube$", "site": "youtube.com"}
    )
    runs = 0

    def counting(test: Any) -> Any:
        def run(text: str) -> object:
            nonlocal runs
            runs += 1
            return test(text)

        return run

    for title_rule in rules._browser_titles.rules:
        for matcher in title_rule.matchers:
            object.__setattr__(matcher, "test", counting(matcher.test))
    rules.classify("firefox", None, "How to bake bread - BBC Food — Mozilla Firefox")
    assert runs == 0
    rules.classify("firefox", None, "Cats - YouTube — Mozilla Firefox")
    assert runs == 1


# ------------------------------------------------ text a pattern requires --


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("^Instagram(?:$| • )", ("Instagram", False)),
        (r" (?:on|auf) Instagram ?: ", (" Instagram", False)),
        (r"(?i)^reddit$", ("reddit", True)),
        (r"x\.y?z", ("x.", False)),
        (r"ab+c", ("ab", False)),
        (r"ab{2,3}cd", ("cd", False)),
        (r"\(@[\w.]+\) on Threads", (") on Threads", False)),
        ("a|b", None),
        ("(?x) a b", None),
        (r"\x41BC", None),
        (r"\w+", None),
    ],
)
def test_regex_required_text(pattern: str, expected: tuple[str, bool] | None) -> None:
    assert regex_required_text(pattern) == expected


def test_glob_required_text() -> None:
    assert glob_required_text("*YouTube*") == ("youtube", True)
    assert glob_required_text("[ab]x") is None


_PIECES = st.sampled_from(
    [
        "a",
        "b",
        "A",
        "ı",
        "I",
        "i",
        "ab",
        " - ",
        ".",
        "\\.",
        "\\w",
        "\\d",
        "\\s",
        "[ab]",
        "[^a]",
        "(a|b)",
        "(?:ab)",
        "(?i:a)",
        "(?=a)",
        "(?!b)",
        "*",
        "+",
        "?",
        "{2}",
        "{1,2}",
        "*?",
        "^",
        "$",
        "\\b",
        "|",
        "\\|",
        "(",
        ")",
        "\\(",
        "[",
        "]",
    ]
)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(_PIECES, min_size=1, max_size=8),
    flags=st.sampled_from(["", "(?i)", "(?s)"]),
    texts=st.lists(st.text(alphabet="abAIıi .-(|)[]1", max_size=12), min_size=1, max_size=6),
)
def test_required_text_is_in_every_match(pieces: list[str], flags: str, texts: list[str]) -> None:
    pattern = flags + "".join(pieces)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # "possible nested set" in "[["
            compiled = re.compile(pattern)
    except re.error:
        return
    required = regex_required_text(pattern)
    if required is None:
        return
    text, folded = required
    for candidate in [*texts, pattern]:
        if compiled.search(candidate):
            haystack = candidate.casefold().replace("ı", "i") if folded else candidate
            assert text in haystack, (pattern, candidate)
