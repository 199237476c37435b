"""The tray app's entry imports its Qt-free modules before PySide6, and nothing heavy with them."""

from __future__ import annotations

import json
import subprocess
import sys

CODE = """
import json, sys
from wellbeing.__main__ import BEFORE_QT, BEFORE_QT_X11, import_before_qt
done = import_before_qt({"DISPLAY": ":0"})
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in ("PySide6", "sqlalchemy", "apscheduler", "asyncio", "plyer"))
print(json.dumps({"done": done, "base": list(BEFORE_QT), "x11": list(BEFORE_QT_X11),
                  "heavy": heavy}))
"""


def test_the_modules_imported_before_qt_are_all_there_and_none_is_heavy() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found = json.loads(out)
    assert found["heavy"] == []
    expected = found["base"] + (found["x11"] if sys.platform == "linux" else [])
    assert found["done"] == expected  # a renamed module would silently stop the saving


def test_on_wayland_the_x11_modules_are_left_to_the_platform_choice() -> None:
    code = (
        "import sys\n"
        "from wellbeing.__main__ import BEFORE_QT, import_before_qt\n"
        "done = import_before_qt({'DISPLAY': ':0', 'WAYLAND_DISPLAY': 'wayland-0'})\n"
        "print(done == list(BEFORE_QT), 'wellbeing.platform.x11' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["True", "False"]
