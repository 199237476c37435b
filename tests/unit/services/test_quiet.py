"""Quiet mode on a fake desktop switch: saved first, restored exactly, also after a crash."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wellbeing.core.clock import FakeClock
from wellbeing.errors import Unavailable
from wellbeing.platform.dnd import FakeDnd, Snapshot
from wellbeing.services.quiet import STATE_FILE, QuietMode, quiet_mode_check

HOUR = 3600.0


class SnoopingDnd(FakeDnd):
    """Records whether the state file existed when the switch was turned."""

    def __init__(self, state_file: Path, *, on: bool = False) -> None:
        super().__init__(on=on)
        self.state_file = state_file
        self.file_existed_when_quieted: bool | None = None

    def quiet(self) -> None:
        self.file_existed_when_quieted = self.state_file.exists()
        super().quiet()


def dead_pid() -> int:
    """The pid of a process that has exited (and been reaped)."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def test_the_state_is_saved_privately_before_anything_changes(
    data_dir: Path, clock: FakeClock
) -> None:
    dnd = SnoopingDnd(data_dir / STATE_FILE)
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    assert dnd.file_existed_when_quieted is True
    assert dnd.on is True
    assert stat.S_IMODE((data_dir / STATE_FILE).stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    saved = json.loads((data_dir / STATE_FILE).read_text())
    assert saved["previous"] == {"on": False}
    assert saved["pid"] == os.getpid()
    assert quiet.active_until() == clock.wall + HOUR


def test_end_restores_off_and_forgets(data_dir: Path, clock: FakeClock) -> None:
    dnd = FakeDnd()
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    assert quiet.end() is True
    assert dnd.on is False
    assert quiet.active_until() is None
    assert not (data_dir / STATE_FILE).exists()
    assert quiet.end() is False  # nothing to end


def test_a_do_not_disturb_the_person_had_on_stays_on(data_dir: Path, clock: FakeClock) -> None:
    dnd = FakeDnd(on=True)
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    quiet.end()
    assert dnd.on is True


def test_starting_again_moves_the_end_but_keeps_the_state_before(
    data_dir: Path, clock: FakeClock
) -> None:
    dnd = FakeDnd()
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    quiet.start(clock.wall + 2 * HOUR)  # the desktop is quiet now: must not become "previous"
    assert quiet.active_until() == clock.wall + 2 * HOUR
    quiet.end()
    assert dnd.on is False


def test_end_if_due_follows_the_clock(data_dir: Path, clock: FakeClock) -> None:
    dnd = FakeDnd()
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    clock.advance(HOUR - 1)
    assert quiet.end_if_due() is False
    assert dnd.on is True
    clock.advance(1)
    assert quiet.end_if_due() is True
    assert dnd.on is False


def test_a_desktop_that_refuses_to_switch_is_left_as_it_was(
    data_dir: Path, clock: FakeClock
) -> None:
    class Refusing(FakeDnd):
        def quiet(self) -> None:
            raise Unavailable("the desktop said no")

    dnd = Refusing()
    quiet = QuietMode(data_dir, dnd, clock)
    with pytest.raises(Unavailable, match="said no"):
        quiet.start(clock.wall + HOUR)
    assert dnd.on is False
    assert quiet.active_until() is None


def test_when_restoring_fails_the_file_stays_for_a_later_try(
    data_dir: Path, clock: FakeClock
) -> None:
    dnd = FakeDnd()
    quiet = QuietMode(data_dir, dnd, clock)
    quiet.start(clock.wall + HOUR)
    dnd.fail = True
    assert quiet.end() is False
    assert quiet.active_until() == clock.wall + HOUR
    dnd.fail = False
    clock.advance(2 * HOUR)
    assert quiet.recover() is True
    assert dnd.on is False


def test_recover_after_a_crash_of_the_owner(data_dir: Path, clock: FakeClock) -> None:
    dnd = FakeDnd()
    QuietMode(data_dir, dnd, clock, pid=dead_pid()).start(clock.wall + HOUR)
    assert dnd.on is True
    # The next start, long before the end time: the owner is gone, so it is put back.
    assert QuietMode(data_dir, dnd, clock).recover() is True
    assert dnd.on is False
    assert not (data_dir / STATE_FILE).exists()


def test_recover_leaves_a_running_owner_alone_until_its_end(
    data_dir: Path, clock: FakeClock
) -> None:
    dnd = FakeDnd()
    QuietMode(data_dir, dnd, clock).start(clock.wall + HOUR)  # this process: alive
    assert QuietMode(data_dir, dnd, clock).recover() is False
    assert dnd.on is True
    clock.advance(HOUR)
    assert QuietMode(data_dir, dnd, clock).recover() is True
    assert dnd.on is False


def test_recover_with_nothing_left_behind_does_nothing(data_dir: Path, clock: FakeClock) -> None:
    dnd = FakeDnd(on=True)
    assert QuietMode(data_dir, dnd, clock).recover() is False
    assert dnd.changes == 0


def test_a_damaged_state_file_is_ignored(data_dir: Path, clock: FakeClock) -> None:
    data_dir.mkdir(mode=0o700)
    (data_dir / STATE_FILE).write_text("{not json")
    dnd = FakeDnd()
    quiet = QuietMode(data_dir, dnd, clock)
    assert quiet.recover() is False
    assert quiet.active_until() is None
    quiet.start(clock.wall + HOUR)  # replaces it
    quiet.end()
    assert dnd.on is False


def test_a_state_from_another_desktop_is_dropped_not_misapplied(
    data_dir: Path, clock: FakeClock
) -> None:
    class Other(FakeDnd):
        name = "other"

        def restore(self, snapshot: Snapshot) -> None:
            raise AssertionError("must not apply a fake snapshot to another desktop")

    QuietMode(data_dir, FakeDnd(), clock, pid=dead_pid()).start(clock.wall + HOUR)
    assert QuietMode(data_dir, Other(), clock).recover() is False
    assert not (data_dir / STATE_FILE).exists()


def test_doctor_says_why_quiet_mode_cannot_work() -> None:
    check = quiet_mode_check({"XDG_CURRENT_DESKTOP": "openbox"})
    assert not check.ok
    assert "dunst: no session D-Bus" in check.detail
    assert "GNOME: not a GNOME session" in check.detail
    assert "KDE: no session D-Bus" in check.detail
    assert check.fix is not None
