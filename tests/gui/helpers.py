"""Shared by GUI tests: checks for clipped labels and blank images, stand-in Save dialogs."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QWidget


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


class SaveDialogs:
    """The Save as… dialog answers ``chosen``; message boxes are recorded, not shown."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, chosen: Path) -> None:
        self.asked: list[str] = []
        self.warned: list[str] = []

        def ask(parent: QWidget, title: str, suggested: str, file_filter: str) -> tuple[str, str]:
            self.asked.append(suggested)
            return str(chosen), file_filter

        def warn(parent: QWidget, title: str, text: str) -> None:
            self.warned.append(text)

        monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
        monkeypatch.setattr(QMessageBox, "warning", warn)
