"""The GNOME Shell extension's status in words, and installing it (commands faked, files real)."""

from __future__ import annotations

import stat
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.gnome_extension import (
    UUID,
    ExtensionState,
    ShellView,
    form_for,
    install,
    installed_version,
    is_gnome_wayland,
    judge,
    parse_string_list,
    shipped_version,
)

SHIPPED = shipped_version()


def shell(state: float | None = None, *, users: bool = True, version: float = 1.0) -> ShellView:
    info = {} if state is None else {"state": state, "version": version, "error": ""}
    return ShellView(running=True, version="43.9", info=info, user_extensions_enabled=users)


# -- judging ----------------------------------------------------------------------------


def test_reporting_means_active() -> None:
    status = judge(ShellView(running=True, version="46.0", reporting=True), SHIPPED, SHIPPED)
    assert status.state is ExtensionState.ACTIVE
    assert status.fix is None
    assert not status.outdated


def test_an_older_copy_that_works_is_active_but_outdated() -> None:
    status = judge(ShellView(running=True, reporting=True), 1, 2)
    assert status.state is ExtensionState.ACTIVE
    assert status.outdated
    assert "version 1 is installed and this wellbeing ships version 2" in status.detail
    assert status.fix is not None
    assert "wellbeing setup gnome-extension" in status.fix


def test_no_shell_on_the_bus() -> None:
    status = judge(ShellView(running=False), None, SHIPPED)
    assert status.state is ExtensionState.NO_SHELL


def test_not_installed_says_how_to_set_it_up_and_about_the_log_out() -> None:
    status = judge(shell(), None, SHIPPED)
    assert status.state is ExtensionState.NOT_INSTALLED
    assert status.fix == (
        "run 'wellbeing setup gnome-extension', then log out and back in once "
        "(GNOME Shell on Wayland loads new extensions only then)"
    )
    assert not status.known_to_shell


def test_installed_after_the_shell_started_waits_for_a_log_in() -> None:
    status = judge(shell(), SHIPPED, SHIPPED)
    assert status.state is ExtensionState.NEEDS_LOGIN
    assert status.fix is not None
    assert status.fix.startswith("Log out and back in once")


@pytest.mark.parametrize("state", [2.0, 6.0])  # DISABLED, INITIALIZED
def test_disabled(state: float) -> None:
    status = judge(shell(state), SHIPPED, SHIPPED)
    assert status.state is ExtensionState.DISABLED
    assert status.known_to_shell
    assert status.fix == (
        f"run 'gnome-extensions enable {UUID}' (or 'wellbeing setup gnome-extension')"
    )


def test_user_extensions_switched_off() -> None:
    status = judge(shell(2.0, users=False), SHIPPED, SHIPPED)
    assert status.state is ExtensionState.USER_EXTENSIONS_OFF
    assert status.fix is not None
    assert "disable-user-extensions false" in status.fix


def test_an_error_names_the_shells_reason() -> None:
    view = ShellView(
        running=True, version="45.1", info={"state": 3.0, "error": "SyntaxError: oops"},
        user_extensions_enabled=True,
    )
    status = judge(view, SHIPPED, SHIPPED)
    assert status.state is ExtensionState.ERROR
    assert status.detail.endswith("failed to start: SyntaxError: oops")


def test_out_of_date_for_this_gnome() -> None:
    status = judge(shell(4.0), SHIPPED, SHIPPED)
    assert status.state is ExtensionState.OUT_OF_DATE
    assert "GNOME 43.9" in status.detail


def test_enabled_but_silent_after_an_update_waits_for_a_log_in() -> None:
    status = judge(shell(1.0, version=1.0), 2, 2)
    assert status.state is ExtensionState.NEEDS_LOGIN
    assert "was updated" in status.detail


def test_enabled_but_silent_without_an_update_is_an_error() -> None:
    status = judge(shell(1.0, version=2.0), 2, 2)
    assert status.state is ExtensionState.ERROR
    assert "does not answer" in status.detail


# -- small parts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "form"),
    [("42.9", "legacy"), ("43.9", "legacy"), ("44.beta", "legacy"), ("45.0", "esm"),
     ("48.2", "esm"), ("", "esm"), (None, "esm"), ("garbage", "esm")],
)
def test_form_for(version: str | None, form: str) -> None:
    assert form_for(version) == form


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "GNOME"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, True),
        ({"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME"}, False),
        ({"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"}, False),
        ({"XDG_SESSION_TYPE": "wayland"}, False),
    ],
)
def test_is_gnome_wayland(env: dict[str, str], expected: bool) -> None:
    assert is_gnome_wayland(env) is expected


@pytest.mark.parametrize(
    ("text", "values"),
    [("@as []\n", []), ("['a@b', 'c@d']\n", ["a@b", "c@d"]), ("['x']", ["x"])],
)
def test_parse_string_list(text: str, values: list[str]) -> None:
    assert parse_string_list(text) == values


def test_parse_string_list_refuses_other_values() -> None:
    with pytest.raises(ValueError, match="not a list of strings"):
        parse_string_list("[1, 2]")


