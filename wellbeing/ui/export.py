"""The dashboard's Export: the chart as PNG, the list as CSV, both readable by the user only.

Exports hold usage, which is private: they are written 0600 whatever the
umask (through :func:`wellbeing.paths.write_private`), not through Qt's or
Python's file writers, which follow the umask (usually 0644).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QWidget

from wellbeing.paths import write_private
from wellbeing.ui.viewmodels import Row, rows_csv


def save_png(widget: QWidget, path: Path) -> None:
    """Save what ``widget`` shows as a PNG image at ``path`` (0600).

    Raises:
        OSError: the image could not be made or written.
    """
    image = QByteArray()
    buffer = QBuffer(image)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = widget.grab().save(buffer, "PNG")
    buffer.close()
    if not saved:
        raise OSError(f"could not make the image {path}")
    write_private(path, bytes(image.data()))


def save_csv(rows: Sequence[Row], path: Path) -> None:
    """Save usage rows as CSV at ``path`` (0600; see ``viewmodels.write_rows_csv``)."""
    write_private(path, rows_csv(rows).encode("utf-8"))
