"""The experiment's report on screen and as a PDF.

It renders ``Report.to_json(shown=True)`` (the shape ``wellbeing experiment report
--json`` prints): the plain-language summary first (it leads with the main
question), then a chart of the tracked minutes a day, one bar per day coloured
by phase, with evening mood below on the same days, then a table of every
measure: the means per phase, the difference with its 95% range, NAP and p
where there is one, and the note when there is not enough data.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, QMarginsF, QRect, Qt
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wellbeing.core.experiment_report import LABELS
from wellbeing.ui.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.ui.widgets import label

PHASE_COLORS = {
    "baseline": "#8a94a6",
    "limited": "#3f8f7a",
    "usual": "#c2a25a",
    "follow-up": "#7c86c4",
}
"""Calm colours per phase (no alarming red)."""

COLUMNS = (
    QT_TRANSLATE_NOOP("ReportView", "Measure"),
    QT_TRANSLATE_NOOP("ReportView", "Baseline"),
    QT_TRANSLATE_NOOP("ReportView", "Limited"),
    QT_TRANSLATE_NOOP("ReportView", "Difference (95% range)"),
    QT_TRANSLATE_NOOP("ReportView", "NAP"),
    QT_TRANSLATE_NOOP("ReportView", "p"),
    QT_TRANSLATE_NOOP("ReportView", "Note"),
)
"""The table's headings in English (translated where shown)."""

PHASE_NAMES = {
    "baseline": QT_TRANSLATE_NOOP("ReportView", "baseline"),
    "limited": QT_TRANSLATE_NOOP("ReportView", "limited"),
    "usual": QT_TRANSLATE_NOOP("ReportView", "usual"),
    "follow-up": QT_TRANSLATE_NOOP("ReportView", "follow-up"),
}
"""The phases as the chart's legend names them, in English (translated where shown)."""

MEASURE_NAMES = (
    QT_TRANSLATE_NOOP("ReportView", "evening mood"),
    QT_TRANSLATE_NOOP("ReportView", "loneliness"),
    QT_TRANSLATE_NOOP("ReportView", "anxiety"),
    QT_TRANSLATE_NOOP("ReportView", "feeling of missing out"),
    QT_TRANSLATE_NOOP("ReportView", "WHO-5 well-being score"),
    QT_TRANSLATE_NOOP("ReportView", "UCLA loneliness score"),
    QT_TRANSLATE_NOOP("ReportView", "PHQ-8 depression score"),
    QT_TRANSLATE_NOOP("ReportView", "GAD-7 anxiety score"),
)
"""``core.experiment_report.LABELS``' names of the measures, marked for translation (a test
checks that none is missing); the table shows them translated."""


