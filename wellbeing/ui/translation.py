"""The interface in the user's language: our translations and Qt's own, chosen from the locale.

The language is the first of ``LANGUAGE`` (a colon-separated list, e.g.
``de:en``), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set, else the
system locale Qt reports. English needs nothing (it is the source text).
For another language, ``resources/translations/wellbeing_<lang>.qm`` (built
from the ``.ts`` beside it by Qt's ``lrelease``: ``make translations``) and
Qt's own ``qtbase_<lang>.qm`` (buttons such as Close and Yes) are installed
when they exist; a language without a translation stays English. The words
of notifications, built in services without Qt, follow through
:mod:`wellbeing.core.i18n`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from wellbeing import resources
from wellbeing.core import i18n

__all__ = ["install_translation", "preferred_language"]


def preferred_language(env: Mapping[str, str] | None = None) -> str:
    """The two-letter language the user asked for ("de"), from the environment or the system."""
    return (i18n.environment_language(os.environ if env is None else env)
            or QLocale.system().name().split("_")[0].lower())


def install_translation(app: QCoreApplication, language: str | None = None) -> str | None:
    """Install the translations of ``language`` (default: :func:`preferred_language`).

    Returns:
        The language installed, or None (English, or no translation for it).
    """
    lang = (language or preferred_language()).lower()
    if lang.startswith("en"):
        return None
    ours = resources.path_of(f"translations/wellbeing_{lang}.qm")
    if not ours.is_file():
        return None
    installed = []
    for directory, name in ((str(ours.parent), f"wellbeing_{lang}"),
                            (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
                             f"qtbase_{lang}")):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            installed.append(translator)
    app.setProperty("wellbeing_translators", len(installed))
    QLocale.setDefault(QLocale(lang))
    if installed:  # the notifications' words, built without Qt (core.i18n)
        i18n.install(QCoreApplication.translate, lang)
    return lang if installed else None
