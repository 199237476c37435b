"""The layer rules hold: import-linter's contracts pass, and the CLI paths never load Qt.

Both checks run in subprocesses so that what this test process already
imported (pytest-qt loads PySide6) cannot hide or fake a result.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

# Prints, as JSON, the Qt modules loaded after importing the modules named in argv.
_PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
qt = {"PySide6", "shiboken6", "pyqtgraph"}
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in qt)))
"""


def qt_modules_loaded_by(*modules: str) -> list[str]:
    """Import ``modules`` in a fresh interpreter and return the Qt modules that got loaded."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *modules],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, f"importing {modules} failed:\n{proc.stderr}"
    loaded: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return loaded


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), f"import-linter is not installed next to {sys.executable}"
    proc = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, f"lint-imports failed:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.parametrize("module", ["wellbeing.cli", "wellbeing.services.tracker"])
def test_headless_module_does_not_load_qt(module: str) -> None:
    assert qt_modules_loaded_by(module) == []


def test_probe_sees_qt_when_it_is_loaded() -> None:
    """The probe above is not blind: importing QtCore shows up in its answer."""
    loaded = qt_modules_loaded_by("PySide6.QtCore")
    assert "PySide6.QtCore" in loaded
