"""The "Time's up" screen of the tray app on a real X server, over real X clients.

Two nag limits of 20 s (on xterm and on xcalc) are set with the CLI, then the
tray app (``QT_QPA_PLATFORM=xcb``, the real X11 backend, no ``--fake-platform``)
tracks while xdotool brings the clients to the front, as a person would:

- xterm in front for 20 s: the screen appears (found by its title with
  xdotool); "15 more minutes" (Tab, then Space) hides it, records a snooze from
  the budget of 2, and the xterm stays open;
- xcalc in front for 20 s: the screen appears again; "Close XCalc" (Enter, the
  default) asks xcalc's window to close the way its title bar would, and
  xcalc exits.

The bypass log in the database has the reaches, the snooze and the close.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.e2e.helpers import run_cli
from tests.integration.xhelpers import activate, stop, wait_until, x_client, x_env, xdotool

pytestmark = [pytest.mark.x11, pytest.mark.slow]

LIMIT_S = 20
TITLE = "^Time's up"


def screen_window(display: str) -> int:
    """The visible "Time's up" window's id, or 0."""
    try:
        found = xdotool(display, "search", "--onlyvisible", "--name", TITLE).split()
    except subprocess.CalledProcessError:
        return 0
    return int(found[0]) if found else 0


def limit_events(database: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(database)
    try:
        rows = conn.execute(
            "SELECT target_key, kind FROM limit_event WHERE kind != 'changed' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    return [(str(key), str(kind)) for key, kind in rows]


def test_nag_screen_snoozes_and_closes_real_windows(x_display: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    for app in ("xterm", "xcalc"):
        res = run_cli(
            "limits", "set", f"app:{app}", f"{LIMIT_S}s", "--mode", "nag", data_dir=data_dir
        )
        assert res.returncode == 0, res.stderr
    (data_dir / "welcome-shown").touch()  # no first-run window over the windows under test
    env = {k: v for k, v in x_env(x_display).items() if not k.startswith("WELLBEING_")}
    env["QT_QPA_PLATFORM"] = "xcb"
    stderr_file = tmp_path / f"app-{uuid.uuid4().hex[:6]}.stderr"
    with x_client(x_display, ["xterm", "-title", "nag-me"]) as xterm, x_client(
        x_display, ["xcalc"]
    ) as xcalc, stderr_file.open("wb") as err:
        app = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "-v"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        try:

            def log() -> str:
                return stderr_file.read_text(encoding="utf-8", errors="replace")

            def ready() -> bool:
                assert app.poll() is None, log()
                return "limits count from" in log()

            wait_until(ready, timeout=60, what="the app's limits to start")
            time.sleep(1.0)  # the dashboard opens (no tray host): let it settle

            # -- xterm: reached, then "15 more minutes" -----------------------------------
            activate(x_display, xterm.wid)
            fronted = time.monotonic()
            wid = wait_until(lambda: screen_window(x_display), timeout=LIMIT_S + 20,
                             interval=0.2, what="the Time's up screen over xterm")
            assert time.monotonic() - fronted >= LIMIT_S - 2
            xdotool(x_display, "windowactivate", "--sync", str(wid))
            xdotool(x_display, "key", "--clearmodifiers", "Tab", "space")
            wait_until(lambda: screen_window(x_display) == 0, timeout=10,
                       what="the screen to go after the snooze")
            assert xterm.proc.poll() is None

            # -- xcalc: reached, then "Close XCalc" ---------------------------------------
            activate(x_display, xcalc.wid)
            wid = wait_until(lambda: screen_window(x_display), timeout=LIMIT_S + 20,
                             interval=0.2, what="the Time's up screen over xcalc")
            xdotool(x_display, "windowactivate", "--sync", str(wid))
            xdotool(x_display, "key", "--clearmodifiers", "Return")
            wait_until(lambda: xcalc.proc.poll() is not None, timeout=15,
                       what="xcalc to close when asked")
            assert xterm.proc.poll() is None  # only the offending app was asked
        finally:
            stop(app)
    events = limit_events(data_dir / "wellbeing.sqlite3")
    assert ("xterm", "reached") in events
    assert ("xterm", "snoozed") in events
    assert ("xcalc", "reached") in events
    assert ("xcalc", "closed") in events
    assert ("xcalc", "snoozed") not in events
