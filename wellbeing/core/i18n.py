"""Words for people, in their language where the app has a translation: ``translate``.

Services and core build the texts of notifications without Qt, so they call
:func:`translate` (``translate("Notices", "Time's up for {name}")`` and then
``.format``). By default it gives the English source back (the command line,
the tests); the tray app installs Qt's ``QCoreApplication.translate`` when a
translation is loaded (``ui.translation``), and Qt's ``lupdate`` finds these
calls like any ``tr``. Placeholders go through ``.format`` after the call,
never into the source text.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["install", "translate"]

Translator = Callable[[str, str], str]

_installed: Translator | None = None


def install(translator: Translator | None) -> None:
    """Use ``translator(context, source)`` from now on (None: English again)."""
    global _installed  # noqa: PLW0603 - one process-wide language, set once at start
    _installed = translator


def translate(context: str, source: str) -> str:
    """``source`` in the installed language (itself when none is installed)."""
    return source if _installed is None else _installed(context, source)
