"""Files shipped with the app (rules, icons, instrument texts), found via importlib.resources.

In a wheel, ``resources/`` is force-included as ``wellbeing/_resources``. In a
development checkout (editable install) that folder does not exist inside the
package, so we fall back to the top-level ``resources/`` beside the package.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def root() -> Traversable:
    """The folder holding the app's resources."""
    packaged = resources.files("wellbeing").joinpath("_resources")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


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
