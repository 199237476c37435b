"""Helpers for integration tests on a real X server: start clients, find, focus, retitle, kill.

Typical use (with the ``x_display`` fixture from tests/conftest.py)::

    with x_client(x_display, ["xterm", "-title", "wb-test"]) as term:
        activate(x_display, term.wid)
        info = wait_until(lambda: probe.active_window(), lambda w: w and w.title == "wb-test")

Clients are found by process id (``_NET_WM_PID``, or the X-Resource extension
for clients such as xcalc that do not set it), so several windows with the
same title or class do not confuse the helpers. Every helper that starts
something stops it again, also when the test fails.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_TIMEOUT = 15.0


def x_env(display: str) -> dict[str, str]:
    """The environment for a child process on ``display``."""
    return {**os.environ, "DISPLAY": display}


def wait_until(
    read: Callable[[], T],
    accept: Callable[[T], object] = bool,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    interval: float = 0.02,
    what: str = "condition",
) -> T:
    """Call ``read`` until ``accept(value)`` holds; return that value, or fail after ``timeout``.

    The timeout is a generous deadline for a slow machine, not a speed assertion.
    """
    deadline = time.monotonic() + timeout
    value = read()
    while not accept(value):
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout} s; last value: {value!r}")
        time.sleep(interval)
        value = read()
    return value


def xdotool(display: str, *args: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    """Run xdotool on ``display``; return its stdout (raises on failure)."""
    result = subprocess.run(
        ["xdotool", *args],
        env=x_env(display),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return result.stdout


def activate(display: str, wid: int) -> None:
    """Give ``wid`` the focus through the window manager and wait until it has it."""
    xdotool(display, "windowactivate", "--sync", str(wid))


def set_title(display: str, wid: int, title: str) -> None:
    """Change a window's title (``WM_NAME`` and ``_NET_WM_NAME``) from outside."""
    xdotool(display, "set_window", "--name", title, str(wid))


def press_key(display: str, key: str = "shift") -> None:
    """Send a key press (resets the X idle counter)."""
    xdotool(display, "key", key)


@contextmanager
def xlib_display(display: str) -> Iterator[Any]:
    """A python-xlib connection of the test's own, closed afterwards."""
    from Xlib import display as xdisplay

    d = xdisplay.Display(display)
    try:
        yield d
    finally:
        d.close()


def client_windows(d: Any) -> list[int]:
    """Window ids the window manager manages (root ``_NET_CLIENT_LIST``)."""
    from Xlib import Xatom

    prop = d.screen().root.get_full_property(d.intern_atom("_NET_CLIENT_LIST"), Xatom.WINDOW)
    return [int(w) for w in prop.value] if prop else []


def window_pid(d: Any, wid: int) -> int | None:
    """A window's pid: ``_NET_WM_PID``, else X-Resource; None if neither knows."""
    from Xlib import Xatom
    from Xlib.error import XError
    from Xlib.ext import res

    try:
        window = d.create_resource_object("window", wid)
        prop = window.get_property(d.intern_atom("_NET_WM_PID"), Xatom.CARDINAL, 0, 1)
        if prop and prop.value:
            return int(prop.value[0])
        if d.has_extension("X-Resource"):
            reply = d.res_query_client_ids([{"client": wid, "mask": res.LocalClientPIDMask}])
            for client in reply.ids:
                if client.value:
                    return int(client.value[0])
    except XError:
        return None
    return None


def has_net_wm_pid(display: str, wid: int) -> bool:
    """Whether the window sets ``_NET_WM_PID`` (xcalc does not)."""
    from Xlib import Xatom

    with xlib_display(display) as d:
        window = d.create_resource_object("window", wid)
        prop = window.get_property(d.intern_atom("_NET_WM_PID"), Xatom.CARDINAL, 0, 1)
        return bool(prop and prop.value)


@dataclass
class XClient:
    """A running X client and its managed top-level window."""

    proc: subprocess.Popen[bytes]
    wid: int
    display: str

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill(self, sig: int = signal.SIGTERM) -> None:
        """Stop the client (SIGTERM, then SIGKILL after 5 s) and reap it."""
        stop(self.proc, sig)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Stop a child process and reap it; harmless if it already ended."""
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def start_client(display: str, argv: Sequence[str], *, timeout: float = DEFAULT_TIMEOUT) -> XClient:
    """Start ``argv`` on ``display`` and wait until the window manager manages its window."""
    proc = subprocess.Popen(
        list(argv),
        env=x_env(display),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        with xlib_display(display) as d:
            wid = wait_until(
                lambda: next((w for w in client_windows(d) if window_pid(d, w) == proc.pid), 0),
                timeout=timeout,
                what=f"a managed window of {argv[0]} (pid {proc.pid})",
            )
    except BaseException:
        stop(proc)
        raise
    return XClient(proc, wid, display)


@contextmanager
def x_client(display: str, argv: Sequence[str]) -> Iterator[XClient]:
    """:func:`start_client` as a context manager that always stops the client."""
    client = start_client(display, argv)
    try:
        yield client
    finally:
        client.kill()


@contextmanager
def private_xvfb(*extra_args: str, window_manager: bool = False) -> Iterator[str]:
    """A throw-away Xvfb (optionally with openbox) on a free display; yields its name.

    ``extra_args`` go to Xvfb, e.g. ``"-extension", "MIT-SCREEN-SAVER"`` to take
    the idle extension away.
    """
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            "640x480x24",
            "-nolisten",
            "tcp",
            *extra_args,
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    wm: subprocess.Popen[bytes] | None = None
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not report a display number")
        display = f":{number}"
        if window_manager:
            wm = _start_openbox(display)
        yield display
    finally:
        if wm is not None:
            stop(wm)
        stop(server)


def _start_openbox(display: str, attempts: int = 3) -> subprocess.Popen[bytes]:
    """Start openbox on ``display`` and wait until it manages the screen.

    An openbox that exits before it is up (seen once in CI, under load) is
    started again; the last one's stderr is in the failure message.
    """
    for attempt in range(1, attempts + 1):
        log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as openbox; not a pipe
        wm = subprocess.Popen(
            ["openbox"], env=x_env(display), stdout=subprocess.DEVNULL, stderr=log
        )

        def read(wm: subprocess.Popen[bytes] = wm) -> str:
            if wm.poll() is not None:
                return "exited"
            return subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env=x_env(display), capture_output=True, text=True, check=False,
            ).stdout

        state = wait_until(
            read, lambda out: "window id" in out or out == "exited",
            what=f"openbox on the private Xvfb {display}",
        )
        if state != "exited":
            return wm
        log.seek(0)
        err = log.read().decode(errors="replace")
        log.close()
        if attempt == attempts:
            raise AssertionError(f"openbox exited {attempts} times on {display}: {err}")
    raise AssertionError("unreachable")


def have(*tools: str) -> bool:
    """Whether every named program is on PATH."""
    return all(shutil.which(t) for t in tools)
