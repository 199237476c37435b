"""Only the process holding the tracker lock moves a damaged database; a false alarm moves nothing.

The lock is a real ``flock`` (another open of the lock file conflicts even inside one
process); the damage is real (garbage written over the file's pages), and the false alarm is
``quick_check`` replaced by a function that reports damage on a sound file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.unit.storage.helpers import GARBAGE, damage
from wellbeing.errors import StorageUnavailable
from wellbeing.paths import Paths
from wellbeing.platform.instance import TrackerLock
from wellbeing.services.context import open_context
from wellbeing.storage import sqlite_file
from wellbeing.storage.db import Database

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock")


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    paths = Paths(data_dir)
    with Database.open(None, paths) as db:  # a real file with a schema and some pages
        db.device_id("test", "linux")
    return paths


def aside(paths: Paths) -> list[Path]:
    """The database files set aside (their -wal/-shm companions left out)."""
    return [p for p in paths.data_dir.iterdir()
            if p.name.startswith(f"{paths.database.name}.corrupt-")]


def renamed(paths: Paths) -> list[str]:
    """Every file renamed aside, companions included."""
    return [p.name for p in paths.data_dir.iterdir() if ".corrupt-" in p.name]


def test_a_short_command_leaves_a_damaged_file_a_tracker_holds(paths: Paths) -> None:
    garbage = damage(paths.database)
    inode = paths.database.stat().st_ino
    with TrackerLock(paths.lock_file), pytest.raises(StorageUnavailable) as caught:  # tracking
        open_context(str(paths.data_dir), None)
    assert "wellbeing is recording into it right now" in caught.value.message
    assert renamed(paths) == []
    assert paths.database.stat().st_ino == inode
    assert garbage in paths.database.read_bytes()


def test_with_no_tracker_a_short_command_sets_damage_aside_and_frees_the_lock(
    paths: Paths,
) -> None:
    damage(paths.database)
    ctx = open_context(str(paths.data_dir), None)
    ctx.close()
    assert len(aside(paths)) == 1
    assert GARBAGE in aside(paths)[0].read_bytes()
    assert ctx.notice is not None
    assert "moved aside" in ctx.notice
    lock = TrackerLock(paths.lock_file)
    assert lock.try_acquire()  # the lock taken for the move was given back
    lock.release()


def test_the_lock_holder_sets_damage_aside(paths: Paths) -> None:
    damage(paths.database)
    ctx = open_context(str(paths.data_dir), None, holds_lock=True)
    ctx.close()
    assert len(aside(paths)) == 1


def test_a_quick_check_false_alarm_never_moves_a_sound_file(
    paths: Paths, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sqlite_file, "sqlite_problem", lambda path: "row 3 missing from index")
    for holds_lock in (False, True):
        ctx = open_context(str(paths.data_dir), None, holds_lock=holds_lock)
        assert ctx.notice is None
        ctx.close()
    assert renamed(paths) == []
    assert "integrity_check finds it sound: a false alarm" in caplog.text


def test_damage_confirmed_by_integrity_check_on_a_second_connection(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[str] = []
    real = sqlite_file._check

    def spy(path: Path, pragma: str) -> str | None:
        checks.append(pragma)
        return real(path, pragma)

    monkeypatch.setattr(sqlite_file, "_check", spy)
    damage(paths.database)
    open_context(str(paths.data_dir), None).close()
    assert checks[:2] == ["quick_check", "integrity_check"]
    assert len(aside(paths)) == 1


def test_try_acquire_says_whether_the_lock_is_free(paths: Paths) -> None:
    first, second = TrackerLock(paths.lock_file), TrackerLock(paths.lock_file)
    assert first.try_acquire()
    assert not second.try_acquire()
    first.release()
    assert second.try_acquire()
    second.release()
