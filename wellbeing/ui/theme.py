"""Colours and sizes that follow the system palette (light or dark) and the font.

Nothing here hard-codes a text size: sizes derive from the application font
and its metrics, so the UI scales with the user's font and HiDPI settings.
Category colours come in a light and a dark variant of the same hue, each
chosen to keep enough contrast against that palette's background.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication

#: (light-palette colour, dark-palette colour) per hue, Apple-like and calm.
_HUES: tuple[tuple[str, str], ...] = (
    ("#2f7de1", "#5aa0ff"),  # blue
    ("#e8833a", "#ff9f5a"),  # orange
    ("#1fa37a", "#3dd6a0"),  # green
    ("#8e5bd6", "#b58cff"),  # purple
    ("#d9477a", "#ff79a8"),  # pink
    ("#1b9fb5", "#4fd0e6"),  # teal
    ("#c79a12", "#f2c84b"),  # amber
    ("#5a63d8", "#8e96ff"),  # indigo
    ("#c4524a", "#ff8478"),  # red
)
_NEUTRAL = ("#8a8f98", "#9aa0aa")

#: Known category names get a fixed hue so the same word always reads the same colour.
_KNOWN: dict[str, int] = {
    "social": 4,
    "social media": 4,
    "entertainment": 1,
    "video": 1,
    "games": 8,
    "productivity": 0,
    "work": 0,
    "development": 7,
    "communication": 5,
    "messaging": 5,
    "education": 2,
    "reading": 2,
    "news": 6,
    "shopping": 3,
    "creativity": 3,
    "utilities": 6,
}


_UNCATEGORISED = {"other", "uncategorised", "uncategorized"}


def is_uncategorised(name: str | None) -> bool:
    """Whether ``name`` stands for "no category" (storage calls it "Other")."""
    return name is None or name.casefold() in _UNCATEGORISED


def accent(palette: QPalette) -> QColor:
    """The palette's highlight, readable on its base: the colour of uncategorised bars."""
    return readable_on(palette.color(QPalette.ColorRole.Highlight),
                       palette.color(QPalette.ColorRole.Base))


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark one (window background darker than mid-grey)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def _stable_index(name: str) -> int:
    return zlib.crc32(name.casefold().encode("utf-8")) % len(_HUES)


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    return _contrast(a, b)


def readable_on(color: QColor, background: QColor, minimum: float = 2.2) -> QColor:
    """``color`` lightened or darkened just enough to reach ``minimum`` contrast on ``background``.

    2.2:1 is enough for bars and dots (graphics, not body text).
    """
    out = QColor(color)
    dark_bg = background.lightnessF() < 0.5
    for _ in range(20):
        if _contrast(out, background) >= minimum:
            break
        out = out.lighter(112) if dark_bg else out.darker(112)
    return out


def category_color(name: str | None, hint: str | None, palette: QPalette) -> QColor:
    """The colour of a category, readable on ``palette``.

    Args:
        name: the category name; None means "uncategorised" (neutral grey).
        hint: a colour the user or the rules gave the category ("#rrggbb"), used
            when valid, adjusted for contrast.
        palette: the palette the colour will be drawn on.
    """
    dark = is_dark(palette)
    background = palette.color(QPalette.ColorRole.Base)
    if hint and QColor.isValidColorName(hint):
        return readable_on(QColor(hint), background)
    if not name or is_uncategorised(name):
        return QColor(_NEUTRAL[1 if dark else 0])
    index = _KNOWN.get(name.casefold(), _stable_index(name))
    return readable_on(QColor(_HUES[index][1 if dark else 0]), background)


def series_colors(
    categories: Sequence[tuple[str, str | None, str | None]], palette: QPalette
) -> dict[str, QColor]:
    """Colours of a chart's categories, given as (key, name, colour hint).

    When nothing is categorised yet, the lone "Other" series takes the accent
    colour rather than grey, so a new user's chart does not look switched off.
    """
    if all(is_uncategorised(name) for _, name, _ in categories):
        return {key: accent(palette) for key, _, _ in categories}
    return {key: category_color(name, hint, palette) for key, name, hint in categories}


def name_color(name: str, palette: QPalette) -> QColor:
    """A stable colour for anything with a name (generated app icons).

    The saturated variant is used on both palettes: it carries a white initial
    well and stands out on dark backgrounds too. ``palette`` is kept for callers
    that may want to adapt later.
    """
    del palette
    return QColor(_HUES[_stable_index(name)][0])


def muted_text(palette: QPalette) -> QColor:
    """Secondary text colour: the window text blended towards the background."""
    fg = palette.color(QPalette.ColorRole.WindowText)
    bg = palette.color(QPalette.ColorRole.Window)
    return QColor.fromRgbF(
        fg.redF() * 0.62 + bg.redF() * 0.38,
        fg.greenF() * 0.62 + bg.greenF() * 0.38,
        fg.blueF() * 0.62 + bg.blueF() * 0.38,
    )


def grid_color(palette: QPalette) -> QColor:
    """Faint colour for chart grid lines."""
    fg = palette.color(QPalette.ColorRole.WindowText)
    out = QColor(fg)
    out.setAlphaF(0.14)
    return out


