"""What the tray app costs with its window closed: CPU and memory on a real X server with trayer.

Starts its own Xvfb and openbox (as ``tracker_overhead.py`` does, whose helpers
it uses), ``trayer`` as the system tray host, and the X clients to switch
between; then the tray app ``wellbeing --data-dir D`` (no command) against a
fresh data dir. After a warm-up it switches focus every 5 s for ``--seconds``
(default 150), samples the app's CPU and memory with psutil, and stops it with
SIGTERM. The dashboard window stays closed: that is the budget measured.

Measured in the same run, for comparison:
- ``bare_qt_tray``: a Qt application with only a tray icon and a two-entry menu
  (the floor for any Qt tray app on this machine), running beside the app
  through the same switching, sampled the same way;
- the headless ``wellbeing track`` over the same switching is
  ``tracker_overhead.py``, in the same ``make bench``.

Also checks, from ``/proc/<pid>/maps``, that SQLAlchemy and numpy are not
loaded while the window is closed (``heavy_modules_loaded``).

Goals (issue 11): RSS <= 60 MiB and <= 2 CPU-seconds per hour of use.
"""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
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
    drive_focus,
    open_clients,
    start_x,
)

GOALS = {"cpu_seconds_per_hour": 2.0, "rss_mib": 60.0}
TAIL_S = 8.0
HEAVY = ("sqlalchemy", "numpy", "QtOpenGLWidgets")
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


def steady(sampler: Sampler, since: float) -> dict[str, float]:
    """CPU per hour from ``since`` to the last sample, and the peak RSS/USS after ``since``."""
    samples = [s for s in sampler.samples if s[0] >= since and s[2] > 0]
    first, last = samples[0], samples[-1]
    rate = (last[1] - first[1]) / (last[0] - first[0])
    return {
        "cpu_seconds_per_hour": round(rate * 3600, 3),
        "window_s": round(last[0] - first[0], 1),
        "startup_cpu_seconds": round(first[1], 3),
        "peak_rss_mib": round(max(s[2] for s in samples) / MIB, 1),
        "final_rss_mib": round(last[2] / MIB, 1),
        "peak_uss_mib": round(max(s[3] for s in samples) / MIB, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=150, help="tracking time (default 150)")
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
        bare = subprocess.Popen([sys.executable, "-c", BARE_TRAY], env=env)
        with tempfile.TemporaryDirectory(prefix="wellbeing-bench-tray-") as tmp:
            data_dir = Path(tmp) / "data"
            started = time.monotonic()
            app = subprocess.Popen(
                [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir)],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            sampler, bare_sampler = Sampler(app.pid), Sampler(bare.pid)
            sampler.start()
            bare_sampler.start()
            drive_focus(session, started + WARMUP_S, started + args.seconds - TAIL_S)
            time.sleep(TAIL_S / 2)
            maps = Path(f"/proc/{app.pid}/maps").read_text()
            loaded = [name for name in HEAVY if name in maps]
            sampler.running = bare_sampler.running = False
            app.send_signal(signal.SIGTERM)
            app.wait(60)
            bare.terminate()
            bare.wait(10)
    finally:
        if app is not None and app.poll() is None:
            app.kill()
        session.close()
    ours = steady(sampler, started + WARMUP_S)
    floor = steady(bare_sampler, started + WARMUP_S)
    log(f"tray app: {ours}; bare Qt tray: {floor}")
    result: dict[str, Any] = {
        "benchmark": "tray_overhead",
        "tracked_seconds": args.seconds,
        "switch_every_s": SWITCH_EVERY_S,
        "tray_host": "trayer",
        "window": "closed",
        "tray_app": ours,
        "bare_qt_tray": floor,
        "above_bare_qt": {
            "cpu_seconds_per_hour": round(ours["cpu_seconds_per_hour"]
                                          - floor["cpu_seconds_per_hour"], 3),
            "rss_mib": round(ours["peak_rss_mib"] - floor["peak_rss_mib"], 1),
        },
        "heavy_modules_loaded": loaded,
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
