from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from wellbeing.errors import AlreadyRunning
from wellbeing.platform.instance import TrackerLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses kill -9 and fcntl")

HOLD = textwrap.dedent(
    """
    import sys, time
    from wellbeing.platform.instance import TrackerLock
    lock = TrackerLock(sys.argv[1])
    lock.acquire()
    print("held", flush=True)
    time.sleep(120)
    """
)

TRY = textwrap.dedent(
    """
    import sys
    from wellbeing.errors import AlreadyRunning
    from wellbeing.platform.instance import TrackerLock
    try:
        TrackerLock(sys.argv[1]).acquire()
    except AlreadyRunning as exc:
        print(exc.message)
        sys.exit(exc.exit_code + 10)
    print("acquired")
    """
)


def run_try(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", TRY, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], Path]]:
    path = tmp_path / "tracker.lock"
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "held"
        yield proc, path
    finally:
        proc.kill()
        proc.wait(10)


def test_acquire_writes_our_pid_into_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "tracker.lock"
    with TrackerLock(path) as lock:
        assert path.read_text().strip() == str(os.getpid())
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert lock.holder_pid() == os.getpid()
    assert not lock.held
    assert path.exists()  # left in place, harmless


def test_second_process_is_refused_with_the_holders_pid(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    proc, path = holder
    result = run_try(path)
    assert result.returncode == AlreadyRunning.exit_code + 10, result.stderr
    assert f"(pid {proc.pid})" in result.stdout
    assert "Stop it first, or use another --data-dir." in result.stdout


def test_same_process_second_lock_object_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "tracker.lock"
    with TrackerLock(path), pytest.raises(AlreadyRunning, match=f"pid {os.getpid()}"):
        TrackerLock(path).acquire()


def test_lock_of_a_killed_holder_does_not_block(
    holder: tuple[subprocess.Popen[str], Path],
) -> None:
    proc, path = holder
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert path.read_text().strip() == str(proc.pid)  # the file is still there, with the dead pid
    result = run_try(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "acquired"


def test_release_lets_another_process_in(tmp_path: Path) -> None:
    path = tmp_path / "tracker.lock"
    lock = TrackerLock(path)
    lock.acquire()
    lock.acquire()  # idempotent
    assert run_try(path).returncode != 0
    lock.release()
    lock.release()  # idempotent
    assert run_try(path).stdout.strip() == "acquired"


def test_unwritable_place_is_a_storage_error(tmp_path: Path) -> None:
    from wellbeing.errors import StorageUnavailable

    with pytest.raises(StorageUnavailable, match="lock file"):
        TrackerLock(tmp_path / "missing-dir" / "tracker.lock").acquire()


BRIEF = textwrap.dedent(
    """
    import sys, time
    from wellbeing.platform.instance import TrackerLock
    lock = TrackerLock(sys.argv[1])
    lock.acquire()
    print("held", flush=True)
    time.sleep(0.3)  # what a probe (report, doctor) does, only slower
    lock.release()
    time.sleep(30)
    """
)


def test_a_start_that_meets_a_probe_waits_for_it(tmp_path: Path) -> None:
    """A probe holds the lock for an instant; a starting tracker gets it a moment later
    instead of saying "already running" (a relaunched app once quit that way)."""
    path = tmp_path / "tracker.lock"
    probe = subprocess.Popen([sys.executable, "-c", BRIEF, str(path)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert probe.stdout is not None
        assert probe.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning):
            TrackerLock(path).acquire()  # no patience: refused while the probe holds it
        with TrackerLock(path) as lock:  # a start's patience
            assert lock.held
    finally:
        probe.kill()
        probe.wait(10)
