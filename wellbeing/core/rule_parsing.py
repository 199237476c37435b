"""Reading rule tables: ``[[rules]]`` and ``[categories]`` of a parsed TOML document.

What a rule is (:class:`Rule`, its :class:`Targets`), how a file's rules are
read and checked (:func:`parse_rules`, :func:`parse_categories`), and what is
said of a rule left out (:class:`RuleProblem`: English for the log and the
command line, :class:`~wellbeing.core.tr_noop.Said` to show it translated).
:mod:`wellbeing.core.rules` compiles the rules read here and matches windows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from dataclasses import field as dataclass_field
from typing import Final

from wellbeing.core.categories import validate_categories
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Said

FIELDS: Final = ("app", "wm_class", "title", "site")
MATCHES: Final = ("exact", "glob", "regex")
BUILTIN_PRIORITY: Final = 0
USER_PRIORITY: Final = 100

_APP_TARGETS: Final = frozenset(
    {"app_name", "site", "site_name", "category", "browser", "sensitive", "ignore",
     "title_suffix", "private_marker"}
)
_ALLOWED_TARGETS: Final[Mapping[str, frozenset[str]]] = {
    "app": _APP_TARGETS,
    "wm_class": _APP_TARGETS,
    "title": frozenset({"site", "site_name", "category", "sensitive"}),
    "site": frozenset({"site_name", "category", "sensitive"}),
}
_FLAGS: Final = frozenset({"browser", "sensitive", "ignore"})
REGEX_TARGETS: Final = frozenset({"title_suffix", "private_marker"})
_RULE_KEYS: Final = frozenset({"name", "field", "match", "pattern", "priority"}) | _APP_TARGETS
_DOMAIN: Final = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$")

@dataclass(frozen=True, slots=True)
class Targets:
    """What a rule sets when it matches; ``None`` means "says nothing about it"."""

    app_name: str | None = None
    site: str | None = None
    site_name: str | None = None
    category: str | None = None
    browser: bool | None = None
    sensitive: bool | None = None
    ignore: bool | None = None
    title_suffix: str | None = None
    private_marker: str | None = None

    def given(self) -> dict[str, str | bool]:
        """The targets this rule sets, by name."""
        found: dict[str, str | bool] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value is not None:
                found[spec.name] = value
        return found


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: compare ``field`` with ``patterns`` by ``match``; on a hit, set ``targets``.

    Attributes:
        source: the file the rule comes from ("default.toml").
        label: which rule of that file (``'rule #12 "Instagram"'``).
    """

    field: str
    match: str
    patterns: tuple[str, ...]
    targets: Targets
    priority: int = BUILTIN_PRIORITY
    source: str = "rules"
    label: str = "rule"
    said_label: Said | None = dataclass_field(default=None, compare=False)

    @property
    def origin(self) -> str:
        """File and rule, as explanations name them: ``'default.toml rule #12 "Instagram"'``."""
        return f"{self.source} {self.label}"


@dataclass(frozen=True, slots=True)
class RuleProblem:
    """A rule (or category) that was left out, and why.

    ``rule`` and ``reason`` are English (the log, the command line); ``rule_said``
    and ``said``, where given, are the same texts to show in the interface's
    language (:meth:`shown`).
    """

    source: str
    rule: str
    reason: str
    said: Said | None = None
    rule_said: Said | None = None

    @property
    def message(self) -> str:
        return f"{self.source}, {self.rule}: {self.reason}"

    def shown(self) -> str:
        """The message in the interface's language (file names and TOML keys as they are)."""
        rule = self.rule_said.shown() if self.rule_said is not None else self.rule
        reason = self.said.shown() if self.said is not None else self.reason
        return f"{self.source}, {rule}: {reason}"

    def __str__(self) -> str:
        return self.message


class _Invalid(Exception):
    """A rule table is unusable; the message is the reason (``said``: to show it translated)."""

    def __init__(self, source: str, **values: object) -> None:
        self.said = Said("Rules", source, values)
        super().__init__(str(self.said))


def _problem(source: str, rule: str | Said, reason: Said) -> RuleProblem:
    said_rule = rule if isinstance(rule, Said) else None
    return RuleProblem(source, str(rule), str(reason), reason, said_rule)


def rule_label(number: int, name: object = None) -> Said:
    """How a problem names the ``number``-th rule of a file: ``rule #3 "Instagram"``."""
    if isinstance(name, str):
        return Said("Rules", QT_TRANSLATE_NOOP("Rules", 'rule #{number} "{name}"'),
                    {"number": number, "name": name})
    return Said("Rules", QT_TRANSLATE_NOOP("Rules", "rule #{number}"), {"number": number})


