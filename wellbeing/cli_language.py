"""The command line's language: a translation read without Qt, and argparse's own words.

:func:`install_language` is called first by ``wellbeing.cli.main``; English
reads and imports nothing more.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from typing import Any

from wellbeing.core import i18n
from wellbeing.core.i18n import translate

_SYSTEM: str = sys.platform  # a plain str: mypy checks every branch on every system


def install_language(env: Mapping[str, str] | None = None) -> str | None:
    """Speak the language the environment asks for, when wellbeing has a translation for it.

    The language is :func:`wellbeing.core.i18n.environment_language` (on
    Windows, where the environment usually names none, the system's). English,
    and a language without a translation, read and import nothing more, and
    argparse's own words stay as written (not looked up in a ``gettext``
    catalog, which would cost the tray app the ``locale`` module). The
    translation is the tray app's own ``.qm`` file, read without Qt
    (``core.qm``); a damaged one is told in one line on stderr, and the command
    goes on in English.

    Returns:
        The language installed ("de"), or None.
    """
    _argparse_words({})  # English, unless a translation is installed below
    language = (i18n.environment_language(os.environ if env is None else env)
                or _system_language())
    if language is None or language == "en" or not language.isalpha():
        return None
    from wellbeing import resources
    from wellbeing.core import qm

    path = resources.path_of(f"translations/wellbeing_{language}.qm")
    if not path.is_file():
        return None
    try:
        catalog = qm.load(path)
    except qm.QmError as exc:
        print(f"wellbeing: {exc}; going on in English.", file=sys.stderr)
        return None
    i18n.install(catalog.translate, language)
    _translate_argparse()
    return language


def _system_language() -> str | None:
    """Windows' own language setting (what Qt's ``QLocale.system()`` reads), elsewhere None.

    On Linux, the BSDs and macOS the environment is where the system says it.
    """
    if _SYSTEM != "win32":
        return None
    import ctypes
    import locale

    try:
        win_dll: Any = getattr(ctypes, "WinDLL")  # noqa: B009 - absent from Linux's ctypes
        lcid = int(win_dll("kernel32").GetUserDefaultLCID())
    except (OSError, AttributeError):
        return None
    name = locale.windows_locale.get(lcid, "")
    return name.split("_")[0].lower() or None


def _translate_argparse() -> None:
    """argparse's own words (``usage:``, its errors) in the installed language too.

    argparse asks ``gettext`` for them through its module's ``_`` and
    ``ngettext``; those now ask :func:`translate` (context ``Argparse``) for the
    words listed here, and leave any other (a newer Python's) as it is.
    """
    _argparse_words({
        "usage: ": translate("Argparse", "usage: "),
        "positional arguments": translate("Argparse", "positional arguments"),
        "options": translate("Argparse", "options"),
        "show this help message and exit": translate(
            "Argparse", "show this help message and exit"),
        "argument %(argument_name)s: %(message)s": translate(
            "Argparse", "argument %(argument_name)s: %(message)s"),
        "unrecognized arguments: %s": translate("Argparse", "unrecognized arguments: %s"),
        "not allowed with argument %s": translate("Argparse", "not allowed with argument %s"),
        "ignored explicit argument %r": translate("Argparse", "ignored explicit argument %r"),
        "the following arguments are required: %s": translate(
            "Argparse", "the following arguments are required: %s"),
        "one of the arguments %s is required": translate(
            "Argparse", "one of the arguments %s is required"),
        "expected one argument": translate("Argparse", "expected one argument"),
        "expected at most one argument": translate("Argparse", "expected at most one argument"),
        "expected at least one argument": translate("Argparse", "expected at least one argument"),
        "expected %s argument": translate("Argparse", "expected %s argument"),
        "expected %s arguments": translate("Argparse", "expected %s arguments"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "Argparse", "ambiguous option: %(option)s could match %(matches)s"),
        "unexpected option string: %s": translate("Argparse", "unexpected option string: %s"),
        "invalid %(type)s value: %(value)r": translate(
            "Argparse", "invalid %(type)s value: %(value)r"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        "unknown parser %(parser_name)r (choices: %(choices)s)": translate(
            "Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    })


def _argparse_words(words: Mapping[str, str]) -> None:
    """argparse's words: those in ``words`` replaced, any other as written."""

    def gettext(text: str) -> str:
        return words.get(text, text)

    def ngettext(one: str, many: str, count: int) -> str:
        return gettext(one if count == 1 else many)

    vars(argparse).update(_=gettext, ngettext=ngettext)
