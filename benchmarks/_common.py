"""Helpers shared by the benchmarks: logging, the one JSON result, the CLI, a demo year, timing.

Every benchmark prints exactly one JSON object on standard output (``emit``)
and logs to standard error (``log``). The CLI runs as ``python -m wellbeing``
with this interpreter and ``TZ=UTC``, so the demo history's days are UTC days
starting at 04:00 and the ActivityWatch side can be asked about the very same
periods.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEMO_DAYS = 365
DEMO_SEED = 42
DEMO_END = date(2025, 12, 31)  # a fixed calendar year: the same data on every run
DAY_START_HOUR = 4  # the default; demo-data and report use it
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wellbeing-bench"


def log(message: str) -> None:
    sys.stderr.write(f"[{time.strftime('%H:%M:%S')}] {message}\n")
    sys.stderr.flush()


def emit(result: dict[str, Any]) -> None:
    """Print the benchmark's single JSON object on stdout."""
    sys.stdout.write(json.dumps(result, sort_keys=False) + "\n")
    sys.stdout.flush()


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_")}
    env.update({"TZ": "UTC", "PYTHONPATH": str(ROOT), **extra})
    return env


def cli(data_dir: Path, *args: str) -> list[str]:
    """The argv of ``wellbeing --data-dir DATA_DIR ARGS...`` with this interpreter."""
    return [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), *args]


def run_cli(
    data_dir: Path, *args: str, timeout: float = 300, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the CLI to completion; raise with its stderr if it fails."""
    proc = subprocess.run(
        cli(data_dir, *args),
        env=env or cli_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(
            f"wellbeing {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"
        )
    return proc


def make_demo_year(data_dir: Path, days: int = DEMO_DAYS, seed: int = DEMO_SEED) -> float:
    """Fill ``data_dir`` with the demo history via ``wellbeing demo-data``; return wall seconds."""
    started = time.perf_counter()
    run_cli(
        data_dir,
        "demo-data",
        "--days",
        str(days),
        "--seed",
        str(seed),
        "--end",
        DEMO_END.isoformat(),
    )
    seconds = time.perf_counter() - started
    log(f"demo-data: {days} days (seed {seed}) into {data_dir} in {seconds:.2f} s")
    return seconds


def periods(end: date = DEMO_END, days: int = DEMO_DAYS) -> dict[str, tuple[date, date]]:
    """The day, the Monday-to-Sunday week and the whole history, as local date ranges.

    The day and week are the last complete ones in the history.
    """
    week_end = end - timedelta(days=(end.weekday() + 1) % 7)  # the last Sunday <= end
    return {
        "day": (end, end),
        "week": (week_end - timedelta(days=6), week_end),
        "year": (end - timedelta(days=days - 1), end),
    }


def utc_bounds(first: date, last: date, day_start_hour: int = DAY_START_HOUR) -> tuple[str, str]:
    """ISO UTC instants of the start of ``first`` and the end of ``last`` (offset 0)."""
    start = datetime.combine(first, dtime(day_start_hour), tzinfo=UTC)
    end = datetime.combine(last + timedelta(days=1), dtime(day_start_hour), tzinfo=UTC)
    return start.isoformat(), end.isoformat()


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 1) -> tuple[float, list[float]]:
    """Run ``fn`` ``warmup`` times untimed, then ``runs`` times; return (median ms, all ms)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), [round(t, 3) for t in times]


def sqlite_bytes(path: Path) -> int:
    """Size of a SQLite database with its ``-wal`` file (what it takes on disk)."""
    total = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        total += wal.stat().st_size
    return total


def vacuumed_bytes(path: Path, scratch: Path) -> int:
    """Size of a VACUUMed copy of the database (its WAL folded in); the original is untouched."""
    scratch.mkdir(parents=True, exist_ok=True)
    copy = scratch / path.name
    for suffix in ("", "-wal"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            shutil.copyfile(source, copy.with_name(copy.name + suffix))
    conn = sqlite3.connect(copy)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return copy.stat().st_size


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator`` to 3 significant digits, or None when either is missing/0."""
    if not numerator or not denominator:
        return None
    return float(f"{numerator / denominator:.3g}")


def report_items(payload: dict[str, Any]) -> dict[str, float]:
    """Per-key seconds from ``wellbeing report --json`` output."""
    return {str(item["key"]): float(item["seconds"]) for item in payload.get("items", [])}


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))
