"""The tracker's cost and switch latency on a real wlroots compositor (headless sway).

Starts its own sway (``WLR_BACKENDS=headless``; as root it runs as a throw-away
user, see ``tests/integration/wayland_helpers.py``) with three foot terminals
of their own app_id: A, B and a "parking" window. Runs ``wellbeing track
--poll 1 --duration D --idle-after ...`` on it against a fresh data dir; after
a warm-up switches focus every 5 s with ``swaymsg '[app_id=...] focus'``,
alternating A and B, and records the moment each swaymsg returned as the
truth. The sequence starts and ends on the parking window, so start-up and
shut-down fall in time nobody measures.

Measured, with :mod:`tracker_overhead`'s code: CPU seconds per hour of
steady tracking, peak RSS/USS of the tracker, ``report --json`` against the
truth, and how far each recorded interval start lies from its switch (the
switch latency: an interval starts at the sample that saw the switch).

Goals (issue 12, every Linux backend): <= 2 CPU-seconds per hour, RSS <= 35
MiB, every switch seen within 0.5 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import ROOT, cli, emit, log, report_items, run_cli
from tracker_overhead import (
    WARMUP_S,
    Sampler,
    accuracy,
    cost,
    read_intervals,
    wait_with_rusage,
)

SWITCH_EVERY_S = 5.0
TAIL_S = 8.0
GOALS = {"cpu_seconds_per_hour": 2.0, "rss_mib": 35.0, "switch_latency_s": 0.5}
APP_IDS = {"A": "wb-bench-a", "B": "wb-bench-b", "park": "wb-bench-park"}


def start_compositor() -> Any:
    for tool in ("sway", "swaymsg", "foot"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed (see scripts/install-system-deps.sh)")
    from tests.integration.wayland_helpers import start_sway

    sway = start_sway()
    log(f"sway is up on {sway.wayland_display}")
    return sway


def open_windows(sway: Any) -> None:
    for label, app_id in APP_IDS.items():
        sway.spawn(["foot", f"--app-id={app_id}", f"--title=bench-{label}", "sleep", "100000"])
    from tests.integration.xhelpers import wait_until

    for app_id in APP_IDS.values():
        wait_until(lambda a=app_id: a in sway.swaymsg("-t", "get_tree"), timeout=30, what=app_id)


def focus(sway: Any, label: str) -> float:
    """Focus a window; the wall time swaymsg returned (sway has sent the toplevel events)."""
    sway.swaymsg(f"[app_id={APP_IDS[label]}] focus")
    return time.time()


def drive_focus(sway: Any, begin: float, end: float) -> list[tuple[str, float]]:
    """Switch focus every 5 s from ``begin`` to ``end`` (monotonic); return (label, wall time)."""
    cycle = ["A", "B"]
    switches: list[tuple[str, float]] = []
    at = begin
    n = 0
    while at + SWITCH_EVERY_S <= end:
        time.sleep(max(0.0, at - time.monotonic()))
        switches.append((cycle[n % 2], focus(sway, cycle[n % 2])))
        n += 1
        at = begin + n * SWITCH_EVERY_S
    time.sleep(max(0.0, at - time.monotonic()))
    switches.append(("park", focus(sway, "park")))
    log(f"{len(switches) - 1} focus switches done")
    return switches


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=120, help="tracking time (default 120)")
    args = parser.parse_args(argv)
    duration = args.seconds
    if duration < WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:
        parser.error(f"--seconds must be at least {WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:.0f}")
    sway = start_compositor()
    tracker: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="wellbeing-bench-wlroots-") as tmp_name:
        tmp = Path(tmp_name)
        data_dir = tmp / "data"
        try:
            open_windows(sway)
            focus(sway, "park")
            env = {**sway.env(), "TZ": "UTC", "PYTHONPATH": str(ROOT)}
            tracker_log = (tmp / "track.log").open("wb")
            started_wall = time.time()
            started = time.monotonic()
            tracker = subprocess.Popen(
                cli(
                    data_dir,
                    "track",
                    "--poll",
                    "1",
                    "--duration",
                    f"{duration:g}",
                    "--idle-after",
                    f"{duration + 3600:g}",
                ),
                env=env,
                stdout=tracker_log,
                stderr=subprocess.STDOUT,
            )
            sampler = Sampler(tracker.pid)
            sampler.start()
            switches = drive_focus(sway, started + WARMUP_S, started + duration - TAIL_S)
            usage = wait_with_rusage(tracker, timeout=duration + 30)
            stopped = time.monotonic()
            sampler.running = False
            tracker_log.close()
            track_log = (tmp / "track.log").read_text(errors="replace")
            if tracker.returncode != 0:
                raise RuntimeError(f"wellbeing track exited {tracker.returncode}:\n{track_log}")
            if "foreground=wlr-foreign-toplevel" not in track_log:
                raise RuntimeError(f"the wlroots backend was not chosen:\n{track_log}")
            day_from = datetime.fromtimestamp(started_wall, UTC).date() - timedelta(days=1)
            report = json.loads(
                run_cli(
                    data_dir,
                    "report",
                    "--json",
                    "--from",
                    day_from.isoformat(),
                    "--to",
                    (day_from + timedelta(days=2)).isoformat(),
                ).stdout
            )
            intervals = read_intervals(data_dir / "wellbeing.sqlite3")
        finally:
            if tracker is not None and tracker.poll() is None:
                tracker.kill()
            sway.close()

    result: dict[str, Any] = {
        "benchmark": "tracker_wlroots",
        "compositor": "sway (headless), wlr-foreign-toplevel + org_kde_kwin_idle",
        "tracked_seconds": duration,
        "switches": len(switches) - 1,
        "poll_s": 1.0,
    }
    result.update(cost(sampler, usage, started, stopped))
    programs = {label: APP_IDS[label] for label in APP_IDS}
    result["accuracy"] = accuracy(switches, programs, report_items(report), intervals)
    latency = result["accuracy"]["interval_start_error_s"]["max_abs"]
    result["goals"] = GOALS
    result["goals_met"] = {
        "cpu_seconds_per_hour": result["cpu"]["steady_seconds_per_hour"]
        <= GOALS["cpu_seconds_per_hour"],
        "rss_mib": result["memory"]["peak_rss_mib"] <= GOALS["rss_mib"],
        "switch_latency_s": latency <= GOALS["switch_latency_s"]
        and result["accuracy"]["interval_start_error_s"]["switches_matched"] == len(switches),
    }
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
