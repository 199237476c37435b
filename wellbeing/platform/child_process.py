"""Child processes of the long-running tracker, started without ``subprocess`` where it can.

The tray app and ``wellbeing track`` start a few children: the upkeep ``prepare``
once at start and a labelling child now and then (``services.headless``), and a
desktop's tool such as ``dunstctl`` (``platform.dnd``). On POSIX systems they are
started with ``os.posix_spawn`` and read through pipes, so the process that runs
for weeks never imports ``subprocess`` (nor the ``locale`` module it imports: 0.15
MiB of the tray app at rest, issue 11).
Elsewhere (Windows) the same functions use ``subprocess``. :func:`which` finds a
program and :func:`unnamed_file` makes a child's input file without ``shutil``
and ``tempfile`` (which import ``bz2``, ``lzma`` and ``random``), which
``wellbeing track`` otherwise loads for nothing else (the tray app's PySide6
imports them anyway).

The children get this process's environment, ``/dev/null`` where they need no
input or output, and no other open file, as ``subprocess`` closes them: Python's
own descriptors are not inheritable, and those that are (left open by whoever
started this process) are closed in the child.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

_SPAWN = hasattr(os, "posix_spawn")
_O_TMPFILE = getattr(os, "O_TMPFILE", 0)  # Linux's unnamed files
_POLL_S = 0.02  # how often wait() looks for the child's end


@dataclass(frozen=True)
class Finished:
    """A child that ended: its exit code (negative: killed by that signal) and output."""

    code: int
    stdout: str
    stderr: str


def run(argv: list[str], *, timeout: float, env: Mapping[str, str] | None = None) -> Finished:
    """Run ``argv`` with no input, and collect what it writes.

    ``argv[0]`` is a path, or a name looked up in ``PATH``; ``env`` is the child's
    environment (default: this process').

    Raises:
        OSError: it could not be started.
        TimeoutError: it ran longer than ``timeout`` seconds (it was killed).
    """
    if not _SPAWN:
        return _run_with_subprocess(argv, timeout, env)
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ if env is None else env, file_actions=[
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_DUP2, out_w, 1),
            (os.POSIX_SPAWN_DUP2, err_w, 2),
            *_close_inherited(),
        ])
    except OSError:
        os.close(out_r)
        os.close(err_r)
        raise
    finally:
        os.close(out_w)
        os.close(err_w)
    read: dict[int, list[bytes]] = {out_r: [], err_r: []}
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        for fd in read:
            selector.register(fd, selectors.EVENT_READ)
        try:
            while selector.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    _kill(pid)
                    raise TimeoutError(f"{argv[0]} ran longer than {timeout:g} s")
                for key, _events in selector.select(left):
                    data = os.read(key.fd, 65536)
                    if data:
                        read[key.fd].append(data)
                    else:
                        selector.unregister(key.fd)
        finally:
            for fd in read:
                os.close(fd)
    _, status = os.waitpid(pid, 0)
    return Finished(
        os.waitstatus_to_exitcode(status),
        b"".join(read[out_r]).decode("utf-8", "replace"),
        b"".join(read[err_r]).decode("utf-8", "replace"),
    )


class Child:
    """A child left to run (:func:`start`)."""

    def __init__(self, pid: int, popen: Any = None) -> None:
        self.pid = pid
        self._popen = popen  # a subprocess.Popen where there is no posix_spawn
        self._code: int | None = None

    def poll(self) -> int | None:
        """Its exit code once it ended (reaped then), else None."""
        if self._popen is not None:
            code: int | None = self._popen.poll()
            return code
        if self._code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._code = os.waitstatus_to_exitcode(status)
        return self._code

    def wait(self, timeout: float) -> int:
        """Its exit code, waiting up to ``timeout`` seconds; TimeoutError if still running."""
        deadline = time.monotonic() + timeout
        while (code := self.poll()) is None:
            if time.monotonic() >= deadline:
                raise TimeoutError(f"child {self.pid} still runs after {timeout:g} s")
            time.sleep(_POLL_S)
        return code


def start(argv: list[str], *, stdin_fd: int) -> Child:
    """Start ``argv`` reading the open file ``stdin_fd``, its output to ``/dev/null``.

    The file is handed over at once; the caller may close its own descriptor then.

    Raises:
        OSError: it could not be started.
    """
    if not _SPAWN:
        import subprocess

        popen = subprocess.Popen(argv, stdin=stdin_fd, stdout=subprocess.DEVNULL)
        return Child(popen.pid, popen)
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_DUP2, stdin_fd, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        *_close_inherited(keep=stdin_fd),
    ])
    return Child(pid)


def which(name: str) -> str | None:
    """The program ``name`` as :func:`shutil.which` finds it on ``PATH`` (None if it is not there).

    On POSIX without importing ``shutil``; elsewhere (Windows: ``PATHEXT``) by ``shutil``.
    """
    if os.name != "posix":
        import shutil

        return shutil.which(name)
    if os.path.dirname(name):
        return name if _is_program(name) else None
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        candidate = os.path.join(folder, name)
        if _is_program(candidate):
            return candidate
    return None


def _is_program(path: str) -> bool:
    return os.path.exists(path) and os.access(path, os.X_OK) and not os.path.isdir(path)


def unnamed_file(folder: Path) -> IO[bytes]:
    """A new read-write file in ``folder`` that has no name (0600; gone when closed).

    Linux's ``O_TMPFILE``, as :func:`tempfile.TemporaryFile` makes it there; elsewhere,
    or where the file system lacks it, :func:`tempfile.TemporaryFile` itself.
    """
    if _O_TMPFILE:
        try:
            fd = os.open(folder, _O_TMPFILE | os.O_RDWR, 0o600)
        except OSError:  # no unnamed files here (EOPNOTSUPP; EISDIR before Linux 3.11)
            pass  # tempfile tries the same, then a named file it removes at once
        else:
            return os.fdopen(fd, "w+b")
    import tempfile

    return tempfile.TemporaryFile(dir=folder)


def _close_inherited(keep: int = -1) -> list[tuple[int, int]]:
    """Actions closing, in the child, every inheritable descriptor above 2 (but ``keep``)."""
    for listing in ("/proc/self/fd", "/dev/fd"):
        try:
            names = os.listdir(listing)
        except OSError:
            continue
        actions = []
        for name in names:
            fd = int(name)
            if fd > 2 and fd != keep:
                try:
                    inherited = os.get_inheritable(fd)
                except OSError:  # the listing's own descriptor, closed by now
                    continue
                if inherited:
                    actions.append((os.POSIX_SPAWN_CLOSE, fd))
        return actions
    return []


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _run_with_subprocess(
    argv: list[str], timeout: float, env: Mapping[str, str] | None
) -> Finished:
    import subprocess

    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, check=False,
                              env=None if env is None else dict(env))
    except subprocess.TimeoutExpired as exc:
        raise TimeoutError(f"{argv[0]} ran longer than {timeout:g} s") from exc
    return Finished(done.returncode, done.stdout.decode("utf-8", "replace"),
                    done.stderr.decode("utf-8", "replace"))
