"""The tracker's cost (CPU, memory) and switch latency in a headless KWin (KDE Plasma, Wayland).

Starts ``kwin_wayland --virtual`` on a private session bus (as the tests do:
``tests/integration/kwin_helpers.py``), opens three native Wayland windows (Qt,
app ids ``org.wellbeing.BenchA``, ``...BenchB`` and ``...BenchPark``) and runs
``wellbeing track --poll 1 --duration D`` against a fresh data dir; the KDE
backend (a KWin script reporting over D-Bus, idle from ext-idle-notify-v1) is
what ``wellbeing`` picks there. After a warm-up, focus moves every 5 s
between A and B by throw-away KWin scripts; the ground truth is the moment
KWin confirmed each switch in its log. It starts and ends on the parking
window, so start-up and shut-down fall in time nobody measures.

Measured as in ``tracker_overhead.py``: CPU seconds per hour of steady
tracking (psutil), peak RSS/USS of the tracker, and per switch how far the
recorded interval start lies from the confirmed switch (the latency of seeing
a switch, plus clock reading), and the report's per-app error.

Budgets (issue 12): <= 2 CPU-seconds per hour, <= 35 MiB RSS, a switch seen
within 0.5 s. Without kwin_wayland or pywayland it prints ``skipped`` with the
reason and exits 0.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import cli, cli_env, emit, log, report_items, run_cli
from tracker_overhead import Sampler, accuracy, cost, read_intervals, wait_with_rusage

SWITCH_EVERY_S = 5.0
WARMUP_S = 6.0
TAIL_S = 8.0
APPS = {"A": "org.wellbeing.BenchA", "B": "org.wellbeing.BenchB", "park": "org.wellbeing.BenchPark"}
GOALS = {"cpu_seconds_per_hour": 2.0, "rss_mib": 35.0, "switch_latency_s": 0.5}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=150, help="tracking time (default 150)")
    args = parser.parse_args(argv)
    if args.seconds < WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:
        parser.error(f"--seconds must be at least {WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:.0f}")
    from tests.integration.kwin_helpers import kwin_binary

    missing = [
        why
        for ok, why in (
            (kwin_binary() is not None, "kwin_wayland is not installed (kwin-wayland)"),
            (importlib.util.find_spec("pywayland") is not None, "pywayland is not installed"),
        )
        if not ok
    ]
    if missing:
        emit({"benchmark": "tracker_kde", "skipped": "; ".join(missing)})
        return 0
    return run(args.seconds)


def run(duration: float) -> int:
    from tests.integration.kwin_helpers import kwin_session

    with contextlib.ExitStack() as stack, tempfile.TemporaryDirectory(
        prefix="wellbeing-bench-kde-"
    ) as tmp_name:
        kwin = stack.enter_context(kwin_session())
        for label, app in APPS.items():
            stack.enter_context(kwin.window(app, f"bench {label}"))
        log("KWin with three Wayland windows is up")
        tmp = Path(tmp_name)
        data_dir = tmp / "data"
        kwin.activate(APPS["park"])
        env = cli_env(**{k: v for k, v in kwin.env.items() if k not in ("PATH", "HOME")})
        for name in ("DISPLAY", "XAUTHORITY", "DBUS_SYSTEM_BUS_ADDRESS"):
            env.pop(name, None)
        started_wall = time.time()
        started = time.monotonic()
        with (tmp / "track.log").open("wb") as tracker_log:
            tracker = subprocess.Popen(
                cli(data_dir, "track", "--poll", "1", "--duration", f"{duration:g}",
                    "--idle-after", f"{duration + 3600:g}"),
                env=env, stdout=tracker_log, stderr=subprocess.STDOUT,
            )
        try:
            sampler = Sampler(tracker.pid)
            sampler.start()
            switches = drive_focus(kwin, started + WARMUP_S, started + duration - TAIL_S)
            usage = wait_with_rusage(tracker, timeout=duration + 30)
            stopped = time.monotonic()
            sampler.running = False
        finally:
            if tracker.poll() is None:
                tracker.kill()
                tracker.wait(10)
        text = (tmp / "track.log").read_text(errors="replace")
        if tracker.returncode != 0 or "kwin-script" not in text:
            raise RuntimeError(f"wellbeing track ({tracker.returncode}) did not use KWin:\n"
                               f"{text[-2000:]}")
        day_from = datetime.fromtimestamp(started_wall, UTC).date() - timedelta(days=1)
        report = json.loads(run_cli(
            data_dir, "report", "--json", "--from", day_from.isoformat(),
            "--to", (day_from + timedelta(days=2)).isoformat(),
        ).stdout)
        intervals = read_intervals(data_dir / "wellbeing.sqlite3")

    programs = {label: app.lower() for label, app in APPS.items()}
    result: dict[str, Any] = {
        "benchmark": "tracker_kde",
        "compositor": "kwin_wayland --virtual",
        "tracked_seconds": duration,
        "switches": len(switches) - 1,
        "poll_s": 1.0,
    }
    result.update(cost(sampler, usage, started, stopped))
    result["accuracy"] = accuracy(switches, programs, report_items(report), intervals)
    latency = result["accuracy"]["interval_start_error_s"]["max_abs"]
    result["goals"] = GOALS
    result["goals_met"] = {
        "cpu_seconds_per_hour": result["cpu"]["steady_seconds_per_hour"]
        <= GOALS["cpu_seconds_per_hour"],
        "rss_mib": result["memory"]["peak_rss_mib"] <= GOALS["rss_mib"],
        "switch_latency_s": latency <= GOALS["switch_latency_s"],
    }
    emit(result)
    return 0


def drive_focus(kwin: Any, begin: float, end: float) -> list[tuple[str, float]]:
    """Switch between A and B every 5 s from ``begin`` to ``end``; (label, wall time) each."""
    cycle = ["A", "B"]
    switches: list[tuple[str, float]] = []
    at, n = begin, 0
    while at + SWITCH_EVERY_S <= end:
        time.sleep(max(0.0, at - time.monotonic()))
        label = cycle[n % len(cycle)]
        kwin.activate(APPS[label])
        switches.append((label, time.time()))
        n += 1
        at = begin + n * SWITCH_EVERY_S
    time.sleep(max(0.0, at - time.monotonic()))
    kwin.activate(APPS["park"])
    switches.append(("park", time.time()))
    log(f"{len(switches) - 1} focus switches done")
    return switches


if __name__ == "__main__":
    raise SystemExit(main())
