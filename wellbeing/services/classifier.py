"""From a foreground window to what is recorded: app, website, and (only if allowed) the title.

:func:`load_rule_set` compiles the built-in rules (``resources/rules/default.toml``)
with the user's ``[[rules]]`` and ``[categories]`` from ``config.toml``. A
user rule that cannot be used (bad regex, unknown key, no target) is left out
and reported as a :class:`RuleIssue` naming the file, the rule (with its line)
and the reason; the other rules keep working.

:class:`WindowClassifier` is the tracker's ``classify`` callable. For each
sample it decides, in this order:

1. Apps in ``[privacy] ignore_apps`` (by app key or a WM_CLASS part) or marked
   ``ignore`` by a rule: ``None``, so nothing at all is recorded for them.
2. The app's display name (a rule's ``app_name``, else the platform's) and the
   website the rules recognise in a browser's title.
3. The title travels on in ``Focus.title`` only when ``store_titles`` is on,
   the rules call it storable (not a sensitive app, not a private window) and
   the app is not in ``never_store_titles_for``. Otherwise the title is read
   here and dropped: it never reaches storage.

The last few windows are cached (a sample usually shows the window the last
one did), so steady sampling costs a dictionary lookup (about 0.5 µs here);
a new title costs one rules pass (about 10-25 µs over the title corpus).
Compiling the rules takes about 10-20 ms, once per process.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections import OrderedDict
from dataclasses import dataclass

from wellbeing import resources
from wellbeing.config import Config, PrivacySettings
from wellbeing.core.activity import Focus
from wellbeing.core.rules import Classification, RuleProblem, RuleSet, build_rule_set
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Said
from wellbeing.platform.base import WindowInfo

log = logging.getLogger("wellbeing.rules")

BUILTIN_RULES = "rules/default.toml"
_CACHE_SIZE = 64
_USER_RULE_LABEL = re.compile(r"^rule #(\d+)")


# A rule problem as the user sees it: user rules name the config file and line.
RuleIssue = RuleProblem


def load_rule_set(config: Config) -> tuple[RuleSet, list[RuleIssue]]:
    """Compile the built-in rules with the user's; every unusable rule becomes an issue.

    Issues are also logged as warnings. Never raises for a bad user rule.
    """
    builtin = tomllib.loads(resources.read_text(BUILTIN_RULES))
    user: dict[str, object] = {"rules": list(config.rules), "categories": dict(config.categories)}
    user_source = config.source.name if config.source is not None else "config.toml"
    rule_set, problems = build_rule_set(
        builtin, user, builtin_source="default.toml", user_source=user_source
    )
    issues = [_issue(problem, config, user_source) for problem in problems]
    for issue in issues:
        log.warning("rule problem: %s", issue.message)
    return rule_set, issues


def _issue(problem: RuleProblem, config: Config, user_source: str) -> RuleIssue:
    """Name the user's file by its path and the rule by its line."""
    if problem.source != user_source:
        return problem
    rule: str | Said = problem.rule
    number = _USER_RULE_LABEL.match(problem.rule)
    if number is not None:
        index = int(number.group(1)) - 1
        values = dict(problem.rule_said.values) if problem.rule_said is not None else {
            "number": index + 1}
        if index < len(config.rule_lines):
            values["line"] = config.rule_lines[index]
            source = (QT_TRANSLATE_NOOP("Rules", '[[rules]] #{number} "{name}", line {line}')
                      if "name" in values
                      else QT_TRANSLATE_NOOP("Rules", "[[rules]] #{number}, line {line}"))
        else:
            source = (QT_TRANSLATE_NOOP("Rules", '[[rules]] #{number} "{name}"') if "name" in values
                      else QT_TRANSLATE_NOOP("Rules", "[[rules]] #{number}"))
        rule = Said("Rules", source, values)
    where = str(config.source) if config.source is not None else user_source
    return RuleIssue(where, str(rule), problem.reason, problem.said,
                     rule if isinstance(rule, Said) else problem.rule_said)


@dataclass(frozen=True, slots=True)
class Decision:
    """What one window counts as, and why: the classifier's answer plus its reasons.

    Attributes:
        focus: what is recorded, or None when nothing is.
        classification: the rules' verdict (None when the privacy list ignores the app).
        ignored_by_privacy: the app is in ``[privacy] ignore_apps``.
        title_note: why the title is or is not stored, in words.
    """

    focus: Focus | None
    classification: Classification | None
    ignored_by_privacy: bool
    title_note: str


class WindowClassifier:
    """The tracker's classifier: ``WindowInfo -> Focus | None`` (see the module docstring)."""

    def __init__(self, rule_set: RuleSet, privacy: PrivacySettings) -> None:
        self.rule_set = rule_set
        self.privacy = privacy
        self._ignored = frozenset(name.casefold() for name in privacy.ignore_apps)
        self._no_titles = frozenset(name.casefold() for name in privacy.never_store_titles_for)
        self._cache: OrderedDict[tuple[str, tuple[str, ...], str, str], Focus | None] = (
            OrderedDict()
        )
        #: WM_CLASS parts seen per app key this session (labels for WM_CLASS rules).
        self.wm_classes: dict[str, tuple[str, ...]] = {}

    def __call__(self, window: WindowInfo) -> Focus | None:
        key = (window.app_key, window.wm_class, window.title, window.app_name)
        cache = self._cache
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        focus = self.decide(window).focus
        cache[key] = focus
        if len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)
        if window.wm_class and self.wm_classes.get(window.app_key) != window.wm_class:
            self.wm_classes[window.app_key] = window.wm_class
        return focus

    def decide(self, window: WindowInfo) -> Decision:
        """The full answer for one window, with reasons (``wellbeing classify`` prints it)."""
        if self._listed(window, self._ignored):
            return Decision(None, None, True, "nothing is recorded ([privacy] ignore_apps)")
        found = self.rule_set.classify(window.app_key, window.wm_class, window.title)
        if found.ignored:
            return Decision(None, found, False, "nothing is recorded (a rule says ignore)")
        title, note = self._title(window, found)
        focus = Focus(
            app_key=window.app_key,
            app_name=found.app_name or window.app_name or window.app_key,
            site=found.site,
            title=title,
            category=found.category,
        )
        return Decision(focus, found, False, note)

    def _title(self, window: WindowInfo, found: Classification) -> tuple[str | None, str]:
        if not window.title:
            return None, "no title"
        if found.private_window:
            return None, "never stored (a private browser window)"
        if not found.title_storable:
            return None, "never stored (a sensitive app)"
        if self._listed(window, self._no_titles):
            return None, "never stored ([privacy] never_store_titles_for)"
        if not self.privacy.store_titles:
            return None, "not stored (storing window titles is off)"
        return window.title, "stored (storing window titles is on)"

    @staticmethod
    def _listed(window: WindowInfo, names: frozenset[str]) -> bool:
        if not names:
            return False
        if window.app_key.casefold() in names:
            return True
        return any(part.casefold() in names for part in window.wm_class)
