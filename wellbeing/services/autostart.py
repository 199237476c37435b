"""Start at login: the XDG autostart entry, the Windows ``Run`` key, a macOS LaunchAgent.

:func:`autostart_for` gives the way of the system it runs on; each has
``enabled()``, ``enable(command)`` and ``disable()`` and says where it writes
(``where``). The command is :func:`launch_command`: the ``wellbeing`` program
that is running now (its absolute path), or ``python -m wellbeing`` with this
interpreter when it was started that way, plus ``--data-dir`` when a data
directory other than the default is in use, so the app that starts at login
records into the same place.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/wellbeing.desktop``
  (``~/.config/autostart``), a desktop entry whose ``Exec`` quotes each
  argument as the Desktop Entry Specification says. Turning it off deletes the
  file. Written 0600 like everything of ours.
- Windows: the value ``wellbeing`` under
  ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``, through a small
  registry seam (:class:`RunKey`) so the logic is tested on every system.
- macOS: ``~/Library/LaunchAgents/io.github.wellbeing.plist`` with
  ``RunAtLoad``; launchd reads it at the next login.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from wellbeing.paths import write_private
from wellbeing.platform import child_process

__all__ = [
    "Autostart", "LaunchAgent", "RunKey", "WindowsRun", "XdgAutostart",
    "autostart_for", "desktop_exec", "launch_command", "login_data_dir",
]

ENTRY_NAME = "wellbeing.desktop"
RUN_VALUE = "wellbeing"
AGENT_LABEL = "io.github.wellbeing"


class Autostart(Protocol):
    """Start at login, one system's way."""

    where: str

    def enabled(self) -> bool: ...

    def enable(self, command: Sequence[str]) -> None: ...

    def disable(self) -> None: ...


def launch_command(data_dir: Path | None = None, *, argv0: str | None = None) -> list[str]:
    """The command that starts the tray app as it was started now.

    ``data_dir`` is added as ``--data-dir`` when given (a non-default place).
    """
    program = argv0 if argv0 is not None else sys.argv[0]
    name = Path(program).name
    if name in ("wellbeing", "wellbeing.exe") and Path(program).exists():
        command = [str(Path(program).resolve())]
    elif (found := child_process.which("wellbeing")) and name != "__main__.py":
        command = [str(Path(found).resolve())]
    else:
        command = [sys.executable, "-m", "wellbeing"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def login_data_dir(data_dir: str | None) -> Path | None:
    """The data dir to name at login (``--data-dir``, or the environment's): None if default."""
    from wellbeing import paths as paths_module

    chosen = paths_module.resolve(data_dir).data_dir
    return None if chosen == paths_module.default_data_dir().absolute() else chosen


# -- Linux and other XDG desktops ---------------------------------------------------------


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as a desktop entry's ``Exec`` value (quoted per the specification)."""
    parts = []
    for arg in command:
        if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`%='):
            parts.append(arg)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
        parts.append(f'"{escaped}"'.replace("%", "%%"))
    # A desktop entry's string values escape backslashes (and line breaks) once more.
    line = " ".join(parts).replace("\\", "\\\\")
    return line.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


class XdgAutostart:
    """``$XDG_CONFIG_HOME/autostart/wellbeing.desktop``."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        config = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser()
                                                    / ".config")
        self.path = Path(config) / "autostart" / ENTRY_NAME
        self.where = str(self.path)

    def enabled(self) -> bool:
        if not self.path.is_file():
            return False
        text = self.path.read_text(encoding="utf-8", errors="replace")
        return "Hidden=true" not in text and "X-GNOME-Autostart-enabled=false" not in text

    def enable(self, command: Sequence[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_private(self.path, (
            "[Desktop Entry]\n"
            "Type=Application\n"
            "Name=Wellbeing\n"
            "Comment=Record screen time from the moment you log in\n"
            f"Exec={desktop_exec(command)}\n"
            "Icon=io.github.wellbeing\n"
            "Terminal=false\n"
            "NoDisplay=true\n"
            "X-GNOME-Autostart-enabled=true\n"
            "X-GNOME-Autostart-Delay=5\n"
        ).encode())

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


# -- Windows --------------------------------------------------------------------------------


class RunKey(Protocol):
    """The current user's ``Run`` key: read, set and delete one string value."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


def _winreg() -> Any:
    """The ``winreg`` module (Windows only; typed loosely so other systems type-check)."""
    return importlib.import_module("winreg")


class _WinregRunKey:
    """The real ``HKCU\\...\\CurrentVersion\\Run`` through ``winreg`` (Windows only)."""

    PATH = r"Software\Microsoft\Windows\CurrentVersion\Run"

    def get(self, name: str) -> str | None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self.PATH) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        winreg = _winreg()
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, self.PATH) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, self.PATH, 0,
                                winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class WindowsRun:
    """The ``wellbeing`` value of the current user's ``Run`` key."""

    where = r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run"

    def __init__(self, key: RunKey | None = None) -> None:
        self._key = key or _WinregRunKey()

    def enabled(self) -> bool:
        return bool(self._key.get(RUN_VALUE))

    def enable(self, command: Sequence[str]) -> None:
        import subprocess  # its Windows quoting; not imported at rest elsewhere (issue 11)

        self._key.set(RUN_VALUE, subprocess.list2cmdline(list(command)))

    def disable(self) -> None:
        self._key.delete(RUN_VALUE)


# -- macOS ----------------------------------------------------------------------------------


class LaunchAgent:
    """``~/Library/LaunchAgents/io.github.wellbeing.plist`` (``RunAtLoad``)."""

    def __init__(self, home: Path | None = None) -> None:
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        self.where = str(self.path)

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        import plistlib

        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_private(self.path, plistlib.dumps({
            "Label": AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }))

    def disable(self) -> None:
        self.path.unlink(missing_ok=True)


def autostart_for(platform: str | None = None) -> Autostart:
    """This system's way of starting at login."""
    platform = platform or sys.platform
    if platform == "win32":
        return WindowsRun()
    if platform == "darwin":
        return LaunchAgent()
    return XdgAutostart()
