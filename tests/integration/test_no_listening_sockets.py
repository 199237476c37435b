"""``wellbeing track`` on a real X server: its sockets are client ones, none listens, none is IP.

The README's privacy section promises no listening sockets and no network
calls of our own. The tracker runs against the real Xvfb; while it records,
each socket among its open files is looked up in the kernel's tables: no
TCP, UDP or raw socket at all, and no Unix socket in the listening state.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.e2e.helpers import cli_command, cli_env, wait_until_tracking

pytestmark = [pytest.mark.x11, pytest.mark.slow]

IP_TABLES = ("tcp", "tcp6", "udp", "udp6", "raw", "raw6", "udplite", "udplite6")
UNIX_LISTENING = 0x10000  # __SO_ACCEPTCON in /proc/net/unix's Flags column


def socket_inodes(pid: int) -> set[int]:
    """The inodes of the sockets process ``pid`` holds open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = fd.readlink().name
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(int(target[len("socket:["):-1]))
    return inodes


def ip_socket_inodes(pid: int) -> set[int]:
    """Inodes of every IP socket in the process's network namespace."""
    found = set()
    for table in IP_TABLES:
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            found.add(int(line.split()[9]))
    return found


def unix_sockets(pid: int) -> dict[int, int]:
    """Inode -> flags of every Unix socket in the process's network namespace."""
    found = {}
    for line in Path(f"/proc/{pid}/net/unix").read_text().splitlines()[1:]:
        fields = line.split()
        found[int(fields[6])] = int(fields[3], 16)
    return found


def test_the_tracker_only_holds_client_sockets(x_display: str, data_dir: Path) -> None:
    env = cli_env({"DISPLAY": x_display})
    proc = subprocess.Popen(
        cli_command("track", "--poll", "0.2", data_dir=data_dir), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        wait_until_tracking(proc, data_dir)
        time.sleep(1.0)  # recording
        ours = socket_inodes(proc.pid)
        ip = ours & ip_socket_inodes(proc.pid)
        unix = unix_sockets(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert ours, "no socket at all: the X connection should be one (is the scan broken?)"
    assert ip == set()
    assert ours <= set(unix)  # every socket is a Unix one...
    assert [inode for inode in ours if unix[inode] & UNIX_LISTENING] == []  # ...and none listens
