"""The tray's icon files are the SVG rendered (``make icons``), and the tray shows them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.packaging_scripts import load_packaging_script
from wellbeing.ui import icons

ROOT = Path(__file__).resolve().parents[2]
TRAY_DIR = ROOT / "resources" / "icons" / "tray"


def renderer() -> ModuleType:
    return load_packaging_script("render_icons")


def test_the_renderer_and_the_app_agree_on_the_sizes() -> None:
    assert renderer().TRAY_SIZES == icons.TRAY_SIZES
    assert renderer().TRAY_DIR == TRAY_DIR


@pytest.mark.parametrize("size", icons.TRAY_SIZES)
def test_each_file_shows_what_the_svg_shows(qapp: QApplication, size: int) -> None:
    stored = QImage(str(TRAY_DIR / f"wellbeing-{size}.png"))
    fresh = renderer().rendered(size).convertToFormat(QImage.Format.Format_ARGB32)
    stored = stored.convertToFormat(QImage.Format.Format_ARGB32)
    assert (stored.width(), stored.height()) == (size, size)
    worst = max(
        abs(getattr(stored.pixelColor(x, y), part)() - getattr(fresh.pixelColor(x, y), part)())
        for x in range(size) for y in range(size)
        for part in ("red", "green", "blue", "alpha")
    )
    assert worst <= 8, f"run 'make icons': {size} px differs from the SVG by {worst}"


def test_the_tray_icon_has_every_size_from_the_files(qapp: QApplication) -> None:
    icon = icons.tray_icon()
    assert sorted((s.width(), s.height()) for s in icon.availableSizes()) == [
        (n, n) for n in icons.TRAY_SIZES]
    shown = icon.pixmap(QSize(22, 22)).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    stored = QImage(str(TRAY_DIR / "wellbeing-22.png")).convertToFormat(
        QImage.Format.Format_ARGB32)
    assert shown == stored


def test_without_the_files_the_tray_shows_the_svg(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from wellbeing import resources

    monkeypatch.setattr(resources, "root", lambda: tmp_path)
    icon = icons.tray_icon()
    assert not icon.isNull()
    assert icon.availableSizes() == []  # the SVG engine's: any size, none listed
    assert icon.pixmap(QSize(22, 22)).toImage().convertToFormat(
        QImage.Format.Format_ARGB32) == icons.app_icon().pixmap(QSize(22, 22)).toImage(
        ).convertToFormat(QImage.Format.Format_ARGB32)
