"""The tracker's cost (CPU, memory) and accuracy on a real X server, against ActivityWatch.

Starts its own Xvfb (a free display, chosen by Xvfb itself) and openbox, opens
real X clients - two xterms with distinct titles, xcalc, and xedit as a
"parking" window - and runs ``wellbeing track --poll 1 --duration D
--idle-after ...`` against a fresh data dir. After a warm-up the script
switches focus every 5 s with ``xdotool windowactivate --sync``, alternating
xterm (A, then B) and xcalc, and records the ground truth: the moment each
activation returned; an app's true time is the sum of the spans from its
activations to the next one. The sequence starts and ends on xedit, so the
tracker's start-up and shut-down fall in time nobody measures.

Measured:
- CPU: the tracker's user+system CPU seconds (psutil, sampled every 0.5 s),
  per hour of steady tracking (after the warm-up), plus the one-off start-up
  cost and the total from ``wait4`` rusage.
- Memory: peak (``VmHWM``) and final RSS and USS of the tracker process; and,
  separately, the kernel's peak over it and its waited-for children: the
  short-lived ``python -m wellbeing.services.upkeep`` child that migrates and
  labels through SQLAlchemy at start (and when new apps appear) while the
  tracker itself never imports it. Its CPU is ``children_seconds``.
- Accuracy: ``wellbeing report --json`` per-app seconds against the truth
  (sum of |error| over the measured apps, divided by the number of switches),
  and, from the database, how far each recorded interval start lies from the
  activation it belongs to (mean/median/max per switch).

ActivityWatch's watchers are not on PyPI, so they are not measured in this
run: their figures are from an EARLIER MEASUREMENT (2026-11-29, on this kind
of 2-core VM; :data:`AW_MEASURED` says how to reproduce it), reported beside
ours with ratios theirs / ours: aw-watcher-window 0.22 % + aw-watcher-afk
0.17 % + aw-server 0.12 % of a core; RSS 37 + 40 + 46 MiB (USS 24 + 27 +
33); and about one poll interval (1 s) lost at every switch before query-time ``flood()``.

Goals: <= 2 CPU-seconds per hour, < 50 MiB RSS, < 0.5 s error per switch.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import cli, cli_env, emit, log, median, ratio, report_items, run_cli

SWITCH_EVERY_S = 5.0
WARMUP_S = 6.0
TAIL_S = 8.0
SAMPLE_EVERY_S = 0.5
AW_CPU_PERCENT = {"aw-watcher-window": 0.22, "aw-watcher-afk": 0.17, "aw-server": 0.12}
AW_RSS_MIB = {"aw-watcher-window": 37, "aw-watcher-afk": 40, "aw-server": 46}
AW_USS_MIB = {"aw-watcher-window": 24, "aw-watcher-afk": 27, "aw-server": 33}
AW_LOST_PER_SWITCH_S = 1.0
AW_MEASURED = {
    "measured_in_this_run": False,
    "date": "2026-11-29",
    "how": "aw-watcher-window and aw-watcher-afk from their git sources (a7690ac, 94f88e3) "
    "with aw-server 0.12.0 from PyPI (peewee<4, flask<2.3), under Xvfb with openbox, a "
    "focus switch every 5 s, 1 Hz polling, 3 runs of 120 s; CPU and RSS/USS of each "
    "process sampled with psutil (medians)",
}
GOALS = {"cpu_seconds_per_hour": 2.0, "rss_mib": 50.0, "error_per_switch_s": 0.5}
MIB = 2**20


@dataclass
class XSession:
    """Xvfb + openbox + the X clients we focus, all ended by ``close``."""

    display: str
    procs: list[subprocess.Popen[bytes]] = field(default_factory=list)
    windows: dict[str, int] = field(default_factory=dict)  # label -> window id

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def spawn(self, *argv: str) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            argv, env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.procs.append(proc)
        return proc

    def find_window(self, *criteria: str, timeout: float = 20) -> int:
        out = subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", *criteria],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
        return int(out.stdout.split()[0])

    def activate(self, label: str) -> float:
        """Focus the window; return the wall time when xdotool --sync returned."""
        subprocess.run(
            ["xdotool", "windowactivate", "--sync", str(self.windows[label])],
            env=self.env(),
            check=True,
            timeout=20,
            capture_output=True,
        )
        return time.time()

    def close(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
        for proc in reversed(self.procs):
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


def start_x(display: str | None) -> XSession:
    for tool in ("Xvfb", "openbox", "xdotool", "xprop", "xterm", "xcalc", "xedit"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is not installed (see scripts/install-system-deps.sh)")
    argv = ["Xvfb", "-screen", "0", "1280x800x24", "-nolisten", "tcp"]
    if display is None:
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            [*argv, "-displayfd", str(write_fd)],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            xvfb.kill()
            raise RuntimeError("Xvfb did not start")
        display = f":{number}"
    else:
        xvfb = subprocess.Popen(
            ["Xvfb", display, *argv[1:]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    session = XSession(display, [xvfb])
    deadline = time.monotonic() + 15
    socket_path = Path(f"/tmp/.X11-unix/X{display.lstrip(':').split('.')[0]}")
    while not socket_path.exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            session.close()
            raise RuntimeError(f"Xvfb did not start on {display}")
        time.sleep(0.05)
    session.spawn("openbox")
    while True:
        probe = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
            env=session.env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if "window id" in probe.stdout:
            break
        if time.monotonic() > deadline:
            session.close()
            raise RuntimeError(f"openbox did not come up on {display}")
        time.sleep(0.1)
    log(f"X server {display} with openbox is up")
    return session


def open_clients(session: XSession) -> dict[str, str]:
    """Open the X clients; return label -> program name (what the app key should contain)."""
    session.spawn("xterm", "-title", "bench-A", "-e", "sleep", "100000")
    session.spawn("xterm", "-title", "bench-B", "-e", "sleep", "100000")
    session.spawn("xcalc")
    session.spawn("xedit")
    session.windows["A"] = session.find_window("--name", "^bench-A$")
    session.windows["B"] = session.find_window("--name", "^bench-B$")
    session.windows["calc"] = session.find_window("--class", "^XCalc$")
    session.windows["park"] = session.find_window("--class", "^Xedit$")
    return {"A": "xterm", "B": "xterm", "calc": "xcalc", "park": "xedit"}


# (monotonic, cpu_s in clock ticks as psutil reads it, rss, uss,
#  the live threads' run time in ns from schedstat, their ids): see exact_cpu_rate
Sample = tuple[float, float, int, int, int, frozenset[int]]


class Sampler(threading.Thread):
    """Samples the tracker's CPU time and memory until it exits."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[Sample] = []
        self.high_water = 0  # VmHWM: the tracker's own peak RSS (its children not included)
        self.running = True

    def run(self) -> None:
        import psutil

        try:
            process = psutil.Process(self.pid)
            while self.running:
                with process.oneshot():
                    cpu = process.cpu_times()
                    mem = process.memory_full_info()
                run_ns, threads = thread_run_time(self.pid)
                self.samples.append(
                    (time.monotonic(), cpu.user + cpu.system, mem.rss, mem.uss, run_ns, threads)
                )
                self.high_water = max(self.high_water, _vm_hwm(self.pid))
                time.sleep(SAMPLE_EVERY_S)
        except psutil.Error:
            return

    def first_after(self, moment: float) -> tuple[float, float, int, int]:
        return next(s for s in self.samples if s[0] >= moment)


