"""The usage bar chart (pyqtgraph): days of a week/month, or hours of a day.

Bars are stacked by category colour with rounded tops; a dashed line marks
the daily average and an optional second line a daily limit. Clicking a bar
(or pressing Left/Right while the chart has focus) asks to select it; the
selected bar stays bright while the others fade. Hovering shows the exact
time. The chart draws a ``viewmodels.ChartData`` as it is and keeps no other
state, so redrawing the same data changes nothing on screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QKeyEvent, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from wellbeing.core.durations import format_axis_duration, format_duration
from wellbeing.ui.periods import Period
from wellbeing.ui.theme import (
    card_color,
    category_color,
    grid_color,
    is_dark,
    muted_text,
    series_colors,
)
from wellbeing.ui.viewmodels import ChartData

#: Grid steps (seconds) the value axis may use; the smallest giving at most 3 lines wins.
_STEPS = (60, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200)


def nice_top(value: float) -> tuple[float, float]:
    """The axis top and grid step for a largest value of ``value`` seconds."""
    value = max(value, 60.0)
    step = next((s for s in _STEPS if value <= 3 * s), 86400)
    return float(math.ceil(value / step) * step), float(step)


def _mix(color: QColor, background: QColor, amount: float) -> QColor:
    """``amount`` of ``color`` over ``background``, opaque (faded bars without seams)."""
    return QColor.fromRgbF(
        color.redF() * amount + background.redF() * (1 - amount),
        color.greenF() * amount + background.greenF() * (1 - amount),
        color.blueF() * amount + background.blueF() * (1 - amount),
    )


class _DurationAxis(pg.AxisItem):  # type: ignore[misc]
    """Value axis labelled "1 h", "30 min" at the chosen grid step."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.step = 3600.0
        self.top = 3600.0

    def tickValues(  # noqa: N802 - pyqtgraph API
        self, minVal: float, maxVal: float, size: float  # noqa: N803
    ) -> list[tuple[float, list[float]]]:
        count = int(round(self.top / self.step))
        return [(self.step, [self.step * n for n in range(count + 1)])]

    def tickStrings(  # noqa: N802 - pyqtgraph API
        self, values: Sequence[float], scale: float, spacing: float
    ) -> list[str]:
        return [format_axis_duration(max(0.0, v)) for v in values]


class _Bars(pg.GraphicsObject):  # type: ignore[misc]
    """All bars in one item, painted in device pixels so rounded tops stay round."""

    def __init__(self) -> None:
        super().__init__()
        self.data: ChartData | None = None
        self.colors: dict[str, QColor] = {}
        self.neutral = QColor("#8a8f98")
        self.background = QColor("#ffffff")
        self.top = 3600.0
        self.width = 0.62

    def set_data(self, data: ChartData, colors: dict[str, QColor], neutral: QColor,
                 background: QColor, top: float) -> None:
        self.prepareGeometryChange()
        self.data, self.colors, self.neutral, self.top = data, colors, neutral, top
        self.background = background
        self.width = 0.62 if data.kind is Period.WEEK else 0.72
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt API
        n = len(self.data.bars) if self.data else 1
        return QRectF(-0.5, 0.0, float(n), float(self.top))

    def paint(self, painter: QPainter, *_: object) -> None:
        if self.data is None:
            return
        data = self.data
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        selected = data.selected_index
        for bar in data.bars:
            if bar.total_seconds <= 0:
                continue
            left = bar.index - self.width / 2
            full = transform.mapRect(QRectF(left, 0.0, self.width, bar.total_seconds)).normalized()
            if full.height() < 1.5:
                full.setTop(full.bottom() - 1.5)
            radius = min(full.width() * 0.28, full.height() / 2)
            clip = QPainterPath()
            clip.setFillRule(Qt.FillRule.WindingFill)
            clip.addRoundedRect(full, radius, radius)
            clip.addRect(full.adjusted(0, radius, 0, 0))
            painter.setClipPath(clip)
            fade = selected is not None and bar.index != selected
            base = 0.0
            pieces = [(s.key, s.seconds) for s in bar.segments]
            rest = bar.total_seconds - sum(s for _, s in pieces)
            if rest > 0.5:
                pieces.append(("", rest))
            for key, seconds in pieces:
                rect = transform.mapRect(QRectF(left, base, self.width, seconds)).normalized()
                color = QColor(self.colors.get(key, self.neutral))
                if fade:
                    color = _mix(color, self.background, 0.38)
                painter.fillRect(rect.adjusted(0, -0.5, 0, 0.5), color)
                base += seconds
            painter.setClipping(False)
        painter.restore()