def parse_rules(
    data: Mapping[str, object], source: str, *, default_priority: int = BUILTIN_PRIORITY
) -> tuple[list[Rule], list[RuleProblem]]:
    """Read the ``[[rules]]`` array of a parsed TOML document.

    Args:
        data: the parsed document (other keys are ignored).
        source: file name used in explanations and problems ("default.toml").
        default_priority: priority of rules that give none (user files: ``USER_PRIORITY``).

    Returns:
        The valid rules in file order, and one problem per rule left out.
    """
    raw = data.get("rules", [])
    if not isinstance(raw, list):
        return [], [_problem(source, "rules", Said("Rules", QT_TRANSLATE_NOOP(
            "Rules", "must be an array of tables: [[rules]]")))]
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    for number, item in enumerate(raw, start=1):
        label = rule_label(number, item.get("name") if isinstance(item, Mapping) else None)
        try:
            rules.append(_parse_rule(item, source, label, default_priority))
        except _Invalid as invalid:
            problems.append(_problem(source, label, invalid.said))
    return rules, problems


def parse_categories(
    data: Mapping[str, object], source: str
) -> tuple[dict[str, str], list[RuleProblem]]:
    """Read the ``[categories]`` table (name = "#rrggbb") of a parsed TOML document."""
    valid, bad = validate_categories(data.get("categories"))
    return valid, [_problem(source, label, reason) for label, reason in bad]



def _parse_rule(item: object, source: str, label: Said, default_priority: int) -> Rule:
    if not isinstance(item, Mapping):
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "a rule must be a table"))
    unknown = sorted(str(key) for key in item if key not in _RULE_KEYS)
    if unknown:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "unknown key {keys}"),
                       keys=", ".join(map(repr, unknown)))
    field = item.get("field")
    if field not in FIELDS:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "field must be one of {fields}; got {got}"),
                       fields=", ".join(FIELDS), got=repr(field))
    match = item.get("match", "exact")
    if match not in MATCHES:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "match must be one of {matches}; got {got}"),
                       matches=", ".join(MATCHES), got=repr(match))
    patterns = _parse_patterns(item.get("pattern"), match)
    priority = item.get("priority", default_priority)
    if not isinstance(priority, int) or isinstance(priority, bool):
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "priority must be a whole number; got {got}"),
                       got=repr(priority))
    targets = _parse_targets(item, field)
    return Rule(str(field), str(match), patterns, targets, priority, source, str(label), label)


def _parse_patterns(raw: object, match: object) -> tuple[str, ...]:
    patterns = [raw] if isinstance(raw, str) else raw
    if not isinstance(patterns, list) or not patterns:
        raise _Invalid(QT_TRANSLATE_NOOP(
            "Rules", "missing pattern: give a string or a list of strings"))
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern:
            raise _Invalid(QT_TRANSLATE_NOOP(
                "Rules", "pattern {pattern} must be a non-empty string"), pattern=repr(pattern))
        if match == "regex":
            _check_regex(pattern, "pattern")
    return tuple(patterns)


def _check_regex(pattern: str, what: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "bad regex in {what} {pattern}: {error}"),
                       what=what, pattern=repr(pattern), error=error) from None


def _parse_targets(item: Mapping[object, object], field: object) -> Targets:
    given = {key: value for key, value in item.items() if key in _APP_TARGETS}
    if not given:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "no target: set at least one of {targets}"),
                       targets=", ".join(sorted(_APP_TARGETS)))
    not_allowed = sorted(str(key) for key in given if key not in _ALLOWED_TARGETS[str(field)])
    if not_allowed:
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "{keys} cannot be set by a {field} rule"),
                       keys=", ".join(not_allowed), field=field)
    values: dict[str, str | bool] = {}
    for key, value in given.items():
        name = str(key)
        if name in _FLAGS:
            if not isinstance(value, bool):
                raise _Invalid(QT_TRANSLATE_NOOP(
                    "Rules", "{name} must be true or false; got {got}"), name=name, got=repr(value))
        elif not isinstance(value, str) or not value.strip():
            raise _Invalid(QT_TRANSLATE_NOOP(
                "Rules", "{name} must be a non-empty string; got {got}"),
                name=name, got=repr(value))
        elif name in REGEX_TARGETS:
            _check_regex(value, name)
        elif name == "site":
            value = value.strip().lower()
            if not _DOMAIN.match(value):
                raise _Invalid(QT_TRANSLATE_NOOP(
                    "Rules", 'site must be a domain like "example.com"; got {got}'),
                    got=repr(value))
        else:
            value = value.strip()
        values[name] = value
    if "site_name" in values and "site" not in values and field != "site":
        raise _Invalid(QT_TRANSLATE_NOOP("Rules", "site_name needs a site"))
    return Targets(**values)  # type: ignore[arg-type]

