"""What the user is told about a damaged database set aside at start, in their language.

Built where the file is checked (``storage.sqlite_file``, English in a helper
process without a translation) and again in the tray's process from the same
facts (``services.headless``), so the notice reads in the interface's language
(:mod:`wellbeing.core.i18n`).
"""

from __future__ import annotations

from pathlib import Path

from wellbeing.core.i18n import translate

__all__ = ["damaged_at_start"]


def damaged_at_start(path: Path | str, problem: str, aside: Path | str) -> str:
    """The notice about the database at ``path`` found damaged and moved to ``aside``."""
    return translate(
        "Tracker", "The database {path} was damaged ({problem}) and could not be used. It was "
        "moved aside to {aside} - nothing was deleted - and a new, empty database was started. "
        "Your earlier records are still in that file; a tool such as `sqlite3 {aside} .recover` "
        "may save some of them.").format(path=path, problem=problem, aside=aside)
