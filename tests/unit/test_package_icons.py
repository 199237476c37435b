"""The icon renderer of ``make package``: every size, square, not empty, plus the SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from tests.packaging_scripts import load_packaging_script

ROOT = Path(__file__).resolve().parents[2]


def test_every_theme_size_is_rendered(qtbot: QtBot, tmp_path: Path) -> None:
    module = load_packaging_script("render_icons")
    written = module.render(tmp_path)
    for size in module.SIZES:
        image = QImage(str(tmp_path / "hicolor" / f"{size}x{size}" / "apps"
                           / "io.github.wellbeing.png"))
        assert (image.width(), image.height()) == (size, size)
        centre = image.pixelColor(size // 2, size // 2)
        assert centre.alpha() > 0  # something was drawn
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "io.github.wellbeing.svg").is_file()
    assert len(written) == len(module.SIZES) + 1
