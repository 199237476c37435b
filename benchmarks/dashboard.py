"""Dashboard responsiveness on a year of history: time to first paint and refresh time.

Runs in-process on the offscreen Qt platform and prints one JSON object:

- ``first_paint_ms``: from building the view model and window (Qt and
  pyqtgraph already imported, QApplication running) until the window has
  been laid out and painted once, for the first window of the process (cold).
- ``first_paint_warm_ms``: the median of further windows.
- ``refresh_ms``: median time of a live refresh after new usage arrived
  (re-query, redraw, repaint); ``idle_refresh_ms`` when nothing changed.
- ``*_ratio``: measured / limit (limits: 300 ms first paint, 50 ms refresh);
  below 1.0 is within the limit.

Both sources are measured in one run (``make bench``), each in its own
object: ``fake``, the in-memory fake from ``tests/gui/fakes.py`` (365 days of
30 apps; new usage is added before each refresh), and ``demo``, the demo year
(``wellbeing demo-data``, ~136,000 intervals) in a temporary SQLite file read
the way the tray app reads it (``storage.queries.UsageQueries`` over
``storage.sqlite_reader.SqliteReader``); there a refresh is measured as
selecting another bar, which re-runs every query, rebuilds the snapshot and
repaints, the same work as a live refresh. ``--only fake|demo`` runs one.

Usage: python benchmarks/dashboard.py [--only fake|demo] [--days 365] [--repeat 15]
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from wellbeing.ui.dashboard import DashboardWindow  # noqa: E402
from wellbeing.ui.viewmodels import DashboardModel, UsageSource  # noqa: E402

FIRST_PAINT_LIMIT_MS = 300.0
REFRESH_LIMIT_MS = 50.0


class PaintCounter(QObject):
    """Counts paint events reaching a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def fake_source(days: int) -> tuple[UsageSource, Callable[[], date], Callable[[], None]]:
    from tests.gui.fakes import TODAY, realistic_source

    src = realistic_source(TODAY, days=days)
    clock = {"t": datetime(2026, 6, 10, 20, 0)}

    def add_usage() -> None:
        # a whole minute: the texts show minutes, so a write of a few seconds often
        # changes nothing shown and (rightly) redraws nothing (ui.shown)
        src.add(TODAY, "firefox", clock["t"], 60.0)
        clock["t"] += timedelta(seconds=60)

    return src, (lambda: TODAY), add_usage


def demo_source(days: int) -> tuple[UsageSource, Callable[[], date], Callable[[], None] | None]:
    import tempfile

    from benchmarks._common import DEMO_END, make_demo_year, run_cli
    from wellbeing.storage.queries import UsageQueries
    from wellbeing.storage.sqlite_reader import SqliteReader

    data_dir = Path(tempfile.mkdtemp(prefix="wellbeing-bench-dashboard-"))
    atexit.register(shutil.rmtree, data_dir, ignore_errors=True)
    make_demo_year(data_dir, days=days)
    run_cli(data_dir, "report")  # labels the demo's apps, as the tray app's start does
    reader = SqliteReader(data_dir / "wellbeing.sqlite3")
    atexit.register(reader.close)
    return UsageQueries(reader, today=lambda: DEMO_END), (lambda: DEMO_END), None


def first_paint(app: QApplication, source: UsageSource, today: Callable[[], date]) -> float:
    counter = PaintCounter()
    start = time.perf_counter()
    model = DashboardModel(source, today)
    window = DashboardWindow(model, refresh_ms=0)
    window.chart.viewport().installEventFilter(counter)
    window.show()
    while counter.count == 0:
        app.processEvents()
    app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed


def refresh_times(app: QApplication, source: UsageSource, today: Callable[[], date],
                  add_usage: Callable[[], None] | None,
                  repeat: int) -> tuple[list[float], list[float]]:
    model = DashboardModel(source, today)
    window = DashboardWindow(model, refresh_ms=0)
    window.show()
    app.processEvents()
    model.select_index(1)
    app.processEvents()
    changed, idle = [], []
    for n in range(repeat):
        start = time.perf_counter()
        if add_usage is not None:
            add_usage()
            start = time.perf_counter()
            assert model.refresh()
        else:
            model.select_index(n % 2)  # a different day: every query runs again
        window.repaint()
        app.processEvents()
        changed.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        assert not model.refresh()
        app.processEvents()
        idle.append((time.perf_counter() - start) * 1000)
    window.close()
    return changed, idle


def measure(app: QApplication, kind: str, days: int, repeat: int) -> dict[str, object]:
    add_usage: Callable[[], None] | None
    if kind == "demo":
        source, today, add_usage = demo_source(days)
        described = "demo year in SQLite via UsageQueries over SqliteReader (as the tray app)"
    else:
        source, today, add_usage = fake_source(days)
        described = "in-memory fake (tests/gui/fakes.py)"
    cold = first_paint(app, source, today)
    warm = [first_paint(app, source, today) for _ in range(5)]
    changed, idle = refresh_times(app, source, today, add_usage, repeat)
    refresh = statistics.median(changed)
    return {
        "source": described,
        "days": days,
        "first_paint_ms": round(cold, 1),
        "first_paint_warm_ms": round(statistics.median(warm), 1),
        "first_paint_limit_ms": FIRST_PAINT_LIMIT_MS,
        "first_paint_ratio": round(cold / FIRST_PAINT_LIMIT_MS, 3),
        "refresh_ms": round(refresh, 1),
        "refresh_max_ms": round(max(changed), 1),
        "idle_refresh_ms": round(statistics.median(idle), 2),
        "refresh_limit_ms": REFRESH_LIMIT_MS,
        "refresh_ratio": round(refresh / REFRESH_LIMIT_MS, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", choices=["fake", "demo"],
                        help="measure one source (default: both, the demo year second)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    kinds = [args.only] if args.only else ["fake", "demo"]
    result: dict[str, object] = {"benchmark": "dashboard", "qt_platform": app.platformName()}
    for kind in kinds:
        result[kind] = measure(app, kind, args.days, args.repeat)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
