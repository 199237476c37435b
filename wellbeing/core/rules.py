"""Rules that say what a foreground window is: which app, which website, which category.

Rules are data (``[[rules]]`` tables in ``default.toml`` and in the user's
config). Each rule looks at one *field* of a sample:

- ``app``: the app key (executable name, desktop-file id, bundle id),
- ``wm_class``: an X11 WM_CLASS part (instance or class),
- ``title``: the *page title* of the window (see below),
- ``site``: the website another rule recognised,

compares it with one or more *patterns* (``exact`` and ``glob`` ignore case;
``regex`` is a Python regular expression searched anywhere) and, when it
matches, sets *targets*: ``app_name``, ``site`` (a domain) with ``site_name``,
``category``, and flags: ``browser``, ``sensitive`` (titles are never stored),
``ignore`` (nothing is recorded). A browser rule also carries ``title_suffix``,
what the browser appends to the page title (`` — Mozilla Firefox``), and
``private_marker``, what marks its private windows.

How a sample is decided:

1. App and wm_class rules say what the app is. This is computed once per app.
2. For browsers the title becomes the page title: a leading notification
   counter like ``(3)`` and the browser's suffix are cut off. Title rules run on
   that page title; a title rule that names a site only applies to browsers, so
   a document called "Instagram notes" in an editor is never instagram.com.
3. Site rules then adjust what is known about the recognised site.

Each target is decided by one rule: what the window shows (title and site
rules) beats what the app is (app and wm_class rules); among those, the higher
``priority`` wins, then the more specific field (site > title > wm_class >
app), then the earlier rule. User rules default to a higher priority than the
built-in ones.

Private windows are still classified (a limit on a site holds in them too);
only their titles are marked as not storable.

Reading the tables (what a rule is, its checks and problems) is
:mod:`wellbeing.core.rule_parsing`; here they are compiled and matched.

Speed: app rules are resolved once per app and cached; exact patterns are dict
lookups; for every regex and glob the text any match must contain is read off
the pattern, and one search for those texts picks the few title rules worth
running, so a title that names no site costs about one regex search.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from wellbeing.core.categories import FALLBACK_COLOR, UNCATEGORIZED
from wellbeing.core.pattern_text import fold_case, glob_required_text, regex_required_text
from wellbeing.core.rule_parsing import (
    FIELDS,
    REGEX_TARGETS,
    USER_PRIORITY,
    Rule,
    RuleProblem,
    parse_categories,
    parse_rules,
)
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Said

__all__ = [
    "USER_PRIORITY",
    "Classification",
    "Rule",
    "RuleProblem",
    "RuleSet",
    "SiteInfo",
    "build_rule_set",
    "glob_required_text",
    "parse_categories",
    "parse_rules",
    "regex_required_text",
]

_SPECIFICITY: Final[Mapping[str, int]] = {"app": 0, "wm_class": 1, "title": 2, "site": 3}
_COUNTER: Final = re.compile(r"^[(\[]\d+\+?[)\]]\s*")
_APP_CACHE_SIZE: Final = 2048



@dataclass(frozen=True, slots=True)
class Classification:
    """What a sample counts as.

    Attributes:
        app_name: display name a rule gave the app, or None (keep the platform's).
        site: domain of the recognised website or desktop service, e.g. "instagram.com".
        site_name: its display name, e.g. "Instagram", when a rule gave one.
        private_window: a browser's private/incognito window, from its title.
        title_storable: False for sensitive apps, private windows and ignored apps.
        ignored: the user asked to record nothing for this app.
        rule: which rule decided the site (or else the category), in words.
    """

    app_key: str
    app_name: str | None
    site: str | None
    site_name: str | None
    category: str
    category_color: str
    is_browser: bool
    private_window: bool
    title_storable: bool
    ignored: bool
    rule: str

    def summary(self) -> dict[str, str | None]:
        """The short form ``wellbeing classify --json`` prints."""
        return {"app": self.app_key, "site": self.site, "category": self.category,
                "rule": self.rule}


@dataclass(frozen=True, slots=True)
class SiteInfo:
    """What the rules say about a website: display name and category."""

    domain: str
    name: str
    category: str
    color: str


def build_rule_set(
    builtin: Mapping[str, object],
    user: Mapping[str, object] | None = None,
    *,
    builtin_source: str = "default.toml",
    user_source: str = "config.toml",
) -> tuple[RuleSet, list[RuleProblem]]:
    """Parse the built-in and the user's rules and categories and compile them together.

    The user's categories override the built-in colours; the user's rules
    default to ``USER_PRIORITY`` so they win over built-in ones.
    """
    rules, problems = parse_rules(builtin, builtin_source)
    categories, category_problems = parse_categories(builtin, builtin_source)
    problems += category_problems
    if user is not None:
        user_rules, user_problems = parse_rules(user, user_source, default_priority=USER_PRIORITY)
        user_categories, user_category_problems = parse_categories(user, user_source)
        rules += user_rules
        categories.update(user_categories)
        problems += user_problems + user_category_problems
    rule_set = RuleSet.compile(rules, categories)
    return rule_set, problems + list(rule_set.problems)



@dataclass(frozen=True, slots=True)
class _Matcher:
    """One pattern of one rule, ready to test.

    ``gate`` is text every match contains (case-folded when ``folded``): when
    it is absent from the value, the pattern cannot match and is not run.
    """

    rank: tuple[int, int, int]
    rule: Rule
    test: Callable[[str], object]
    decides: frozenset[str]
    why: str
    gate: str | None = None
    folded: bool = False


@dataclass(frozen=True, slots=True)
class _TitleRule:
    """The title patterns of one rule and ``gates``: text at least one of them needs."""

    matchers: tuple[_Matcher, ...]
    decides: frozenset[str]
    gates: tuple[str, ...] | None  # None: some pattern needs no (case-sensitive) text


class _TitleScan:
    """Title rules in rank order, and a search for the texts they need.

    One regex search for the shortest texts the gated rules need finds which of
    them occur in a page title; only rules that need one of those texts (and
    rules with no such text) are then tried, so a title that names no site
    costs one search.
    """

    def __init__(self, matchers: list[_Matcher]) -> None:
        groups: list[list[_Matcher]] = []
        for matcher in matchers:
            if groups and groups[-1][0].rule is matcher.rule:
                groups[-1].append(matcher)
            else:
                groups.append([matcher])
        rules = []
        for group in groups:
            gated = all(m.gate is not None and not m.folded for m in group)
            gates = tuple(str(m.gate) for m in group) if gated else None
            rules.append(_TitleRule(tuple(group), group[0].decides, gates))
        self.rules: tuple[_TitleRule, ...] = tuple(rules)
        self.ungated = tuple(i for i, rule in enumerate(rules) if rule.gates is None)
        # Spaces at either end are trimmed (what is left is still in every match): an
        # alternative that starts with a space would be tried at every space of a title.
        texts = sorted({gate.strip(" ") or gate for rule in rules for gate in rule.gates or ()},
                       key=len)
        # Where "X" is present, so is no longer text needed: keep only the shortest texts.
        needed: list[str] = []
        for text in texts:
            if not any(shorter in text for shorter in needed):
                needed.append(text)
        self.any_gate = re.compile("|".join(map(re.escape, needed))) if needed else None
        by_gate: dict[str, list[int]] = {text: [] for text in needed}
        for index, rule in enumerate(rules):
            for text in needed:
                if any(text in gate for gate in rule.gates or ()):
                    by_gate[text].append(index)
        self.by_gate = {text: tuple(indexes) for text, indexes in by_gate.items()}
        still_open: list[frozenset[str]] = [frozenset()]
        for rule in reversed(rules):
            still_open.append(still_open[-1] | rule.decides)
        still_open.reverse()
        self.still_open = tuple(still_open)
        self.folded = any(m.folded for m in matchers)

    def scan(self, page: str) -> dict[str, _Matcher]:
        """For each target, the best title rule that matches ``page``."""
        found: dict[str, _Matcher] = {}
        any_gate = self.any_gate
        present = any_gate.search(page) if any_gate is not None else None
        if any_gate is None or present is None:
            indexes: Sequence[int] = self.ungated
        else:
            chosen = set(self.ungated)
            while present is not None:  # at most one needed text starts at any position
                chosen.update(self.by_gate[present.group()])
                present = any_gate.search(page, present.start() + 1)
            indexes = sorted(chosen)
        folded = fold_case(page) if self.folded else page
        for index in indexes:
            hit = _first_match(self.rules[index].matchers, page, folded)
            if hit is not None:
                for name in hit.decides:
                    found.setdefault(name, hit)
                if found.keys() >= self.still_open[index + 1]:
                    break
        return found


@dataclass(slots=True)
class _AppInfo:
    """What the app and wm_class rules say about one app (computed once per app)."""

    found: dict[str, _Matcher]
    is_browser: bool
    ignored: bool
    suffix: re.Pattern[str] | None
    private_marker: re.Pattern[str] | None
    titles: _TitleScan
    plain: tuple[Classification, Classification]  # no window rule matched: (normal, private)


def _no_colour(category: str) -> tuple[str, Said]:
    said = Said("Rules", QT_TRANSLATE_NOOP(
        "Rules", "category {category} has no colour in [categories]; it is shown grey"),
        {"category": repr(category)})
    return str(said), said


def _why(rule: Rule, pattern: str) -> str:
    decided = ", ".join(
        f"{name} {value}" if not isinstance(value, bool) else f"{name}={str(value).lower()}"
        for name, value in rule.targets.given().items()
        if name not in REGEX_TARGETS
    )
    return f'{rule.origin}: {decided} ({rule.field} {rule.match} "{pattern}")'


class RuleSet:
    """Compiled rules: build once with :meth:`compile`, then :meth:`classify` each sample."""

    def __init__(self, rules: Sequence[Rule], categories: Mapping[str, str]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.categories: dict[str, str] = dict(categories)
        self.categories.setdefault(UNCATEGORIZED, FALLBACK_COLOR)
        self._exact: dict[str, dict[str, list[_Matcher]]] = {f: {} for f in FIELDS}
        self._scan: dict[str, list[_Matcher]] = {f: [] for f in FIELDS}
        self._app_cache: dict[tuple[str, str | tuple[str, ...] | None], _AppInfo] = {}
        self._site_setters: dict[str, list[_Matcher]] = {}
        problems: list[RuleProblem] = []
        for order, rule in enumerate(self.rules):
            rank = (rule.priority, _SPECIFICITY[rule.field], -order)
            decides = frozenset(rule.targets.given()) - {"site_name"}
            if rule.field == "site" and rule.targets.site_name is not None:
                decides |= {"site_name"}
            for pattern in rule.patterns:
                self._add(rule, pattern, rank, decides)
            if rule.targets.site is not None and rule.field != "site":
                self._site_setters.setdefault(rule.targets.site, []).append(
                    _Matcher(rank, rule, bool, decides, _why(rule, rule.patterns[0]))
                )
            category = rule.targets.category
            if category is not None and category not in self.categories:
                problems.append(RuleProblem(rule.source, rule.label, *_no_colour(category),
                                            rule.said_label))
        for matchers in self._scan.values():
            matchers.sort(key=lambda m: m.rank, reverse=True)
        self._browser_titles = _TitleScan(self._scan["title"])
        self._other_titles = _TitleScan([m for m in self._scan["title"] if "site" not in m.decides])
        self.problems: tuple[RuleProblem, ...] = tuple(problems)

    @classmethod
    def compile(cls, rules: Sequence[Rule], categories: Mapping[str, str]) -> RuleSet:
        """Compile rules (in order) and categories (name -> colour) for fast classification."""
        return cls(rules, categories)

    def _add(self, rule: Rule, pattern: str, rank: tuple[int, int, int],
             decides: frozenset[str]) -> None:
        why = _why(rule, pattern)
        if rule.match == "exact":
            key = pattern.casefold()
            bucket = self._exact[rule.field].setdefault(key, [])
            bucket.append(_Matcher(rank, rule, key.__eq__, decides, why))
            bucket.sort(key=lambda m: m.rank, reverse=True)
            return
        if rule.match == "glob":
            test = re.compile(fnmatch.translate(pattern), re.IGNORECASE).match
            gate = glob_required_text(pattern)
        else:
            test = re.compile(pattern).search
            gate = regex_required_text(pattern)
        text, folded = gate if gate is not None else (None, False)
        self._scan[rule.field].append(_Matcher(rank, rule, test, decides, why, text, folded))

    def classify(
        self, app_key: str, wm_class: str | tuple[str, ...] | None, title: str
    ) -> Classification:
        """Decide what one sample counts as.

        Args:
            app_key: the app's stable key.
            wm_class: the WM_CLASS (one part, or the (instance, class) pair), or None.
            title: the window title; it is only read here, never kept.
        """
        info = self._app_cache.get((app_key, wm_class))
        if info is None:
            info = self._app_info(app_key, wm_class)
        if info.ignored:
            return info.plain[0]
        page = title
        if page[:1] in ("(", "["):
            counter = _COUNTER.match(page)
            if counter is not None:
                page = page[counter.end():]
        browser_text = title  # where the private marker is looked for
        if info.suffix is not None:
            suffix = info.suffix.search(page)
            if suffix is not None:
                browser_text = page[suffix.start():]
                page = page[: suffix.start()]
        private = bool(info.private_marker and info.private_marker.search(browser_text))
        page = page.strip()
        found = info.titles.scan(page)
        exact = self._exact["title"].get(page.casefold())
        if exact:
            for matcher in exact:
                if info.is_browser or "site" not in matcher.decides:
                    _overlay(found, matcher)
        site_winner = found.get("site") or info.found.get("site")
        if site_winner is not None:
            self._overlay_site(found, str(site_winner.rule.targets.site))
        if not found:
            return info.plain[1 if private else 0]
        return self._decide(app_key, info, found, private)

    def describe_app(
        self, app_key: str, wm_class: str | tuple[str, ...] | None = None
    ) -> Classification:
        """What an app counts as when no title is known (its name, category, browser flag)."""
        return self.classify(app_key, wm_class, "")

    def site_of_host(self, host: str) -> str | None:
        """The recognised site a web address's host is part of, or None.

        "m.youtube.com" and "www.youtube.com" give "youtube.com" when a rule
        recognises that site (as ActivityWatch's browser extension reports URLs).
        """
        parts = host.casefold().rstrip(".").split(".")
        for i in range(len(parts) - 1):
            candidate = ".".join(parts[i:])
            if candidate in self._site_setters:
                return candidate
        return None

    def describe_site(self, domain: str) -> SiteInfo:
        """A recognised site's display name and category, as the rules say today.

        Categories hang off the site, so a rule change re-labels history too.
        """
        found: dict[str, _Matcher] = {}
        for matcher in self._site_setters.get(domain, ()):
            _overlay(found, matcher)
        self._overlay_site(found, domain)
        name_rule = found.get("site_name") or found.get("site")
        name = name_rule.rule.targets.site_name if name_rule else None
        category_rule = found.get("category")
        category = (category_rule.rule.targets.category if category_rule else None) or UNCATEGORIZED
        return SiteInfo(
            domain=domain,
            name=name or domain,
            category=category,
            color=self.categories.get(category, FALLBACK_COLOR),
        )

    def _overlay_site(self, found: dict[str, _Matcher], site: str) -> None:
        for matcher in self._exact["site"].get(site, ()):
            _overlay(found, matcher)
        for matcher in self._scan["site"]:
            if matcher.test(site):
                _overlay(found, matcher)

    def _app_info(self, app_key: str, wm_class: str | tuple[str, ...] | None) -> _AppInfo:
        candidates = list(self._exact["app"].get(app_key.casefold(), ()))
        candidates += [m for m in self._scan["app"] if m.test(app_key)]
        classes = (wm_class,) if isinstance(wm_class, str) else (wm_class or ())
        for part in classes:
            candidates += self._exact["wm_class"].get(part.casefold(), ())
            candidates += [m for m in self._scan["wm_class"] if m.test(part)]
        candidates.sort(key=lambda m: m.rank, reverse=True)
        found: dict[str, _Matcher] = {}
        for matcher in candidates:
            for name in matcher.decides:
                found.setdefault(name, matcher)
        targets = {name: getattr(m.rule.targets, name) for name, m in found.items()}
        is_browser = bool(targets.get("browser"))
        suffix = targets.get("title_suffix") if is_browser else None
        marker = targets.get("private_marker") if is_browser else None

        info = _AppInfo(
            found=found,
            is_browser=is_browser,
            ignored=bool(targets.get("ignore")),
            suffix=re.compile(suffix) if suffix else None,
            private_marker=re.compile(marker) if marker else None,
            titles=self._browser_titles if is_browser else self._other_titles,
            plain=(_PLACEHOLDER, _PLACEHOLDER),
        )
        info.plain = (self._decide(app_key, info, {}, False), self._decide(app_key, info, {}, True))
        if len(self._app_cache) >= _APP_CACHE_SIZE:
            self._app_cache.clear()
        self._app_cache[(app_key, wm_class)] = info
        return info

    def _decide(
        self, app_key: str, info: _AppInfo, found: dict[str, _Matcher], private: bool
    ) -> Classification:
        def winner(name: str) -> _Matcher | None:
            return found.get(name) or info.found.get(name)

        site_rule, category_rule = winner("site"), winner("category")
        site = site_rule.rule.targets.site if site_rule else None
        name_rule = found.get("site_name")
        site_name = (name_rule.rule.targets.site_name if name_rule
                     else site_rule.rule.targets.site_name if site_rule else None)
        category = category_rule.rule.targets.category if category_rule else None
        category = category or UNCATEGORIZED
        app_name_rule = winner("app_name")
        sensitive_rule, ignore_rule = winner("sensitive"), winner("ignore")
        sensitive = bool(sensitive_rule and sensitive_rule.rule.targets.sensitive)
        ignored = bool(ignore_rule and ignore_rule.rule.targets.ignore)
        if site_rule is not None:
            why = site_rule.why
            if category_rule is not None and category_rule is not site_rule:
                why += f"; category from {category_rule.why}"
        elif category_rule is not None:
            why = category_rule.why
        else:
            why = f"no rule matched: {UNCATEGORIZED}"
        return Classification(
            app_key=app_key,
            app_name=app_name_rule.rule.targets.app_name if app_name_rule else None,
            site=site,
            site_name=site_name,
            category=category,
            category_color=self.categories.get(category, FALLBACK_COLOR),
            is_browser=info.is_browser,
            private_window=private,
            title_storable=not (sensitive or private or ignored),
            ignored=ignored,
            rule=why,
        )


def _overlay(found: dict[str, _Matcher], matcher: _Matcher) -> None:
    """Let ``matcher`` decide every target it sets where it outranks the current decider."""
    for name in matcher.decides:
        current = found.get(name)
        if current is None or matcher.rank > current.rank:
            found[name] = matcher


_PLACEHOLDER: Final = Classification("", None, None, None, UNCATEGORIZED, FALLBACK_COLOR,
                                     False, False, False, False, "")


def _first_match(matchers: tuple[_Matcher, ...], page: str, folded: str) -> _Matcher | None:
    for matcher in matchers:
        gate = matcher.gate
        if gate is not None and gate not in (folded if matcher.folded else page):
            continue
        if matcher.test(page):
            return matcher
    return None
