"""The Wayland connection's wait, over a pipe standing in for the compositor's socket."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.wakeup import Wakeup
from wellbeing.platform.wayland_conn import WaylandConnection, socket_path


class FakeDisplay:
    """Reads the pipe when told to, as libwayland reads the socket; counts dispatches."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.reads = 0

    def dispatch(self, *, block: bool = False) -> int:
        return 0

    def read(self) -> None:
        os.read(self.fd, 512)
        self.reads += 1

    def flush(self) -> int:
        return 0


@pytest.fixture
def conn() -> Iterator[tuple[WaylandConnection, int]]:
    read_fd, write_fd = os.pipe()
    connection = WaylandConnection.__new__(WaylandConnection)  # no compositor: wire it by hand
    connection.path = "test"
    connection.display = FakeDisplay(read_fd)
    connection._fd = read_fd
    connection._wakeup = Wakeup()
    yield connection, write_fd
    connection._wakeup.close()
    os.close(read_fd)
    os.close(write_fd)


def test_events_are_read_and_the_wait_may_go_on(conn: tuple[WaylandConnection, int]) -> None:
    connection, compositor = conn
    os.write(compositor, b"e")
    assert connection.wait(5.0)
    assert connection.display.reads == 1  # type: ignore[attr-defined]
    assert not connection.wait(0.0)  # nothing more: the timeout


def test_a_wake_that_comes_with_events_ends_the_wait(conn: tuple[WaylandConnection, int]) -> None:
    connection, compositor = conn
    os.write(compositor, b"e")
    connection.wake()
    assert not connection.wait(5.0)  # the wake is not lost behind the events
    assert connection.display.reads == 1  # type: ignore[attr-defined]  # and they were read


def test_a_watched_descriptor_ends_the_wait(conn: tuple[WaylandConnection, int]) -> None:
    connection, _ = conn
    read_fd, write_fd = os.pipe()
    try:
        connection.watch_fd(read_fd)
        os.write(write_fd, b"x")
        assert not connection.wait(5.0)
        connection.unwatch_fd(read_fd)
        assert not connection.wait(0.0)
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_socket_path(tmp_path: Path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert socket_path(env) == str(tmp_path / "wayland-1")
    assert socket_path({"WAYLAND_DISPLAY": "/run/x/wl"}) == "/run/x/wl"
    with pytest.raises(Unavailable, match="XDG_RUNTIME_DIR is not set"):
        socket_path({"WAYLAND_DISPLAY": "wayland-1"})
    with pytest.raises(Unavailable, match="WAYLAND_DISPLAY is not set"):
        socket_path({})
