"""Short commands beside a real ``wellbeing track``, and damage found while it records.

- ``report`` and ``doctor`` never move the database a running tracker holds (its
  instance lock tells), even when SQLite's ``quick_check`` is made to fail: as a
  false alarm (``integrity_check`` then finds the file sound, so it is used) or
  as damage both checks agree on (then the command says so and leaves the file).
  ``quick_check`` is made to fail in the command's own process: a small launcher
  replaces the check's function, then runs the real ``wellbeing`` entry point.
- A database damaged while ``track`` records is set aside by the tracker, and the
  user reads it on the tracker's stderr.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_command, cli_env, report_json
from tests.unit.storage.helpers import damage

DB_NAME = "wellbeing.sqlite3"

LAUNCHER = """
import sys
import wellbeing.storage.sqlite_file as sqlite_file
from wellbeing.__main__ import main

FINDING = "*** in database main ***\\nrow 7 missing from index ix_app_key (made to fail)"
sqlite_file.sqlite_problem = lambda path: FINDING
if sys.argv[1] == "--integrity-fails-too":
    sqlite_file.integrity_problem = lambda path: FINDING
sys.exit(main(sys.argv[2:]))
"""


def run_with_failing_check(
    data_dir: Path, *args: str, integrity_fails_too: bool = False
) -> subprocess.CompletedProcess[str]:
    """``wellbeing --data-dir D ARGS`` whose quick_check (and maybe integrity_check) fails."""
    flag = "--integrity-fails-too" if integrity_fails_too else "--only-quick-check"
    return subprocess.run(
        [sys.executable, "-c", LAUNCHER, flag, "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, timeout=120, env=cli_env(), check=False,
    )


@dataclass
class Tracker:
    """A running ``wellbeing track``; its stderr goes to a file the test reads."""

    proc: subprocess.Popen[bytes]
    stderr_file: Path

    @property
    def stderr(self) -> str:
        return self.stderr_file.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(30)


def wait_until(condition: Callable[[], object], what: str, timeout: float = 60.0) -> object:
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@contextlib.contextmanager
def running_tracker(data_dir: Path) -> Iterator[Tracker]:
    """``wellbeing --fake-platform track --poll 0.2``, recording before the block starts."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stderr_file = data_dir.parent / "track.stderr"
    with stderr_file.open("wb") as err:
        proc = subprocess.Popen(
            cli_command("--fake-platform", "track", "--poll", "0.2", data_dir=data_dir),
            stdout=subprocess.DEVNULL, stderr=err, env=cli_env(),
        )
    tracker = Tracker(proc, stderr_file)
    try:
        wait_until(lambda: "data in" in tracker.stderr, "the tracker to start")
        wait_until(lambda: report_json(data_dir)["total_seconds"] > 0, "recorded time")
        yield tracker
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def set_aside_files(data_dir: Path) -> list[str]:
    return sorted(p.name for p in data_dir.iterdir() if ".corrupt-" in p.name)


def test_report_beside_a_tracker_uses_the_file_when_quick_check_raises_a_false_alarm(
    data_dir: Path,
) -> None:
    with running_tracker(data_dir) as tracker:
        inode = (data_dir / DB_NAME).stat().st_ino
        res = run_with_failing_check(data_dir, "report", "--json")
        assert res.returncode == 0, res.stderr
        assert '"total_seconds"' in res.stdout
        assert "integrity_check finds it sound: a false alarm" in res.stderr
        assert set_aside_files(data_dir) == []
        assert (data_dir / DB_NAME).stat().st_ino == inode
        assert tracker.proc.poll() is None
        assert tracker.stop() == 0, tracker.stderr
    assert set_aside_files(data_dir) == []
    assert report_json(data_dir)["total_seconds"] > 0


def test_report_and_doctor_beside_a_tracker_never_move_a_file_they_find_damaged(
    data_dir: Path,
) -> None:
    with running_tracker(data_dir) as tracker:
        inode = (data_dir / DB_NAME).stat().st_ino
        report = run_with_failing_check(data_dir, "report", "--json", integrity_fails_too=True)
        doctor = run_with_failing_check(data_dir, "doctor", integrity_fails_too=True)
        assert set_aside_files(data_dir) == []
        assert (data_dir / DB_NAME).stat().st_ino == inode
        assert report.returncode == 4, report.stderr
        assert "looks damaged" in report.stderr
        assert "wellbeing is recording into it right now" in report.stderr
        assert "left where it is" in report.stderr
        assert report.stdout == ""
        assert "!!  database:" in doctor.stdout
        assert "left where it is" in doctor.stdout
        # The tracker goes on writing into the very same file.
        before = report_json(data_dir)["total_seconds"]
        wait_until(lambda: report_json(data_dir)["total_seconds"] > before, "more time")
        assert tracker.stop() == 0, tracker.stderr
    assert set_aside_files(data_dir) == []
    assert (data_dir / DB_NAME).stat().st_ino == inode


def test_without_a_tracker_damage_both_checks_confirm_is_set_aside_by_report(
    data_dir: Path,
) -> None:
    with running_tracker(data_dir) as tracker:
        assert tracker.stop() == 0
    res = run_with_failing_check(data_dir, "report", "--json", integrity_fails_too=True)
    assert res.returncode == 0, res.stderr
    assert len(set_aside_files(data_dir)) == 1  # nobody holds the lock: report may move it
    assert "moved aside to" in res.stderr


def test_damage_found_while_track_records_is_told_on_its_stderr(data_dir: Path) -> None:
    with running_tracker(data_dir) as tracker:
        garbage = damage(data_dir / DB_NAME)
        aside = wait_until(lambda: set_aside_files(data_dir), "the tracker to set the file aside")
        wait_until(lambda: "Database was damaged:" in tracker.stderr, "the message on stderr")
        assert tracker.proc.poll() is None  # tracking goes on
        wait_until(lambda: report_json(data_dir)["total_seconds"] > 0, "time in the fresh file")
        assert tracker.stop() == 0, tracker.stderr
    assert isinstance(aside, list)
    main_file = next(name for name in aside if not name.endswith(("-wal", "-shm", "-journal")))
    assert garbage in (data_dir / main_file).read_bytes()
    told = [line for line in tracker.stderr.splitlines() if "Database was damaged:" in line]
    assert len(told) == 1, tracker.stderr
    assert f"moved aside to {data_dir / main_file}" in told[0]
    assert "nothing was deleted" in told[0]
    assert "tracking goes on" in told[0]


@pytest.mark.parametrize("command", [("report", "--json"), ("doctor",)])
def test_a_sound_file_is_never_moved_by_a_false_alarm_alone(
    data_dir: Path, command: tuple[str, ...]
) -> None:
    report_json(data_dir)  # create it
    res = run_with_failing_check(data_dir, *command)
    if command[0] == "report":
        assert res.returncode == 0, res.stderr
    else:  # its exit code also depends on this machine's display
        assert "ok  database:" in res.stdout, res.stdout
    assert set_aside_files(data_dir) == []
