"""Render the app icon (resources/icons/wellbeing.svg) as PNGs for icon themes and the tray.

``python packaging/render_icons.py OUT`` writes ``OUT/hicolor/<N>x<N>/apps/
io.github.wellbeing.png`` for every size in :data:`SIZES`, and the SVG as
``OUT/hicolor/scalable/apps/io.github.wellbeing.svg``. Rendered with Qt (its SVG
plugin ships with PySide6-Essentials) at build time (``make package``); the PNGs
are build output, not committed.

``python packaging/render_icons.py --tray`` (``make icons``) writes
``resources/icons/tray/wellbeing-<N>.png`` for every size in :data:`TRAY_SIZES`:
the tray icon, so the tray app needs no SVG engine while its window is closed
(about 1.9 MiB, issue 11). These are committed (some 13 kB); ``tests/gui/
test_tray_icon_files.py`` checks that they still show what the SVG does.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The tray icon's sizes (``wellbeing.ui.icons.TRAY_SIZES`` reads the same files).
TRAY_SIZES = (16, 22, 24, 32, 48, 64, 128)
APP_ID = "io.github.wellbeing"
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "wellbeing.svg"
TRAY_DIR = SOURCE.parent / "tray"


def rendered(size: int, source: Path = SOURCE) -> Any:
    """The icon as a ``QImage`` of ``size`` x ``size`` pixels (ARGB32, premultiplied)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def render(out: Path, source: Path = SOURCE) -> list[Path]:
    """Write every size under ``out``; the files written."""
    written = []
    for size in SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not rendered(size, source).save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    return [*written, scalable]


def render_tray(out: Path = TRAY_DIR, source: Path = SOURCE) -> list[Path]:
    """Write ``wellbeing-<N>.png`` for every tray size into ``out``; the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for size in TRAY_SIZES:
        target = out / f"wellbeing-{size}.png"
        if not rendered(size, source).save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    return written


if __name__ == "__main__":
    if sys.argv[1:2] == ["--tray"]:
        for path in render_tray():
            print(path)
    else:
        for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/icons")):
            print(path)
