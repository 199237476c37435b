"""Marking texts for translation without Qt: ``QT_TRANSLATE_NOOP`` and :class:`Said`.

``QT_TRANSLATE_NOOP("Context", "text")`` returns the English text unchanged;
lupdate finds the calls by name, so a constant or a table marked this way is
in the ``.ts`` and is translated where it is shown, with
:func:`wellbeing.core.i18n.translate` (``translate("Context", text)``).

A :class:`Said` is a text kept as its marked English source and its values:
``str()`` is the English text (what is stored, logged or written to JSON),
:meth:`Said.shown` the same text in the interface's language. Core builds
these where a text must be English in one place and translated in another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wellbeing.core.i18n import translate

__all__ = ["QT_TRANSLATE_NOOP", "Decimal", "Said", "shown"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate's marker
    """``text`` as it is; lupdate files it under ``context``."""
    del context
    return text


@dataclass(frozen=True, slots=True)
class Decimal:
    """A number with ``digits`` decimals; shown with the language's decimal point."""

    value: float
    digits: int = 1
    minus: str = "-"

    def text(self, point: str = ".") -> str:
        written = f"{self.value:.{self.digits}f}".replace("-", self.minus)
        return written.replace(".", point)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Said:
    """An English text with placeholders (marked for lupdate) and the values that fill them.

    Values may themselves be ``Said`` (translated along) or :class:`Decimal`
    (written with the language's decimal point where shown).
    """

    context: str
    source: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        """The English text."""
        return self.source.format(**{k: str(v) for k, v in self.values.items()})

    def shown(self, point: str = ".") -> str:
        """The text in the interface's language; decimals with ``point``."""
        return translate(self.context, self.source).format(
            **{k: _shown(v, point) for k, v in self.values.items()})


def _shown(value: object, point: str) -> str:
    if isinstance(value, Said):
        return value.shown(point)
    if isinstance(value, Decimal):
        return value.text(point)
    return str(value)


def shown(text: str | Said, point: str = ".") -> str:
    """``text`` in the interface's language when it is a :class:`Said`, else as it is."""
    return text.shown(point) if isinstance(text, Said) else text


