"""The self-pipe that ends a probe's wait early, and the descriptors it watches."""

from __future__ import annotations

import os
import select

from wellbeing.platform.wakeup import Wakeup


def readable(fds: list[int]) -> list[int]:
    return select.select(fds, [], [], 0)[0]


def test_a_wake_is_readable_until_drained_and_many_wakes_are_one() -> None:
    wakeup = Wakeup()
    try:
        assert readable(wakeup.fds()) == []
        for _ in range(100_000):  # more than a pipe holds: the extra wakes are dropped
            wakeup.wake()
        assert readable(wakeup.fds()) == [wakeup.read_fd]
        wakeup.drain()
        assert readable(wakeup.fds()) == []
    finally:
        wakeup.close()


def test_watched_descriptors_join_the_wait_until_unwatched() -> None:
    wakeup = Wakeup()
    news_r, news_w = os.pipe()
    try:
        wakeup.watch(news_r)
        wakeup.watch(news_r)  # once is enough
        assert wakeup.fds() == [wakeup.read_fd, news_r]
        os.write(news_w, b"x")
        assert readable(wakeup.fds()) == [news_r]
        wakeup.unwatch(news_r)
        assert wakeup.fds() == [wakeup.read_fd]
    finally:
        wakeup.close()
        os.close(news_r)
        os.close(news_w)


def test_close_is_idempotent_and_a_late_wake_is_harmless() -> None:
    wakeup = Wakeup()
    wakeup.close()
    wakeup.close()
    wakeup.wake()  # e.g. a signal handler after shutdown
