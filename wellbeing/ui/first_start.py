"""Whether the welcome shows: once per data folder, marked by a file there.

:func:`welcome_once` is asked at every start of the tray app; only the first
time for a data folder does it import and show :class:`~wellbeing.ui.welcome.
WelcomeDialog` (the tray app at rest loads no dialog widgets, issue 11).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from wellbeing.paths import touch_private

if TYPE_CHECKING:
    from wellbeing.ui.welcome import WelcomeDialog

__all__ = ["MARKER", "welcome_once"]

log = logging.getLogger("wellbeing.ui")

MARKER = "welcome-shown"
"""The file in the data folder that says the welcome was shown."""


def welcome_once(
    data_dir: Path, where: str, on_done: Callable[[bool], None]
) -> WelcomeDialog | None:
    """Show the welcome if this data folder never showed it; the dialog (keep it), or None."""
    marker = data_dir / MARKER
    if marker.exists():
        return None
    try:
        touch_private(marker)
    except OSError:
        log.warning("cannot write %s: the welcome may show again", marker)
    from wellbeing.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog(where, on_done)
    dialog.show()
    dialog.raise_()
    return dialog
