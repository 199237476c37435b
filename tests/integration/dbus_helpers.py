"""D-Bus helpers for integration tests: an extra private bus, and dunst read back with dunstctl.

:func:`private_bus` starts a bus daemon of the test's own (no service
activation, so nothing answers there unless a test serves it) for "no
notification server" cases and for :mod:`tests.integration.fake_notifications`.
The dunst helpers talk to the dunst that ``scripts/test-services.sh`` runs on
the test session bus.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.conftest import require_part

_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def start_bus(tmp_path: Path) -> tuple[str, subprocess.Popen[str]]:
    """Start a bus daemon of the test's own: its address and process (stop it yourself)."""
    require_part(shutil.which("dbus-daemon") is not None, "dbus-daemon is not installed")
    config = tmp_path / "bus.conf"
    config.write_text(_CONFIG.format(dir=tmp_path))
    proc = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    if not address.startswith("unix:"):
        proc.kill()
        proc.wait(10)
        raise AssertionError(f"dbus-daemon printed {address!r}")
    return address, proc


@contextmanager
def private_bus(tmp_path: Path) -> Iterator[str]:
    """A fresh bus daemon for one test; yields its address and stops it afterwards."""
    address, proc = start_bus(tmp_path)
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(10)


def dunstctl(*args: str) -> str:
    res = subprocess.run(
        ["dunstctl", *args], capture_output=True, text=True, timeout=10, check=True
    )
    return res.stdout.strip()


def dunst_history() -> list[dict[str, Any]]:
    """dunst's history (closed notifications), newest first, as plain values."""
    data = json.loads(dunstctl("history"))["data"][0]
    return [{key: field["data"] for key, field in entry.items()} for entry in data]


def dunst_count(which: str) -> int:
    """How many notifications dunst has ``displayed``, ``waiting`` or in ``history``."""
    return int(dunstctl("count", which))
