"""Headless Wayland compositors for the tests: sway (as a throw-away user) and weston.

sway refuses to run as root ("Unable to drop root"), so as root it runs as the
user :data:`SWAY_USER` (created here with ``useradd`` if missing); otherwise as
the current user. Its runtime directory is a fresh 0700 directory owned by that
user; clients, ``swaymsg`` and wellbeing run as the test's own user (root can
open the user's socket). weston runs as whoever runs the tests. Each compositor
is stopped, and the processes started on it with it, when its ``close`` runs.
Recipes and traps: ``research/wayland-testing.md`` sections 1 and 4.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.integration.xhelpers import stop, wait_until

SWAY_USER = "wellbeing-sway"
"""The unprivileged user sway runs as when the tests run as root."""

SWAY_CONFIG = "xwayland disable\noutput HEADLESS-1 resolution 1280x800\n"


@dataclass
class Compositor:
    """A running headless compositor and the clients started on it."""

    proc: subprocess.Popen[bytes]
    runtime_dir: Path
    wayland_display: str
    log_file: Path
    swaysock: str | None = None
    clients: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a client: this compositor only (no X display, no user bus)."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("WELLBEING_")
            and k not in ("DISPLAY", "WAYLAND_DISPLAY", "SWAYSOCK", "XDG_SESSION_TYPE")
        }
        env.update(XDG_RUNTIME_DIR=str(self.runtime_dir), WAYLAND_DISPLAY=self.wayland_display)
        if self.swaysock:
            env["SWAYSOCK"] = self.swaysock
        env.update(extra)
        return env

    def spawn(self, argv: Sequence[str]) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            list(argv), env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.clients.append(proc)
        return proc

    def swaymsg(self, *args: str) -> str:
        res = subprocess.run(
            ["swaymsg", *args], env=self.env(), capture_output=True, text=True, timeout=20
        )
        if res.returncode != 0:
            raise AssertionError(f"swaymsg {args} failed: {res.stdout}{res.stderr}")
        return res.stdout

    def focused_app_id(self) -> str | None:
        """The app_id sway's tree marks focused (swaymsg -t get_tree)."""
        import json

        def walk(node: dict[str, object]) -> str | None:
            if node.get("focused") and node.get("app_id"):
                return str(node["app_id"])
            for key in ("nodes", "floating_nodes"):
                for child in node.get(key, []):  # type: ignore[attr-defined]
                    found = walk(child)
                    if found:
                        return found
            return None

        return walk(json.loads(self.swaymsg("-t", "get_tree", "-r")))

    def log(self) -> str:
        return self.log_file.read_text(errors="replace")[-3000:]

    def close(self) -> None:
        for client in self.clients:
            stop(client)
        stop(self.proc)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def _sway_user() -> pwd.struct_passwd | None:
    """The user to run sway as: None to run it as ourselves (we are not root)."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SWAY_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--create-home", "--shell", "/usr/sbin/nologin", SWAY_USER],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return pwd.getpwnam(SWAY_USER)


def _socket(runtime_dir: Path) -> str | None:
    names = [p.name for p in runtime_dir.glob("wayland-*") if not p.name.endswith(".lock")]
    return names[0] if names else None


def start_sway() -> Compositor:
    """Start sway headless (its own runtime dir and config) and wait for its sockets."""
    user = _sway_user()
    runtime_dir = Path(tempfile.mkdtemp(prefix="wellbeing-sway-"))
    (runtime_dir / "sway.cfg").write_text(SWAY_CONFIG)
    log_file = Path(tempfile.mkstemp(prefix="wellbeing-sway-", suffix=".log")[1])
    home = runtime_dir
    argv = ["sway", "-c", str(runtime_dir / "sway.cfg")]
    if user is not None:
        os.chown(runtime_dir, user.pw_uid, user.pw_gid)
        os.chmod(runtime_dir / "sway.cfg", 0o644)
        home = Path(user.pw_dir)
        argv = [
            "setpriv",
            f"--reuid={user.pw_uid}",
            f"--regid={user.pw_gid}",
            "--init-groups",
            *argv,
        ]  # setpriv execs: the child is sway itself
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "XDG_RUNTIME_DIR": str(runtime_dir),
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman",
    }
    with log_file.open("wb") as log:
        proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT)

    def ready() -> tuple[str, str] | None:
        if proc.poll() is not None:
            raise AssertionError(f"sway exited with {proc.returncode}:\n{log_file.read_text()}")
        socks = list(runtime_dir.glob("sway-ipc.*.sock"))
        name = _socket(runtime_dir)
        return (str(socks[0]), name) if socks and name else None

    try:
        swaysock, name = wait_until(ready, timeout=30, what="sway's sockets")
    except BaseException:
        stop(proc)
        raise
    return Compositor(proc, runtime_dir, name, log_file, swaysock=swaysock)


def start_weston() -> Compositor:
    """Start weston headless on a socket of its own (it offers neither protocol we use)."""
    runtime_dir = Path(tempfile.mkdtemp(prefix="wellbeing-weston-"))
    log_file = Path(tempfile.mkstemp(prefix="wellbeing-weston-", suffix=".log")[1])
    name = "wl-wellbeing-weston"
    env = {
        "HOME": str(runtime_dir),
        "PATH": "/usr/bin:/bin",
        "XDG_RUNTIME_DIR": str(runtime_dir),
    }
    with log_file.open("wb") as log:
        proc = subprocess.Popen(
            [
                "weston",
                "--backend=headless-backend.so",
                "--use-pixman",
                "--width=1280",
                "--height=800",
                f"--socket={name}",
                "--idle-time=0",
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def ready() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"weston exited with {proc.returncode}:\n{log_file.read_text()}")
        return (runtime_dir / name).exists()

    try:
        wait_until(ready, timeout=30, what="weston's socket")
    except BaseException:
        stop(proc)
        raise
    return Compositor(proc, runtime_dir, name, log_file)


@contextlib.contextmanager
def foot_window(sway: Compositor, app_id: str, title: str) -> Iterator[subprocess.Popen[bytes]]:
    """A foot terminal with ``app_id``, mapped and focused once it appears."""
    proc = sway.spawn(["foot", f"--app-id={app_id}", f"--title={title}", "sleep", "600"])
    wait_until(
        lambda: app_id in sway.swaymsg("-t", "get_tree"),
        timeout=30,
        what=f"foot window {app_id}",
    )
    try:
        yield proc
    finally:
        stop(proc)


def wait_focused(sway: Compositor, app_id: str) -> float:
    """Focus ``app_id`` with swaymsg; the monotonic time it returned (sway's tree confirms it)."""
    sway.swaymsg(f"[app_id={app_id}] focus")
    done = time.monotonic()
    wait_until(sway.focused_app_id, lambda got: got == app_id, what=f"{app_id} focused")
    return done
