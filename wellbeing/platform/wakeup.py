"""Ending a blocked wait early: a self-pipe, plus descriptors whose news should end it.

A probe that sleeps in ``select`` (the X11 probe's ``wait_for_change``) adds
:meth:`Wakeup.fds` to what it waits on. :meth:`Wakeup.wake` makes the pipe
readable, from any thread or a signal handler (pause, resume, stop);
descriptors given to :meth:`Wakeup.watch` (the logind lock signals' socket)
end the wait when they are readable, and their owner reads them.
"""

from __future__ import annotations

import contextlib
import os


class Wakeup:
    """A non-blocking self-pipe and a list of watched descriptors."""

    def __init__(self) -> None:
        self.read_fd, self._write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        os.set_blocking(self._write_fd, False)
        self._watched: list[int] = []
        self._closed = False

    def fds(self) -> list[int]:
        """The descriptors a wait must include: the pipe's read end, then the watched ones."""
        return [self.read_fd, *self._watched]

    def wake(self) -> None:
        """Make the pipe readable (a no-op once closed); safe from threads and signal handlers."""
        if self._closed:
            return
        with contextlib.suppress(OSError):  # full: a wake is pending anyway
            os.write(self._write_fd, b"w")

    def drain(self) -> None:
        """Read every pending wake, so the next wait blocks again."""
        with contextlib.suppress(OSError):  # BlockingIOError once it is empty
            while os.read(self.read_fd, 512):
                pass

    def watch(self, fd: int) -> None:
        """Also end waits when ``fd`` is readable (it is not closed here)."""
        if fd not in self._watched:
            self._watched.append(fd)

    def unwatch(self, fd: int) -> None:
        """Stop watching ``fd`` (call before it is closed)."""
        if fd in self._watched:
            self._watched.remove(fd)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for fd in (self.read_fd, self._write_fd):
            os.close(fd)
