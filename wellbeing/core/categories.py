"""Categories of use (Social, Video, ...) and their colours.

A category is a name and a ``#rrggbb`` colour. The built-in set lives in
``resources/rules/default.toml``; the user's config may recolour them or add
more. This module checks such a table and measures colour contrast, so tests
can prove the palette reads on light and dark backgrounds alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP, Said

UNCATEGORIZED: Final = "Other"
"""The category of anything no rule placed."""

FALLBACK_COLOR: Final = "#868e96"
"""Colour of a category that a rule names but no ``[categories]`` table colours."""

MAX_NAME_LENGTH: Final = 40

_HEX_COLOR: Final = re.compile(r"^#[0-9a-fA-F]{6}$")

#: The built-in categories' names (``resources/rules/default.toml``), marked for
#: translation. Names stay English wherever they are stored, matched or exported;
#: :func:`category_name` gives the name to show.
BUILT_IN_NAMES: Final = (
    QT_TRANSLATE_NOOP("Categories", "Social"),
    QT_TRANSLATE_NOOP("Categories", "Video"),
    QT_TRANSLATE_NOOP("Categories", "Messaging"),
    QT_TRANSLATE_NOOP("Categories", "Games"),
    QT_TRANSLATE_NOOP("Categories", "Work"),
    QT_TRANSLATE_NOOP("Categories", "Browsing"),
    QT_TRANSLATE_NOOP("Categories", "Other"),
)


def category_name(name: str) -> str:
    """A category's name as shown: a built-in one in the interface's language, the user's own
    as written."""
    return translate("Categories", name) if name in BUILT_IN_NAMES else name


def validate_categories(table: object) -> tuple[dict[str, str], list[tuple[str, Said]]]:
    """Check a ``[categories]`` table of name -> ``"#rrggbb"``.

    Returns:
        The valid entries (colours lower-cased) and, for each bad entry, a
        ``(name, reason)`` pair (``str(reason)`` is English, ``reason.shown()``
        translated). Bad entries are left out; the rest are kept.
    """
    if table is None:
        return {}, []
    if not isinstance(table, Mapping):
        return {}, [("categories", Said("Rules", QT_TRANSLATE_NOOP(
            "Rules", 'must be a table of name = "#rrggbb"')))]
    valid: dict[str, str] = {}
    problems: list[tuple[str, Said]] = []
    for name, color in table.items():
        label = f"categories.{name}"
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_LENGTH:
            problems.append((label, Said("Rules", QT_TRANSLATE_NOOP(
                "Rules", "a category name must be 1 to {most} characters"),
                {"most": MAX_NAME_LENGTH})))
        elif not isinstance(color, str) or not _HEX_COLOR.match(color):
            problems.append((label, Said("Rules", QT_TRANSLATE_NOOP(
                "Rules", 'colour {colour} is not of the form "#rrggbb"'), {"colour": repr(color)})))
        else:
            valid[name.strip()] = color.lower()
    return valid, problems


def relative_luminance(color: str) -> float:
    """WCAG 2.x relative luminance of a ``#rrggbb`` colour (0 black .. 1 white)."""

    def channel(offset: int) -> float:
        value = int(color[offset : offset + 2], 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 (same) to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