class UsageChart(pg.PlotWidget):  # type: ignore[misc]
    """A stacked bar chart of a ``ChartData``.

    Signals:
        bar_clicked(int): a bar was clicked, or moved to with the keyboard.
        bar_activated(int): a bar was double-clicked or Enter was pressed on it.
        cleared(): Escape was pressed or empty space clicked.
    """

    bar_clicked = Signal(int)
    bar_activated = Signal(int)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        self._value_axis = _DurationAxis("right")
        super().__init__(parent, axisItems={"right": self._value_axis}, background=None)
        self.data: ChartData | None = None
        item = self.getPlotItem()
        item.hideAxis("left")
        item.showAxis("right")
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.vb.setDefaultPadding(0.0)
        self._bars = _Bars()
        item.addItem(self._bars)
        dash = Qt.PenStyle.DashLine
        self._average = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(style=dash))
        self._average_label = pg.InfLineLabel(self._average, "avg", position=0.985,
                                              anchors=[(1, 1), (1, 1)])
        self._limit = pg.InfiniteLine(angle=0, movable=False, pen=pg.mkPen(style=dash))
        self._limit_label = pg.InfLineLabel(self._limit, "limit", position=0.015,
                                            anchors=[(0, 1), (0, 1)])
        for line in (self._average, self._limit):
            line.setZValue(10)
            item.addItem(line, ignoreBounds=True)
            line.hide()
        self.scene().sigMouseClicked.connect(self._on_click)
        self.scene().sigMouseMoved.connect(self._on_move)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Usage chart"))
        self.viewport().setAccessibleName(self.tr("Usage chart"))
        self.setMouseTracking(True)
        self.apply_palette(self.palette())

    # -- appearance ----------------------------------------------------------------

    def apply_palette(self, palette: QPalette) -> None:
        """Restyle axes, grid and lines for ``palette`` (light or dark)."""
        self._palette = QPalette(palette)
        self.setBackground(card_color(palette))
        muted = muted_text(palette)
        grid = grid_color(palette)
        font = self.font()
        item = self.getPlotItem()
        offset = round(QFontMetricsF(font).height() * 0.4)
        for name in ("right", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(grid))
            axis.setTextPen(pg.mkPen(muted))
            axis.setStyle(tickFont=font, tickLength=0, tickTextOffset=offset,
                          hideOverlappingLabels=False)
        right = item.getAxis("right")
        right.setGrid(int(grid.alphaF() * 255))
        right.setWidth(round(QFontMetricsF(font).horizontalAdvance("10 h 30") + offset * 2.5))
        item.getAxis("bottom").setGrid(False)
        avg_pen = pg.mkPen(muted, width=1.4, style=Qt.PenStyle.DashLine)
        self._average.setPen(avg_pen)
        self._average_label.setColor(muted)
        backdrop = card_color(palette)
        backdrop.setAlphaF(0.85)
        for label in (self._average_label, self._limit_label):
            label.fill = pg.mkBrush(backdrop)
        limit_color = QColor("#ff6b6b" if is_dark(palette) else "#d1453b")
        self._limit.setPen(pg.mkPen(limit_color, width=1.4, style=Qt.PenStyle.DashLine))
        self._limit_label.setColor(limit_color)
        if self.data is not None:
            self.set_data(self.data, force=True)

    # -- data ----------------------------------------------------------------------

    def set_data(self, data: ChartData, *, force: bool = False) -> None:
        """Draw ``data``; does nothing when it equals what is shown (no flicker)."""
        if data == self.data and not force:
            return
        self.data = data
        palette = self._palette
        colors = series_colors([(c.key, c.name, c.color) for c in data.categories], palette)
        neutral = category_color(None, None, palette)
        tallest = max((b.total_seconds for b in data.bars), default=0.0)
        lines = [v for v in (data.average_seconds, data.limit_seconds) if v]
        top, step = nice_top(max([tallest, *lines]))
        self._value_axis.top, self._value_axis.step = top, step
        self._bars.set_data(data, colors, neutral, card_color(palette), top)
        item = self.getPlotItem()
        item.getAxis("bottom").setTicks([list(data.ticks), []])
        n = max(1, len(data.bars))
        headroom = top * 0.07
        if any(v > top * 0.9 for v in lines):  # room for a line's label above it
            headroom = top * 0.16
        item.vb.setRange(xRange=(-0.6, n - 0.4), yRange=(0.0, top + headroom), padding=0.0)
        self._value_axis.picture = None
        self._value_axis.update()
        self._show_line(self._average, self._average_label, data.average_seconds,
                        self.tr("avg {time}"))
        self._show_line(self._limit, self._limit_label, data.limit_seconds,
                        self.tr("limit {time}"))
        self.setAccessibleDescription(self.describe())

    @staticmethod
    def _show_line(line: pg.InfiniteLine, label: pg.InfLineLabel, value: float | None,
                   text: str) -> None:
        if value:
            line.setValue(value)
            label.setText(text.format(time=format_duration(value)))
            line.show()
        else:
            line.hide()

    def describe(self) -> str:
        """A plain-text summary of the chart for screen readers."""
        if self.data is None:
            return ""
        parts = [b.tooltip.split("\n", 1)[0] for b in self.data.bars if b.total_seconds > 0]
        return "; ".join(parts) if parts else self.tr("No use recorded")

    # -- hit testing and input -----------------------------------------------------

    def index_at(self, scene_pos: QPointF) -> int | None:
        """The bar under ``scene_pos`` (scene coordinates), or None."""
        if self.data is None or not self.data.bars:
            return None
        vb = self.getPlotItem().vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        x = vb.mapSceneToView(scene_pos).x()
        index = int(round(x))
        if 0 <= index < len(self.data.bars) and abs(x - index) <= 0.5:
            return index
        return None

    def bar_center(self, index: int) -> QPointF:
        """Where bar ``index`` is, in widget coordinates (middle of its lower half)."""
        vb = self.getPlotItem().vb
        value = 0.0
        if self.data is not None and 0 <= index < len(self.data.bars):
            value = self.data.bars[index].total_seconds / 4
        scene: QPointF = vb.mapViewToScene(QPointF(index, value))
        point: QPointF = self.mapFromScene(scene).toPointF()
        return point

    def _on_click(self, event: MouseClickEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.index_at(event.scenePos())
        if index is None:
            self.cleared.emit()
        elif event.double():
            self.bar_activated.emit(index)
        else:
            self.bar_clicked.emit(index)

    def _on_move(self, scene_pos: QPointF) -> None:
        index = self.index_at(scene_pos)
        text = self.data.bars[index].tooltip if self.data and index is not None else ""
        self.setToolTip(text)
        if text:
            QToolTip.showText(self.mapToGlobal(self.mapFromScene(scene_pos)), text, self)
        else:
            QToolTip.hideText()

    def tooltip_at(self, index: int) -> str:
        """The hover text of bar ``index``."""
        return self.data.bars[index].tooltip if self.data else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Left/Right/Home/End move the selection, Enter opens it, Escape clears it."""
        if self.data is None or not self.data.bars:
            super().keyPressEvent(event)
            return
        n = len(self.data.bars)
        current = self.data.selected_index
        key = event.key()
        target: int | None = None
        if key == Qt.Key.Key_Right:
            target = 0 if current is None else min(n - 1, current + 1)
        elif key == Qt.Key.Key_Left:
            target = n - 1 if current is None else max(0, current - 1)
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = n - 1
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            self.bar_activated.emit(current)
            return
        elif key == Qt.Key.Key_Escape and current is not None:
            self.cleared.emit()
            return
        else:
            super().keyPressEvent(event)
            return
        last = max((b.index for b in self.data.bars if not b.is_future), default=None)
        if last is not None:
            self.bar_clicked.emit(min(target, last))

