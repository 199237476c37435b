"""Storage figures on a synthetic year; prints one JSON object (not collected by pytest).

    .venv/bin/python -m tests.unit.storage.bench_storage [SQLALCHEMY_URL]

Without a URL it uses a SQLite file in a temporary data dir. A PostgreSQL URL
must name an empty database (the tables are created in it and left there).
Timings are medians of in-process calls; on a busy machine they vary by 2x.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from tests.unit.storage.helpers import synthetic_days
from wellbeing.core.activity import Interval
from wellbeing.paths import Paths
from wellbeing.storage.db import Database, sqlite_problem
from wellbeing.storage.queries import GroupBy, UsageQueries
from wellbeing.storage.writer import UsageWriter

FIRST = date(2025, 1, 1)
DAYS = 365


def median_ms(call: Callable[[], Any], runs: int = 15) -> float:
    call()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 3)


def main(url: str | None) -> dict[str, Any]:
    data_dir = Path(tempfile.mkdtemp(prefix="wellbeing-bench-")) / "data"
    data = synthetic_days(FIRST, DAYS)
    db = Database.open(url, Paths(data_dir))
    writer = UsageWriter(db, db.device_id("bench", "linux"))
    started = time.perf_counter()
    writer.bulk_insert(data.pieces)
    out: dict[str, Any] = {
        "dialect": db.dialect,
        "days": DAYS,
        "intervals": len(data.pieces),
        "bulk_insert_s": round(time.perf_counter() - started, 2),
    }
    last = FIRST + timedelta(days=DAYS - 1)
    queries = UsageQueries(db, today=lambda: last)
    mid = FIRST + timedelta(days=161)
    periods = {"day": (mid, mid), "week": (mid, mid + timedelta(days=6)), "year": (FIRST, last)}
    groupings: tuple[GroupBy, ...] = ("app", "site", "category")
    for label, (start, end) in periods.items():
        for by in groupings:
            out[f"{label}_by_{by}_ms"] = median_ms(partial(queries.usage, start, end, by=by))
    year = queries.usage(FIRST, last)
    got = {item.key: item.seconds for item in year.items}
    out["year_totals_match_generator"] = all(
        abs(got[key] - seconds) < 1e-3 for key, seconds in data.totals.items()
    )
    out["hourly_day_ms"] = median_ms(lambda: queries.hourly(mid))
    out["day_facts_ms"] = median_ms(lambda: queries.day_facts(mid))
    template = data.pieces[-1]
    grown = [0]

    def flush() -> None:
        grown[0] += 1
        start = template.start_ms + 10**8
        writer.save([], [Interval(template.focus, start, start + grown[0] * 1000,
                                  template.utc_offset_min, template.local_date, 10**6)])

    out["running_flush_ms"] = median_ms(flush, runs=50)
    db.close()
    if db.dialect == "sqlite":
        path = Paths(data_dir).database
        out["db_bytes_per_day"] = round(path.stat().st_size / DAYS)
        out["db_bytes_per_interval"] = round(path.stat().st_size / len(data.pieces), 1)
        conn = sqlite3.connect(path)
        out["bytes_per_day_by_object"] = dict(
            conn.execute("SELECT name, sum(pgsize) / ? FROM dbstat GROUP BY name "
                         "HAVING sum(pgsize) > 4096 * 2 ORDER BY 2 DESC", (DAYS,)).fetchall()
        )
        conn.close()
        started = time.perf_counter()
        sqlite_problem(path)
        out["quick_check_year_ms"] = round((time.perf_counter() - started) * 1000, 1)
        started = time.perf_counter()
        Database.open(None, Paths(data_dir)).close()
        out["open_year_db_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else None)))
