"""One connection to a Wayland compositor, through pywayland: globals, waiting, closing.

:class:`WaylandConnection` connects (by the ``WAYLAND_DISPLAY`` of the
environment it is given, so a test can point it at its own compositor), lists
the compositor's globals with one round trip, binds the ones a backend asks for
and runs the event loop in the caller's thread: :meth:`WaylandConnection.wait`
blocks in ``select()`` on the display socket plus a :class:`.Wakeup` (so
another thread, a signal handler or a watched descriptor can end it), reads
what arrived and dispatches it to the handlers; :meth:`WaylandConnection.pump`
does the same without blocking. Nothing is polled: when the compositor sends
nothing, the process sleeps.

Several users may share the connection (the foreground and the idle probe
do): each registers what must be destroyed before the connection goes
(:meth:`WaylandConnection.on_close`), and the first ``close`` runs them all,
makes a round trip so the compositor has seen the destructors, and
disconnects. pywayland 0.4.19 crashes the interpreter at exit (SIGSEGV) when a
connection is left with live proxies to the garbage collector, so ``close``
must be called: the platform's ``close`` does, and an ``atexit`` hook does it
for a connection still open when the interpreter ends.

pywayland is imported here only when a connection is made; it is an optional
dependency (``pip install 'wellbeing[wayland]'``).
"""

from __future__ import annotations

import atexit
import logging
import os
import select
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from wellbeing.core.i18n import translate
from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP
from wellbeing.errors import Unavailable
from wellbeing.platform.wakeup import Wakeup

__all__ = ["GlobalInfo", "WaylandConnection", "socket_path"]

log = logging.getLogger("wellbeing.platform")

PYWAYLAND_HINT = QT_TRANSLATE_NOOP(
    "Platform", "install the Wayland extra: pip install 'wellbeing[wayland]' (it adds pywayland)")


@dataclass(frozen=True, slots=True)
class GlobalInfo:
    """A global the compositor offers: its registry name and the version it speaks."""

    name: int
    version: int


def socket_path(env: Mapping[str, str]) -> str:
    """The compositor's socket from ``WAYLAND_DISPLAY`` (and ``XDG_RUNTIME_DIR``), as libwayland.

    Raises:
        Unavailable: ``WAYLAND_DISPLAY`` is unset (not a Wayland session), or relative
            with no ``XDG_RUNTIME_DIR``.
    """
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        raise Unavailable(
            translate("Platform", "WAYLAND_DISPLAY is not set: this is not a Wayland session"),
            hint=translate("Platform", "run wellbeing inside your Wayland desktop session"),
        )
    if os.path.isabs(name):
        return name
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not runtime:
        raise Unavailable(
            translate("Platform", "WAYLAND_DISPLAY is {name} but XDG_RUNTIME_DIR is not set, so "
                                  "its socket cannot be found").format(name=repr(name)),
            hint=translate("Platform",
                           "run wellbeing inside your desktop session (it sets XDG_RUNTIME_DIR)"),
        )
    return os.path.join(runtime, name)


