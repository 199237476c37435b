"""The wlroots probe without a compositor: naming app_ids, and its logic over scripted events.

The backend against a real sway is tested in tests/integration/test_tracking_wlroots.py.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from wellbeing.platform.desktop_entries import DesktopIndex
from wellbeing.platform.wlroots import WlrootsProbe, _activated, _Toplevel, app_identity


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


# -- the probe's event logic, with the compositor's events scripted ----------------------------


class FakeObject:
    """A bound protocol object: handlers set by the probe, requests recorded."""

    def __init__(self) -> None:
        self.dispatcher: dict[str, Callable[..., None]] = {}
        self.requests: list[str] = []

    def stop(self) -> None:
        self.requests.append("stop")

    def destroy(self) -> None:
        self.requests.append("destroy")


class FakeConnection:
    """Delivers one scripted batch of events per wait (or per pump), as the socket would."""

    def __init__(self) -> None:
        self.manager = FakeObject()
        self.batches: list[Callable[[], None]] = []
        self.closers: list[Callable[[], None]] = []
        self.waits = 0

    def offers(self, name: str) -> bool:
        return name == "zwlr_foreign_toplevel_manager_v1"

    def bind(self, interface: object, most: int) -> FakeObject:
        return self.manager

    def on_close(self, closer: Callable[[], None]) -> None:
        self.closers.append(closer)

    def roundtrip(self) -> None:
        self.pump()

    def pump(self) -> None:
        if self.batches:
            self.batches.pop(0)()

    def wait_until(self, deadline: float) -> bool:
        self.waits += 1
        if not self.batches:
            return False
        self.batches.pop(0)()
        return True

    def close(self) -> None:
        for closer in self.closers:
            closer()


def new_window(conn: FakeConnection, app_id: str, *, active: bool) -> FakeObject:
    handle = FakeObject()
    conn.manager.dispatcher["toplevel"](conn.manager, handle)
    handle.dispatcher["app_id"](handle, app_id)
    handle.dispatcher["title"](handle, f"{app_id} title")
    state(handle, active)
    return handle


def state(handle: FakeObject, active: bool) -> None:
    handle.dispatcher["state"](handle, struct.pack("=I", 2) if active else b"")
    handle.dispatcher["done"](handle)


@pytest.fixture
def probe_and_conn(tmp_path: Path) -> tuple[WlrootsProbe, FakeConnection, list[FakeObject]]:
    pytest.importorskip("pywayland")  # the generated protocol module imports it
    conn = FakeConnection()
    handles: list[FakeObject] = []
    conn.batches.append(
        lambda: handles.extend(
            [new_window(conn, "one", active=True), new_window(conn, "two", active=False)]
        )
    )
    probe = WlrootsProbe(conn, desktop_index=index_with(tmp_path, {}))  # type: ignore[arg-type]
    return probe, conn, handles


def test_the_windows_at_start_and_the_active_one(
    probe_and_conn: tuple[WlrootsProbe, FakeConnection, list[FakeObject]],
) -> None:
    probe, _, _ = probe_and_conn
    assert probe.windows == 2
    window = probe.active_window()
    assert window is not None
    assert (window.app_key, window.title, window.wm_class, window.pid) == (
        "one",
        "one title",
        ("one",),
        None,
    )
    assert probe.active_window() is window  # nothing changed: the same answer, no work


def test_a_switch_sent_as_two_batches_is_one_change_without_a_gap(
    probe_and_conn: tuple[WlrootsProbe, FakeConnection, list[FakeObject]],
) -> None:
    probe, conn, (one, two) = probe_and_conn
    probe.active_window()
    conn.batches += [lambda: state(one, False), lambda: state(two, True)]
    assert probe.wait_for_change(5.0)
    window = probe.active_window()
    assert window is not None
    assert window.app_key == "two"
    assert not probe.wait_for_change(0.0)  # nothing more came


def test_other_windows_retitling_do_not_wake_the_wait(
    probe_and_conn: tuple[WlrootsProbe, FakeConnection, list[FakeObject]],
) -> None:
    probe, conn, (_, two) = probe_and_conn
    probe.active_window()

    def retitle_two() -> None:
        two.dispatcher["title"](two, "new")
        two.dispatcher["done"](two)

    conn.batches.append(retitle_two)
    assert not probe.wait_for_change(0.5)
    assert conn.waits == 2  # the batch was handled, then the wait went on


def test_the_active_window_retitling_is_a_change(
    probe_and_conn: tuple[WlrootsProbe, FakeConnection, list[FakeObject]],
) -> None:
    probe, conn, (one, _) = probe_and_conn
    probe.active_window()

    def retitle_one() -> None:
        one.dispatcher["title"](one, "Inbox (3)")
        one.dispatcher["done"](one)

    conn.batches.append(retitle_one)
    assert probe.wait_for_change(5.0)
    window = probe.active_window()
    assert window is not None
    assert window.title == "Inbox (3)"


def test_focus_on_nothing_that_lasts_is_reported_and_closing_cleans_up(
    probe_and_conn: tuple[WlrootsProbe, FakeConnection, list[FakeObject]],
) -> None:
    probe, conn, (one, two) = probe_and_conn
    probe.active_window()
    conn.batches.append(lambda: one.dispatcher["closed"](one))
    assert probe.wait_for_change(5.0)
    assert probe.active_window() is None
    assert probe.windows == 1
    assert one.requests == ["destroy"]
    probe.close()
    assert two.requests == ["destroy"]
    assert conn.manager.requests == ["stop", "destroy"]
