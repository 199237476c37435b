"""What the dashboard shows, as immutable snapshots, and the per-app list as CSV.

:class:`DashboardState` (with its :class:`ChartData` of :class:`Bar` and
:class:`Segment`, its :class:`Row` list, :class:`Headline` and
:class:`FactsView`) is what :class:`~wellbeing.ui.viewmodels.DashboardModel`
produces and a view draws as it is; :func:`rows_csv` writes the rows for
"Save as CSV". Plain Python, no widgets.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TextIO

from wellbeing.storage.queries import GroupBy
from wellbeing.ui import dashboard_texts as texts
from wellbeing.ui.periods import Period


@dataclass(frozen=True, slots=True)
class Segment:
    """One category's share of one bar (``name`` as stored, ``label`` as shown)."""

    key: str
    name: str
    color: str | None
    seconds: float
    label: str = ""

    @property
    def shown(self) -> str:
        """The category's name in the interface's language."""
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: a day (week/month views) or an hour (day view)."""

    index: int
    day: date | None
    hour: int | None
    total_seconds: float
    segments: tuple[Segment, ...]
    is_future: bool
    tooltip: str


@dataclass(frozen=True, slots=True)
class ChartData:
    """Everything a chart draws."""

    kind: Period
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[int, str], ...]
    categories: tuple[Segment, ...]
    average_seconds: float | None
    limit_seconds: float | None
    selected_index: int | None


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the usage list (``name`` as stored and exported, ``label`` as shown)."""

    key: str
    name: str
    seconds: float
    time_text: str
    share: float
    fill: float
    category: str | None
    color: str | None
    icon: str | None
    label: str = ""

    @property
    def shown(self) -> str:
        """The row's name in the interface's language (a built-in category's, "Other
        browsing"); other names as they are."""
        return self.label or self.name

    @property
    def accessible_text(self) -> str:
        """What a screen reader says for this row."""
        return texts.row_text(self.shown, self.time_text, self.share)


@dataclass(frozen=True, slots=True)
class Headline:
    """The top of the dashboard: the big number, its change, and today's total."""

    caption: str
    value_seconds: float
    value_text: str
    change_text: str
    change_percent: float | None
    today_seconds: float
    today_text: str


@dataclass(frozen=True, slots=True)
class FactsView:
    """Day facts, formatted."""

    first_use: str
    last_use: str
    longest_stretch: str


@dataclass(frozen=True, slots=True)
class DashboardState:
    """One immutable snapshot of everything the dashboard shows."""

    period: Period
    start: date
    end: date
    title: str
    subtitle: str
    group_by: GroupBy
    headline: Headline
    chart: ChartData
    selected_day: date | None
    selected_text: str
    rows_caption: str
    rows: tuple[Row, ...]
    facts: FactsView | None
    first_run: bool
    first_run_text: str
    can_go_previous: bool
    can_go_next: bool
    earliest: date
    today: date


CSV_HEADER = ("name", "key", "category", "seconds", "time", "share_percent")


def write_rows_csv(rows: Sequence[Row], out: TextIO) -> None:
    """Write usage rows as CSV (header + one line per row, seconds unrounded)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow(
            (r.name, r.key, r.category or "", f"{r.seconds:.3f}", r.time_text,
             f"{r.share * 100:.1f}")
        )


def rows_csv(rows: Sequence[Row]) -> str:
    """The CSV text of ``rows`` (see :func:`write_rows_csv`)."""
    buf = io.StringIO()
    write_rows_csv(rows, buf)
    return buf.getvalue()
