from __future__ import annotations

import importlib.util

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform import kde
from wellbeing.platform.wayland_conn import WaylandConnection


def test_not_a_wayland_session() -> None:
    with pytest.raises(Unavailable, match="WAYLAND_DISPLAY is not set"):
        kde.build_kde({"DISPLAY": ":0"})


def test_the_shipped_script_names_both_plasma_signals_and_our_interface() -> None:
    from wellbeing import resources

    script = resources.read_text(kde.SCRIPT)
    assert "workspace.windowActivated" in script  # Plasma 6
    assert "workspace.clientActivated" in script  # Plasma 5.27
    for placeholder in ("@SERVICE@", "@PATH@", "@INTERFACE@"):
        assert placeholder in script


@pytest.mark.skipif(importlib.util.find_spec("pywayland") is None, reason="no pywayland")
def test_idle_without_a_wayland_display_is_unavailable(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    env = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wl-nobody-here"}
    with pytest.raises(Unavailable, match="cannot connect to the Wayland compositor"):
        WaylandConnection(env)
