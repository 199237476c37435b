"""What re-labelling from the rules would change: the comparison, without SQL or SQLAlchemy.

:func:`storage.writer.relabel` (SQLAlchemy, which then writes the changes) and
:func:`labels_current` (a read-only check on a ``sqlite3`` connection, so the
lean ``wellbeing report`` knows whether it must re-label before reading) both
decide with the functions here: same rows in, same answer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class AppLabel:
    """What the current rules say about an app.

    Attributes:
        display_name: the name a rule gives it, or None to keep the stored one.
        category: its category, or None for uncategorised.
        is_browser: whether its use is split into websites.
    """

    display_name: str | None
    category: str | None
    is_browser: bool


@dataclass(frozen=True, slots=True)
class SiteLabel:
    """What the current rules say about a website: display name and category (None: none)."""

    display_name: str
    category: str | None


LabelApp = Callable[[str, tuple[str, ...]], AppLabel]
LabelSite = Callable[[str], SiteLabel]


def recolours(
    rows: list[tuple[int, str, str | None]], colours: Mapping[str, str | None]
) -> list[tuple[int, str | None]]:
    """(category id, new colour) for each stored category whose colour the rules change."""
    return [
        (row_id, colours[name])
        for row_id, name, colour in rows
        if name in colours and colours[name] != colour
    ]


def app_update(
    row: tuple[int, str, str, int | None, Any, str | None],
    label: AppLabel,
    parts: tuple[str, ...] | None,
    category_ids: Mapping[str, int],
) -> dict[str, Any] | None:
    """The new values of an app row (id, key, display_name, category_id, is_browser,
    wm_class), as ``b_*`` parameters with ``b_id``; None when it is current."""
    row_id, _key, display_name, category_id, is_browser, wm_class = row
    new = {
        "b_display_name": label.display_name or display_name,
        "b_category_id": category_ids[label.category] if label.category else None,
        "b_is_browser": label.is_browser,
        "b_wm_class": "\t".join(parts)[:255] if parts else wm_class,
    }
    if tuple(new.values()) == (display_name, category_id, bool(is_browser), wm_class):
        return None
    return {"b_id": row_id, **new}


def site_update(
    row: tuple[int, str, str, int | None], label: SiteLabel, category_ids: Mapping[str, int]
) -> dict[str, Any] | None:
    """The new values of a site row (id, domain, display_name, category_id); None if current."""
    row_id, _domain, display_name, category_id = row
    new_category = category_ids[label.category] if label.category else None
    if (label.display_name, new_category) == (display_name, category_id):
        return None
    return {"b_id": row_id, "b_display_name": label.display_name, "b_category_id": new_category}


def split_wm_class(stored: str | None) -> tuple[str, ...]:
    """The WM_CLASS parts stored in one column (tab-separated)."""
    return tuple(stored.split("\t")) if stored else ()


def labels_current(
    conn: sqlite3.Connection,
    colours: Mapping[str, str],
    label_app: LabelApp,
    label_site: LabelSite,
) -> bool:
    """Whether :func:`storage.writer.relabel` would change nothing (a read-only check).

    Reads the three small tables through ``conn`` and compares them as
    ``relabel`` does (with the WM_CLASS parts stored).
    """
    categories = conn.execute("SELECT id, name, color FROM category").fetchall()
    ids = {name: int(row_id) for row_id, name, _colour in categories}
    if any(name not in ids for name in colours) or recolours(categories, colours):
        return False
    apps = conn.execute(
        'SELECT id, "key", display_name, category_id, is_browser, wm_class FROM app'
    ).fetchall()
    sites = conn.execute("SELECT id, domain, display_name, category_id FROM site").fetchall()
    app_labels = [label_app(row[1], split_wm_class(row[5])) for row in apps]
    site_labels = [label_site(row[1]) for row in sites]
    wanted = {lb.category for lb in app_labels if lb.category}
    wanted |= {lb.category for lb in site_labels if lb.category}
    if wanted - ids.keys():
        return False
    return not any(
        app_update(row, label, None, ids) for row, label in zip(apps, app_labels, strict=True)
    ) and not any(
        site_update(row, label, ids) for row, label in zip(sites, site_labels, strict=True)
    )
