"""GNOME on Wayland is told from the environment before any GNOME module is imported."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wellbeing.errors import Unavailable
from wellbeing.platform.gnome_session import require_gnome_wayland


def test_elsewhere_the_reason_names_the_environment() -> None:
    with pytest.raises(Unavailable) as caught:
        require_gnome_wayland({"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "XFCE"})
    assert caught.value.message == (
        "not a GNOME Wayland session (XDG_SESSION_TYPE='x11', XDG_CURRENT_DESKTOP='XFCE')")
    require_gnome_wayland({"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"})


CODE = """
import sys
from wellbeing.errors import Unavailable
from wellbeing.platform.select import SelectContext, _build_gnome
try:
    _build_gnome(SelectContext({"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "XFCE"}))
except Unavailable as exc:
    print(exc.message)
print(sorted(m for m in sys.modules if "gnome" in m))
"""


def test_trying_gnome_elsewhere_imports_no_gnome_module() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                         timeout=60, check=True).stdout.splitlines()
    assert out[0].startswith("not a GNOME Wayland session")
    assert out[1] == "['wellbeing.platform.gnome_session']"
