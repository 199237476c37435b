"""The executable of a window's process, from Linux's /proc as psutil reads it, without psutil."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from wellbeing.platform.x11_identity import (
    executable_name,
    proc_executable_name,
    psutil_executable_name,
)

pytestmark = pytest.mark.skipif(not Path("/proc/self/exe").exists(), reason="needs Linux /proc")


@pytest.fixture
def sleeper(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
    """A copy of ``sleep`` whose file name is longer than the kernel's 15 bytes, running."""
    program = tmp_path / "a-sleeper-with-a-long-name"
    shutil.copy(shutil.which("sleep") or "/bin/sleep", program)
    proc = subprocess.Popen([str(program), "30"])
    yield program, proc
    proc.kill()
    proc.wait()


def test_every_process_here_is_named_as_psutil_names_it() -> None:
    compared = [(pid, proc_executable_name(pid), psutil_executable_name(pid))
                for pid in psutil.pids()]
    assert [c for c in compared if c[1] != c[2]] == []
    assert proc_executable_name(os.getpid()) == os.path.basename(os.path.realpath(sys.executable))


def test_a_long_name_a_deleted_file_and_a_zombie(
    sleeper: tuple[Path, subprocess.Popen[bytes]],
) -> None:
    program, proc = sleeper
    assert proc_executable_name(proc.pid) == "a-sleeper-with-a-long-name"
    program.unlink()  # the link now ends in " (deleted)"
    assert proc_executable_name(proc.pid) == psutil_executable_name(proc.pid)
    assert proc_executable_name(proc.pid) == "a-sleeper-with-a-long-name"
    proc.kill()
    deadline = time.monotonic() + 10
    while psutil.Process(proc.pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline
        time.sleep(0.01)
    # A zombie has no exe and an empty command line: its name, as the kernel cut it.
    assert proc_executable_name(proc.pid) == psutil_executable_name(proc.pid)
    assert proc_executable_name(proc.pid) == "a-sleeper-with-"
    proc.wait()
    assert proc_executable_name(proc.pid) is None
    assert executable_name(proc.pid) is None


def fake_process(root: Path, pid: int, *, comm: bytes, cmdline: bytes | None,
                 exe: str | None) -> None:
    base = root / str(pid)
    base.mkdir(parents=True)
    (base / "stat").write_bytes(b"%d (%s) S 1 1 1 0 -1" % (pid, comm))
    if cmdline is not None:
        (base / "cmdline").write_bytes(cmdline)
    if exe is not None:
        (base / "exe").symlink_to(exe)


@pytest.mark.parametrize(
    ("comm", "cmdline", "exe", "expected"),
    [
        (b"bash", b"bash\0", "/usr/bin/bash", "bash"),
        (b"name (with) par", b"", None, "name (with) par"),  # parentheses in the name
        (b"gnome-keyring-d", b"/usr/bin/gnome-keyring-daemon\0--start\0", None,
         "gnome-keyring-daemon"),
        (b"gnome-keyring-d", b"/usr/bin/gnome-keyring-daemon --start", None,
         "gnome-keyring-daemon"),  # rewritten: spaces, no NUL
        (b"gnome-keyring-d", b"/usr/bin/gnome-keyring-daemon --start\0", None,
         "gnome-keyring-daemon"),  # rewritten: one argument with spaces
        (b"some-long-proce", b"/usr/bin/other\0", None, "some-long-proce"),
        (b"some-long-proce", None, None, None),  # gone while it was read
    ],
)
def test_the_name_when_the_link_cannot_be_read(
    tmp_path: Path, comm: bytes, cmdline: bytes | None, exe: str | None, expected: str | None
) -> None:
    fake_process(tmp_path, 42, comm=comm, cmdline=cmdline, exe=exe)
    assert proc_executable_name(42, proc=tmp_path) == expected


def test_a_process_that_is_gone_has_no_name(tmp_path: Path) -> None:
    assert proc_executable_name(42, proc=tmp_path) is None
