"""PySide6's "does this module use PySide6?" gets the same answers without keeping sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from wellbeing.ui import pyside_scan


def test_the_hook_is_there_to_be_answered() -> None:
    # A PySide6 that names its hook differently would silently cost the tray 5 MiB.
    assert pyside_scan.read_sources_lightly()
    feature = sys.modules[pyside_scan.FEATURE_MODULE]
    assert getattr(feature, pyside_scan.QUESTION).reads_lightly
    assert pyside_scan.read_sources_lightly()  # twice is once


def _original() -> object:
    def asked(module: ModuleType) -> str:
        return f"asked about {module.__name__}"

    return asked


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wellbeing.ui.tray", True),  # says PySide6
        ("wellbeing.core.durations", False),
        ("json", False),
    ],
)
def test_modules_with_source_are_answered_from_their_file(name: str, expected: bool) -> None:
    __import__(name)
    answer = pyside_scan.lightly(_original())  # type: ignore[arg-type]
    assert answer(sys.modules[name]) is expected


def test_the_same_answers_as_pyside6s_own() -> None:
    feature = sys.modules[pyside_scan.FEATURE_MODULE]
    question = getattr(feature, pyside_scan.QUESTION)
    own = getattr(question, "original", question)
    names = ["wellbeing.ui.tray", "wellbeing.ui.icons", "wellbeing.core.durations", "json",
             "PySide6", "sys", "PySide6.QtCore"]
    for name in names:
        __import__(name)
        module = sys.modules[name]
        assert pyside_scan.lightly(own)(module) == own(module), name


def test_other_modules_are_left_to_pyside6(tmp_path: Path) -> None:
    answer = pyside_scan.lightly(_original())  # type: ignore[arg-type]
    assert answer(sys) == "asked about sys"  # built in
    assert answer(sys.modules["PySide6.QtCore"]) == "asked about PySide6.QtCore"  # compiled
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    assert answer(gone) == "asked about gone"


CODE = """
import json, linecache, sys
from wellbeing.ui.pyside_scan import read_sources_lightly
read_sources_lightly()
import csv, difflib
from wellbeing.core.durations import format_duration
from wellbeing.ui.icons import app_icon
table = sys.modules["shibokensupport.feature"].pyside_feature_dict
names = ["csv", "difflib", "wellbeing.core.durations", "wellbeing.ui.icons"]
print(json.dumps({"kept": sorted(linecache.cache),
                  "files": [sys.modules[n].__file__ for n in names],
                  "answers": [table.get(n) for n in names]}))
"""


def test_imports_after_pyside6_leave_no_source_in_linecache() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found = json.loads(out)
    assert set(found["files"]).isdisjoint(found["kept"])
    assert found["answers"] == [-1, -1, -1, 0]  # icons uses PySide6: features apply to it
