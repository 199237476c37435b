"""The "most used" list: a Qt list model over ``viewmodels.Row`` and a delegate that draws it.

Each row shows an icon, the name, the time, and a thin bar whose length is
the row's time relative to the top row, in its category colour. Sizes come
from font metrics. ``UsageListModel.set_rows`` updates rows in place when
the same items are shown in the same order (a live refresh), so the view
neither flickers nor loses its current row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from wellbeing.ui.icons import IconProvider
from wellbeing.ui.theme import Metrics, accent, category_color, is_uncategorised, muted_text
from wellbeing.ui.viewmodels import Row

ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class UsageListModel(QAbstractListModel):
    """Rows of the usage list; ``ROW_ROLE`` returns the ``Row`` itself."""

    def __init__(self, icons: IconProvider, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Row, ...] = ()
        self._icons = icons
        self._palette = QPalette()

    def set_palette(self, palette: QPalette) -> None:
        """Colours of generated icons follow this palette."""
        self._palette = QPalette(palette)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show ``rows``; same keys in the same order update in place, anything else resets."""
        rows = tuple(rows)
        if rows == self._rows:
            return
        if [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, key: str) -> int | None:
        """The position of the row with ``key``, if shown."""
        return next((n for n, r in enumerate(self._rows) if r.key == key), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.shown
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.accessible_text
        if role == Qt.ItemDataRole.DecorationRole:
            color = category_color(row.category, row.color, self._palette) if row.icon is None \
                and row.category is not None else None
            return self._icons.icon(row.name, row.icon, color, key=row.key)
        if role == ROW_ROLE:
            return row
        return None


class UsageRowDelegate(QStyledItemDelegate):
    """Draws a usage row: icon | name ... time / share bar."""

    def _metrics(self, option: QStyleOptionViewItem) -> Metrics:
        return Metrics.of(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        m = self._metrics(option)
        height = max(m.icon, m.line * 2 + m.bar) + m.gap * 1.4
        return QSize(round(m.line * 16), round(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        rect = QRectF(opt.rect)
        palette: QPalette = opt.palette
        state = opt.state
        m = self._metrics(opt)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        if selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlphaF(0.16)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint)
            painter.drawRoundedRect(rect.adjusted(2, 1, -2, -1), m.radius * 0.6, m.radius * 0.6)
        if focused:
            ring = QColor(palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(2.5, 1.5, -2.5, -1.5), m.radius * 0.6,
                                    m.radius * 0.6)
        pad = m.gap
        icon_rect = QRectF(rect.left() + pad, rect.center().y() - m.icon / 2, m.icon, m.icon)
        icon = opt.icon
        icon.paint(painter, icon_rect.toRect())
        left = icon_rect.right() + pad
        right = rect.right() - pad
        fm = QFontMetricsF(opt.font)
        text_top = rect.center().y() - (m.line * 2 + m.bar) / 2
        time_width = fm.horizontalAdvance(row.time_text)
        text_color = palette.color(QPalette.ColorRole.Text)
        painter.setFont(opt.font)
        painter.setPen(text_color)
        name_rect = QRectF(left, text_top, right - left - time_width - pad, m.line)
        name = fm.elidedText(row.shown, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         name)
        painter.setPen(muted_text(palette))
        painter.drawText(QRectF(right - time_width, text_top, time_width, m.line),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         row.time_text)
        bar_top = text_top + m.line + m.bar * 0.9
        track = QRectF(left, bar_top, right - left, m.bar)
        track_color = QColor(text_color)
        track_color.setAlphaF(0.08)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(track_color)
        painter.drawRoundedRect(track, m.bar / 2, m.bar / 2)
        fill = QRectF(track)
        fill.setWidth(max(m.bar, track.width() * row.fill))
        if is_uncategorised(row.category) and row.color is None:
            painter.setBrush(accent(palette))
        else:
            painter.setBrush(category_color(row.category, row.color, palette))
        painter.drawRoundedRect(fill, m.bar / 2, m.bar / 2)
        painter.restore()