def card_color(palette: QPalette) -> QColor:
    """Background of a raised card: Base, nudged away from Window when they are equal."""
    base = palette.color(QPalette.ColorRole.Base)
    window = palette.color(QPalette.ColorRole.Window)
    if base.rgb() == window.rgb():
        return base.lighter(112) if is_dark(palette) else base.darker(104)
    return base


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes derived from a font, in device-independent pixels."""

    line: float
    gap: float
    radius: float
    icon: int
    bar: float

    @classmethod
    def of(cls, font: QFont) -> Metrics:
        """Metrics for ``font`` (normally the widget's font)."""
        fm = QFontMetricsF(font)
        line = fm.height()
        return cls(
            line=line,
            gap=round(line * 0.6),
            radius=round(line * 0.55),
            icon=round(line * 1.7),
            bar=max(3.0, round(line * 0.3)),
        )


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """A copy of ``font`` scaled by ``factor`` (keeps point or pixel units)."""
    out = QFont(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * factor)
    else:
        out.setPixelSize(max(1, round(out.pixelSize() * factor)))
    if bold:
        out.setWeight(QFont.Weight.DemiBold)
    return out


def dark_palette() -> QPalette:
    """A complete dark palette (for tests and for platforms without one)."""
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#1e1f22",
        roles.WindowText: "#e8e8ea",
        roles.Base: "#2a2b2f",
        roles.AlternateBase: "#303136",
        roles.ToolTipBase: "#2a2b2f",
        roles.ToolTipText: "#e8e8ea",
        roles.PlaceholderText: "#8d8f96",
        roles.Text: "#e8e8ea",
        roles.Button: "#2f3035",
        roles.ButtonText: "#e8e8ea",
        roles.BrightText: "#ff6b6b",
        roles.Light: "#3a3b40",
        roles.Midlight: "#34353a",
        roles.Mid: "#45464c",
        roles.Dark: "#151619",
        roles.Shadow: "#000000",
        roles.Highlight: "#3d7fe0",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#6aa8ff",
        roles.LinkVisited: "#b58cff",
    }
    return _palette(colors, disabled_text="#75777d")


def light_palette() -> QPalette:
    """A complete light palette (for tests, to render both variants the same way)."""
    roles = QPalette.ColorRole
    colors = {
        roles.Window: "#f3f3f5",
        roles.WindowText: "#1d1d1f",
        roles.Base: "#ffffff",
        roles.AlternateBase: "#f6f6f8",
        roles.ToolTipBase: "#ffffff",
        roles.ToolTipText: "#1d1d1f",
        roles.PlaceholderText: "#8a8a8e",
        roles.Text: "#1d1d1f",
        roles.Button: "#ffffff",
        roles.ButtonText: "#1d1d1f",
        roles.BrightText: "#d70015",
        roles.Light: "#ffffff",
        roles.Midlight: "#ececef",
        roles.Mid: "#c7c7cc",
        roles.Dark: "#a1a1a6",
        roles.Shadow: "#6e6e73",
        roles.Highlight: "#2f7de1",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#2f7de1",
        roles.LinkVisited: "#8e5bd6",
    }
    return _palette(colors, disabled_text="#a1a1a6")


def _palette(colors: dict[QPalette.ColorRole, str], *, disabled_text: str) -> QPalette:
    """A palette with ``colors`` for every state and greyed text when disabled."""
    p = QPalette()
    for role, value in colors.items():
        p.setColor(role, QColor(value))
    roles = QPalette.ColorRole
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return p


def level_color(level: str, palette: QPalette) -> QColor:
    """The colour of a limit bar: the accent under the limit, amber near it, red over it.

    ``level`` is ``under``, ``near``, ``over`` or ``none`` (no limit today: neutral
    grey). Each is readable as a bar on the palette's base, light or dark.
    """
    dark = is_dark(palette)
    background = palette.color(QPalette.ColorRole.Base)
    if level == "under":
        return accent(palette)
    if level == "none":
        return QColor(_NEUTRAL[1 if dark else 0])
    hue = _HUES[6 if level == "near" else 8][1 if dark else 0]
    return readable_on(QColor(hue), background)


def level_text_color(level: str, palette: QPalette) -> QColor:
    """Text in a limit's colour, readable as text (4.5:1) on a card; plain muted text when under."""
    if level in ("under", "none"):
        return muted_text(palette)
    return readable_on(level_color(level, palette), card_color(palette), 4.5)


def apply_theme(app: QApplication, theme: str) -> None:
    """Use the ``theme`` setting: "light" or "dark" (Fusion with our palette), or "system".

    "system" gives back the style's own palette (the desktop's), as at start.
    """
    if theme in ("light", "dark"):
        if not hasattr(app, "_wellbeing_system_style"):
            app._wellbeing_system_style = app.style().name()  # type: ignore[attr-defined]
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
        return
    system = getattr(app, "_wellbeing_system_style", None)
    if system is not None:
        app.setStyle(system)
    app.setPalette(app.style().standardPalette())
