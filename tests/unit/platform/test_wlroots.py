"""Naming a Wayland app_id, and reading a toplevel's state array (the compositor is not needed).

The backend against a real sway is tested in tests/integration/test_tracking_wlroots.py.
"""

from __future__ import annotations

import struct
from pathlib import Path

from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.wlroots import _activated, _Toplevel, app_identity


def index_with(tmp_path: Path, files: dict[str, str]) -> DesktopIndex:
    apps = tmp_path / "applications"
    apps.mkdir()
    for name, body in files.items():
        (apps / name).write_text(f"[Desktop Entry]\nType=Application\n{body}", encoding="utf-8")
    return DesktopIndex([apps], locales=[])


def test_an_app_id_with_a_desktop_entry_is_named_by_it_and_keyed_by_its_program(
    tmp_path: Path,
) -> None:
    index = index_with(
        tmp_path, {"org.gnome.Nautilus.desktop": "Name=Files\nExec=nautilus --new-window\nIcon=n"}
    )
    got = app_identity("org.gnome.Nautilus", index)
    assert (got.app_key, got.app_name, got.icon) == ("nautilus", "Files", "n")


def test_an_entry_run_by_an_interpreter_keeps_the_app_id_as_key(tmp_path: Path) -> None:
    index = index_with(tmp_path, {"org.example.Tool.desktop": "Name=Tool\nExec=python3 -m tool"})
    got = app_identity("org.example.Tool", index)
    assert (got.app_key, got.app_name) == ("org.example.tool", "Tool")


def test_an_entry_found_by_its_startup_wm_class(tmp_path: Path) -> None:
    entry = "Name=Foot\nExec=foot\nStartupWMClass=footclient"
    index = index_with(tmp_path, {"foot.desktop": entry})
    assert app_identity("footclient", index).app_name == "Foot"


def test_an_app_id_without_entry_is_its_own_key(tmp_path: Path) -> None:
    index = index_with(tmp_path, {})
    got = app_identity("termA", index)
    assert (got.app_key, got.app_name, got.icon) == ("terma", "Terma", None)
    assert app_identity("", index).app_key == "unknown"


def test_activated_is_read_from_the_state_array() -> None:
    assert _activated(struct.pack("=2I", 0, 2))
    assert not _activated(struct.pack("=2I", 0, 1))
    assert not _activated(b"")


def test_a_toplevel_changes_only_at_done() -> None:
    window = _Toplevel()
    window.set("title", "T")
    assert window.title == ""
    assert window.commit()
    assert window.title == "T"
    window.set("title", "T")
    assert not window.commit()  # the same value again is no change
