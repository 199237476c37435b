"""Icons with a generated fallback, and category colours readable on light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from wellbeing.ui.icons import IconProvider, app_icon, initial_pixmap
from wellbeing.ui.theme import (
    Metrics,
    accent,
    category_color,
    contrast_ratio,
    dark_palette,
    is_dark,
    light_palette,
    scaled_font,
    series_colors,
)


def test_generated_icon_is_a_coloured_circle_with_the_initial(qapp: QApplication) -> None:
    pix = initial_pixmap("firefox", QColor("#2f7de1"), 32)
    image = pix.toImage()
    assert image.pixelColor(1, 1).alpha() == 0  # outside the circle
    centre_ring = image.pixelColor(16, 4)
    assert centre_ring.name() == "#2f7de1"
    whites = sum(image.pixelColor(x, y).lightness() > 240
                 for x in range(32) for y in range(32))
    assert whites > 10  # the letter


def test_icon_provider_prefers_a_file_then_the_theme_then_generates(
    qapp: QApplication, tmp_path: Path
) -> None:
    provider = IconProvider(light_palette())
    svg = Path(__file__).resolve().parents[2] / "resources" / "icons" / "wellbeing.svg"
    from_file = provider.icon("Wellbeing", str(svg))
    assert not from_file.isNull()
    missing = provider.icon("Ghost", str(tmp_path / "nope.png"))
    assert not missing.isNull()  # generated fallback
    assert provider.icon("Ghost", str(tmp_path / "nope.png")) is missing  # cached
    unknown_theme = provider.icon("Zed", "no-such-icon-name-anywhere")
    assert not unknown_theme.isNull()


def test_app_icon_loads_the_svg(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 6).alpha() > 0


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
@pytest.mark.parametrize(
    "name", ["Social", "Productivity", "Development", "Games", "Reading", "Utilities", "Zebra"])
def test_category_colours_are_readable(qapp: QApplication, palette: QPalette, name: str) -> None:
    colour = category_color(name, None, palette)
    background = palette.color(QPalette.ColorRole.Base)
    assert contrast_ratio(colour, background) >= 2.2


def test_a_hinted_colour_is_kept_or_adjusted_for_contrast(qapp: QApplication) -> None:
    light, dark = light_palette(), dark_palette()
    assert category_color("x", "#d9477a", light).name() == "#d9477a"
    too_dark = category_color("x", "#202020", dark)
    assert contrast_ratio(too_dark, dark.color(QPalette.ColorRole.Base)) >= 2.2


def test_palettes_and_metrics(qapp: QApplication) -> None:
    assert is_dark(dark_palette())
    assert not is_dark(light_palette())
    font = qapp.font()
    small, big = Metrics.of(font), Metrics.of(scaled_font(font, 2.0))
    assert big.line > small.line * 1.6
    assert big.icon > small.icon


def test_uncategorised_use_gets_the_accent_colour_when_alone(qapp: QApplication) -> None:
    palette = light_palette()
    alone = series_colors([("other", "Other", None)], palette)
    assert alone["other"] == accent(palette)
    mixed = series_colors([("social", "Social", None), ("other", "Other", None)], palette)
    assert mixed["other"] == category_color(None, None, palette)
    assert mixed["social"] != mixed["other"]
