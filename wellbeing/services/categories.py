"""Categories hang off apps and sites: re-label the stored rows from the current rules.

Intervals store only which app and which site was in front; the category, the
display name and the browser flag live on the ``app`` and ``site`` rows. So
running :func:`sync_categories` after the rules changed re-labels all of
history at once: moving Reddit from "Social" to "Work" moves every past minute
on reddit.com too. Which *site* a past interval was on cannot change, though:
window titles are not stored (unless the user opted in), so a new site rule
applies from the moment it exists.

It runs when the tracker starts, whenever the tracker stores a new app or site,
and before ``wellbeing report``. An up-to-date database costs three small
SELECTs and no write.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from wellbeing.core.rules import RuleSet
from wellbeing.errors import StorageUnavailable
from wellbeing.services.rule_labels import RuleLabels
from wellbeing.storage.db import Database
from wellbeing.storage.writer import RelabelCounts, relabel

log = logging.getLogger(__name__)


def sync_categories(
    db: Database,
    rule_set: RuleSet,
    categories: Mapping[str, str] | None = None,
    *,
    wm_classes: Mapping[str, tuple[str, ...]] | None = None,
) -> RelabelCounts:
    """Write the rules' view of every stored app and site (one transaction).

    Args:
        db: the database.
        rule_set: the current rules.
        categories: category name -> colour; default: the rule set's (built-in plus the
            user's ``[categories]``).
        wm_classes: WM_CLASS parts seen this session per app key (WM_CLASS rules use them).

    Raises:
        StorageUnavailable: the database could not be written.
    """
    labels = RuleLabels.of(rule_set, categories)
    counts = relabel(db, labels.colours, labels.app, labels.site, wm_classes=wm_classes)
    if counts != RelabelCounts(0, 0, 0):
        log.info(
            "labels from the rules: %d categories, %d apps, %d sites updated",
            counts.categories, counts.apps, counts.sites,
        )
    return counts


def try_sync_categories(
    db: Database,
    rule_set: RuleSet,
    *,
    wm_classes: Mapping[str, tuple[str, ...]] | None = None,
) -> bool:
    """:func:`sync_categories`, but a busy or read-only database is only logged.

    Returns:
        Whether the labels were brought up to date.
    """
    try:
        sync_categories(db, rule_set, wm_classes=wm_classes)
    except StorageUnavailable as exc:
        log.warning("could not update categories from the rules: %s", exc.message)
        return False
    return True
