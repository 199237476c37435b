"""The shipped desktop entries and AppStream metainfo pass their own validators."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require_part

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


@pytest.mark.parametrize("name", ["wellbeing.desktop", "wellbeing-autostart.desktop"])
def test_desktop_entries_are_valid(name: str) -> None:
    require_part(shutil.which("desktop-file-validate") is not None,
                 "desktop-file-validate is not installed (desktop-file-utils)")
    done = subprocess.run(["desktop-file-validate", str(LINUX / name)], capture_output=True,
                          text=True, timeout=30, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_metainfo_is_valid() -> None:
    require_part(shutil.which("appstreamcli") is not None,
                 "appstreamcli is not installed (appstream)")
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic",
         str(LINUX / "io.github.wellbeing.metainfo.xml")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
