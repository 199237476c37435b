"""Render the app icon (resources/icons/wellbeing.svg) as PNGs for icon themes.

``python packaging/render_icons.py OUT`` writes ``OUT/hicolor/<N>x<N>/apps/
io.github.wellbeing.png`` for every size in :data:`SIZES`, and the SVG as
``OUT/hicolor/scalable/apps/io.github.wellbeing.svg``. Rendered with Qt (its SVG
plugin ships with PySide6-Essentials) at build time (``make package``); the PNGs
are build output, not committed.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.wellbeing"
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "wellbeing.svg"


def render(out: Path, source: Path = SOURCE) -> list[Path]:
    """Write every size under ``out``; the files written."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {source}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable)
    return [*written, scalable]


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/icons")):
        print(path)
