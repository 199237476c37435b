"""Icons for apps, sites and categories, with a generated fallback, and wellbeing's own.

An app's icon comes from, in order: the stored hint (an existing file path
or a freedesktop icon theme name, ``QIcon.fromTheme``), else the ``Icon`` of
the app's own ``.desktop`` entry (found by its key, as the tracker names apps:
:mod:`wellbeing.platform.desktop_entries`), else a generated coloured circle
with the name's initial. Generated icons are painted at several sizes so they stay
sharp on HiDPI screens. The app's own icon lives in ``resources/icons`` (an SVG for
windows, PNGs rendered of it for the tray: :func:`tray_icon`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from wellbeing import resources
from wellbeing.ui.theme import name_color

if TYPE_CHECKING:
    from wellbeing.platform.desktop_entries import DesktopIndex

_SIZES = (16, 22, 24, 32, 48, 64, 96)


def _initial(name: str) -> str:
    for ch in name.strip():
        if ch.isalnum():
            return ch.upper()
    return "?"


def initial_pixmap(name: str, color: QColor, size: int, device_ratio: float = 1.0) -> QPixmap:
    """A circle of ``size`` logical pixels in ``color`` with the white initial of ``name``."""
    from PySide6.QtCore import Qt  # here: the tray at rest paints none (Qt's enums: 1 MiB)

    physical = max(1, round(size * device_ratio))
    pix = QPixmap(physical, physical)
    pix.setDevicePixelRatio(device_ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    rect = QRectF(0.5, 0.5, size - 1.0, size - 1.0)
    painter.drawEllipse(rect)
    font = QFont()
    font.setPixelSize(max(1, round(size * 0.52)))
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), _initial(name))
    painter.end()
    return pix


def generated_icon(name: str, color: QColor) -> QIcon:
    """An icon drawn at every common size: a circle in ``color`` with the initial of ``name``."""
    icon = QIcon()
    app = QGuiApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    for size in _SIZES:
        icon.addPixmap(initial_pixmap(name, color, size, ratio))
    return icon


class IconProvider:
    """Looks up and caches icons for list rows.

    Args:
        palette: used to pick readable colours for generated icons.
    """

    def __init__(
        self, palette: QPalette | None = None,
        desktop: Callable[[str], str | None] | None = None,
    ) -> None:
        self._palette = palette if palette is not None else QPalette()
        self._desktop = desktop if desktop is not None else desktop_icon
        self._cache: dict[tuple[str, str | None, str | None, str | None], QIcon] = {}

    def set_palette(self, palette: QPalette) -> None:
        """Use another palette (light/dark switch); generated icons are redrawn lazily."""
        self._palette = QPalette(palette)
        self._cache.clear()

    def icon(self, name: str, hint: str | None = None, color: QColor | None = None,
             key: str | None = None) -> QIcon:
        """The icon for something called ``name``.

        Args:
            name: the display name (its initial is drawn when nothing better exists).
            hint: a file path or an icon theme name, if known.
            color: the circle colour of a generated icon (default: derived from the name).
            key: the app's key, to find its ``.desktop`` entry's icon when there is no hint.
        """
        cache_key = (name, hint, color.name() if color is not None else None, key)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        icon = self._lookup(hint)
        if icon is None and key:
            icon = self._lookup(self._desktop(key))
        if icon is None:
            fill = color if color is not None else name_color(name, self._palette)
            icon = generated_icon(name, fill)
        self._cache[cache_key] = icon
        return icon

    @staticmethod
    def _lookup(hint: str | None) -> QIcon | None:
        if not hint:
            return None
        if "/" in hint or hint.endswith((".svg", ".png", ".xpm", ".ico")):
            path = Path(hint).expanduser()
            if path.is_file():
                icon = QIcon(str(path))
                return None if icon.isNull() else icon
            return None
        if QIcon.hasThemeIcon(hint):
            return QIcon.fromTheme(hint)
        return None


_DESKTOP_INDEX: DesktopIndex | None = None


def desktop_icon(key: str) -> str | None:
    """The ``Icon`` of the ``.desktop`` entry of the app ``key`` (indexed once), or None."""
    global _DESKTOP_INDEX
    if _DESKTOP_INDEX is None:
        from wellbeing.platform.desktop_entries import DesktopIndex

        _DESKTOP_INDEX = DesktopIndex()
    entry = _DESKTOP_INDEX.find(key, (key,))
    return entry.icon if entry is not None else None


#: The tray icon's sizes, rendered from the SVG into ``resources/icons/tray`` (``make icons``).
TRAY_SIZES = (16, 22, 24, 32, 48, 64, 128)


def tray_icon() -> QIcon:
    """The wellbeing icon for the tray, from the PNGs rendered of the SVG (``make icons``).

    The same picture as :func:`app_icon`; without the SVG, the tray app loads no
    SVG engine (Qt's library and plugin, and what rendering takes: 1.9 MiB of its
    RSS with the window closed, issue 11). Windows take :func:`app_icon` (their
    larger sizes). When the PNGs are missing, :func:`app_icon`.
    """
    from wellbeing import resources as shipped

    icon = QIcon()
    folder = shipped.path_of("icons/tray")
    for size in TRAY_SIZES:
        path = folder / f"wellbeing-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return app_icon() if icon.isNull() else icon


def app_icon() -> QIcon:
    """The wellbeing icon (window and tray), from the installed resources or the checkout."""
    candidates = [resources.PACKAGE_DIR / "_resources" / "icons" / "wellbeing.svg",
                  resources.PACKAGE_DIR.parent / "resources" / "icons" / "wellbeing.svg"]
    for path in candidates:
        if path.is_file():
            icon = QIcon(str(path))
            if not icon.isNull():
                return icon
    return generated_icon("Wellbeing", QColor("#1fa37a"))
