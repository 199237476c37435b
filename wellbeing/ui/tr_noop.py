"""``QT_TRANSLATE_NOOP`` typed as ``str -> str``: marks module constants for lupdate.

PySide6 types its own ``QT_TRANSLATE_NOOP`` as returning ``object``. This one
returns the English text unchanged, as Qt's does; lupdate finds the calls by
name (``QT_TRANSLATE_NOOP("Context", "text")``), and the text is translated
where it is shown, with ``QCoreApplication.translate("Context", text)``.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker
    """``text`` as it is; lupdate files it under ``context``."""
    del context
    return text