def test_installed_version_user_first_then_system(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "home"), "XDG_DATA_DIRS": str(tmp_path / "sys")}
    assert installed_version(env) is None
    system = tmp_path / "sys" / "gnome-shell" / "extensions" / UUID
    system.mkdir(parents=True)
    (system / "metadata.json").write_text('{"version": 3}')
    assert installed_version(env) == 3
    user = tmp_path / "home" / "gnome-shell" / "extensions" / UUID
    user.mkdir(parents=True)
    (user / "metadata.json").write_text('{"version": 5}')
    assert installed_version(env) == 5


# -- installing -------------------------------------------------------------------------


class FakeCommands:
    """gnome-shell, gnome-extensions and gsettings, as far as install() uses them."""

    def __init__(self, *, enable_rc: int = 0, gsettings_rc: int = 0) -> None:
        self.enable_rc = enable_rc
        self.gsettings_rc = gsettings_rc
        self.settings = {"enabled-extensions": "@as []", "disabled-extensions": f"['{UUID}']"}
        self.calls: list[list[str]] = []

    def __call__(self, argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        argv = list(argv)
        self.calls.append(argv)
        out, rc = "", 0
        if argv[0] == "gnome-shell":
            out = "GNOME Shell 43.9\n"
        elif argv[0] == "gnome-extensions":
            rc = self.enable_rc
        elif argv[:2] == ["gsettings", "get"]:
            out, rc = self.settings[argv[3]] + "\n", self.gsettings_rc
        elif argv[:2] == ["gsettings", "set"]:
            self.settings[argv[3]] = argv[4]
            rc = self.gsettings_rc
        return subprocess.CompletedProcess(argv, rc, out, "error" if rc else "")


def test_install_copies_the_form_for_the_running_shell_with_code_modes(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    commands = FakeCommands()
    done = install(env, run=commands)
    target = tmp_path / "gnome-shell" / "extensions" / UUID
    assert done.path == target
    assert done.form == "legacy"  # from gnome-shell --version: 43.9
    assert done.enabled_by == "gnome-extensions"
    assert done.needs_login
    assert "function init()" in (target / "extension.js").read_text()
    assert stat.S_IMODE(target.stat().st_mode) == 0o755
    assert sorted(p.name for p in target.iterdir()) == ["extension.js", "metadata.json"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in target.iterdir()} == {0o644}
    assert ["gnome-extensions", "enable", UUID] in commands.calls
    assert not [c for c in commands.calls if c[0] == "gsettings"]


def test_install_replaces_an_older_copy_and_picks_the_es_module_form(tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    target = tmp_path / "gnome-shell" / "extensions" / UUID
    target.mkdir(parents=True)
    (target / "metadata.json").write_text('{"version": 0}')
    (target / "stale.js").write_text("old")
    done = install(env, shell_version="47.1", shell_knows_it=True, run=FakeCommands())
    assert done.form == "esm"
    assert done.needs_login  # the shell runs the old copy until the next log-in
    assert "export default class" in (target / "extension.js").read_text()
    assert not (target / "stale.js").exists()
    assert not [p for p in target.parent.iterdir() if p.name != UUID]  # no staging left


def test_install_of_the_same_version_into_a_shell_that_knows_it_needs_no_log_in(
    tmp_path: Path,
) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path)}
    install(env, shell_version="43.9", run=FakeCommands())
    done = install(env, shell_version="43.9", shell_knows_it=True, run=FakeCommands())
    assert not done.needs_login


def test_install_falls_back_to_gsettings_when_gnome_extensions_refuses(tmp_path: Path) -> None:
    commands = FakeCommands(enable_rc=2)
    done = install({"XDG_DATA_HOME": str(tmp_path)}, shell_version="43.9", run=commands)
    assert done.enabled_by == "gsettings"
    assert parse_string_list(commands.settings["enabled-extensions"]) == [UUID]
    assert parse_string_list(commands.settings["disabled-extensions"]) == []


def test_gsettings_keeps_the_other_extensions(tmp_path: Path) -> None:
    commands = FakeCommands(enable_rc=2)
    commands.settings["enabled-extensions"] = "['dash-to-dock@micxgx.gmail.com']"
    install({"XDG_DATA_HOME": str(tmp_path)}, shell_version="43.9", run=commands)
    enabled = parse_string_list(commands.settings["enabled-extensions"])
    assert enabled == ["dash-to-dock@micxgx.gmail.com", UUID]


def test_install_says_what_to_do_when_nothing_can_enable_it(tmp_path: Path) -> None:
    commands = FakeCommands(enable_rc=2, gsettings_rc=1)
    with pytest.raises(Unavailable, match="installed but could not be enabled") as info:
        install({"XDG_DATA_HOME": str(tmp_path)}, shell_version="43.9", run=commands)
    assert info.value.hint is not None
    assert "Extensions app" in info.value.hint


def test_install_into_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(Unavailable, match="cannot install the GNOME Shell extension"):
        install({"XDG_DATA_HOME": str(blocker)}, shell_version="43.9", run=FakeCommands())