class ReportView(QWidget):
    """The report: summary, chart, table and "Save as PDF…"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("experiment_report")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.summary = label("", "report_summary", wrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.summary)
        pg.setConfigOptions(antialias=True)
        self.usage_plot = pg.PlotWidget()
        self.usage_plot.setObjectName("report_usage_chart")
        self.usage_plot.setBackground(None)
        self.usage_plot.setMinimumHeight(150)
        self.usage_plot.setLabel("left", self.tr("minutes"))
        self.usage_plot.setMenuEnabled(False)
        self.usage_plot.setMouseEnabled(False, False)
        self.mood_plot = pg.PlotWidget()
        self.mood_plot.setObjectName("report_mood_chart")
        self.mood_plot.setBackground(None)
        self.mood_plot.setMinimumHeight(110)
        self.mood_plot.setMaximumHeight(180)
        self.mood_plot.setLabel("left", self.tr("mood"))
        self.mood_plot.setYRange(0, 10)
        self.mood_plot.setXLink(self.usage_plot)
        self.mood_plot.setMenuEnabled(False)
        self.mood_plot.setMouseEnabled(False, False)
        box.addWidget(self.usage_plot)
        box.addWidget(self.mood_plot)
        self.legend = label("", "report_legend", muted=True, wrap=True)
        box.addWidget(self.legend)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("report_measures")
        self.table.setHorizontalHeaderLabels([self.tr(text) for text in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(260)
        # the notes wrap: rows follow the Note column's width as the window changes
        self.table.horizontalHeader().sectionResized.connect(
            lambda *_: self.table.resizeRowsToContents())
        box.addWidget(self.table, 1)
        self.extra = label("", "report_extra", wrap=True)
        box.addWidget(self.extra)
        row = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("report_pdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        row.addStretch(1)
        row.addWidget(self.pdf_button)
        box.addLayout(row)
        self.report: dict[str, Any] = {}

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        self.summary.setText(report.get("summary", ""))
        self._draw(report.get("daily", []))
        self._fill_table(report)
        adherence = report.get("adherence", {})
        usage = report.get("usage", {})
        parts = []
        if adherence.get("days"):
            parts.append(self.tr("Days within your limits: {within} of {days}.").format(
                within=adherence["days_within_limit"], days=adherence["days"]))
        for target, figures in usage.get("per_target", {}).items():
            before, during = figures.get("baseline_daily_seconds"), figures.get(
                "limited_daily_seconds")
            if before is not None and during is not None:
                parts.append(self.tr(
                    "{target}: {before} min a day in the baseline, {during} in limited weeks "
                    "(this computer only).").format(
                    target=target, before=round(before / 60), during=round(during / 60)))
        dose = report.get("dose_response")
        if dose is not None:
            slope = dose["slope_per_10_min"]
            if slope < 0:
                text = self.tr(
                    "On days with 10 more minutes on these platforms, your evening mood was on "
                    "average {points} points lower (correlation {r}, {n} days). Days differ in "
                    "many ways, so this shows a pattern, not a cause.")
            else:
                text = self.tr(
                    "On days with 10 more minutes on these platforms, your evening mood was on "
                    "average {points} points higher (correlation {r}, {n} days). Days differ in "
                    "many ways, so this shows a pattern, not a cause.")
            parts.append(text.format(points=_fixed(abs(slope), 2), r=_fixed(dose["r"], 2),
                                     n=dose["n"]))
        for entry in report.get("phone", []):
            parts.append(self.tr(
                "Phone, self-reported, week of {day}: {target} {minutes} min a day.").format(
                day=self._date(entry["date"]), target=entry["target"],
                minutes=round(entry["daily_seconds"] / 60)))
        self.extra.setText("\n".join(parts))

    def _date(self, iso: str) -> str:
        """An ISO date as the language writes it (English: as it is, 2026-03-02)."""
        day = date.fromisoformat(iso)
        # A QDate format (German: "d. MMM yyyy").
        pattern = self.tr("yyyy-MM-dd", "date format")
        return QLocale().toString(QDate(day.year, day.month, day.day), pattern)

    def _draw(self, daily: list[dict[str, Any]]) -> None:
        self.usage_plot.clear()
        self.mood_plot.clear()
        self.usage_plot.setVisible(bool(daily))
        self.mood_plot.setVisible(bool(daily))
        if not daily:
            self.legend.setText(self.tr("The chart fills in as the days go by."))
            return
        first = date.fromisoformat(daily[0]["date"])
        for kind, color in PHASE_COLORS.items():
            xs = [(date.fromisoformat(d["date"]) - first).days for d in daily if d["phase"] == kind]
            heights = [d["usage_seconds"] / 60 for d in daily if d["phase"] == kind]
            if xs:
                self.usage_plot.addItem(pg.BarGraphItem(
                    x=xs, height=heights, width=0.7, brush=QColor(color), pen=None))
        points = [((date.fromisoformat(d["date"]) - first).days, d["mood"])
                  for d in daily if d.get("mood") is not None]
        if points:
            self.mood_plot.plot([p[0] for p in points], [p[1] for p in points],
                                pen=pg.mkPen("#5a6fb0", width=2), symbol="o", symbolSize=6,
                                symbolBrush="#5a6fb0")
        weekly = [((date.fromisoformat(w["date"]) - first).days, w["score"] / 10)
                  for w in self.report.get("weekly", []) if w["key"] == "who5"]
        if weekly:
            self.mood_plot.plot([w[0] for w in weekly], [w[1] for w in weekly], pen=None,
                                symbol="s", symbolSize=9, symbolBrush="#c2a25a")
        kinds = [k for k in PHASE_COLORS if any(d["phase"] == k for d in daily)]
        self.legend.setText(self.tr(
            "Bars: tracked minutes a day on your chosen platforms, by phase ({phases}). "
            "Line: evening mood (0–10); squares: the weekly WHO-5 well-being score ÷ 10. "
            "Day 0 is {day}.").format(phases=", ".join(self.tr(PHASE_NAMES[k]) for k in kinds),
                                      day=self._date(first.isoformat())))

    def _fill_table(self, report: dict[str, Any]) -> None:
        measures = report.get("measures", {})
        primary = report.get("primary")
        order = [primary, *[m for m in measures if m != primary]]
        self.table.setRowCount(len(measures))
        for row, name in enumerate(n for n in order if n in measures):
            m = measures[name]
            difference = self.tr("not enough data")
            if m["difference"] is not None and m["ci95"] is not None:
                low, high = m["ci95"]
                difference = self.tr("{difference} ({low} to {high})").format(
                    difference=_fixed(m["difference"], 2, sign=True), low=_fixed(low, 2),
                    high=_fixed(high, 2))
            measure = self.tr(LABELS.get(name, name))
            if name == primary:
                measure = self.tr("{measure} (main)").format(measure=measure)
            cells = (
                measure,
                _num(m["baseline_mean"]),
                _num(m["limited_mean"]),
                difference,
                "–" if m["nap"] is None else self.tr("{percent}%").format(
                    percent=_fixed(m["nap"] * 100, 0)),
                "–" if m["p"] is None else _fixed(m["p"], 2),
                m["note"],
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(len(COLUMNS) - 1, 320)
        self.table.resizeRowsToContents()

    def _ask_pdf(self) -> None:
        from wellbeing.ui.export import save_as

        save_as(self, self.tr("Save the report"), "experiment-report.pdf",
                self.tr("PDF (*.pdf)"), self.save_pdf)

    def save_pdf(self, path: Path) -> Path:
        """Print the report to a PDF at ``path`` (mode 0600: it holds how you felt)."""
        fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
        ))
        writer.setTitle(self.tr("Wellbeing experiment report"))
        image = self.grab()  # drawn as a picture: the PDF engine lacks some styles' gradients
        painter = QPainter(writer)
        try:
            area = writer.pageLayout().paintRectPixels(writer.resolution())
            scale = min(area.width() / max(image.width(), 1),
                        area.height() / max(image.height(), 1))
            painter.drawPixmap(
                QRect(0, 0, round(image.width() * scale), round(image.height() * scale)), image
            )
        finally:
            painter.end()
        path.chmod(0o600)
        return path


def _fixed(value: float, digits: int, *, sign: bool = False) -> str:
    """``value`` with ``digits`` decimals as the locale writes it (German: a decimal comma)."""
    locale = QLocale()
    text = locale.toString(float(value), "f", digits)
    return locale.positiveSign() + text if sign and value >= 0 else text


def _num(value: float | None) -> str:
    return "–" if value is None else _fixed(value, 1)
