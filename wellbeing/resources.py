"""Files shipped with the app (rules, icons, texts, migrations), found beside the package.

In a wheel, ``resources/`` is force-included as ``wellbeing/_resources`` and
``migrations/`` as ``wellbeing/_migrations``; the PyInstaller bundle puts them
at the same places beside its ``wellbeing`` package. In a development checkout
(editable install) those folders do not exist inside the package, so the
top-level ``resources/`` and ``migrations/`` beside the package are used.

Wheels are installed unzipped, so plain paths work everywhere; this does not
use ``importlib.resources``, which brings ``zipfile``, ``tempfile`` and some
20 modules (0.9 MiB) into every process, the tray app's at rest too (issue 11).
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The ``wellbeing`` package's folder (in a bundle, the bundle's copy of it)."""


def root() -> Path:
    """The folder holding the app's resources."""
    packaged = PACKAGE_DIR / "_resources"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parent / "resources"


def read_text(relative: str) -> str:
    """The text of a shipped resource, e.g. ``read_text("rules/default.toml")``."""
    node = root()
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node.read_text(encoding="utf-8")


def path_of(relative: str) -> Path:
    """A filesystem path to a shipped resource (wheels are installed unzipped)."""
    node = root()
    for part in relative.split("/"):
        node = node.joinpath(part)
    return Path(str(node))
