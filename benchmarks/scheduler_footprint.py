"""What each way of running timed jobs adds to the tracker: memory and import time.

Each choice is measured in a fresh interpreter that first imports what
``wellbeing track`` imports anyway (the headless tracker and the X11 probe),
reads VmRSS from ``/proc/self/status``, then imports and starts the scheduler
with the app's five jobs, and reads VmRSS again:

- ``runner``: ``JobScheduler`` (its ``DeadlineRunner``), what both ``wellbeing
  track`` (driven by the tracker loop) and the tray app (driven by a Qt timer) use;
- ``background``: APScheduler 3's ``BackgroundScheduler`` (its own thread) with
  the same five jobs on ``CronTrigger``, what issue 9 first planned (the tray
  app's ``QtScheduler`` imports the same modules). APScheduler is only in the
  ``test`` extra now, for this comparison.

Figures are the median of ``RUNS`` processes. The tracker's RSS budget is
35 MiB (issue 9) and the tray app's 60 MiB (issue 11), so the choice must add
little; ``services/scheduler.py`` quotes these numbers.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5

CHILD = r"""
import json, sys, time
def rss_kib():
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
import wellbeing.services.headless, wellbeing.platform.x11  # what track imports anyway
from wellbeing.core.clock import FakeClock
from wellbeing.core.limits import Downtime
from wellbeing.core.timetable import WeeklyTime
before = rss_kib()
t0 = time.perf_counter()
from datetime import timezone
noop = lambda: None
if sys.argv[1] == "background":
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.cron import CronTrigger
    imported = time.perf_counter() - t0
    jobs = BackgroundScheduler(timezone=timezone.utc)
    for hour, minute, days in ((4, 0, "*"), (9, 0, "mon"), (23, 0, "*"), (7, 0, "*"),
                               (4, 15, "*")):
        jobs.add_job(noop, CronTrigger(day_of_week=days, hour=hour, minute=minute,
                                       timezone=timezone.utc), coalesce=True)
    jobs.start()
    time.sleep(0.2)
    after = rss_kib()
    jobs.shutdown(wait=False)
else:
    from wellbeing.services.scheduler import JobScheduler
    imported = time.perf_counter() - t0
    jobs = JobScheduler(clock=FakeClock(), zone=timezone.utc)
    jobs.schedule_day_rollover(noop, 4)
    jobs.schedule_weekly_summary(noop, WeeklyTime(9, 0, frozenset({0})))
    jobs.schedule_downtime(Downtime(23 * 60, 7 * 60), noop, noop)
    jobs.schedule_backup(noop, 4)
    jobs.start()
    time.sleep(0.2)
    after = rss_kib()
    jobs.shutdown()
print(json.dumps({"rss_added_kib": after - before, "import_ms": imported * 1000,
                  "base_rss_kib": before}))
"""


def measure(kind: str) -> dict[str, float]:
    rows = []
    for _ in range(RUNS):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "rss_added_mib": round(statistics.median(r["rss_added_kib"] for r in rows) / 1024, 2),
        "import_ms": round(statistics.median(r["import_ms"] for r in rows), 1),
        "tracker_rss_before_mib": round(
            statistics.median(r["base_rss_kib"] for r in rows) / 1024, 1
        ),
    }


def main() -> None:
    runner = measure("runner")
    background = measure("background")
    print(
        json.dumps(
            {
                "script": "scheduler_footprint",
                "runner": runner,
                "background_scheduler": background,
                "rss_ratio_background_to_runner": round(
                    background["rss_added_mib"] / max(runner["rss_added_mib"], 0.01), 1
                ),
                "chosen_for_track": "runner",
                "chosen_for_tray_app": "runner",
            }
        )
    )


if __name__ == "__main__":
    main()
