"""A notify limit kept by ``wellbeing track`` on a real X server, told through a real dunst.

A real xterm is focused with xdotool while ``wellbeing track`` records it; a
one-minute limit on it is set from the CLI *while* the tracker runs (so this
also proves a new limit takes effect without a restart). The warning and the
"Time's up" notification must reach the notification daemon on the private
session bus; they are read back with ``dunstctl history`` (only those with ids
newer than what the history held before: this dunst has no ``history-clear``). The bypass log
(``limits list --json``) shows the limit reached.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.e2e.helpers import run_cli
from tests.integration.dbus_helpers import dunst_history, dunstctl
from tests.integration.test_tracking_x11 import tracking, wait_tracking
from tests.integration.xhelpers import activate, wait_until, x_client

pytestmark = [pytest.mark.x11, pytest.mark.dbus, pytest.mark.slow]


def test_track_warns_and_tells_when_a_one_minute_limit_is_reached(
    x_display: str, notification_bus: str, tmp_path: Path
) -> None:
    require_part(shutil.which("dunstctl") is not None, "dunstctl (dunst) is not installed")
    # notices other tests left on screen (critical ones stay) go to the history; ours come later
    dunstctl("close-all")
    before = max((int(n["id"]) for n in dunst_history()), default=0)

    def summaries() -> list[str]:
        return [str(n["summary"]) for n in dunst_history() if int(n["id"]) > before]

    data_dir = tmp_path / "data"
    with x_client(x_display, ["xterm", "-title", "limit-me"]) as xterm, tracking(
        x_display, data_dir, "--idle-after", "600"
    ) as tracker:
        activate(x_display, xterm.wid)
        wait_tracking(tracker)

        def xterm_known() -> bool:
            res = run_cli("report", "--json", data_dir=data_dir)
            return res.returncode == 0 and '"xterm"' in res.stdout

        wait_until(xterm_known, timeout=30, interval=0.5, what="xterm to be recorded")
        res = run_cli("limits", "set", "xterm", "1m", data_dir=data_dir)
        assert res.returncode == 0, res.stderr
        set_at = time.monotonic()

        def seen(word: str) -> bool:
            dunstctl("close-all")  # shown notices go to the history, where they can be read
            return any(word in s.lower() for s in summaries())

        wait_until(lambda: seen("time's up"), timeout=90, interval=0.5, what="the reached notice")
        reached_after = time.monotonic() - set_at
        assert seen("left for"), summaries()
        listed = run_cli("limits", "list", "--json", data_dir=data_dir)
        assert listed.returncode == 0, listed.stderr
        assert tracker.proc.poll() is None, tracker.stderr
    # the limit was set with some use already counted: it cannot take longer than a minute
    assert reached_after <= 65
    rows = json.loads(listed.stdout)
    (row,) = [r for r in rows if r["target"] == "xterm"]
    # what is on disk is at most 5 s behind the tracker, which counted to the minute
    assert row["today"]["used_seconds"] >= 55
    assert row["today"]["limit_seconds"] == 60
