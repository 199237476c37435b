"""Checks shared by GUI tests: clipped labels and blank images."""

from __future__ import annotations

import statistics

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QWidget


def clipped_labels(root: QWidget) -> list[str]:
    """Visible QLabels whose text needs more room than they were given."""
    out = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        hint, size = label.sizeHint(), label.size()
        if label.wordWrap():
            too_small = label.heightForWidth(size.width()) > size.height()
        else:
            too_small = hint.width() > size.width() or hint.height() > size.height()
        if too_small:
            out.append(f"{label.objectName()}: {label.text()!r} hint={hint} size={size}")
    return out


def lightness_spread(image: QImage, step: int = 4) -> float:
    """Standard deviation of pixel lightness on a grid (0 for a blank image)."""
    values = [
        image.pixelColor(x, y).lightnessF()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    return statistics.pstdev(values) if len(values) > 1 else 0.0
