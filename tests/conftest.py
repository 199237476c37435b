"""Shared fixtures: a fake clock, a private data dir, and the real parts integration tests need.

Integration parts (an X server with a window manager, PostgreSQL, a session
D-Bus with a notification daemon) are started by ``make test``. A test that
needs a missing part is skipped, unless WELLBEING_REQUIRE_INTEGRATION is set
(CI sets it): then it fails, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line speaks the language the environment asks for (LANGUAGE first); the
# tests compare its English words, so they ask for English whatever the machine's locale.
# Tests of another language set LANGUAGE themselves.
os.environ["LANGUAGE"] = "en"

from wellbeing.core.clock import FakeClock  # noqa: E402

REQUIRE_INTEGRATION = bool(os.environ.get("WELLBEING_REQUIRE_INTEGRATION"))


def require_part(available: bool, why: str) -> None:
    """Skip (or, in CI, fail) a test whose real part is missing."""
    if available:
        return
    if REQUIRE_INTEGRATION:
        pytest.fail(f"integration part missing (WELLBEING_REQUIRE_INTEGRATION is set): {why}")
    pytest.skip(why)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def _x_ready(display: str) -> bool:
    if not shutil.which("xprop"):
        return False
    res = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return res.returncode == 0 and "window id" in res.stdout


@pytest.fixture(scope="session")
def x_display() -> str:
    """The DISPLAY of a running X server with an EWMH window manager (make test starts one)."""
    display = os.environ.get("WELLBEING_TEST_DISPLAY") or os.environ.get("DISPLAY") or ""
    require_part(
        bool(display) and _x_ready(display),
        f"no X server with a window manager on DISPLAY={display!r} (run via make test)",
    )
    for tool in ("xdotool", "xterm"):
        require_part(shutil.which(tool) is not None, f"{tool} is not installed")
    return display


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A SQLAlchemy URL of a throw-away PostgreSQL database (make test starts one)."""
    url = os.environ.get("WELLBEING_TEST_PG_URL", "")
    require_part(bool(url), "WELLBEING_TEST_PG_URL is not set (run via make test)")
    return url


@pytest.fixture(scope="session")
def notification_bus() -> str:
    """The session bus address, with a notification daemon owning org.freedesktop.Notifications."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    ok = bool(address) and shutil.which("dbus-send") is not None
    if ok:
        res = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.Notifications",
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        ok = "boolean true" in res.stdout
    require_part(ok, "no session D-Bus with a notification daemon (run via make test)")
    return address
