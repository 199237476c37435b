"""Installing wellbeing on one system never pulls another system's packages."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
ONLY_ON = {
    "jeepney": "linux",
    "pyobjc-framework-cocoa": "darwin",
    "pyobjc-framework-quartz": "darwin",
    "pyobjc-framework-applicationservices": "darwin",
}


def _dependencies() -> list[Requirement]:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return [Requirement(d) for d in tomllib.load(fh)["project"]["dependencies"]]


@pytest.mark.parametrize("system", ["linux", "darwin", "win32"])
def test_each_system_gets_its_own_packages_and_no_other(system: str) -> None:
    pulled = {
        r.name.lower()
        for r in _dependencies()
        if r.marker is None or r.marker.evaluate({"sys_platform": system})
    }
    for name, home in ONLY_ON.items():
        assert (name in pulled) == (home == system), f"{name} on {system}"
    assert "pyside6-essentials" in pulled  # and the common ones everywhere
