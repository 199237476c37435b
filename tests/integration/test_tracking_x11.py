"""``wellbeing track`` as a process on a real X server: what it records matches what happened.

Real xterm and xcalc windows are focused with ``xdotool windowactivate --sync``;
the ground truth is taken from this process's monotonic clock right after each
activation returns, and compared with ``wellbeing report --json --by app``.
Tolerances are accuracy bounds (what a user would call wrong), not speed checks.
The tracking starts when its first interval row appears in the database.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import require_part
from tests.integration.xhelpers import (
    XClient,
    activate,
    have,
    press_key,
    stop,
    wait_until,
    x_client,
)

pytestmark = [pytest.mark.x11, pytest.mark.slow]

DB_NAME = "wellbeing.sqlite3"
GARBAGE = b"this page was overwritten by a disk error " * 100


def _env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_")}
    env["DISPLAY"] = display
    return env


@dataclass
class Tracker:
    """A running ``wellbeing track`` process; stderr goes to a file for the test to read."""

    proc: subprocess.Popen[bytes]
    data_dir: Path
    stderr_file: Path

    @property
    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")

    def terminate(self) -> int:
        """SIGTERM, and the exit code once it has flushed and ended."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(15)
        except subprocess.TimeoutExpired:
            stop(self.proc, signal.SIGKILL)
            raise AssertionError(f"track did not stop on SIGTERM; stderr:\n{self.stderr}") from None


@contextlib.contextmanager
def tracking(display: str, data_dir: Path, *options: str) -> Iterator[Tracker]:
    """Run ``wellbeing --data-dir D track OPTIONS`` on ``display``; always stopped afterwards."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stderr_file = data_dir.parent / f"track-{uuid.uuid4().hex[:6]}.stderr"
    with stderr_file.open("wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wellbeing", "--data-dir", str(data_dir), "track", *options],
            env=_env(display),
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    try:
        yield Tracker(proc, data_dir, stderr_file)
    finally:
        stop(proc)


READY = re.compile(r"data in .*; poll [0-9.]+ s")
"""The last line ``track`` logs before its first sample (INFO goes to stderr for ``track``)."""


def wait_tracking(tracker: Tracker, *, keep_active: str | None = None) -> float:
    """Monotonic time at which the tracker said it starts sampling (the first sample follows).

    With ``keep_active`` (a display), a key is pressed meanwhile so the user never looks idle.
    (The database cannot tell: the first sample opens a zero-length interval, which is not
    written; the first row appears with the next flush, seconds later.)
    """

    def started() -> bool:
        if tracker.proc.poll() is not None:
            raise AssertionError(f"track exited with {tracker.proc.returncode}:\n{tracker.stderr}")
        if keep_active:
            press_key(keep_active)
        return READY.search(tracker.stderr) is not None

    wait_until(started, timeout=30, interval=0.02, what="the tracker to start")
    return time.monotonic()


def seconds_by_app(data_dir: Path) -> dict[str, float]:
    """``report --json --by app`` for yesterday..today (so 04:00 cannot split the test)."""
    today = date.today()
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "wellbeing",
            "--data-dir",
            str(data_dir),
            "report",
            "--json",
            "--by",
            "app",
            "--from",
            (today - timedelta(days=1)).isoformat(),
            "--to",
            (today + timedelta(days=1)).isoformat(),
        ],
        env={k: v for k, v in os.environ.items() if not k.startswith("WELLBEING_")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    return {item["key"]: item["seconds"] for item in json.loads(res.stdout)["items"]}


def focus(display: str, client: XClient) -> float:
    """Activate ``client``'s window; the monotonic time right after the WM confirmed it."""
    activate(display, client.wid)
    return time.monotonic()


@pytest.fixture
def xterm(x_display: str) -> Iterator[XClient]:
    with x_client(x_display, ["xterm", "-title", f"wb-track-{uuid.uuid4().hex[:6]}"]) as term:
        yield term


@pytest.fixture
def xcalc(x_display: str) -> Iterator[XClient]:
    require_part(have("xcalc"), "xcalc is not installed (x11-apps)")
    with x_client(x_display, ["xcalc"]) as calc:
        yield calc


def report_line(name: str, **numbers: float) -> None:
    """Print measured numbers (shown with ``pytest -s``; kept in the log otherwise)."""
    shown = ", ".join(
        f"{k}={v:+.3f}" if k.startswith("err") else f"{k}={v:.3f}" for k, v in numbers.items()
    )
    print(f"\n[measured] {name}: {shown}")


# -- accuracy of focus switches ---------------------------------------------------------------


def test_focus_switches_are_recorded_within_two_seconds_each(
    x_display: str, data_dir: Path, xterm: XClient, xcalc: XClient
) -> None:
    focus(x_display, xterm)
    press_key(x_display)
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(6)
        to_calc, to_calc_wall = focus(x_display, xcalc), time.time()
        time.sleep(4)
        back, back_wall = focus(x_display, xterm), time.time()
        time.sleep(5)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    truth = {"xterm": (to_calc - started) + (ended - back), "xcalc": back - to_calc}
    got = seconds_by_app(data_dir)
    assert set(got) == {"xterm", "xcalc"}, got
    runs = stored_runs(data_dir / DB_NAME)
    assert [app for app, _, _ in runs] == ["xterm", "xcalc", "xterm"], runs
    # The window manager clears _NET_ACTIVE_WINDOW for a moment at each switch; that is
    # one switch, not "nothing focused" followed by a second switch.
    assert "no application has focus" not in tracker.stderr
    report_line(
        "switches",
        err_switch_to_xcalc=runs[1][1] - to_calc_wall,
        err_switch_to_xterm=runs[2][1] - back_wall,
        err_xterm=got["xterm"] - truth["xterm"],
        err_xcalc=got["xcalc"] - truth["xcalc"],
        truth_xterm=truth["xterm"],
        truth_xcalc=truth["xcalc"],
    )
    for app, seconds in truth.items():
        assert got[app] == pytest.approx(seconds, abs=2.0), (app, got, truth)


