"""The dashboard's Export: the chart as PNG, the list as CSV, both readable by the user only.

Exports hold usage, which is private: they are written 0600 whatever the
umask (through :func:`wellbeing.paths.write_private`), not through Qt's or
Python's file writers, which follow the umask (usually 0644).

:func:`save_as` is every window's Save as…: the file dialog, then the saving,
and a message box that says why when the file cannot be written (a folder
that is read-only, a full disk), instead of a traceback on stderr.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

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


def save_as(
    parent: QWidget, title: str, suggested: str, file_filter: str, save: Callable[[Path], object]
) -> Path | None:
    """Ask where to save (``suggested`` as the name), then ``save(path)``.

    Returns:
        The path saved to; None when the user cancelled or saving failed (the
        user was told why in a message box; nothing else changed).
    """
    chosen, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        save(path)
    except OSError as exc:
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "Export", "Could not save {file}: {reason}.\n\nChoose a folder you can write to, "
                      "with free space.").format(file=path, reason=exc.strerror or exc))
        return None
    return path