def thread_run_time(pid: int) -> tuple[int, frozenset[int]]:
    """The summed CPU time in ns of ``pid``'s live threads (``/proc/PID/task/*/schedstat``).

    ``/proc/PID/stat`` (psutil's ``cpu_times``) counts whole clock ticks (10 ms): over a
    150 s window, one tick either way is 0.24 CPU-s per hour, more than the difference
    being measured. The scheduler's own count is exact, but only for threads still
    alive, so a rate from it holds only while the threads stay the same.
    """
    total, threads = 0, set()
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0, frozenset()
    for tid in tids:
        try:
            total += int(Path(f"/proc/{pid}/task/{tid}/schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        threads.add(int(tid))
    return total, frozenset(threads)


def exact_cpu_rate(samples: list[Sample]) -> float | None:
    """CPU seconds per second over ``samples`` from schedstat; None if a thread came or went."""
    first, last = samples[0], samples[-1]
    if not first[5] or any(s[5] != first[5] for s in samples):
        return None
    return (last[4] - first[4]) / 1e9 / (last[0] - first[0])


def tick_cpu_rate(samples: list[Sample]) -> float:
    """CPU seconds per second over ``samples`` from the clock-tick count (psutil)."""
    first, last = samples[0], samples[-1]
    return (last[1] - first[1]) / (last[0] - first[0])


def cpu_rate(samples: list[Sample]) -> tuple[float, str]:
    """CPU seconds per second over ``samples`` and where it was read (exact or in ticks)."""
    exact = exact_cpu_rate(samples)
    if exact is not None:
        return exact, "schedstat (ns), the same threads throughout"
    return tick_cpu_rate(samples), "clock ticks (threads came or went)"


def _vm_hwm(pid: int) -> int:
    """The process's own peak RSS in bytes (``VmHWM``), 0 if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def wait_with_rusage(proc: subprocess.Popen[bytes], timeout: float) -> Any:
    """Wait for ``proc`` and return its resource usage (CPU and max RSS from the kernel)."""
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return usage
        if time.monotonic() > deadline:
            log("the tracker did not stop by itself; sending SIGTERM")
            proc.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
        time.sleep(0.05)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=150, help="tracking time (default 150)")
    parser.add_argument(
        "--display", help="use this display number (e.g. :67) instead of a free one"
    )
    parser.add_argument(
        "--limits",
        type=int,
        default=0,
        help="set this many daily limits (none reached) before tracking, up to 10",
    )
    parser.add_argument("--name", default="tracker_overhead", help="the benchmark's name")
    return run(parser, parser.parse_args(argv))


LIMITS = [
    ("total", "20h"),
    ("category:Work", "12h"),
    ("category:Other", "12h"),
    ("category:Social", "1h"),
    ("category:Video", "1h"),
    ("instagram.com", "30m"),
    ("facebook.com", "30m"),
    ("reddit.com", "30m"),
    ("youtube.com", "1h"),
    ("tiktok.com", "10m"),
]
"""The limits ``--limits N`` sets: every sample evaluates them; none is reached while measured."""


def set_limits(data_dir: Path, count: int) -> None:
    if count > len(LIMITS):
        raise SystemExit(f"--limits can be at most {len(LIMITS)}")
    for target, duration in LIMITS[:count]:
        run_cli(data_dir, "limits", "set", target, duration)
    log(f"{count} limits set")


def run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    duration = args.seconds
    if duration < WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:
        parser.error(f"--seconds must be at least {WARMUP_S + TAIL_S + 4 * SWITCH_EVERY_S:.0f}")

    session = start_x(args.display)
    tracker: subprocess.Popen[bytes] | None = None
    with tempfile.TemporaryDirectory(prefix="wellbeing-bench-track-") as tmp_name:
        tmp = Path(tmp_name)
        data_dir = tmp / "data"
        try:
            if args.limits:
                set_limits(data_dir, args.limits)
            programs = open_clients(session)
            session.activate("park")
            env = cli_env(DISPLAY=session.display)
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
            switches = drive_focus(session, started + WARMUP_S, started + duration - TAIL_S)
            usage = wait_with_rusage(tracker, timeout=duration + 30)
            stopped = time.monotonic()
            sampler.running = False
            tracker_log.close()
            if tracker.returncode != 0:
                tail = (tmp / "track.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"wellbeing track exited {tracker.returncode}:\n{tail}")
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
            session.close()

    result: dict[str, Any] = {
        "benchmark": args.name,
        "limits": args.limits,
        "tracked_seconds": duration,
        "switches": len(switches) - 1,
        "poll_s": 1.0,
    }
    result.update(cost(sampler, usage, started, stopped))
    result["accuracy"] = accuracy(switches, programs, report_items(report), intervals)
    ours_cpu = result["cpu"]["steady_seconds_per_hour"]
    aw_cpu_per_hour = sum(AW_CPU_PERCENT.values()) / 100 * 3600
    aw_rss = sum(AW_RSS_MIB.values())
    aw_uss = sum(AW_USS_MIB.values())
    err = result["accuracy"]["interval_start_error_s"]["mean_abs"]
    result["activitywatch"] = {
        "earlier_measurement": AW_MEASURED,
        "figures": {
            "cpu_percent_of_core": AW_CPU_PERCENT,
            "rss_mib": AW_RSS_MIB,
            "uss_mib": AW_USS_MIB,
            "lost_per_switch_s": AW_LOST_PER_SWITCH_S,
        },
        "cpu_seconds_per_hour": round(aw_cpu_per_hour, 2),
        "rss_mib": aw_rss,
        "uss_mib": aw_uss,
        "ratio_cpu": ratio(aw_cpu_per_hour, ours_cpu),
        "ratio_rss": ratio(aw_rss, result["memory"]["peak_rss_mib"]),
        "ratio_uss": ratio(aw_uss, result["memory"]["peak_uss_mib"]),
        "ratio_error_per_switch": ratio(AW_LOST_PER_SWITCH_S, err),
    }
    result["goals"] = GOALS
    result["goals_met"] = {
        "cpu_seconds_per_hour": ours_cpu <= GOALS["cpu_seconds_per_hour"],
        "rss_mib": result["memory"]["peak_rss_mib"] < GOALS["rss_mib"],
        "error_per_switch_s": (
            err < GOALS["error_per_switch_s"]
            and result["accuracy"]["report_abs_error_per_switch_s"] < GOALS["error_per_switch_s"]
        ),
    }
    emit(result)
    return 0


def drive_focus(session: XSession, begin: float, end: float) -> list[tuple[str, float]]:
    """Switch focus every 5 s from ``begin`` to ``end`` (monotonic); return (label, wall time)."""
    cycle = ["A", "calc", "B", "calc"]
    switches: list[tuple[str, float]] = []
    at = begin
    n = 0
    while at + SWITCH_EVERY_S <= end:
        time.sleep(max(0.0, at - time.monotonic()))
        switches.append((cycle[n % len(cycle)], session.activate(cycle[n % len(cycle)])))
        n += 1
        at = begin + n * SWITCH_EVERY_S
    time.sleep(max(0.0, at - time.monotonic()))
    switches.append(("park", session.activate("park")))
    log(f"{len(switches) - 1} focus switches done")
    return switches


def cost(sampler: Sampler, usage: Any, started: float, stopped: float) -> dict[str, Any]:
    if len(sampler.samples) < 3:
        raise RuntimeError("too few CPU samples of the tracker")
    warm = sampler.first_after(started + WARMUP_S)
    last = sampler.samples[-1]
    steady_rate, clock = cpu_rate([s for s in sampler.samples if s[0] >= warm[0]])
    total_cpu = usage.ru_utime + usage.ru_stime
    return {
        "cpu": {
            "steady_seconds_per_hour": round(steady_rate * 3600, 3),
            "steady_percent_of_core": round(steady_rate * 100, 4),
            "steady_window_s": round(last[0] - warm[0], 1),
            "steady_clock": clock,
            "startup_seconds": round(warm[1], 3),
            "total_seconds_rusage": round(total_cpu, 3),
            # the upkeep children (prepare at start, labels for new apps): rusage minus own
            "children_seconds": round(max(0.0, total_cpu - last[1]), 3),
            "wall_seconds": round(stopped - started, 1),
        },
        "memory": {
            # the long-running tracker process itself
            "peak_rss_mib": round(
                max(sampler.high_water, *(s[2] for s in sampler.samples)) / MIB, 1
            ),
            # the kernel's peak over it and its waited-for children (the short-lived
            # upkeep child that migrates and labels with SQLAlchemy)
            "peak_rss_with_children_mib": round(usage.ru_maxrss * 1024 / MIB, 1),
            "peak_uss_mib": round(max(s[3] for s in sampler.samples) / MIB, 1),
            "final_rss_mib": round(last[2] / MIB, 1),
            "final_uss_mib": round(last[3] / MIB, 1),
        },
    }


def read_intervals(database: Path) -> list[tuple[int, int, str]]:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT i.start_ms, i.end_ms, a.key FROM interval i JOIN app a ON a.id = i.app_id "
            "ORDER BY i.start_ms"
        ).fetchall()
    finally:
        conn.close()
    return [(int(s), int(e), str(k)) for s, e, k in rows]


def key_for(program: str, keys: list[str]) -> str | None:
    matches = [k for k in keys if program in k.lower()]
    return min(matches, key=len) if matches else None


def accuracy(
    switches: list[tuple[str, float]],
    programs: dict[str, str],
    reported: dict[str, float],
    intervals: list[tuple[int, int, str]],
) -> dict[str, Any]:
    truth: dict[str, float] = {}
    for (label, at), (_, until) in zip(switches, switches[1:], strict=False):
        truth[programs[label]] = truth.get(programs[label], 0.0) + (until - at)
    keys = sorted(set(reported) | {k for _, _, k in intervals})
    per_app = {}
    abs_error = 0.0
    for program, seconds in truth.items():
        key = key_for(program, keys)
        ours = reported.get(key, 0.0) if key else 0.0
        per_app[program] = {
            "key": key,
            "truth_s": round(seconds, 3),
            "reported_s": ours,
            "error_s": round(ours - seconds, 3),
        }
        abs_error += abs(ours - seconds)
    n_switches = len(switches) - 1
    start_errors = []
    for label, at in switches:
        key = key_for(programs[label], keys)
        starts = [s / 1000 for s, _, k in intervals if k == key]
        if starts:
            start_errors.append(min((s - at for s in starts), key=abs))
    return {
        "per_app": per_app,
        "report_keys": sorted(reported),
        "report_abs_error_s": round(abs_error, 3),
        "report_abs_error_per_switch_s": round(abs_error / max(1, n_switches), 4),
        "interval_start_error_s": {
            "switches_matched": len(start_errors),
            "mean_abs": round(sum(abs(e) for e in start_errors) / max(1, len(start_errors)), 4),
            "median_abs": round(median([abs(e) for e in start_errors]), 4)
            if start_errors
            else None,
            "max_abs": round(max((abs(e) for e in start_errors), default=0.0), 4),
            "mean_signed": round(sum(start_errors) / max(1, len(start_errors)), 4),
        },
    }


if __name__ == "__main__":
    raise SystemExit(main())