def stored_runs(db_file: Path) -> list[tuple[str, float, float]]:
    """(app key, start, end) of every stored interval, in order (wall seconds)."""
    with contextlib.closing(sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT app.key, start_ms, end_ms FROM interval JOIN app ON app.id = interval.app_id"
            " ORDER BY start_ms"
        ).fetchall()
    return [(key, start / 1000, end / 1000) for key, start, end in rows]


# -- idle ---------------------------------------------------------------------------------------


def test_idle_ends_the_interval_at_the_last_input(
    x_display: str, data_dir: Path, xterm: XClient
) -> None:
    focus(x_display, xterm)
    with tracking(x_display, data_dir, "--poll", "1", "--idle-after", "3") as tracker:
        started = wait_tracking(tracker, keep_active=x_display)
        for _ in range(3):
            time.sleep(1)
            press_key(x_display)
        last_input = time.monotonic()
        time.sleep(8)  # no input: idle is noticed 3 s after the last input
        assert tracker.terminate() == 0, tracker.stderr
    expected = last_input - started
    got = seconds_by_app(data_dir)
    report_line("idle", err_xterm=got.get("xterm", 0.0) - expected, expected=expected)
    assert set(got) == {"xterm"}, got
    # Ending when idle was noticed would give about expected + 3, at SIGTERM expected + 8.
    assert got["xterm"] == pytest.approx(expected, abs=1.5)
    assert "use counted up to the last input" in tracker.stderr


# -- kill -9 ------------------------------------------------------------------------------------


def test_kill_9_loses_at_most_five_seconds(x_display: str, data_dir: Path, xterm: XClient) -> None:
    focus(x_display, xterm)
    press_key(x_display)
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(12)
        killed = time.monotonic()
        tracker.proc.kill()
        tracker.proc.wait(10)
    truth = killed - started
    got = seconds_by_app(data_dir)
    report_line("kill -9", lost=truth - got.get("xterm", 0.0), truth=truth)
    assert set(got) == {"xterm"}, got
    assert truth - 5.0 <= got["xterm"] <= truth + 1.0


# -- a damaged database ------------------------------------------------------------------------


def corrupt_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(f"{DB_NAME}.corrupt-*"))


def test_a_garbage_database_at_start_is_set_aside_and_tracking_goes_on(
    x_display: str, data_dir: Path, xterm: XClient
) -> None:
    data_dir.mkdir(parents=True, mode=0o700)
    original = b"this is not a database, but someone's bytes " * 50
    (data_dir / DB_NAME).write_bytes(original)
    focus(x_display, xterm)
    press_key(x_display)
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(3)
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    (aside,) = corrupt_files(data_dir)
    assert re.fullmatch(rf"{re.escape(DB_NAME)}\.corrupt-\d{{8}}T\d{{6}}Z", aside.name)
    assert aside.read_bytes() == original
    assert f"moved aside to {aside}" in tracker.stderr
    assert seconds_by_app(data_dir)["xterm"] == pytest.approx(ended - started, abs=2.0)


def damage_while_running(db_file: Path) -> None:
    """Overwrite every page after the header with garbage, in a way the tracker must notice.

    The checkpoint moves all pages into the main file and restarts the WAL, so
    the tracker's connection drops its page cache at its next transaction and
    reads the garbage. If the tracker wrote between the checkpoint and the
    garbage (its frames in the WAL would then shadow some damaged pages), try again.
    """
    for _ in range(5):
        with contextlib.closing(sqlite3.connect(db_file, timeout=10)) as conn:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            continue
        size = db_file.stat().st_size
        with db_file.open("r+b") as fh:
            fh.seek(4096)
            fh.write((GARBAGE * (size // len(GARBAGE) + 1))[: size - 4096])
        wal = db_file.with_name(db_file.name + "-wal")
        if not wal.exists() or wal.stat().st_size == 0:
            return
    raise AssertionError("could not damage the database between two writes of the tracker")


def test_a_database_damaged_while_tracking_is_set_aside_and_tracking_goes_on(
    x_display: str, data_dir: Path, xterm: XClient
) -> None:
    focus(x_display, xterm)
    press_key(x_display)
    db_file = data_dir / DB_NAME
    with tracking(x_display, data_dir, "--poll", "1") as tracker:
        started = wait_tracking(tracker)
        time.sleep(5)  # a flush or two into the file first
        damage_while_running(db_file)
        damaged = time.monotonic()
        (aside,) = wait_until(
            lambda: corrupt_files(data_dir),
            timeout=15,
            what=f"the damaged file set aside; stderr:\n{tracker.stderr}",
        )
        time.sleep(3)
        assert tracker.proc.poll() is None, tracker.stderr  # it kept running
        ended = time.monotonic()
        assert tracker.terminate() == 0, tracker.stderr
    assert "damaged while wellbeing was recording" in tracker.stderr
    assert f"moved aside to {aside}" in tracker.stderr
    assert "malformed" in tracker.stderr
    assert GARBAGE[:200] in aside.read_bytes()
    got = seconds_by_app(data_dir)["xterm"]
    report_line("corrupted while running", after_damage=ended - damaged, in_fresh_db=got)
    # The fresh database holds the running interval (re-written) and all time after the damage.
    assert ended - damaged - 2.0 <= got <= ended - started + 1.0