class WaylandConnection:
    """A pywayland client connection with its registry's globals.

    Args:
        env: where ``WAYLAND_DISPLAY`` and ``XDG_RUNTIME_DIR`` are read.

    Attributes:
        path: the compositor's socket.
        globals: interface name -> the first such global offered.

    Raises:
        Unavailable: not a Wayland session, pywayland is missing, or the compositor
            refuses the connection.
    """

    def __init__(self, env: Mapping[str, str]) -> None:
        self.path = socket_path(env)
        try:
            from pywayland.client.display import Display
        except ImportError as exc:
            raise Unavailable(translate("Platform", "pywayland is not installed"),
                              hint=translate("Platform", PYWAYLAND_HINT)) from exc
        display: Any = Display(self.path)
        try:
            display.connect()
        except ValueError as exc:
            raise Unavailable(translate(
                "Platform", "cannot connect to the Wayland compositor at {path}").format(
                path=self.path)) from exc
        self.display: Any = display
        self.globals: dict[str, GlobalInfo] = {}
        self._closers: list[Callable[[], None]] = []
        self._closed = False
        self._wakeup = Wakeup()
        self._fd: int = display.get_fd()
        self._registry: Any = display.get_registry()
        self._registry.dispatcher["global"] = self._on_global
        self._registry.dispatcher["global_remove"] = self._on_global_remove
        atexit.register(self.close)  # else pywayland segfaults at interpreter exit
        try:
            self.roundtrip()
        except Unavailable:
            self.close()
            raise

    # -- globals ---------------------------------------------------------------------------

    def _on_global(self, _registry: Any, name: int, interface: str, version: int) -> None:
        self.globals.setdefault(interface, GlobalInfo(name, version))

    def _on_global_remove(self, _registry: Any, name: int) -> None:
        for interface, info in list(self.globals.items()):
            if info.name == name:
                del self.globals[interface]

    def bind(self, interface: Any, most: int) -> Any:
        """Bind the global of ``interface`` (a generated class) at the highest version both speak.

        Raises:
            KeyError: the compositor does not offer it.
        """
        info = self.globals[interface.name]
        return self._registry.bind(info.name, interface, min(info.version, most))

    def offers(self, interface_name: str) -> bool:
        return interface_name in self.globals

    # -- the event loop ----------------------------------------------------------------------

    def roundtrip(self) -> None:
        """Send what is queued and wait until the compositor answered it (handlers run)."""
        try:
            if self.display.roundtrip() < 0:
                raise self._lost("the round trip failed")
        except RuntimeError as exc:
            raise self._lost(str(exc)) from exc

    def pump(self) -> None:
        """Dispatch whatever has arrived, without blocking."""
        self._dispatch(select.select([self._fd], [], [], 0)[0])

    def wait(self, timeout: float) -> bool:
        """Block up to ``timeout`` s for the compositor; dispatch what came.

        Returns:
            True when events were read and dispatched; False at the timeout, or when
            :meth:`wake` was called or a watched descriptor is readable (events that
            came at the same moment are dispatched too: a wake is never lost).

        Raises:
            Unavailable: the connection to the compositor was lost.
        """
        self._dispatch([])  # anything a round trip queued, then flush our requests
        readable, _, _ = select.select([self._fd, *self._wakeup.fds()], [], [], max(0.0, timeout))
        if self._wakeup.read_fd in readable:
            self._wakeup.drain()
        if self._fd in readable:
            self._dispatch(readable)
        return readable == [self._fd]  # only the compositor spoke: the caller may wait on

    def wait_until(self, deadline: float) -> bool:
        """:meth:`wait` until a monotonic ``deadline``."""
        return self.wait(deadline - time.monotonic())

    def _dispatch(self, readable: list[int]) -> None:
        try:
            self.display.dispatch(block=False)
            if self._fd in readable:
                self.display.read()  # readable: read_events does not block
                self.display.dispatch(block=False)
            self.display.flush()
        except RuntimeError as exc:
            raise self._lost(str(exc)) from exc

    def _lost(self, reason: str) -> Unavailable:
        return Unavailable(
            translate("Platform", "lost the connection to the Wayland compositor at {path}: "
                                  "{reason}").format(path=self.path, reason=reason)
        )

    def wake(self) -> None:
        """Make a :meth:`wait` in progress (or the next one) return now; any thread, signals too."""
        self._wakeup.wake()

    def fileno(self) -> int:
        """The connection's socket, for a caller that waits elsewhere, then calls :meth:`pump`."""
        return self._fd

    def watch_fd(self, fd: int) -> None:
        """Also end :meth:`wait` (False) when ``fd`` is readable; not closed here."""
        self._wakeup.watch(fd)

    def unwatch_fd(self, fd: int) -> None:
        self._wakeup.unwatch(fd)

    # -- closing -------------------------------------------------------------------------------

    def on_close(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` (destroy the caller's objects) when the connection closes."""
        self._closers.append(closer)

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Destroy every user's objects, let the compositor see it, disconnect. Idempotent."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        try:
            for closer in reversed(self._closers):
                closer()
            self._registry.destroy()
            self.display.roundtrip()
        except RuntimeError as exc:  # the compositor is gone already
            log.debug("closing the Wayland connection: %s", exc)
        self.display.disconnect()
        self._wakeup.close()
