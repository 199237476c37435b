"""Words for people, in their language where the app has a translation: ``translate``.

Services and core build the texts of notifications without Qt, so they call
:func:`translate` (``translate("Notices", "Time's up for {name}")`` and then
``.format``). By default it gives the English source back (the tests, an
English command line); the tray app installs Qt's ``QCoreApplication.translate``
when a translation is loaded (``ui.translation``), the command line a
:class:`wellbeing.core.qm.QmCatalog` read from the same ``.qm`` file without Qt
(``cli``). Qt's ``lupdate`` finds these calls like any ``tr``. Placeholders go
through ``.format`` after the call, never into the source text.

:func:`environment_language` is the language the environment asks for
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` of the mapping given), and :func:`decimal`
writes a number with the decimal mark of the installed language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["decimal", "decimal_point", "environment_language", "install", "language", "translate"]

Translator = Callable[[str, str], str]

#: Languages (two letters) that write a decimal comma: 1,5 rather than 1.5.
DECIMAL_COMMA = frozenset({
    "bg", "ca", "cs", "da", "de", "el", "es", "et", "fi", "fr", "hr", "hu", "id", "it",
    "lt", "lv", "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sr", "sv",
    "tr", "uk", "vi",
})

_installed: Translator | None = None
_language = "en"


def install(translator: Translator | None, language: str | None = None) -> None:
    """Use ``translator(context, source)`` from now on (None: English again).

    ``language`` (two letters, e.g. "de") is what :func:`language` and
    :func:`decimal` follow; English when not given.
    """
    global _installed, _language  # noqa: PLW0603 - one process-wide language, set once at start
    _installed = translator
    _language = "en" if translator is None or not language else language.lower()


def translate(context: str, source: str) -> str:
    """``source`` in the installed language (itself when none is installed)."""
    return source if _installed is None else _installed(context, source)


def language() -> str:
    """The two-letter language installed with the translator ("en" when none is)."""
    return _language


def decimal(value: float, places: int, *, sign: bool = False) -> str:
    """``value`` with ``places`` decimals (and a + when ``sign``), e.g. "1.5" or "1,5"."""
    text = f"{value:+.{places}f}" if sign else f"{value:.{places}f}"
    return text.replace(".", decimal_point())


def decimal_point() -> str:
    """The installed language's decimal mark: "," or "."."""
    return "," if _language.split("_")[0] in DECIMAL_COMMA else "."


def environment_language(env: Mapping[str, str]) -> str | None:
    """The two-letter language the environment asks for ("de"), or None if it names none.

    The first of ``LANGUAGE`` (a colon-separated list, e.g. ``de:en``),
    ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that names a language; ``C`` and
    ``POSIX`` name none.
    """
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").split(":")[0].strip()
        found = value.split(".")[0].split("@")[0].split("_")[0]
        if found and found not in ("C", "POSIX"):
            return found.lower()
    return None
