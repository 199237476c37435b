"""``QT_TRANSLATE_NOOP`` typed as ``str -> str``: marks module constants for lupdate.

PySide6 types its own ``QT_TRANSLATE_NOOP`` as returning ``object``. This one
(:mod:`wellbeing.core.tr_noop`'s, shared with core) returns the English text
unchanged, as Qt's does; lupdate finds the calls by name
(``QT_TRANSLATE_NOOP("Context", "text")``), and the text is translated where
it is shown, with ``QCoreApplication.translate("Context", text)``.
"""

from __future__ import annotations

from wellbeing.core.tr_noop import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
