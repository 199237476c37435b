"""What the rules say about stored apps and sites, as labels (no storage, no SQLAlchemy).

Shared by :func:`services.categories.sync_categories`, which writes the
labels through SQLAlchemy, and :mod:`services.quick_report`, which only checks
on a ``sqlite3`` connection that they are written already.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from wellbeing.core.categories import UNCATEGORIZED
from wellbeing.core.rules import RuleSet
from wellbeing.storage.labels import AppLabel, SiteLabel


@dataclass(frozen=True)
class RuleLabels:
    """The rule set's view: category colours, and a label for each app and site."""

    rule_set: RuleSet
    colours: Mapping[str, str]

    @classmethod
    def of(cls, rule_set: RuleSet, categories: Mapping[str, str] | None = None) -> RuleLabels:
        """Labels from ``rule_set``; ``categories`` (name -> colour) default to its own."""
        return cls(rule_set, dict(rule_set.categories if categories is None else categories))

    def app(self, app_key: str, wm_class: tuple[str, ...]) -> AppLabel:
        described = self.rule_set.describe_app(app_key, wm_class or None)
        return AppLabel(
            display_name=described.app_name,
            category=known_category(described.category),
            is_browser=described.is_browser,
        )

    def site(self, domain: str) -> SiteLabel:
        site = self.rule_set.describe_site(domain)
        return SiteLabel(display_name=site.name, category=known_category(site.category))


def known_category(category: str) -> str | None:
    """Uncategorised use stores no category (reports call it "Other")."""
    return None if category == UNCATEGORIZED else category
