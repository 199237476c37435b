"""PySide6's question "does this module use PySide6?", answered without keeping its source.

Once ``PySide6.QtCore`` is imported, PySide6 hooks ``import``: for every module an
import statement names for the first time, it asks whether the module's source
contains "PySide6" (for its opt-in ``from __feature__ import ...``, which wellbeing
does not use), and it reads the source with ``inspect.getsource``. That keeps each
file in ``linecache`` as a list of lines: about 2 MB of source in some 150 files for
the tray app, held as tens of thousands of small strings in the same memory arenas
as the objects the app keeps. The cache can be cleared (``tray_app`` does), but the
arenas stay full of holes: 5.4 MiB of the tray app's RSS at rest (issue 11,
measured with and without the source reading, ``benchmarks/tray_overhead.py``).

:func:`read_sources_lightly` gives PySide6's hook the same answer from the file's
bytes, read and dropped at once: the same file that ``inspect`` would read (a
module's ``__file__`` ending in ``.py``), the same test (the text "PySide6"; Python
source is in an ASCII-compatible encoding). Any other module (built in, compiled,
from a zip, without a file) is left to PySide6's own function. The hook and its
function are PySide6's internals (``shibokensupport.feature``; PySide6 6.11 here):
if a PySide6 release names them differently, nothing is replaced and the app only
uses more memory; ``tests/gui/test_pyside_scan.py`` notices that.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import PySide6.QtCore  # noqa: F401 - installs the import hook whose question is answered here

#: PySide6's module with the import hook's question, and the question's name in it.
FEATURE_MODULE = "shibokensupport.feature"
QUESTION = "_mod_uses_pyside"
MARKER = b"PySide6"


def read_sources_lightly() -> bool:
    """Answer PySide6's question from the file's bytes from now on; False if it cannot be."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, QUESTION, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "reads_lightly", False):
        return True
    setattr(feature, QUESTION, lightly(original))
    return True


def lightly(original: Callable[[ModuleType], Any]) -> Callable[[ModuleType], Any]:
    """``original``'s answer for a module with a ``.py`` file from that file's bytes."""

    def uses_pyside(module: ModuleType) -> Any:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return MARKER in source.read()
            except OSError:
                pass  # as PySide6 itself would find out
        return original(module)

    uses_pyside.reads_lightly = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside
