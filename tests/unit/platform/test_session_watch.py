from __future__ import annotations

import os
import select

import pytest

from wellbeing.platform.session_watch import InhibitAwareIdle, SessionWatch


class Source:
    """A session source over a pipe: writing to it is "news"; ``lose()`` drops it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.locked = False
        self.preparing_sleep = False
        self.idle_held = False
        self.read_fd, self.write_fd = os.pipe()
        self.lost = False
        self.refreshes = 0
        self.readies = 0
        self.closed = False

    def news(self) -> None:
        os.write(self.write_fd, b"x")

    def refresh(self) -> None:
        self.refreshes += 1
        if select.select([self.read_fd], [], [], 0)[0]:
            os.read(self.read_fd, 64)

    def fileno(self) -> int | None:
        return None if self.lost else self.read_fd

    def ready_for_sleep(self) -> None:
        self.readies += 1

    def close(self) -> None:
        self.closed = True
        for fd in (self.read_fd, self.write_fd):
            os.close(fd)


@pytest.fixture
def sources() -> tuple[Source, Source]:
    return Source("logind"), Source("screen saver")


def readable(fd: int | None) -> bool:
    assert fd is not None
    return bool(select.select([fd], [], [], 0)[0])


def test_one_descriptor_turns_readable_on_either_sources_news(
    sources: tuple[Source, Source],
) -> None:
    a, b = sources
    watch = SessionWatch([a, b])
    fd = watch.fileno()
    assert fd not in (a.read_fd, b.read_fd)
    assert not readable(fd)
    b.news()
    assert readable(fd)
    watch.refresh()
    assert not readable(fd)
    a.news()
    assert readable(fd)
    watch.close()
    assert a.closed
    assert b.closed


def test_a_single_source_is_waited_on_directly(sources: tuple[Source, Source]) -> None:
    a, b = sources
    watch = SessionWatch([a])
    assert watch.fileno() == a.read_fd
    assert watch.name == "logind"
    watch.close()
    b.close()


def test_lost_sources_leave_the_set_and_none_left_means_no_descriptor(
    sources: tuple[Source, Source],
) -> None:
    a, b = sources
    watch = SessionWatch([a, b])
    a.lost = True
    watch.refresh()
    assert watch.fileno() is not None
    b.lost = True
    watch.refresh()
    assert watch.fileno() is None
    watch.close()


def test_any_source_locks_sleeps_or_inhibits(sources: tuple[Source, Source]) -> None:
    a, b = sources
    now = [50.0]
    watch = SessionWatch([a, b], monotonic=lambda: now[0])
    assert watch.is_locked() is False
    b.locked = True
    assert watch.is_locked() is True
    a.preparing_sleep = True
    assert watch.preparing_for_sleep() is True
    watch.ready_for_sleep()
    assert (a.readies, b.readies) == (1, 1)
    assert watch.effective_idle(300.0) == 300.0
    a.idle_held = True
    assert watch.effective_idle(300.0) == 0.0
    a.idle_held, b.idle_held = False, True  # handed over: still held, no release
    now[0] = 60.0
    assert watch.effective_idle(300.0) == 0.0
    b.idle_held = False
    watch.refresh()  # the release is noted when it is learned
    now[0] = 70.0
    assert watch.effective_idle(300.0) == 10.0
    watch.close()


def test_the_idle_probe_wrapper_keeps_its_probes_name_and_closes_it(
    sources: tuple[Source, Source],
) -> None:
    class Idle:
        name = "x11 screensaver"
        closed = False

        def idle_seconds(self) -> float:
            return 42.0

        def close(self) -> None:
            self.closed = True

    a, b = sources
    watch = SessionWatch([a, b])
    inner = Idle()
    idle = InhibitAwareIdle(inner, watch)
    assert idle.name.startswith("x11 screensaver")
    assert idle.idle_seconds() == 42.0
    idle.close()
    assert inner.closed
    assert not a.closed  # the session probe is closed by the platform, not by idle
    watch.close()


def test_a_watch_needs_a_source() -> None:
    with pytest.raises(ValueError, match="at least one source"):
        SessionWatch([])
