"""Start at login on each system: the XDG entry's quoting, the Run key, the LaunchAgent."""

from __future__ import annotations

import plistlib
import re
import stat
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wellbeing.services.autostart import (
    LaunchAgent,
    WindowsRun,
    XdgAutostart,
    autostart_for,
    desktop_exec,
    launch_command,
)


def parse_exec(value: str) -> list[str]:
    """A desktop entry's ``Exec`` string value back to argv, as the specification reads it."""
    value = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(
        m.group(1), m.group(1)), value)  # the string's own escapes first
    args, current, quoted, i, started = [], "", False, 0, False
    while i < len(value):
        c = value[i]
        if quoted:
            if c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
                current += value[i + 1]
                i += 1
            elif c == '"':
                quoted = False
            else:
                current += c
        elif c == '"':
            quoted, started = True, True
        elif c == " ":
            if started or current:
                args.append(current)
            current, started = "", False
        else:
            current += c
            started = True
        i += 1
    if started or current:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


@given(st.lists(st.text(st.characters(blacklist_categories=("Cc", "Cs"),
                                      whitelist_characters="\n\t"), min_size=1),
                min_size=1, max_size=4))
def test_exec_quoting_reads_back_as_the_same_arguments(argv: list[str]) -> None:
    assert parse_exec(desktop_exec(argv)) == argv


def test_the_xdg_entry_appears_and_goes(tmp_path: Path) -> None:
    way = XdgAutostart({"XDG_CONFIG_HOME": str(tmp_path)})
    assert not way.enabled()
    way.enable(["/opt/wellbeing/bin/wellbeing", "--data-dir", "/home/me/My data"])
    entry = tmp_path / "autostart" / "wellbeing.desktop"
    assert way.enabled()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    (line,) = [x for x in entry.read_text().splitlines() if x.startswith("Exec=")]
    assert parse_exec(line.removeprefix("Exec=")) == [
        "/opt/wellbeing/bin/wellbeing", "--data-dir", "/home/me/My data"]
    way.disable()
    assert not entry.exists()
    assert not way.enabled()
    way.disable()  # twice is fine


def test_an_entry_the_desktop_turned_off_counts_as_off(tmp_path: Path) -> None:
    way = XdgAutostart({"XDG_CONFIG_HOME": str(tmp_path)})
    way.enable(["wellbeing"])
    entry = tmp_path / "autostart" / "wellbeing.desktop"
    entry.write_text(entry.read_text() + "Hidden=true\n")
    assert not way.enabled()


class DictRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_the_windows_run_value_is_one_quoted_command_line() -> None:
    key = DictRunKey()
    way = WindowsRun(key)
    way.enable([r"C:\Program Files\wellbeing\wellbeing.exe", "--data-dir", r"D:\my data"])
    assert key.values == {
        "wellbeing": r'"C:\Program Files\wellbeing\wellbeing.exe" --data-dir "D:\my data"'}
    assert way.enabled()
    way.disable()
    assert key.values == {}
    assert not way.enabled()


def test_the_launch_agent_runs_the_command_at_load(tmp_path: Path) -> None:
    way = LaunchAgent(home=tmp_path)
    way.enable(["/Applications/Wellbeing.app/Contents/MacOS/wellbeing"])
    plist = tmp_path / "Library" / "LaunchAgents" / "io.github.wellbeing.plist"
    content = plistlib.loads(plist.read_bytes())
    assert content["ProgramArguments"] == ["/Applications/Wellbeing.app/Contents/MacOS/wellbeing"]
    assert content["RunAtLoad"] is True
    assert content["Label"] == "io.github.wellbeing"
    assert way.enabled()
    way.disable()
    assert not plist.exists()


def test_each_system_gets_its_own_way() -> None:
    assert isinstance(autostart_for("linux"), XdgAutostart)
    assert isinstance(autostart_for("darwin"), LaunchAgent)
    assert isinstance(autostart_for("win32"), WindowsRun)


def test_the_command_is_the_running_program(tmp_path: Path) -> None:
    program = tmp_path / "bin" / "wellbeing"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n")
    assert launch_command(argv0=str(program)) == [str(program.resolve())]
    assert launch_command(tmp_path / "d", argv0=str(program)) == [
        str(program.resolve()), "--data-dir", str(tmp_path / "d")]


def test_started_as_a_module_the_command_is_this_interpreter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    assert launch_command(argv0="/x/wellbeing/__main__.py") == [sys.executable, "-m", "wellbeing"]
