"""What the tray app costs with its window closed: CPU and memory on a real X server with trayer.

Starts its own Xvfb and openbox (as ``tracker_overhead.py`` does, whose helpers
it uses), ``trayer`` as the system tray host, and the X clients to switch
between; then the tray app ``wellbeing --data-dir D`` (no command) against a
fresh data dir. After a warm-up it switches focus every 5 s for ``--seconds``
(default 150), samples the app's CPU and memory (psutil, and each thread's run
time in nanoseconds from ``/proc/PID/task/*/schedstat``: ``cpu_clock``), and
stops it with SIGTERM. The dashboard window stays closed: that is the budget measured.

Measured in the same run, for comparison:
- ``bare_qt_tray``: a Qt application with only a tray icon and a two-entry menu
  (the floor for any Qt tray app on this machine), running beside the app
  through the same switching, sampled the same way;
- the headless ``wellbeing track`` over the same switching is
  ``tracker_overhead.py``, in the same ``make bench``.

Also checks, from ``/proc/<pid>/maps``, that SQLAlchemy and numpy are not
loaded while the window is closed (``heavy_modules_loaded``), and splits both
processes' memory at the end of that phase (``memory_at_rest``: the anonymous
part, the part mapped from files such as Qt's libraries, and PSS, which counts
a shared page as a share).

Then, with the bare tray gone (one icon left in trayer), the dashboard:
- ``dashboard_open``: a click on the tray icon opens it (xdotool); after
  ``OPEN_WARMUP_S`` the focus goes back to the parked window and nothing changes
  for ``--open-seconds`` (default 40): CPU per hour of that (the window redraws
  only after the tracker writes), peak RSS;
- ``after_dashboard_closed``: the window is closed as its title bar's button
  does (``WM_DELETE_WINDOW``); ``CLOSED_SETTLE_S`` later, RSS and its split.

Both processes start with the virtualenv's files out of the page cache
(``posix_fadvise(DONTNEED)``), as after a reboot: ``pip install`` has just
written every file of PySide6 whole into the page cache, and the kernel then
maps far more of each library into any process that touches it (fault-around
over cached pages): about 12 MiB more RSS mapped from files for the bare Qt
tray too (61.6 against 49.6 MiB on 2026-12-05, Linux 6.18), which no user sees
after the next reboot. ``--warm`` skips the eviction. wellbeing's modules are
compiled first (``compileall``), as every start after the first finds them: a
start that compiles ~290 modules from source keeps the compiler's garbage in
its heap (1-2 MiB more anonymous memory, and more CPU).

The app's timed jobs run at their times of day; the experiment's every quarter
of an hour (:00, :15, :30, :45), so a run whose window holds one of those
minutes measures the app after that job. With no experiment it loads two small
modules; until 2026-12-06 it loaded the experiment's service with statistics,
decimal and OpenSSL's libcrypto (5 MiB), which is why some runs read 64 MiB and
others 59. ``quarter_hours_in_window`` says which of those minutes the measured
window held. ``tests/e2e/test_gui_app.py`` runs every job before it lists the
modules at rest.

Goals (issue 11): RSS <= 60 MiB and <= 2 CPU-seconds per hour of use.
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import ROOT, cli_env, emit, log
from tracker_overhead import (
    MIB,
    SWITCH_EVERY_S,
    WARMUP_S,
    Sampler,
    cpu_rate,
    drive_focus,
    open_clients,
    start_x,
    tick_cpu_rate,
)

GOALS = {"cpu_seconds_per_hour": 2.0, "rss_mib": 60.0}
TAIL_S = 8.0
OPEN_WARMUP_S = 8.0
CLOSED_SETTLE_S = 6.0
CLOSED_SAMPLE_S = 10.0
QUARTER_HOUR_S = 900
HEAVY = ("sqlalchemy", "numpy", "QtOpenGLWidgets", "Svg")
BARE_TRAY = """
import sys
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon
app = QApplication(sys.argv[:1]); app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22); pixmap.fill(QColor("teal"))
tray = QSystemTrayIcon(QIcon(pixmap)); menu = QMenu()
menu.addAction("Open"); menu.addAction("Quit"); tray.setContextMenu(menu); tray.show()
app.exec()
"""


def evict_from_page_cache(root: Path) -> int:
    """Drop the cached pages of the files under ``root`` (pages no process maps); how many files."""
    files = 0
    for folder, _, names in os.walk(root):
        for name in names:
            try:
                fd = os.open(os.path.join(folder, name), os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                files += 1
            finally:
                os.close(fd)
    return files


def steady(sampler: Sampler, since: float) -> dict[str, float]:
    """CPU per hour from ``since`` to the last sample, and the peak RSS/USS after ``since``."""
    samples = [s for s in sampler.samples if s[0] >= since and s[2] > 0]
    first, last = samples[0], samples[-1]
    rate, clock = cpu_rate(samples)
    return {
        "cpu_seconds_per_hour": round(rate * 3600, 3),
        "cpu_clock": clock,
        "cpu_seconds_per_hour_in_ticks": round(tick_cpu_rate(samples) * 3600, 3),
        "window_s": round(last[0] - first[0], 1),
        "startup_cpu_seconds": round(first[1], 3),
        "peak_rss_mib": round(max(s[2] for s in samples) / MIB, 1),
        "final_rss_mib": round(last[2] / MIB, 1),
        "peak_uss_mib": round(max(s[3] for s in samples) / MIB, 1),
    }


def steady_until(sampler: Sampler, since: float, until: float) -> dict[str, float]:
    """:func:`steady` over the samples up to ``until`` (the window-closed phase)."""
    kept = Sampler(sampler.pid)
    kept.samples = [s for s in sampler.samples if s[0] <= until]
    return steady(kept, since)


def between(sampler: Sampler, begin: float, end: float) -> dict[str, float]:
    """CPU per hour and peak/final RSS from the samples taken between ``begin`` and ``end``."""
    samples = [s for s in sampler.samples if begin <= s[0] <= end and s[2] > 0]
    first, last = samples[0], samples[-1]
    rate, clock = cpu_rate(samples) if last[0] > first[0] else (0.0, "no window")
    return {
        "cpu_seconds_per_hour": round(rate * 3600, 3),
        "cpu_clock": clock,
        "window_s": round(last[0] - first[0], 1),
        "peak_rss_mib": round(max(s[2] for s in samples) / MIB, 1),
        "final_rss_mib": round(last[2] / MIB, 1),
        "final_uss_mib": round(last[3] / MIB, 1),
    }


def memory_split(pid: int) -> dict[str, Any]:
    """RSS split into anonymous and file-mapped parts, and PSS (``/proc``), in MiB."""
    fields: dict[str, float] = {}
    for name in ("status", "smaps_rollup"):
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile", "Pss") and value.strip().endswith("kB"):
                fields[key] = round(int(value.split()[0]) / 1024, 1)
    return {
        "rss_mib": fields["VmRSS"],
        "anon_mib": fields["RssAnon"],
        "file_mib": fields["RssFile"],
        "pss_mib": fields["Pss"],
        "largest_files_mib": largest_files(pid),
    }


def largest_files(pid: int, count: int = 12) -> dict[str, float]:
    """The files mapped with the most resident pages (``/proc/PID/smaps``), in MiB."""
    resident: dict[str, int] = {}
    name = ""
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        parts = line.split()
        if len(parts) >= 5 and "-" in parts[0] and ":" in parts[3]:  # a mapping's header
            name = Path(parts[5]).name if len(parts) > 5 and parts[5].startswith("/") else ""
        elif parts and parts[0] == "Rss:" and name:
            resident[name] = resident.get(name, 0) + int(parts[1])
    top = sorted(resident.items(), key=lambda item: -item[1])[:count]
    return {file: round(kib / 1024, 2) for file, kib in top}


def dashboard_phases(
    session: Any, sampler: Sampler, pid: int, open_seconds: float
) -> dict[str, Any]:
    """Open the dashboard from the tray icon, leave it open and idle, close it; measure each."""
    icon = session.find_window("--class", "wellbeing", timeout=10)
    clicked = time.monotonic()
    subprocess.run(
        ["xdotool", "mousemove", "--window", str(icon), "4", "4", "click", "1"],
        env=session.env(), check=True, timeout=20, capture_output=True,
    )
    window = session.find_window("--name", "Your Activity", timeout=30)
    opened = time.monotonic()
    log("dashboard open")
    time.sleep(OPEN_WARMUP_S / 2)
    session.activate("park")  # nothing changes from here: the focus stays on the parked window
    time.sleep(OPEN_WARMUP_S / 2)
    begin = time.monotonic()
    time.sleep(open_seconds)
    end = time.monotonic()
    open_memory = memory_split(pid)
    close_window(session.display, window)
    closed = time.monotonic()
    time.sleep(CLOSED_SETTLE_S + CLOSED_SAMPLE_S)
    after = between(sampler, closed + CLOSED_SETTLE_S, time.monotonic())
    still_open = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", "Your Activity"],
        env=session.env(), capture_output=True, text=True, timeout=20, check=False,
    ).stdout.split()
    if still_open:
        raise RuntimeError("the dashboard did not close")
    return {
        "dashboard_open": {
            "seconds_to_window": round(opened - clicked, 2),  # the click to a mapped window
            "warmup_s": round(begin - opened, 1),
            "idle": between(sampler, begin, end),
            "peak_rss_mib_with_first_paint": between(sampler, opened, end)["peak_rss_mib"],
            "memory": open_memory,
        },
        "after_dashboard_closed": {**after, "memory": memory_split(pid)},
    }


def quarter_hours(begin: float, end: float) -> list[str]:
    """The quarter hours (:00, :15, :30, :45, as UTC ``HH:MM``) between two wall times."""
    first = math.ceil(begin / QUARTER_HOUR_S) * QUARTER_HOUR_S
    return [time.strftime("%H:%M", time.gmtime(moment))
            for moment in range(first, math.floor(end) + 1, QUARTER_HOUR_S)]


def close_window(display: str, window: int) -> None:
    """Ask ``window`` to close as its title bar's close button does (``WM_DELETE_WINDOW``)."""
    from Xlib import X, protocol
    from Xlib import display as xdisplay

    conn = xdisplay.Display(display)
    try:
        target = conn.create_resource_object("window", window)
        protocols = conn.intern_atom("WM_PROTOCOLS")
        delete = conn.intern_atom("WM_DELETE_WINDOW")
        event = protocol.event.ClientMessage(
            window=target, client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
        )
        target.send_event(event, event_mask=X.NoEventMask)
        conn.flush()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=150, help="tracking time (default 150)")
    parser.add_argument("--open-seconds", type=float, default=40,
                        help="dashboard open and idle (default 40; 0 skips the dashboard)")
    parser.add_argument("--warm", action="store_true",
                        help="leave the virtualenv's files in the page cache (see above)")
    args = parser.parse_args()
    if shutil.which("trayer") is None:
        raise RuntimeError("trayer is not installed (see scripts/install-system-deps.sh)")
    session = start_x(None)
    app: subprocess.Popen[bytes] | None = None
    try:
        session.spawn("trayer", "--edge", "bottom", "--align", "right", "--widthtype", "request")
        open_clients(session)
        session.activate("park")
        env = cli_env(DISPLAY=session.display, QT_QPA_PLATFORM="xcb")
        compileall.compile_dir(ROOT / "wellbeing", quiet=1)  # as every start after the first
        site_packages = Path(sysconfig.get_paths()["platlib"])
        evicted = 0 if args.warm else evict_from_page_cache(site_packages)
        bare = subprocess.Popen([sys.executable, "-c", BARE_TRAY], env=env)
        with tempfile.TemporaryDirectory(prefix="wellbeing-bench-tray-") as tmp:
            data_dir = Path(tmp) / "data"
            data_dir.mkdir(mode=0o700)
            (data_dir / "welcome-shown").touch()  # measure the app as it runs every day
            started, started_wall = time.monotonic(), time.time()
            app = subprocess.Popen(
                [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir)],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            sampler, bare_sampler = Sampler(app.pid), Sampler(bare.pid)
            sampler.start()
            bare_sampler.start()
            drive_focus(session, started + WARMUP_S, started + args.seconds - TAIL_S)
            time.sleep(TAIL_S / 2)
            closed_until, closed_until_wall = time.monotonic(), time.time()
            maps = Path(f"/proc/{app.pid}/maps").read_text()
            loaded = [name for name in HEAVY if name in maps]
            at_rest = {"tray_app": memory_split(app.pid), "bare_qt_tray": memory_split(bare.pid)}
            bare_sampler.running = False
            bare.terminate()
            bare.wait(10)
            dashboard: dict[str, Any] = {}
            if args.open_seconds > 0:
                time.sleep(2)  # trayer drops the bare tray's icon
                dashboard = dashboard_phases(session, sampler, app.pid, args.open_seconds)
            sampler.running = False
            app.send_signal(signal.SIGTERM)
            app.wait(60)
    finally:
        if app is not None and app.poll() is None:
            app.kill()
        session.close()
    ours = steady_until(sampler, started + WARMUP_S, closed_until)
    floor = steady(bare_sampler, started + WARMUP_S)
    log(f"tray app: {ours}; bare Qt tray: {floor}")
    result: dict[str, Any] = {
        "benchmark": "tray_overhead",
        "tracked_seconds": args.seconds,
        "switch_every_s": SWITCH_EVERY_S,
        "tray_host": "trayer",
        "window": "closed",
        # the experiment's job runs at these (UTC here: TZ=UTC); see the docstring
        "quarter_hours_in_window": quarter_hours(started_wall + WARMUP_S, closed_until_wall),
        "page_cache": "warm" if args.warm else f"cold: {evicted} files of the virtualenv evicted",
        "tray_app": ours,
        "bare_qt_tray": floor,
        "above_bare_qt": {
            "cpu_seconds_per_hour": round(ours["cpu_seconds_per_hour"]
                                          - floor["cpu_seconds_per_hour"], 3),
            "rss_mib": round(ours["peak_rss_mib"] - floor["peak_rss_mib"], 1),
        },
        "heavy_modules_loaded": loaded,
        "memory_at_rest": at_rest,
        **dashboard,
        "goals": GOALS,
        "goals_met": {
            "cpu_seconds_per_hour": ours["cpu_seconds_per_hour"]
            <= GOALS["cpu_seconds_per_hour"],
            "rss_mib": ours["peak_rss_mib"] <= GOALS["rss_mib"],
        },
    }
    emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
