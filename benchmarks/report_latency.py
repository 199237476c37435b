"""How long per-app totals take: a day, a week and a year of demo history.

Fills a temporary data dir with the demo year (``wellbeing demo-data``), then
times in-process (median of 20 after a warm-up) the per-app totals
(``usage(..., per_day_items=False)``: the totals plus one total per day) and
the whole report (every day's own per-app list too), and ``wellbeing report
--json --from --to`` as a fresh process (median of 5, which includes
interpreter start-up and imports).

Side by side in the same run: ``python -c pass`` (the interpreter's own
start-up) and ``wellbeing report --week`` (the table a person reads), both as
new processes (median of ``--cli-runs``). The command line reads the local
file without SQLAlchemy (``services.quick_report``); ``sqlalchemy_cli_ms`` is
the same week through SQLAlchemy (``--db sqlite:///...``), for comparison.

Goals: per-app totals for a week < 5 ms and for a year < 20 ms in-process;
``report --week`` and ``report --json`` <= 300 ms as whole processes.
"""

from __future__ import annotations

import argparse
import functools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import (
    DAY_START_HOUR,
    DEMO_DAYS,
    cli,
    cli_env,
    emit,
    log,
    make_demo_year,
    median_ms,
    periods,
    run_cli,
)

GOALS_MS = {"week": 5.0, "year": 20.0}
CLI_GOAL_MS = 300.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20, help="in-process runs per period")
    parser.add_argument("--cli-runs", type=int, default=5, help="CLI runs per period")
    args = parser.parse_args()

    from wellbeing.paths import Paths
    from wellbeing.storage.db import Database
    from wellbeing.storage.queries import UsageQueries

    with tempfile.TemporaryDirectory(prefix="wellbeing-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        fill_s = make_demo_year(data_dir)
        env = cli_env()
        result: dict[str, object] = {
            "benchmark": "report_latency",
            "demo_days": DEMO_DAYS,
            "demo_data_seconds": round(fill_s, 2),
        }
        in_process: dict[str, object] = {}
        as_cli: dict[str, object] = {}
        db = Database.open(None, Paths(data_dir))
        try:
            queries = UsageQueries(db, day_start_hour=DAY_START_HOUR)
            for name, (first, last) in periods().items():
                report = queries.usage(first, last, by="app")
                expected = report.total_seconds
                ms, runs = median_ms(
                    functools.partial(queries.usage, first, last, by="app"), args.runs
                )
                lean = functools.partial(
                    queries.usage, first, last, by="app", per_day_items=False
                )
                lean_items = {i.key: i.seconds for i in lean().items}
                full_items = {i.key: i.seconds for i in report.items}
                if lean_items.keys() != full_items.keys() or any(
                    abs(lean_items[k] - full_items[k]) > 1e-6 for k in full_items
                ):
                    raise RuntimeError("per-app totals differ between the two query paths")
                totals_ms, totals_runs = median_ms(lean, args.runs)
                in_process[name] = {
                    # per-app totals (and a total per day): what the goal is about
                    "totals_median_ms": round(totals_ms, 3),
                    "totals_runs_ms": totals_runs,
                    # the whole report, with every day's own per-app list
                    "median_ms": round(ms, 3),
                    "runs_ms": runs,
                    "from": first.isoformat(),
                    "to": last.isoformat(),
                    "apps": len(report.items),
                    "total_hours": round(report.total_seconds / 3600, 2),
                }
                log(f"in-process {name}: totals {totals_ms:.3f} ms, full {ms:.3f} ms")

                def cli_once(
                    f: str = first.isoformat(), t: str = last.isoformat(), want: float = expected
                ) -> None:
                    out = run_cli(data_dir, "report", "--json", "--from", f, "--to", t, env=env)
                    total = json.loads(out.stdout)["total_seconds"]
                    if abs(total - want) > 0.01:
                        raise RuntimeError(f"CLI total {total} != in-process {want}")

                cli_ms, cli_runs = median_ms(cli_once, args.cli_runs)
                as_cli[name] = {"median_ms": round(cli_ms, 1), "runs_ms": cli_runs}
                log(f"CLI {name}: {cli_ms:.1f} ms")
        finally:
            db.close()
        week_first, _week_last = periods()["week"]
        week_args = ("report", "--week", week_first.isoformat())
        side: dict[str, object] = {}
        for name, argv in {
            "python_c_pass": [sys.executable, "-c", "pass"],
            "report_week": cli(data_dir, *week_args),
            "report_week_sqlalchemy": cli(
                data_dir, "--db", f"sqlite:///{data_dir / 'wellbeing.sqlite3'}", *week_args
            ),
        }.items():
            ms, runs = median_ms(
                functools.partial(subprocess.run, argv, env=env, capture_output=True, check=True),
                args.cli_runs,
            )
            side[name] = {"median_ms": round(ms, 1), "runs_ms": [round(r, 1) for r in runs]}
            log(f"{name}: {ms:.1f} ms")
        result["side_by_side_ms"] = side
    result["in_process"] = in_process
    result["cli_process"] = as_cli
    result["goals_ms"] = GOALS_MS
    result["goals_met"] = {
        name: in_process[name]["totals_median_ms"] < goal  # type: ignore[index]
        for name, goal in GOALS_MS.items()
    }
    result["cli_goal_ms"] = CLI_GOAL_MS
    result["cli_goals_met"] = {
        "report_week": side["report_week"]["median_ms"] <= CLI_GOAL_MS,  # type: ignore[index]
        **{f"report_json_{name}": as_cli[name]["median_ms"] <= CLI_GOAL_MS  # type: ignore[index]
           for name in as_cli},
    }
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
