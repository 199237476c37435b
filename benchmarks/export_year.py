"""Exporting a year of history: ``wellbeing export`` as CSV (zip) and JSON, wall time and size.

Fills a fresh data dir with the demo year (``demo-data``, 365 days), then runs
``wellbeing export --format csv`` and ``--format json`` as their own processes,
each three times, and reports the median wall time next to ``python -c pass``
in the same run, the files' sizes and the rows written.

Goal (issue 13): a year as CSV in <= 3 s.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import cli, cli_env, emit, log, make_demo_year, median  # noqa: E402

RUNS = 3


def timed(argv: list[str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(argv, env=cli_env(), capture_output=True, text=True, timeout=300,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{argv[-4:]} failed: {done.stderr}")
    return time.perf_counter() - began, done.stdout


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="wb-export-") as scratch:
        root = Path(scratch)
        data_dir = root / "data"
        make_demo_year(data_dir)
        baseline = median([timed([sys.executable, "-c", "pass"])[0] for _ in range(RUNS)])
        result: dict[str, object] = {"benchmark": "export_year",
                                     "python_startup_wall_s": round(baseline, 3)}
        for fmt, name in (("csv", "year.zip"), ("json", "year.json")):
            target = root / name
            walls = []
            said = ""
            for _ in range(RUNS):
                wall, said = timed(cli(data_dir, "export", "--format", fmt, "-o", str(target)))
                walls.append(wall)
            log(f"{fmt}: {said.strip()}")
            result[fmt] = {"median_wall_s": round(median(walls), 2),
                           "walls_s": [round(w, 2) for w in walls],
                           "bytes": target.stat().st_size, "said": said.strip()}
        csv_wall = result["csv"]["median_wall_s"]  # type: ignore[index]
        result["goals"] = {"csv_wall_s": 3}
        result["goals_met"] = {"csv_wall_s": csv_wall <= 3}
    emit(result)


if __name__ == "__main__":
    main()
